"""with_leading_literals: same matches as the pattern, whatever the text."""

from __future__ import annotations

import re

import pytest

from privacyparser.extract.leading import leading_literals, with_leading_literals
from privacyparser.rules import load_rules

TEXTS = [
    "we keep your records for two years and then delete them.",
    "you may ask us to correct or update your account details at any time.",
    "the store keeps receipts; our app store listing stores nothing.",
    "retained, kept, retaining: data is held as long as necessary for billing.",
    "keepsake items are not kept.",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:keep|kept|retain\w*)\b", {"keep", "kept", "retain"}),
        (r"(?<!the )store(?:s|d)?\b", {"store", "stores", "stored"}),  # an optional group is read through
        (r"\w+ed\b", None),  # a match may begin anywhere
        (r"(?i)keep", None),  # global flags stay first: left alone
    ],
)
def test_leading_literals(pattern: str, expected: set[str] | None) -> None:
    found = leading_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:keep|kept|retain\w*)\b",
        r"(?<!the )store(?:s|d)?\b",
        r"\b(?P<verb>correct|update)\b[^.]{0,30}?\b(?:account|details)\b",
        r"\w+ed\b",
    ],
)
def test_same_matches(pattern: str) -> None:
    compiled = re.compile(pattern)
    fast = with_leading_literals(compiled)
    for text in TEXTS:
        assert _spans(fast, text) == _spans(compiled, text)


def test_rule_table_cues_keep_their_matches() -> None:
    rules = load_rules()
    for pattern in (rules.retention_cue, rules.right_user_cues, *(rule.pattern for rule in rules.rights)):
        fast = with_leading_literals(pattern)
        for text in TEXTS:
            assert _spans(fast, text) == _spans(pattern, text)
