"""The faster forms of the purpose patterns find exactly what the plain forms find."""

from __future__ import annotations

import re

import pytest

from privacyparser.extract import purposes
from privacyparser.prefilter import trie_regex
from privacyparser.rules import load_rules

RULES = load_rules()
PATTERNS = purposes._patterns(RULES.purpose_clauses)

# Sentences written for these tests, with the cues the patterns look for.
SENTENCES = [
    "We use your email address to send you order confirmations and to improve the app.",
    "In order to make the app available, we store logs; for example, to detect fraud.",
    "Data is kept for the operation and maintenance of the service, or as required by law.",
    "These tools help us understand how visitors use the site, so that we can fix errors.",
    "We may share data for marketing purposes, such as: newsletters, offers - and events &",
    "You have the right to object; please contact us to opt out of emails or the",
    "To (1) comply with the law; (2) protect our rights, and (3) prevent abuse.",
    "(a) To manage your account;\n(b) Processing payments\n- Customer support",
    "We have put in place safeguards to protect your data from loss, and our staff will",
    "Information used to identify you is kept safe with encryption, tls and firewalls.",
]


def _windows(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s in range(0, len(text), 3) for e in (len(text), min(len(text), s + 40))]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


@pytest.mark.parametrize("words", [["to", "for", "form", "format"], ["carry out", "carry", "car"], ["a", "ab", "b"]])
def test_trie_alternation_matches_like_the_flat_one(words: list[str]) -> None:
    flat = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")(?=\s|$)")
    trie = re.compile("(?:" + trie_regex(words) + r")(?=\s|$)")
    text = " ".join(words) + " formats carry outward car"
    for pos in range(len(text)):
        assert _same(flat.match(text, pos), trie.match(text, pos))


@pytest.mark.parametrize(
    ("pattern", "openings", "bounded"),
    [
        (r"\b(?:to|in order to)\s+\w+|\bfor\b", {"to", "in order to", "for"}, True),
        (r"ab|\bcd", {"ab", "cd"}, False),
        (r"(?:x|)yz", {"xyz", "yz"}, False),
        (r"[a-z]+ing", None, False),
        (r"(?:x|y)?z", None, False),
        (r"(?i:to)\b", None, False),
    ],
)
def test_openings_are_what_every_match_opens_with(pattern: str, openings: set[str] | None, bounded: bool) -> None:
    found = purposes._openings(pattern)
    assert (found is None) == (openings is None)
    if found is not None:
        assert set(found[0]) == openings
        assert found[1] is bounded


@pytest.mark.parametrize(
    "name",
    ["context", "not_before", "no_purpose_before", "user_choice", "circumstance_before", "single_word_before"],
)
def test_guarded_rules_find_what_the_rules_find(name: str) -> None:
    plain = getattr(RULES.purpose_clauses, name)
    fast = getattr(PATTERNS, name)
    assert fast.pattern != plain.pattern
    for text in SENTENCES:
        lower = text.lower()
        for s, e in _windows(lower):
            assert _same(plain.search(lower, s, e), fast.search(lower, s, e))


def test_clause_end_and_trailing_find_what_their_plain_forms_find() -> None:
    # The plain form of `_CLAUSE_END`: each way of ending with its opening character in
    # place of the lookbehind that checks it.
    clause_end = re.compile(
        r"[.;:!?()\[\]\n]|"
        + purposes._CLAUSE_END.pattern.split("](?:(?<=[.;:!?()\\[\\]\\n])|", 1)[1][:-1]
        .replace("(?<=,)", ",")
        .replace("(?<=\\s)", "\\s")
    )
    for text in SENTENCES:
        lower = text.lower()
        for s, e in _windows(lower):
            a, b = clause_end.search(lower, s, e), purposes._CLAUSE_END.search(lower, s, e)
            assert (a and a.start()) == (b and b.start())
            trail = purposes._TRAILING.search(lower, s, e)
            assert purposes._trailing(lower, s, e) == (trail.start() if trail else None)


def test_start_cue_scan_reuses_the_first_match() -> None:
    text = SENTENCES[0].lower()
    reader_start = PATTERNS.start
    expected = [m.span() for m in reader_start.finditer(text, 10, len(text))]
    assert expected  # "to send", "to improve"
    first = reader_start.search(text, 0, len(text))
    reader = purposes.PurposeReader.__new__(purposes.PurposeReader)
    reader.patterns = PATTERNS

    class _Ctx:
        lower = text

    reader.ctx = _Ctx()  # type: ignore[assignment]
    reader._start_scan = purposes._word_start_scan(reader_start)
    assert [m.span() for m in reader._start_matches(first, 10, len(text))] == expected


def test_word_start_scan_finds_what_start_finds() -> None:
    start = PATTERNS.start
    assert purposes._word_start_scan(start) is not None
    # Cue words after every kind of character: a word one ("_to", "éto", "2for"), a
    # non-word one ("(to", "/for", "-so that"), a capital (left in a text not lowered).
    texts = [*SENTENCES, "_to improve (to improve) éto improve/for providing -so that we can 2for analysing Xto help"]
    for text in texts:
        reader = purposes.PurposeReader.__new__(purposes.PurposeReader)
        reader.patterns = PATTERNS
        reader._start_scan = purposes._word_start_scan(start)
        for lower in (text, text.lower()):

            class _Ctx:
                pass

            ctx = _Ctx()
            ctx.lower = lower  # type: ignore[attr-defined]
            reader.ctx = ctx  # type: ignore[assignment]
            for s, e in _windows(lower) + [(pos, len(lower)) for pos in range(len(lower))]:
                assert _same(reader._start_search(s, e), start.search(lower, s, e)), (lower, s, e)


@pytest.mark.parametrize(
    "matches",
    [
        [(1, 0, 1), (2, 0, 2), (3, 1, 2), (4, 3, 4)],
        [(1, 0, 3), (2, 1, 4), (3, 2, 5), (4, 5, 6), (5, 5, 6)],
        [(7, 2, 4), (8, 2, 4), (9, 0, 1), (6, 3, 5)],
    ],
)
def test_filter_matches_is_the_greedy_longest_first_choice(matches: list[tuple[int, int, int]]) -> None:
    from privacyparser.pipeline.clauses import _filter_matches

    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept, seen = [], set()
    for match in ordered:
        if match[1] not in seen and match[2] - 1 not in seen:
            kept.append(match)
            seen.update(range(match[1], match[2]))
    assert _filter_matches(sorted(matches, key=lambda m: m[1])) == sorted(kept, key=lambda m: m[1])
