"""Properties of `parse` over generated text and HTML: no crash, exact offsets, no lost text.

For any input, `parse` returns a `PrivacyPolicy` or raises a `PolicyParseError`; every
record's `text` is `policy.text[start:end]` and its `source_start:source_end` covers the
same characters of the input; sections nest; and no visible character of the input is
lost, except those the normaliser documents that it drops or rewrites (`FOLD` below and
docs/limits.md).

The strategies and `check_policy` are shared with tests/test_fuzz.py and benchmarks/fuzz.py.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacyparser.api import PolicyParser
from privacyparser.errors import PolicyParseError
from privacyparser.models import PrivacyPolicy, Section

# --- what the normaliser is documented to change ------------------------------------

# Dropped: zero-width characters, the BOM, soft hyphens, C0/C1 control characters other
# than tab and line breaks (docs/limits.md, "What the normaliser changes").
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + "".join(
    chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
)
# Rewritten: quotes, dashes, the ellipsis and ligatures to ASCII; lone surrogates to U+FFFD.
_REWRITES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
}
FOLD = str.maketrans({**dict.fromkeys(_DROPPED, None), **_REWRITES})
_SURROGATE = re.compile("[\ud800-\udfff]")


def squash(text: str) -> str:
    """The characters of `text` after the documented rewrites, whitespace removed."""
    text = _SURROGATE.sub("\ufffd", text).translate(FOLD)
    return "".join(ch for ch in text if not ch.isspace())


_COMMENT = re.compile(r"<!--.*?(?:--!?>|\Z)", re.DOTALL)
_RAW_ELEMENT = re.compile(r"<(script|style|title)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)
# As HTML5 reads it: "<" starts a tag only before a letter, "/", "!" or "?" ("a < b" is text).
_TAG = re.compile(r"<[A-Za-z/!?][^>]*>")


def html_visible_text(source: str) -> str:
    """Text content of generated HTML: comments, scripts, styles, the title and tags removed, entities decoded."""
    text = _COMMENT.sub("", source.replace("\x00", "\ufffd"))
    text = _RAW_ELEMENT.sub("", text)
    return html_lib.unescape(_TAG.sub("", text))


# --- the invariants ------------------------------------------------------------------


def _walk(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        out.append(section)
        stack.extend(reversed(section.children))
    return out


def _check_siblings(siblings: list[Section], low: int, high: int, level: int, text_length: int) -> None:
    previous_end = low
    for section in siblings:
        assert section.level == level, (section.id, section.level, level)
        assert 0 <= section.start <= section.end <= text_length, section.id
        assert previous_end <= section.start, f"section {section.id} overlaps its previous sibling"
        assert low <= section.start and section.end <= high, f"section {section.id} is not inside its parent"
        previous_end = section.end
        _check_siblings(section.children, section.start, section.end, level + 1, text_length)


def _in_order(needle: str, haystack: str) -> bool:
    """Every character of `needle` occurs in `haystack`, in order."""
    rest = iter(haystack)
    return all(ch in rest for ch in needle)


def check_policy(policy: PrivacyPolicy, source: str, fmt: Literal["text", "html"], well_formed: bool = True) -> None:
    """Every invariant a parsed policy must hold against the input it came from.

    `well_formed=False` is for broken markup: the regex oracle `html_visible_text` cannot
    read a slice the way a real parser reads the whole page (an unclosed quote in an
    attribute swallows the markup after it), so the evidence is only required to begin
    and end with the record's first and last characters and hold all of them in order."""
    text = policy.text
    sections = _walk(policy.sections)
    ids = [s.id for s in sections]
    assert len(ids) == len(set(ids)), "section ids are not unique"
    _check_siblings(policy.sections, 0, len(text), 1, len(text))
    for section in sections:
        assert 0 <= section.source_start <= section.source_end <= len(source), section.id
    by_id = {s.id: s for s in sections}

    records = [*policy.data_categories, *policy.purposes, *policy.retention, *policy.contacts, *policy.rights]
    for record in records:
        where = f"{record.rule} {record.start}-{record.end} {record.text!r}"
        assert 0 <= record.start <= record.end <= len(text), where
        assert record.text == text[record.start : record.end], where
        assert 0 <= record.source_start <= record.source_end <= len(source), where
        evidence = source[record.source_start : record.source_end]
        if fmt == "text":
            assert squash(evidence) == squash(record.text), f"{where}: source slice {evidence!r}"
        elif well_formed:
            assert squash(html_visible_text(evidence)) == squash(record.text), f"{where}: source slice {evidence!r}"
        else:
            visible, raw = squash(record.text), squash(html_lib.unescape(evidence.replace("\x00", "\ufffd")))
            assert _in_order(visible, raw), f"{where}: source slice {evidence!r}"
        if record.section is not None:
            section = by_id[record.section]
            assert section.start <= record.start < section.end or record.start == record.end, where
            assert not any(c.start <= record.start < c.end for c in section.children), f"{where}: not innermost"
        else:
            assert not any(s.start <= record.start < s.end for s in policy.sections), f"{where}: section missing"
    for furniture in policy.furniture:
        assert 0 <= furniture.start <= furniture.end <= len(text)


