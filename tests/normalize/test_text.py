from __future__ import annotations

from collections.abc import Iterable

import pytest

from privacyparser.normalize.offsets import OffsetChain
from privacyparser.normalize.text import normalize_text


def _normalize(source: str) -> tuple[str, OffsetChain, list[str]]:
    chain = OffsetChain()
    warnings: list[str] = []
    return normalize_text(source, chain, warnings), chain, warnings


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("curly \u201cquotes\u201d and \u2018single\u2019", "curly \"quotes\" and 'single'"),
        ("en\u2013dash em\u2014dash", "en-dash em-dash"),
        ("no\u00a0break\u202fspaces", "no break spaces"),
        ("zero\u200bwidth\ufeff joiner", "zerowidth joiner"),
        ("\ufb01le of\ufb02ow", "file offlow"),
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("  lots   of    space  \n\n\n\nnext", "lots of space\n\nnext"),
        ("tab\tseparated", "tab separated"),
    ],
)
def test_character_and_whitespace_cleanup(source: str, expected: str) -> None:
    assert _normalize(source)[0] == expected


@pytest.mark.parametrize(
    ("source", "expected_line"),
    [
        (
            "Collection of Personal InformationIn the process of using the app, we collect data about you.",
            "Collection of Personal Information",
        ),
        (
            "(1) Log informationWhen you use our services, we may automatically store information.",
            "(1) Log information",
        ),
        ("2. Sharing of DataWe do not share your personal data with anyone outside the company.", "2. Sharing of Data"),
    ],
)
def test_heading_glued_to_its_text_is_split(source: str, expected_line: str) -> None:
    text = _normalize(source)[0]
    assert text.split("\n")[0] == expected_line


@pytest.mark.parametrize(
    "source",
    [
        "Sign in with LinkedIn to share your profile with recruiters and other members.",
        "We use YouTube videos on our pages and WeChat for customer messages.",
        "Our iPhone app stores your settings locally on the device itself.",
    ],
)
def test_camel_case_words_are_not_split(source: str) -> None:
    assert _normalize(source)[0] == source


def test_inline_enumeration_starts_a_new_line() -> None:
    text = _normalize("We use data for these purposes:(1) To provide services.\n(2) To improve them.")[0]
    assert text.split("\n")[:2] == ["We use data for these purposes:", "(1) To provide services."]


WRAPPED = (
    "Welcome. This company is well aware of the importance of personal information to\n"
    "you, and we will protect your personal information and privacy in accordance with\n"
    "laws and regulations. We are committed to maintaining your trust in us, protecting\n"
    "your personal information, and respecting the privacy of all users of our services.\n"
    "In order to provide you with more accurate and personalized services, this app will\n"
    "use and disclose your personal information in accordance with the provisions of the\n"
    "Privacy Policy. However, this application will treat this information with a high\n"
    "degree of diligence and care.\n"
    "1. Collection and Use of Personal Information\n"
    "We collect the following information when you register an account with us today.\n"
)


def test_hard_wrapped_lines_are_joined_but_headings_stay() -> None:
    text, _chain, warnings = _normalize(WRAPPED)
    assert "personal information to you, and we" in text
    assert "in accordance with the provisions of the Privacy Policy." in text
    assert "\n1. Collection and Use of Personal Information\n" in text
    assert any("hard-wrapped" in w for w in warnings)


def test_short_lines_are_not_joined() -> None:
    source = "Privacy Policy\nLast updated: 1 May 2024\nWho we are\nWe are a small company."
    assert _normalize(source)[0] == source


def test_offsets_survive_every_step() -> None:
    source = "  Intro\u00a0text \u201cquoted\u201d.\r\n\r\n\r\n(1) Log informationWhen you use it, we log data."
    text, chain, _ = _normalize(source)
    for word in ("Intro", "quoted", "Log", "information", "When", "data"):
        start = text.index(word)
        src_start, src_end = chain.source_span(start, start + len(word))
        assert source[src_start:src_end] == word


def _mixed_texts(count: int) -> list[str]:
    import random

    rnd = random.Random(9)
    pieces = ["a", "B", " ", "  ", "\n", "\n\n", " \n", "\n ", "\t", "\u00a0", "\u200b", "\x00", "\x0c", "\x7f",
              "\u2019", "\u2026", ".", ":", ";", "(1) A", "(12) We", " (3) X", "Cookies", "x" * 50,
              "Information We CollectWhen you give it", "1. DataWe keep it for the service", "\u2022"]  # fmt: skip
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("source", _mixed_texts(400))
def test_steps_find_what_a_whole_text_scan_finds(source: str) -> None:
    # The steps try their patterns only where a match can be; the matches, and so the
    # text and its offset maps, must be those of scanning the whole text.
    import re

    from privacyparser.normalize import text as steps
    from privacyparser.normalize.offsets import rewrite

    def spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
        return [m.span() for m in matches]

    assert spans(steps._line_edge_spaces(source)) == spans(steps._LINE_EDGE_SPACES.finditer(source))
    assert spans(steps._glued_headings(source)) == spans(steps._GLUED_HEADING.finditer(source))
    assert spans(steps._inline_enumerations(source)) == spans(steps._INLINE_ENUMERATION.finditer(source))
    present = steps._unusual_characters(source)
    for pattern in (steps._INVISIBLE, steps._SPACES, steps._MAPPED_CHARS):
        skipped = steps._rewrite_if(present, source, pattern, lambda m: "")
        scanned = rewrite(source, pattern, lambda m: "")
        assert skipped[0] == scanned[0]
        assert [skipped[1].source_span(i, i + 1) for i in range(len(skipped[0]))] == [
            scanned[1].source_span(i, i + 1) for i in range(len(scanned[0]))
        ]


@pytest.mark.parametrize(
    "source",
    [
        "a\x00b\x01c\td\ne\rf\x0bg\x0ch\x1fi\x7fj",
        "zero\u200bwidth and a \x08 backspace",
        "\x1c\x1d\x1e\x1f\u00a0\u2028 text",
    ],
)
def test_control_characters_are_counted_one_by_one(source: str) -> None:
    # The warning counts the characters below a space other than tab and line breaks.
    expected = sum(1 for ch in source if ch < " " and ch not in "\t\n\r")
    _, _, warnings = _normalize(source)
    assert f"removed {expected} control character(s) from the input" in warnings
