"""A skipping search finds the very match of the pattern it is built from."""

from __future__ import annotations

import re

import pytest

from privacyparser.extract.practices import _alternatives, _cut_pattern, _cut_search, _cuts
from privacyparser.first_chars import first_chars, skipping_search
from privacyparser.rules import load_rules

_TEXTS = [
    "we collect your name, email address and phone number (for example, when you register).",
    "such as: cookies; web beacons & pixels) e.g. logs, i.e. records",
    "\nand/or the device\nlike a browser, as well as etc. the end",
    "",
    "no cut here at all",
    "tricky:(,;&) runs\n\n, of ,,, cuts   and   or",
]


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"\b(?:such as|and)\b", {"s", "a"}),
        (r"[:(]\s*|\s*,", None),  # the second alternative may begin with any space
        (r"(?:x|y)?z", {"x", "y", "z"}),
        (r"a*", None),  # may be empty
        (r"\w+", None),  # a category: too many characters
        (r"(?i)such", None),  # case-insensitive: not read
        (r"(?<!no )\bdata\b", {"d"}),
    ],
)
def test_first_chars(pattern: str, chars: set[str] | None) -> None:
    found = first_chars(re.compile(pattern))
    assert (None if found is None else set(found)) == chars


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?P<intro>(?:\b(?:such as\b|like\b|e\.g\.?,?)|[:(])\s*)|(?:(?:[,;&)]|\b(?:and/or\b|and\b|or\b))\s*)",
        r"\b(?:the|your)\s+(?:name|e-?mail)\b",
        r"\n[-*]",
        r"[]^\\-]x",
    ],
)
@pytest.mark.parametrize("text", _TEXTS)
def test_skipping_search_finds_the_same_match(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    skipping = skipping_search(compiled)
    assert skipping is not None
    for pos in range(len(text) + 1):
        for endpos in (len(text), max(pos, len(text) - 5)):
            expected = compiled.search(text, pos, endpos)
            found = skipping.search(text, pos, endpos)
            assert (expected is None) == (found is None)
            if expected is not None and found is not None:
                assert found.span("at") == expected.span()
                assert found.groupdict().get("intro") == expected.groupdict().get("intro")


@pytest.mark.parametrize("text", _TEXTS)
def test_enumeration_cuts_are_those_of_the_plain_scan(text: str) -> None:
    rules = load_rules()
    assert _cut_search(rules) is not None
    plain = [
        (found.start(), found.end(), found.start("intro") >= 0)
        for found in _cut_pattern(rules).finditer(text)
        if found.end() > found.start()
    ]
    assert _cuts(rules, text, 0, len(text)) == plain


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (r"\b(?:keep|retain)\b[^.]{0,20}\bfor\b|\bretention period\b", ["we keep it for a year", "a retention period"]),
        (r"\b(?:minors?|right to|opt[ -]out)", ["our minors", "the right to", "opt-out", "a minority"]),
    ],
)
def test_a_cue_matches_where_one_of_its_alternatives_does(pattern: str, texts: list[str]) -> None:
    compiled = re.compile(pattern)
    alternatives = _alternatives(compiled)
    assert len(alternatives) > 1
    for text in [*texts, "nothing to see", "keep it safe"]:
        assert (compiled.search(text) is not None) == any(alt.search(text) is not None for alt in alternatives)