def check_no_text_lost(policy: PrivacyPolicy, source: str, fmt: Literal["text", "html"]) -> None:
    """The visible characters of the input, after the documented rewrites, are all in `policy.text`."""
    visible = source if fmt == "text" else html_visible_text(source)
    assert squash(policy.text) == squash(visible)


def parse_and_check(
    parser: PolicyParser, source: str | bytes, fmt: Literal["text", "html"], well_formed: bool = True
) -> PrivacyPolicy | None:
    """Parse; a `PolicyParseError` is an allowed outcome, anything else propagates."""
    try:
        policy = parser.parse(source, format=fmt)
    except PolicyParseError as error:
        assert str(error), "an error must say what was wrong"
        return None
    assert isinstance(policy, PrivacyPolicy)
    if isinstance(source, str):
        check_policy(policy, source, fmt, well_formed)
    return policy


# --- generators ----------------------------------------------------------------------

SENTENCES = (
    "We collect your email address, name and phone number when you register.",
    "We use your IP address and browsing history for analytics and advertising.",
    "Your personal information is never sold by us to outside firms.",
    "We retain your data for 90 days after account cancellation.",
    "Personal data is kept only as long as necessary, then deleted.",
    "You have the right to access, correct and delete your personal data.",
    "You may withdraw your consent at any time; we will respond within 30 days.",
    "Contact our Data Protection Officer at privacy@example.com or +1 415 555 0100.",
    "Write to us at 123 Main Street, Springfield, IL 62701.",
    "See https://example.com/privacy for details (e.g. cookies).",
    "You can lodge a complaint with a supervisory authority.",
    "We use cookies to remember your preferences.",
    "This “Policy” explains how we process data \u2014 read it carefully\u2026",
    "Our ofﬁce uses ﬂexible storage.",
)
TITLES = ("Information We Collect", "How We Use Data", "Your Rights", "Retention", "Contact Us", "Cookies")
NOISE_ALPHABET = (
    list("aAzZ09 .,;:!?-()[]\"'/&#*%$@+=_|~")
    + list("\t\u00a0\u2009\u3000\u200b\u00ad\ufeff\u2060")
    + list("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\ufb01\u2022\u00e9\u00fc\u4e2d\u0416\u05d0\U0001f600")
    + list("\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200e\u202e\ufffd\ud800\udfff")
)

_numbers = st.one_of(
    st.integers(1, 30).map(lambda n: f"{n}."),
    st.tuples(st.integers(1, 12), st.integers(1, 9)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5)).map(lambda t: f"{t[0]}.{t[1]}.{t[2]}"),
    st.integers(1, 9).map(lambda n: f"({n})"),
    st.sampled_from("abcdefg").map(lambda c: f"({c})"),
    st.sampled_from(["I.", "II.", "III.", "IV.", "V.", "Article 1", "Section 2", "1.1.1.1.1.1.1"]),
)
_heading = st.one_of(
    st.tuples(_numbers, st.sampled_from(TITLES)).map(lambda t: f"{t[0]} {t[1]}"),
    st.sampled_from(TITLES).map(str.upper),
    st.tuples(st.integers(1, 6), st.sampled_from(TITLES)).map(lambda t: "#" * t[0] + " " + t[1]),
    st.sampled_from(TITLES),
)
noise = st.text(alphabet=st.sampled_from(NOISE_ALPHABET), max_size=40)
_sentence = st.sampled_from(SENTENCES)
_line = st.one_of(
    _heading,
    _sentence,
    st.lists(_sentence, min_size=2, max_size=4).map(" ".join),
    st.tuples(st.sampled_from(["- ", "* ", "\u2022 ", "(a) ", "1) ", "  "]), _sentence).map("".join),
    st.tuples(_sentence, noise, _sentence).map(lambda t: f"{t[0]}{t[1]}{t[2]}"),
    noise,
)
_line_end = st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\r", "\n \t\n", "\f", " "])

policy_texts = st.lists(st.tuples(_line, _line_end).map("".join), max_size=30).map("".join)
any_texts = st.one_of(policy_texts, st.text(max_size=300), noise)

