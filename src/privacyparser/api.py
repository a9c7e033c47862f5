"""The public entry points: parse, parse_file, parse_many, PolicyParser, json_schema."""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import stat
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from privacyparser.errors import (
    BinaryInputError,
    EmptyInputError,
    InputFileError,
    InputTooLargeError,
    PolicyParseError,
    UnsupportedFormatError,
)
from privacyparser.extract import (
    DocumentContext,
    build_sections,
    extract_contacts,
    extract_practices,
    extract_purposes,
    extract_retention,
    extract_rights,
)
from privacyparser.models import Furniture, PrivacyPolicy
from privacyparser.normalize import NormalizedDocument, normalize_document
from privacyparser.normalize.furniture import OutlineHeading, find_other_documents
from privacyparser.pipeline import build_pipeline, keys
from privacyparser.pipeline.sentences import DOC_TEXT, PARSER_ONLY
from privacyparser.rules import load_rules

Format = Literal["auto", "text", "html"]
OnError = Literal["raise", "skip", "return"]

#: Default largest input accepted, in characters (bytes for bytes input). Policies are
#: rarely above 200 KB; 20 MB leaves room for whole sites saved as one page while
#: bounding memory (about 40x the input size at peak) and time.
DEFAULT_MAX_CHARS = 20_000_000

