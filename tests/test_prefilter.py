"""The sentence filter may only skip a pattern where it cannot match."""

from __future__ import annotations

import re

import pytest

from privacyparser.prefilter import (
    SentenceFilter,
    _leading_letter_scans,
    factored_by_first_letter,
    finditer_by_leading_letter,
    required_literal_sets,
    required_literals,
)
from privacyparser.rules import load_rules


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bunsubscrib\w*", {"unsubscrib"}),
        (r"\be-?mails?\b", {"email", "emails", "e-mail", "e-mails"}),
        (r"\b(?:delete|erase)\b[^.]{0,40}\bdata\b", {"delete", "erase"}),
        (r"(?i)\bdelete\b", None),  # case-insensitive: no literal is safe
        (r"\w+@\w+", None),  # nothing of three characters is required
    ],
)
def test_required_literals(pattern: str, literals: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == literals


def test_required_literal_sets_lists_every_required_word() -> None:
    sets = required_literal_sets(re.compile(r"\b(?:delete|erase)\b[^.]{0,40}\bdata\b"))
    assert [set(s) for s in sets] == [{"delete", "erase"}, {"data"}]


def test_a_pattern_needs_a_word_of_each_set() -> None:
    table = SentenceFilter([re.compile(r"\b(?:delete|erase)\b[^.]{0,40}\brecords\b"), re.compile(r"\bkeep\b")])
    text = "we delete old records. we delete nothing. records stay. we keep records."
    starts = [0, 23, 42, 56]
    # The second sentence lacks "records", the third "delete" or "erase": the first
    # pattern cannot match there; the second pattern's bit is untouched.
    assert table.masks(text, starts) == [0b01, 0b00, 0b00, 0b10]


def _table_cases() -> list[tuple[str, re.Pattern[str], str]]:
    rules = load_rules()
    cases = [(t.id, t.pattern, example) for t in rules.sense_traps for example in t.examples]
    for rule in (*rules.rights, *rules.retention):
        cases += [(rule.id, rule.pattern, example) for example in rule.examples]
    return cases


@pytest.mark.parametrize(("rule_id", "pattern", "example"), _table_cases())
def test_every_table_example_keeps_its_pattern(rule_id: str, pattern: re.Pattern[str], example: str) -> None:
    lower = example.lower()
    if pattern.search(lower) is None:
        pytest.skip(f"{rule_id}: example does not match on its own sentence")
    masks = SentenceFilter([pattern]).masks(lower, [0])
    assert masks[0] & 1, f"{rule_id}: the filter would skip {example!r}"


def test_masks_bucket_by_sentence() -> None:
    table = SentenceFilter([re.compile(r"\bunsubscrib\w*"), re.compile(r"\bopt[ -]out\b"), re.compile(r"^\w")])
    text = "you may unsubscribe. or opt-out here. we keep it."
    assert table.masks(text, [0, 21, 38]) == [0b101, 0b110, 0b100]


def _reference_masks(table: SentenceFilter, patterns: list[re.Pattern[str]], text: str, starts: list[int]) -> list[int]:
    """Every occurrence of every literal, found with `str.find`: what the scans must give."""
    masks = [table.always] * len(starts)
    for bit, pattern in enumerate(patterns):
        for literal in required_literals(pattern) or ():
            at = text.find(literal)
            while at >= 0:
                owners = [i for i, start in enumerate(starts) if start <= at]
                if owners:  # text before the first sentence belongs to none
                    masks[owners[-1]] |= 1 << bit
                at = text.find(literal, at + 1)
    return masks


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # Overlapping literals ("e-mail" holds "mail"), a literal that is a prefix of
        # another ("opt out" / "opt outs"), repeated first characters ("eemail").
        ("send an e-mail to opt out. mailing eemail. opt outs.", [0, 27, 44]),
        ("no literal here at all.", [0]),
        ("mailmailmail. email", [0, 14]),
        ("opt out now. send an e-mail", [13]),
    ],
)
def test_scans_find_every_literal_occurrence(text: str, starts: list[int]) -> None:
    patterns = [
        re.compile(r"\be-?mails?\b"),
        re.compile(r"mail\w*"),
        re.compile(r"\bopt out"),
        re.compile(r"\bopt outs\b"),
        re.compile(r"^\w"),
    ]
    table = SentenceFilter(patterns)
    assert table.masks(text, starts) == _reference_masks(table, patterns, text, starts)