_BLOCK_TAGS = ("p", "div", "section", "article", "blockquote", "li", "ul", "ol", "td", "tr", "table", "pre")
_INLINE_TAGS = ("b", "i", "em", "strong", "span", "small", "code", "sup")
_ENTITIES = (
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&#x201C;",
    "&lt;",
    "&gt;",
    "&copy;",
    "&copy2024",
    "&shy;",
    "&zwnj;",
    "&hellip;",
    "&mdash;",
    "&eacute;",
    "&#0;",
    "&#xD800;",
    "&unknown;",
    "& ",
)
_html_text = st.one_of(
    _sentence.map(html_lib.escape),
    st.sampled_from(_ENTITIES),
    noise.map(lambda s: html_lib.escape(s, quote=False)),
)
_inline = st.recursive(
    _html_text,
    lambda inner: st.tuples(st.sampled_from(_INLINE_TAGS), st.lists(inner, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"
    ),
    max_leaves=8,
)
_heading_html = st.tuples(st.integers(1, 6), _heading).map(lambda t: f"<h{t[0]}>{html_lib.escape(t[1])}</h{t[0]}>")
_between = st.sampled_from(
    [
        "",
        "\n",
        "<!-- note -->",
        "<script>var a = '<p>x</p>';</script>",
        "<style>p { color: red }</style>",
        "<br>",
        "<hr/>",
        "<img src=x alt='a'>",
    ]
)
_blocks = st.recursive(
    st.one_of(_heading_html, st.lists(_inline, max_size=4).map(lambda parts: f"<p>{''.join(parts)}</p>")),
    lambda inner: st.tuples(st.sampled_from(_BLOCK_TAGS), st.lists(st.tuples(inner, _between), max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(a + b for a, b in t[1])}</{t[0]}>"
    ),
    max_leaves=20,
)
_body = st.lists(st.tuples(_blocks, _between).map("".join), min_size=1, max_size=8).map("".join)
html_pages = st.one_of(
    _body.map(lambda b: f"<!DOCTYPE html><html><head><title>Privacy</title></head><body>{b}</body></html>"),
    _body,
)


@st.composite
def _broken_html(draw: st.DrawFn) -> str:
    """A page cut short, with closing tags dropped, or with stray markup."""
    page = draw(html_pages)
    cut = draw(st.integers(0, len(page)))
    damage = draw(st.sampled_from(["cut", "unclosed", "stray"]))
    if damage == "cut":
        return page[:cut]
    if damage == "unclosed":
        return re.sub(r"</(?:p|div|li|b|span|td|tr|table)>", "", page)
    return (
        page[:cut]
        + draw(st.sampled_from(["<", "</", "<p", "<a href='", "<!--", "&", "&#", "<![CDATA[", "<?"]))
        + page[cut:]
    )


broken_html = _broken_html()

# Derandomised: CI must not turn red on an example no one has seen; the slow fuzz tests
# (`-m slow`) and benchmarks/fuzz.py explore new inputs.
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def parser() -> PolicyParser:
    return PolicyParser()


# --- the properties --------------------------------------------------------------------


@SETTINGS
@given(source=policy_texts)
def test_plain_text_records_point_at_their_source_and_no_text_is_lost(parser: PolicyParser, source: str) -> None:
    policy = parse_and_check(parser, source, "text")
    if policy is not None:
        check_no_text_lost(policy, source, "text")


@SETTINGS
@given(source=any_texts)
def test_arbitrary_text_parses_or_raises_a_policy_error(parser: PolicyParser, source: str) -> None:
    policy = parse_and_check(parser, source, "text")
    if policy is not None:
        check_no_text_lost(policy, source, "text")


@SETTINGS
@given(source=html_pages)
def test_html_records_point_at_their_source_and_no_text_is_lost(parser: PolicyParser, source: str) -> None:
    policy = parse_and_check(parser, source, "html")
    if policy is not None:
        check_no_text_lost(policy, source, "html")


@SETTINGS
@given(source=broken_html)
def test_broken_html_parses_or_raises_a_policy_error(parser: PolicyParser, source: str) -> None:
    parse_and_check(parser, source, "html", well_formed=False)


@SETTINGS
@given(data=st.binary(max_size=400), source=policy_texts, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_bytes_parse_or_raise_a_policy_error(parser: PolicyParser, data: bytes, source: str, encoding: str) -> None:
    for raw in (data, source.encode(encoding, errors="replace"), data + source.encode("utf-8", "replace")):
        try:
            policy = parser.parse(raw)
        except PolicyParseError:
            continue
        assert isinstance(policy, PrivacyPolicy)


@SETTINGS
@given(source=st.one_of(policy_texts, html_pages))
def test_auto_detection_gives_the_same_guarantees(parser: PolicyParser, source: str) -> None:
    from privacyparser.normalize.detect import detect_format

    parse_and_check(parser, source, detect_format(source))