# Share of a text that must be ordinary function words for it to read as English.
_ENGLISH_WORDS = frozenset(
    "the of and to a in is that for you your we our or with by this on are be as may not "
    "information data use personal any will it from have can us".split()
)
# A word is a run of ASCII letters; letters of other scripts count in runs of up to six
# (about a word of Cyrillic or Greek, a few words of Chinese or Japanese), so that a
# policy in another script reads as not English instead of as "no words at all".
_WORD = re.compile(r"[A-Za-z]{1,30}|[^\W\d_A-Za-z]{1,6}")
_OTHER_WORD = re.compile(r"[^\W\d_A-Za-z]{1,6}")
_MARKS = re.compile(rb"\?+")
_MIN_ENGLISH_SHARE = 0.12
_ENGLISH_BYTES = frozenset(word.encode("ascii") for word in _ENGLISH_WORDS)
# Byte table: ASCII letters to lower case, every other byte to a space.
_ASCII_LETTERS = bytes((c | 0x20) if (0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A) else 0x20 for c in range(256))
# The same, every letter an "x": a run of 31 letters is then a substring to search for.
_LETTER_X = bytes(0x78 if chr(c).isascii() and chr(c).isalpha() else 0x20 for c in range(256))
_LONG_WORD = b"x" * 31
# Control characters other than \t \n \v \f \r, and the specials block. A regex counts
# them in C; a Python loop over the 64K characters cost milliseconds per policy.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\ufff0-\uffff]+")
# Lone UTF-16 surrogates: a str can hold them (from JSON or a "surrogateescape" read), but
# they cannot be encoded, and spaCy hashes every token as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
_NOT_CONTROL_BYTES = bytes(c for c in range(128) if not _CONTROLS.match(chr(c)))


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if sample.isascii():
        # The same count without a scan: the bytes left once all others are deleted.
        controls = len(sample.encode("ascii").translate(None, _NOT_CONTROL_BYTES))
    else:
        codes = numpy.frombuffer(sample.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        controls = int(
            numpy.count_nonzero(
                (codes <= 0x08) | ((codes >= 0x0E) & (codes <= 0x1F)) | (codes >= 0xFFF0) & (codes <= 0xFFFF)
            )
        )
    return controls > max(8, len(sample) // 50)


def _has_surrogates(text: str) -> bool:
    # Only a lone surrogate keeps a str from encoding as UTF-8: the encoder (in C) tells
    # faster than a regex scan, and ASCII text has none.
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.search(text) is not None
    return False


def _outline(roots: list[Any]) -> list[OutlineHeading]:
    """The section tree's headings in document order, each with its parent's index."""
    out: list[OutlineHeading] = []
    stack: list[tuple[Any, int | None]] = [(node, None) for node in reversed(roots)]
    while stack:
        node, parent = stack.pop()
        title = " ".join(part for part in (node.number, node.title) if part)
        out.append(OutlineHeading(node.start, node.end, title, parent))
        index = len(out) - 1
        stack.extend((child, index) for child in reversed(node.children))
    return out


def _english_share(text: str) -> float:
    # The first 20,000 characters tell the language as well as the whole text does.
    sample = text[:20_000]
    # The words of `_WORD`, counted without scanning the sample with it (a regex that
    # tries two classes at every character cost ten times more): ASCII words by a byte
    # translation (letters lower-cased, every other byte a space) and a split, in C.
    encoded = sample.encode("ascii", "replace")
    runs = encoded.translate(_ASCII_LETTERS).split()
    # `max(map(len, runs)) > 30`, without a call per run.
    if _LONG_WORD in encoded.translate(_LETTER_X):
        # `_WORD` cuts a longer run into words of 30 letters.
        runs = [run[i : i + 30] for run in runs for i in range(0, len(run), 30)]
    count = len(runs)
    if not sample.isascii():
        # Words of other scripts never lower-case to a common English word. They lie in
        # the runs of characters outside ASCII: "?" in the bytes once the text's own
        # question marks are spaces (a literal `re` searches fast).
        marked = sample.replace("?", " ").encode("ascii", "replace")
        count += sum(len(_OTHER_WORD.findall(sample, *run.span())) for run in _MARKS.finditer(marked))
    if count < 30:
        return 1.0
    return sum(map(_ENGLISH_BYTES.__contains__, runs)) / count


class PolicyParser:
    """Holds the spaCy pipeline and the rule tables; reuse one for many policies.

    >>> parser = PolicyParser()
    >>> parser.parse("1. Data\\nWe collect your email address.").data_categories[0].category
    'email_address'
    """

    def __init__(self, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.max_chars = max_chars
        self.rules = load_rules()
        self.nlp: Language = build_pipeline()

    # -- one policy ----------------------------------------------------------------

    def parse(self, text: str | bytes, format: Format = "auto") -> PrivacyPolicy:  # noqa: A002
        """Parse one policy given as text or bytes (HTML or plain text)."""
        if format not in ("auto", "text", "html"):
            raise UnsupportedFormatError(f"unknown format {format!r}: use 'auto', 'text' or 'html'")
        warnings: list[str] = []
        source = self._decode(text, warnings)
        if len(source) > self.max_chars:
            raise InputTooLargeError(
                f"input has {len(source):,} characters, more than the limit of {self.max_chars:,} "
                "(raise it with PolicyParser(max_chars=...))"
            )
        if not source.strip():
            raise EmptyInputError("input is empty or only whitespace")
        if _looks_binary(source):
            raise BinaryInputError("input looks like binary data (many control characters), not a policy text")
        fmt = format
        if fmt == "auto":
            from privacyparser.normalize.detect import detect_format

            fmt = detect_format(source)
        document = normalize_document(source, fmt)
        if not document.text.strip():
            raise EmptyInputError(f"input has no visible text (read as {fmt})")
        document.warnings[:0] = warnings
        if not gc.isenabled():
            return self._analyse(document)
        # The analysis makes next to no reference cycles (tests/test_api.py checks it):
        # what it makes is freed by reference counting, and the cyclic collector, set off
        # every 700 allocations, would walk the objects alive to free nothing (about 6% of
        # a parse's time on the OPP-115 texts). It is paused for the analysis only, and
        # the few cycles left are collected after it; the normaliser's HTML tree holds
        # many, so normalising runs with the collector on.
        gc.disable()
        try:
            return self._analyse(document)
        finally:
            gc.enable()

    def _decode(self, text: str | bytes, warnings: list[str]) -> str:
        if isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
            if len(data) > self.max_chars * 4:
                raise InputTooLargeError(
                    f"input has {len(data):,} bytes, far above the limit of {self.max_chars:,} characters "
                    "(raise it with PolicyParser(max_chars=...))"
                )
            if not data.strip():
                raise EmptyInputError("input is empty or only whitespace")
            from privacyparser.normalize.decode import decode_bytes

            decoded = decode_bytes(data)
            warnings.extend(decoded.warnings)
            return decoded.text
        if not isinstance(text, str):
            raise PolicyParseError(f"expected str or bytes, got {type(text).__name__}")
        if _has_surrogates(text):
            # One U+FFFD for each, so every offset into the input stays valid.
            count = len(_SURROGATES.findall(text))
            text = _SURROGATES.sub("\ufffd", text)
            warnings.append(f"replaced {count} lone surrogate code point(s) with U+FFFD")
        return text

    def _analyse(self, document: NormalizedDocument) -> PrivacyPolicy:
        nlp = self.nlp
        # A Doc without tokens: the components read the text from `user_data`, and
        # `policy_clauses` tokenises it line by line (see PARSER_ONLY).
        doc = Doc(nlp.vocab)
        doc.user_data[DOC_TEXT] = document.text
        doc.user_data[PARSER_ONLY] = True
        doc.user_data[keys.HEADING_HINTS] = [(h.start, h.end, h.level) for h in document.headings]
        doc.user_data[keys.FURNITURE] = [(f.start, f.end, f.kind) for f in document.furniture]
        for _, component in nlp.pipeline:
            doc = component(doc)
        segmentation = doc.user_data[keys.SEGMENTATION]
        furniture = [(f.start, f.end, f.kind) for f in document.furniture]
        furniture += [(f.start, f.end, f.kind) for f in segmentation.furniture]
        warnings = list(document.warnings)
        others, other_warnings = find_other_documents(document.text, _outline(segmentation.sections))
        furniture += [(f.start, f.end, f.kind) for f in others]
        warnings += other_warnings
        ctx = DocumentContext(
            text=document.text,
            chain=document.chain,
            sentence_starts=doc.user_data[keys.SENTENCE_STARTS],
            segmentation=segmentation,
            rules=self.rules,
            furniture=[(start, end) for start, end, _ in furniture],
            clauses=doc.user_data[keys.CLAUSES],
        )
        share = _english_share(document.text)
        english = share >= _MIN_ENGLISH_SHARE
        if not english:
            warnings.append(
                f"the text does not read as English (only {share:.0%} common English words): no records were extracted"
            )
        data_categories = extract_practices(ctx) if english else []
        purposes = extract_purposes(ctx) if english else []
        title = document.title_hint
        if segmentation.title is not None and (title is None or segmentation.title_is_heading):
            title = document.text[segmentation.title[0] : segmentation.title[1]].strip() or title
        sections = build_sections(ctx)
        if not sections and len(document.text) > 2000:
            warnings.append("no headings were recognised: the policy has no section tree")
        return PrivacyPolicy(
            title=title,
            text=document.text,
            sections=sections,
            data_categories=data_categories,
            purposes=purposes,
            retention=extract_retention(ctx) if english else [],
            contacts=extract_contacts(ctx),
            rights=extract_rights(ctx) if english else [],
            furniture=[Furniture(kind=kind, start=start, end=end) for start, end, kind in sorted(furniture)],
            warnings=warnings,
        )

    # -- files and streams ----------------------------------------------------------

    def parse_file(self, path: str | os.PathLike[str], format: Format = "auto") -> PrivacyPolicy:  # noqa: A002
        """Parse a policy file; the encoding of its bytes is detected."""
        file_path = Path(path)
        try:
            status = file_path.stat()
            if stat.S_ISDIR(status.st_mode):
                # A directory's own size (4,096 bytes) must not read as "too large".
                raise IsADirectoryError
            if status.st_size > self.max_chars * 4:
                raise InputTooLargeError(
                    f"{file_path}: {status.st_size:,} bytes, far above the limit of {self.max_chars:,} characters "
                    "(raise it with PolicyParser(max_chars=...))"
                )
            data = file_path.read_bytes()
        except FileNotFoundError:
            raise InputFileError(f"{file_path}: no such file") from None
        except IsADirectoryError:
            raise InputFileError(f"{file_path}: is a directory, not a file") from None
        except PermissionError:
            raise InputFileError(f"{file_path}: permission denied") from None
        except OSError as exc:
            raise InputFileError(f"{file_path}: cannot be read ({exc.strerror or exc})") from None
        fmt: Format = format
        if fmt == "auto" and file_path.suffix.lower() in (".html", ".htm", ".xhtml"):
            fmt = "html"
        try:
            return self.parse(data, format=fmt)
        except PolicyParseError as exc:
            raise type(exc)(f"{file_path}: {exc}") from None

    def parse_many(
        self,
        texts: Iterable[str | bytes],
        format: Format = "auto",  # noqa: A002
        n_process: int = 1,
        batch_size: int = 16,
        on_error: OnError = "raise",
    ) -> Iterator[PrivacyPolicy | PolicyParseError]:
        """Parse many policies, streaming results in input order.

        With `n_process > 1` the policies are parsed in worker processes; at most a few
        batches per worker are in flight, so memory stays flat however long the input.
        `on_error`: "raise" stops at the first bad input, "skip" leaves it out,
        "return" yields the `PolicyParseError` in its place.
        """
        if n_process == 1:
            for text in texts:
                try:
                    yield self.parse(text, format=format)
                except PolicyParseError as exc:
                    if on_error == "raise":
                        raise
                    if on_error == "return":
                        yield exc
            return
        yield from _parse_in_processes(self, texts, format, max(1, n_process), max(1, batch_size), on_error)


# -- worker processes ---------------------------------------------------------------

# The parser a worker process uses. Under "fork" it is the parent's own parser, inherited
# with the process image (copy-on-write): a worker starts in milliseconds instead of
# rebuilding the pipeline. Under "spawn" the initializer builds one.
_worker_parser: PolicyParser | None = None
#: Characters of input after which a worker's task is closed (see `_tasks`): about
#: the text of one policy, tens of milliseconds of parsing against a fraction of a
#: millisecond for sending it and its result between processes.
TASK_CHARS = 20_000


def _init_worker(max_chars: int) -> None:
    global _worker_parser
    if _worker_parser is None or _worker_parser.max_chars != max_chars:
        _worker_parser = PolicyParser(max_chars=max_chars)


def _parse_batch(batch: list[str | bytes], fmt: Format) -> list[PrivacyPolicy | PolicyParseError]:
    assert _worker_parser is not None
    out: list[PrivacyPolicy | PolicyParseError] = []
    for text in batch:
        try:
            out.append(_worker_parser.parse(text, format=fmt))
        except PolicyParseError as exc:
            out.append(exc)
    return out


def _tasks(texts: Iterable[str | bytes], size: int) -> Iterator[list[str | bytes]]:
    """Runs of at most `size` texts, cut once they hold TASK_CHARS characters.

    A worker takes a task at a time, and the last tasks decide when the pool is done: a
    batch of 8 policies left to one worker kept the other idle for a quarter of the
    run's time. Tasks of about one policy balance the workers; short texts are still
    sent in runs, where one apiece would cost more in messages than in parsing.
    """
    task: list[str | bytes] = []
    chars = 0
    for text in texts:
        task.append(text)
        chars += len(text)
        if len(task) >= size or chars >= TASK_CHARS:
            yield task
            task = []
            chars = 0
    if task:
        yield task


def _start_method() -> str:
    # fork is safe and fast on Linux; macOS and Windows default to spawn for good reasons.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _parse_in_processes(
    parser: PolicyParser,
    texts: Iterable[str | bytes],
    fmt: Format,
    n_process: int,
    batch_size: int,
    on_error: OnError,
) -> Iterator[PrivacyPolicy | PolicyParseError]:
    global _worker_parser
    method = _start_method()
    context = multiprocessing.get_context(method)
    in_flight: deque[Any] = deque()
    if method == "fork":
        # Children inherit the parser. Freezing moves every object alive now out of the
        # collector's reach, so the children's collections do not write to (and copy)
        # the pages they share with the parent.
        _worker_parser = parser
        gc.freeze()
        try:
            pool = context.Pool(n_process, initializer=_init_worker, initargs=(parser.max_chars,))
        finally:
            gc.unfreeze()
            _worker_parser = None
    else:
        pool = context.Pool(n_process, initializer=_init_worker, initargs=(parser.max_chars,))
    with pool:
        tasks = _tasks(texts, batch_size)
        exhausted = False
        # At most two batches' worth of texts per worker in flight (memory stays flat),
        # sent as smaller tasks so that no worker idles while another ends a batch.
        limit = 2 * n_process * batch_size
        queued = 0
        while True:
            while not exhausted and queued < limit:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                in_flight.append((pool.apply_async(_parse_batch, (task, fmt)), len(task)))
                queued += len(task)
            if not in_flight:
                break
            pending, size = in_flight.popleft()
            queued -= size
            for result in pending.get():
                if isinstance(result, PolicyParseError):
                    if on_error == "raise":
                        raise result
                    if on_error == "skip":
                        continue
                yield result


# -- module-level conveniences ------------------------------------------------------

_default_parser: PolicyParser | None = None


def _parser() -> PolicyParser:
    global _default_parser
    if _default_parser is None:
        _default_parser = PolicyParser()
    return _default_parser


def parse(text: str | bytes, format: Format = "auto") -> PrivacyPolicy:  # noqa: A002
    """Parse one policy (str or bytes; HTML or plain text, detected when format="auto")."""
    return _parser().parse(text, format=format)


def parse_file(path: str | os.PathLike[str], format: Format = "auto") -> PrivacyPolicy:  # noqa: A002
    """Parse a policy file (encoding detected)."""
    return _parser().parse_file(path, format=format)


def parse_many(
    texts: Iterable[str | bytes],
    format: Format = "auto",  # noqa: A002
    n_process: int = 1,
    batch_size: int = 16,
    on_error: OnError = "raise",
) -> Iterator[PrivacyPolicy | PolicyParseError]:
    """Parse many policies, streaming results in input order (see PolicyParser.parse_many)."""
    return _parser().parse_many(texts, format=format, n_process=n_process, batch_size=batch_size, on_error=on_error)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `PrivacyPolicy` (the CLI's JSON output)."""
    return PrivacyPolicy.model_json_schema()