_FACTOR_SENTENCES = [
    "we collect and use your email address, e.g. to send you updates and to show your profile.",
    "our servers log in with the logs we keep; sharing is used to check, read and verify data about you.",
    "you may ask us to delete it. we retained, stored and processed nothing else.",
    "we do not sell it and will never, in any case, collect or use it; we don't use nothing.",
    "recollect reuse misused e.g.g the user's user's users' information about types of kinds of",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:collect\w*|use|uses|used|e\.g|(?:show|see)\s+(?:your|their)|sell|share\w*|s[ae]nd)\b",
        r"\b(?:log|logs|log in with|logged|[lr]ead|read|\d+|users?'|user's)\b",
        r"\b(?:a|ab|abc|b?c|information about|data about)\b",
        # What follows the group is kept as it is.
        r"\b(?:not|never|no longer|don't)\b(?:\s+\S+){0,2}?\s+\b(?:collect\w*|use)\b|\bnothing\b",
    ],
)
def test_factored_by_first_letter_keeps_every_match(pattern: str) -> None:
    original = re.compile(pattern)
    factored = factored_by_first_letter(original)
    assert factored.pattern != original.pattern
    for sentence in _FACTOR_SENTENCES:
        assert [m.span() for m in factored.finditer(sentence)] == [m.span() for m in original.finditer(sentence)]


def test_factored_rule_cues_keep_every_match() -> None:
    rules = load_rules()
    for original in (rules.practice_cue, rules.collection_verb, rules.negation):
        factored = factored_by_first_letter(original)
        assert factored.pattern != original.pattern
        for sentence in _FACTOR_SENTENCES:
            assert [m.span() for m in factored.finditer(sentence)] == [m.span() for m in original.finditer(sentence)]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?i)\b(?:collect|use)\b",
        r"\b(?:collect)\b",
        r"\b(?:collect|use)+\b",
        r"\b(?:a)|(?:b)\b",
        r"collect|use",
        r"\b(?:[|]x|y)\b",
    ],
)
def test_factored_by_first_letter_leaves_other_patterns(pattern: str) -> None:
    original = re.compile(pattern)
    factored = factored_by_first_letter(original)
    for sentence in [*_FACTOR_SENTENCES, "a b | x y"]:
        assert [m.span() for m in factored.finditer(sentence)] == [m.span() for m in original.finditer(sentence)]
    if pattern != r"\b(?:[|]x|y)\b":
        assert factored is original


@pytest.mark.parametrize(("rule_id", "pattern", "example"), _table_cases())
def test_factored_table_patterns_keep_every_match(rule_id: str, pattern: re.Pattern[str], example: str) -> None:
    """The patterns run in their factored form give, on their own examples, the same matches."""
    lower = example.lower()
    factored = factored_by_first_letter(pattern)
    assert [m.span() for m in factored.finditer(lower)] == [m.span() for m in pattern.finditer(lower)], rule_id


@pytest.mark.parametrize(
    ("pattern", "split"),
    [
        # One letter's alternatives behind the string they share ("re", "ke"), in order.
        (r"\b(?:retain|retained|keep|keeps|kept|remove|stores?|stored)\b", True),
        # A leading group of words reads as one alternative per word; a lookaround stays.
        (r"\b(?:(?:as|so) long as|only (?:until|till)|store(?<!the store)(?!\s+hours))\b", True),
        (r"\b(?:log|logs|log in with|logged|de-identif\w*|users?)\b", True),
        # Not split: an alternative opening with no plain letter, a capturing group,
        # case-insensitive or repeated.
        (r"\b(?:a|ab|abc|b?c|information about)\b", False),
        (r"\b(?:[lr]ead|read)\b", False),
        (r"\b(?:(keep)|retain)\b", False),
        (r"(?i)\b(?:keep|retain)\b", False),
        (r"\b(?:keep|retain)+\b", False),
        (r"keep|retain", False),
    ],
)
def test_finditer_by_leading_letter_finds_the_same_matches(pattern: str, split: bool) -> None:
    original = re.compile(pattern)
    sentences = [
        *_FACTOR_SENTENCES,
        "we keep logs as long as needed, so long as you stay; the store hours and our stores change.",
        "retained.keep kept, unkept, de-identified only until then; we removed store records only till may.",
        "keepkeep retain-retain reads lead (keep) users logged in",
    ]
    for sentence in sentences:
        found = [m.span() for m in finditer_by_leading_letter(original, sentence)]
        assert found == [m.span() for m in original.finditer(sentence)]
    assert (_leading_letter_scans(original) is not None) == split


def test_finditer_by_leading_letter_on_the_retention_cue() -> None:
    cue = load_rules().retention_cue
    assert _leading_letter_scans(cue) is not None
    for sentence in _FACTOR_SENTENCES:
        found = [m.span() for m in finditer_by_leading_letter(cue, sentence)]
        assert found == [m.span() for m in cue.finditer(sentence)]
