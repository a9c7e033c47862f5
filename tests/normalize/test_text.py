from __future__ import annotations

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
        ("Collection of Personal InformationIn the process of using the app, we collect data about you.",
         "Collection of Personal Information"),
        ("(1) Log informationWhen you use our services, we may automatically store information.",
         "(1) Log information"),
        ("2. Sharing of DataWe do not share your personal data with anyone outside the company.",
         "2. Sharing of Data"),
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
