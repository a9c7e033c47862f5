"""Hostile and broken input: each row says what must happen, and how long it may take.

Every row runs in a forked child with a time budget, so that a hang fails its row
instead of the whole run. The budgets are generous (about ten times what the input
takes on a laptop); a row over budget is a quadratic loop or a backtracking regex.
Rows may be marked `xfail(strict=True)` for known bugs, with the file and line in `reason`;
when one is fixed its row passes, strict xfail turns that into a failure, and the mark
must go.
"""

from __future__ import annotations

import codecs
import multiprocessing
import random
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from privacyparser.api import PolicyParser
from privacyparser.cli import main
from privacyparser.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputFileError,
    InputTooLargeError,
    PolicyParseError,
    UnsupportedFormatError,
)
from privacyparser.models import PrivacyPolicy

SENTENCE = "We collect your email address and phone number to provide the service."
POLICY = (
    "Privacy Policy\n\n1. Information We Collect\n"
    + SENTENCE
    + "\n\n2. Your Rights\nYou have the right to access and delete your personal data.\n"
)
MB = 1_000_000


@dataclass(frozen=True)
class Ok:
    """The input parses; what the result must show."""

    warning: str | None = None  # a substring of one of the warnings
    no_warnings: bool = False
    records: bool | None = None  # True: some data categories; False: none of them (contacts aside)
    contains: tuple[str, ...] = ()  # substrings of policy.text
    absent: tuple[str, ...] = ()  # characters that must not be in policy.text
    sections: int | None = None  # number of top-level sections


@dataclass(frozen=True)
class Fails:
    """The input raises this `PolicyParseError` subclass, its message containing `says`."""

    error: type[PolicyParseError]
    says: str = ""


@dataclass(frozen=True)
class Row:
    id: str
    make: Callable[[], Any]
    expect: Ok | Fails
    budget: float = 5.0  # seconds
    format: str = "auto"
    max_chars: int | None = None
    marks: tuple[Any, ...] = field(default_factory=tuple)


def _random_bytes(size: int, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(size)


def _numbered_sections(top: int, sub: int) -> str:
    return "".join(
        f"{i}. Heading number {i}\n{SENTENCE}\n"
        + "".join(f"{i}.{j} Sub heading {j}\n{SENTENCE}\n" for j in range(1, sub + 1))
        for i in range(1, top + 1)
    )


GERMAN = (
    "Datenschutzerklärung. Wir erheben Ihre personenbezogenen Daten, wenn Sie unsere Website besuchen. "
    "Die Daten werden nicht an Dritte weitergegeben, es sei denn, wir sind gesetzlich dazu verpflichtet. "
) * 10
CHINESE = "隐私政策。我们收集您的电子邮件地址和电话号码，以便向您提供服务。我们不会出售您的个人信息。" * 10

ROWS: list[Row] = [
    # empty and whitespace
    Row("empty-str", lambda: "", Fails(EmptyInputError, "empty")),
    Row("empty-bytes", lambda: b"", Fails(EmptyInputError, "empty")),
    Row("whitespace-str", lambda: " \n\t\r\n \u00a0 ", Fails(EmptyInputError)),
    Row("whitespace-bytes", lambda: b" \r\n\t ", Fails(EmptyInputError)),
    Row("invisible-only", lambda: "\u200b\ufeff\u00ad\u2060", Fails(EmptyInputError)),
    Row("html-nbsp-only", lambda: "<html><body><p>&nbsp;</p></body></html>", Fails(EmptyInputError, "no visible text")),
    Row(
        "html-scripts-only",
        lambda: "<html><body>" + "<script>var a = 1;</script>" * 50 + "</body></html>",
        Fails(EmptyInputError, "no visible text"),
    ),
    # NUL and control characters
    Row("nul-str", lambda: "\x00" * 100, Fails(BinaryInputError, "binary")),
    Row("nul-bytes", lambda: b"\x00" * 100, Fails(BinaryInputError, "binary")),
    Row(
        "policy-with-a-few-nuls",
        lambda: POLICY.replace("email", "em\x00ail", 1),
        Ok(warning="control character", contains=("email address",), absent=("\x00",)),
    ),
    Row("ansi-escapes", lambda: "\x1b[1m" + POLICY + "\x1b[0m", Ok(records=True, absent=("\x1b",))),
    # binary formats
    Row("png", lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(2000), Fails(BinaryInputError, "PNG")),
    Row("jpeg", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF" + _random_bytes(2000), Fails(BinaryInputError, "JPEG")),
    Row("gif", lambda: b"GIF89a" + _random_bytes(2000), Fails(BinaryInputError, "GIF")),
    Row("pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + _random_bytes(2000), Fails(BinaryInputError, "PDF")),
    Row("zip", lambda: b"PK\x03\x04\x14\x00" + _random_bytes(2000), Fails(BinaryInputError, "ZIP")),
    Row("random-bytes-seed-0", lambda: _random_bytes(4096, 0), Fails(BinaryInputError, "binary")),
    Row("random-bytes-seed-1", lambda: _random_bytes(65536, 1), Fails(BinaryInputError, "binary")),
    # encodings
    Row("utf-16-le-bom", lambda: codecs.BOM_UTF16_LE + POLICY.encode("utf-16-le"), Ok(records=True, sections=2)),
    Row("utf-16-be-bom", lambda: codecs.BOM_UTF16_BE + POLICY.encode("utf-16-be"), Ok(records=True, sections=2)),
    Row(
        "utf-16-bom-odd-length",
        lambda: codecs.BOM_UTF16_LE + POLICY.encode("utf-16-le") + b"\x00",
        Fails(DecodingError, "UTF-16"),
    ),
    Row("utf-8-bom", lambda: codecs.BOM_UTF8 + POLICY.encode("utf-8"), Ok(records=True, absent=("\ufeff",))),
    Row(
        "latin-1-bytes",
        lambda: ("Café policy. " + POLICY + " Zoë.").encode("latin-1"),
        Ok(records=True, contains=("Café", "Zoë")),
    ),
    Row(
        "windows-1252-curly-quotes",
        lambda: b"We collect your \x93email address\x94 \x96 it is caf\xe9 data. " * 3,
        Ok(warning="decoded as cp1252", records=True, contains=('"email address"', "café")),
    ),
    Row(
        "lone-surrogates-str",
        lambda: POLICY.replace("email", "\ud800email", 1) + "\udfff",
        Ok(warning="surrogate", records=True, absent=("\ud800", "\udfff")),
    ),
    # line ends
    Row("crlf", lambda: POLICY.replace("\n", "\r\n"), Ok(records=True, sections=2, absent=("\r",))),
    Row("cr-only", lambda: POLICY.replace("\n", "\r"), Ok(records=True, sections=2, absent=("\r",))),
    # size and shape
    Row("one-token-of-1mb", lambda: "a" * MB, Ok(records=False), budget=20),
    Row("1mb-of-digits", lambda: "0123456789" * (MB // 10), Ok(records=False), budget=20),
    Row("1mb-of-words-without-punctuation", lambda: "you may " * (MB // 8), Ok(records=False), budget=30),
    Row("run-of-4000-dollar-signs", lambda: SENTENCE + " " + "$" * 4000, Ok(records=True), budget=1.5),
    Row(
        "run-of-50000-spaces-inside-a-line",
        lambda: SENTENCE + " " * 50_000 + SENTENCE,
        Ok(records=True),
        budget=1.5,
        format="text",
    ),
    Row("run-of-20000-full-stops", lambda: SENTENCE + " " + "." * 20_000, Ok(records=True), budget=1.5, format="text"),
    Row("sentence-with-1000-emails", lambda: "Email " + "a@example.com, " * 1000, Ok(), budget=1.5),
    Row("3000-numbered-sections", lambda: _numbered_sections(100, 29), Ok(records=True, sections=100), budget=30),
    Row(
        "very-deep-numbering",
        lambda: "".join(f"{'1.' * k}1 Heading {k}\n{SENTENCE}\n" for k in range(8)),
        Ok(records=True, sections=1),
    ),
    # HTML
    Row(
        "20000-nested-divs",
        lambda: "<div>" * 20_000 + SENTENCE + "</div>" * 20_000,
        Ok(records=True, contains=(SENTENCE,)),
        budget=20,
    ),
    Row(
        "20000-unclosed-divs",
        lambda: "<html><body>" + "<div>" * 20_000 + SENTENCE,
        Ok(records=True, contains=(SENTENCE,)),
        budget=20,
    ),
    Row("20000-nested-inline", lambda: "<html><body>" + "<b>" * 20_000 + SENTENCE, Ok(records=True), budget=20),
    Row(
        "unclosed-html",
        lambda: "<html><body><h1>Privacy</h1><p>We collect <b>your email address <div>and <i>phone",
        Ok(contains=("We collect your email address", "phone")),
    ),
    Row(
        "html-cut-inside-a-tag",
        lambda: "<html><body><p>" + SENTENCE + "</p><a href='https://exa",
        Ok(records=True, contains=(SENTENCE,)),
    ),
    Row(
        "html-unclosed-comment",
        lambda: "<html><body><p>" + SENTENCE + "</p><!-- " + "x" * 100_000,
        Ok(records=True, absent=("x" * 10,)),
    ),
    Row(
        "html-unclosed-script",
        lambda: "<html><body><p>" + SENTENCE + "</p><script>" + "x" * 100_000,
        Ok(records=True, absent=("x" * 10,)),
    ),
    Row("html-long-entity-name", lambda: "<p>&" + "a" * 100_000 + "</p><p>" + SENTENCE + "</p>", Ok()),
    Row(
        "html-bad-numeric-entities",
        lambda: "<p>&#99999999999; &#xD800; &#0; " + SENTENCE + "</p>",
        Ok(records=True, absent=("\ud800",)),
    ),
    # languages
    Row("german", lambda: GERMAN, Ok(warning="does not read as English", records=False)),
    Row("chinese", lambda: CHINESE, Ok(warning="does not read as English", records=False)),
    Row(
        "chinese-gb18030-bytes",
        lambda: CHINESE.encode("gb18030"),
        Ok(warning="does not read as English", records=False),
    ),
    # arguments
    Row("none", lambda: None, Fails(PolicyParseError, "expected str or bytes")),
    Row("unknown-format", lambda: POLICY, Fails(UnsupportedFormatError, "pdf"), format="pdf"),
    # size limit
    Row("str-over-limit", lambda: "a" * 1001, Fails(InputTooLargeError, "limit of 1,000"), max_chars=1000),
    Row("bytes-over-limit", lambda: b"a" * 1001, Fails(InputTooLargeError, "limit of 1,000"), max_chars=1000),
    Row("bytes-far-over-limit", lambda: b"a" * 4001, Fails(InputTooLargeError, "max_chars"), max_chars=1000),
    Row("str-at-limit", lambda: (POLICY * 20)[:1000], Ok(records=True), max_chars=1000),
]


# --- running a row in a forked child ---------------------------------------------------


def _child(connection: Any, call: Callable[[], PrivacyPolicy]) -> None:
    try:
        outcome: tuple[Any, ...] = ("ok", call())
    except PolicyParseError as error:
        outcome = ("error", type(error), str(error))
    except BaseException as error:  # a crash: report it with its stack
        outcome = ("crash", f"{type(error).__name__}: {error}\n{traceback.format_exc()}")
    connection.send(outcome)
    connection.close()


def run_with_budget(call: Callable[[], PrivacyPolicy], budget: float) -> tuple[Any, ...]:
    """("ok", policy), ("error", class, message), ("crash", text) or ("timeout", budget)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, call), daemon=True)
    process.start()
    send.close()
    try:
        if receive.poll(budget):
            try:
                return tuple(receive.recv())
            except EOFError:
                return ("crash", f"the child died (exit code {process.exitcode})")
        return ("timeout", budget)
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()


def check_outcome(outcome: tuple[Any, ...], expect: Ok | Fails) -> None:
    kind = outcome[0]
    assert kind != "crash", outcome[1]
    assert kind != "timeout", f"took longer than {outcome[1]} s"
    if isinstance(expect, Fails):
        assert kind == "error", f"expected {expect.error.__name__}, got a result"
        assert issubclass(outcome[1], expect.error), f"expected {expect.error.__name__}, got {outcome[1].__name__}"
        assert expect.says.lower() in outcome[2].lower(), outcome[2]
        assert "\n" not in outcome[2].strip(), "an error message is one line"
        return
    assert kind == "ok", f"expected a result, got {outcome[1].__name__}: {outcome[2]}"
    policy: PrivacyPolicy = outcome[1]
    if expect.warning is not None:
        assert any(expect.warning in w for w in policy.warnings), policy.warnings
    if expect.no_warnings:
        assert policy.warnings == []
    if expect.records is True:
        assert policy.data_categories, "expected data categories"
    elif expect.records is False:
        assert not (policy.data_categories or policy.purposes or policy.rights or policy.retention)
    for snippet in expect.contains:
        assert snippet in policy.text, snippet
    for snippet in expect.absent:
        assert snippet not in policy.text, repr(snippet)
    if expect.sections is not None:
        assert len(policy.sections) == expect.sections


@pytest.fixture(scope="module")
def parser() -> PolicyParser:
    return PolicyParser()


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id, marks=row.marks) for row in ROWS])
def test_nasty_input(parser: PolicyParser, row: Row) -> None:
    target = parser if row.max_chars is None else PolicyParser(max_chars=row.max_chars)
    data = row.make()
    outcome = run_with_budget(lambda: target.parse(data, format=row.format), row.budget)  # type: ignore[arg-type]
    check_outcome(outcome, row.expect)


# --- files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "max_chars", "expect"),
    [
        ("missing.txt", None, None, Fails(InputFileError, "no such file")),
        ("a-directory", "<dir>", None, Fails(InputFileError, "directory")),
        ("dir-small-limit", "<dir>", 1000, Fails(InputFileError, "directory")),
        ("policy.txt", POLICY.encode(), None, Ok(records=True, sections=2)),
        ("policy.html", f"<h1>Privacy</h1><p>{SENTENCE}</p>".encode(), None, Ok(records=True)),
        ("empty.txt", b"", None, Fails(EmptyInputError)),
        ("image.png", b"\x89PNG\r\n\x1a\n" + _random_bytes(500), None, Fails(BinaryInputError, "image.png")),
        ("big.txt", b"a" * 1001, 1000, Fails(InputTooLargeError, "limit of 1,000")),
        ("far-too-big.txt", b"a" * 4001, 1000, Fails(InputTooLargeError, "far-too-big.txt")),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 20 else "",
)
def test_parse_file(
    parser: PolicyParser,
    tmp_path: Path,
    name: str,
    content: bytes | str | None,
    max_chars: int | None,
    expect: Ok | Fails,
) -> None:
    path = tmp_path / name
    if content == "<dir>":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    target = parser if max_chars is None else PolicyParser(max_chars=max_chars)
    check_outcome(run_with_budget(lambda: target.parse_file(path), 10), expect)


# --- the command line ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("missing.txt", None, "no such file"),
        ("a-directory", "<dir>", "directory"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + _random_bytes(500), "PNG"),
        ("random.bin", _random_bytes(4096, 2), "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n  ", "empty"),
    ],
    ids=["missing", "directory", "png", "random-bytes", "empty", "blank"],
)
def test_cli_reports_bad_input_in_one_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str | None, says: str
) -> None:
    path = tmp_path / name
    if content == "<dir>":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("privacyparser: error: ") and says.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in captured.err


def test_cli_parses_a_good_file_after_a_bad_one_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "policy.txt"
    good.write_text(POLICY, encoding="utf-8")
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    assert main(["parse", str(good), "--to", "outline"]) == 0
    assert "Information We Collect" in capsys.readouterr().out
