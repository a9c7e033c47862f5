"""Which regexes of a table can match in which sentence, from one pass over the document.

Rules are run per sentence (`rule.pattern.finditer(sentence)`), and most rules match in
few sentences: running every rule on every sentence cost more than tokenising. Each
pattern is read once for the literal strings one of which every match must contain
("unsubscrib" for `\\bunsubscrib\\w*`; "email", "e-mail", ... for `e-?mails?`); one
regex finds every occurrence of those literals in the document, and a sentence runs
only the patterns whose literals it holds. The patterns themselves still run on the
sentence exactly as before, so results cannot change: the literals only skip sentences
in which a pattern cannot match. A pattern without usable literals runs everywhere.

>>> table = SentenceFilter([re.compile(r"\\bunsubscrib\\w*"), re.compile(r"^\\w")])
>>> [bin(mask) for mask in table.masks("you may unsubscribe. we keep it.", [0, 21])]
['0b11', '0b10']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, TypeVar

from privacyparser.regex_cache import compile_regex

# Literals shorter than this occur in almost every sentence: not worth looking for.
_MIN_LITERAL = 3
# Bounds on the strings a run of small alternatives expands to ("e-?mails?": 4).
_MAX_EXPANSION = 64
_MAX_CLASS = 8

# Words found in most sentences of a policy: a further set that holds one of them ("you",
# "users", "customers") rejects few sentences, and each of its many occurrences cost a
# step of the scan. Only further sets are dropped; a pattern's first set still decides.
# The rights rules scanned by alternative (`top_alternatives`) have many further sets:
# with "the", "your", "service", ... kept, the scan found 82k literals over the OPP-115
# texts instead of 49k and cost more than the rule runs it spared.
_COMMON_WORDS = frozenset(
    ("you", "your", "the", "information", "personal", "data", "service", "services", "use", "may", "all", "any", "not")
)

_Exact = frozenset[str] | None
_T = TypeVar("_T")


def required_literals(pattern: re.Pattern[str], min_literal: int = _MIN_LITERAL) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, or None when unknown
    (or when one is shorter than `min_literal`).

    >>> sorted(required_literals(re.compile(r"\\bopt(?:ing|s)?[ -]?out\\b")))
    ['opt out', 'opt-out', 'opting out', 'opting-out', 'optingout', 'optout', 'opts out', 'opts-out', 'optsout']
    """
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an internal parser, used only as a hint: any failure means "no literals"
        return None
    found = _required(list(tree))
    if found is None or not found or min(len(s) for s in found) < max(1, min_literal):
        return None
    return found


# Values derived from a pattern or a rule table, by the identity of that object: they are
# asked once per term or sentence, and `lru_cache` hashes a compiled pattern's whole
# program at every call (a microsecond for the long cues). Each entry holds its owner,
# so an id is never reused while it is a key.
_BY_IDENTITY: dict[tuple[int, str, int | None], tuple[object, Any]] = {}
_MAX_BY_IDENTITY = 2048


def remembered(owner: object, kind: str, build: Callable[[], _T], option: int | None = None) -> _T:
    """`build()`, computed once for this `owner` object (a compiled pattern, a rule set),
    `kind` and `option`, and looked up by identity afterwards."""
    key = (id(owner), kind, option)
    hit = _BY_IDENTITY.get(key)
    if hit is not None and hit[0] is owner:
        value: _T = hit[1]
        return value
    value = build()
    if len(_BY_IDENTITY) >= _MAX_BY_IDENTITY:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[key] = (owner, value)
    return value


def literal_checks(pattern: re.Pattern[str], max_count: int | None = None) -> tuple[str, ...] | None:
    """The fewest strings one of which every match of `pattern` holds, for substring tests
    in C before a regex runs on a short text; None when unknown or more than `max_count`.

    A literal holding another one is found whenever that one is, so only the shorter is kept.
    """
    # The lookup of `remembered` inlined: asked for every window of every term.
    hit = _BY_IDENTITY.get((id(pattern), "checks", max_count))
    if hit is not None and hit[0] is pattern:
        checks: tuple[str, ...] | None = hit[1]
        return checks
    return remembered(pattern, "checks", lambda: _literal_checks(pattern, max_count), max_count)


def may_match(pattern: re.Pattern[str], text: str, max_count: int | None = None) -> bool:
    """False when `text` holds none of `literal_checks(pattern, max_count)`: `pattern`
    cannot match there. A substring test per literal, in C, where a search would try
    the pattern at every character; `map` over the bound `__contains__` keeps the loop in C."""
    checks = literal_checks(pattern, max_count)
    return checks is None or any(map(text.__contains__, checks))


def _literal_checks(pattern: re.Pattern[str], max_count: int | None) -> tuple[str, ...] | None:
    literals = required_literals(pattern, min_literal=1)
    if literals is None:
        return None
    kept = tuple(sorted(a for a in literals if not any(b != a and b in a for b in literals)))
    return kept if max_count is None or len(kept) <= max_count else None


def without_leading_space(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` without its leading greedy `\\s*`, or None when it does not open with one.

    A leading `\\s*` keeps `re` from skipping ahead to where a match can begin; the
    rest of the pattern searched alone finds where the whole pattern's leftmost match
    begins (see `LeadingSpaceSearch`).
    """
    source = pattern.pattern
    if not isinstance(source, str) or not source.startswith("\\s*"):
        return None
    try:
        tree = list(sre_parse.parse(source, pattern.flags))
    except Exception:  # an internal parser, used only as a hint
        return None
    if not tree:
        return None
    op, arg = tree[0]
    if op is not sre.MAX_REPEAT or arg[0] != 0 or arg[1] != sre.MAXREPEAT:
        return None
    if list(arg[2]) != [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]:
        return None
    try:
        return compile_regex(source[3:], pattern.flags)
    except re.error:
        return None


class LeadingSpaceSearch:
    """`pattern.search(text, pos, endpos)`, same result, for a pattern that opens with `\\s*`.

    The leftmost match of `\\s*REST` from `pos` begins where the run of whitespace
    before the leftmost match of REST begins (not before `pos`): a match at an earlier
    position would hold a match of REST at or after it and before that one. The whole
    pattern is then matched at that position, which gives the very match `search`
    returns.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.rest = without_leading_space(pattern)

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        if self.rest is None:
            return self.pattern.search(text, pos, endpos)
        found = self.rest.search(text, pos, endpos)
        if found is None:
            return None
        begin = found.start()
        while begin > pos and text[begin - 1].isspace():
            begin -= 1
        match = self.pattern.match(text, begin, endpos)
        return match if match is not None else self.pattern.search(text, pos, endpos)


def is_group(item: tuple[Any, Any]) -> bool:
    """A group or an alternation: read by `strings_of_group`."""
    return item[0] is sre.SUBPATTERN or item[0] is sre.BRANCH


def strings_of_group(
    item: tuple[Any, Any], walk: Callable[[list[Any]], frozenset[str] | None], limit: int | None = None
) -> frozenset[str] | None:
    """The strings of a group or an alternation (`is_group`) in a parsed pattern, `walk`
    giving those of a sequence: a group's (None when it turns on IGNORECASE, whose
    matches no literal set describes), or the union of the alternatives' (None when one
    is unknown or there are more than `limit`). The walkers of this module and of
    `leading` share it."""
    op, arg = item
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        return None if add_flags & re.IGNORECASE else walk(list(body))
    if op is sre.BRANCH:
        out: set[str] = set()
        for alternative in arg[1]:
            strings = walk(list(alternative))
            if strings is None:
                return None
            out |= strings
        return frozenset(out) if limit is None or len(out) <= limit else None
    return None


def exact_strings(item: tuple[Any, Any]) -> _Exact:
    """Every string the parsed regex item `item` can match, when they are few (at most
    _MAX_EXPANSION); zero-width items match "". Shared with `leading.py`."""
    op, arg = item
    if op is sre.LITERAL:
        return frozenset((chr(arg),))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(("",))
    if op is sre.IN:
        chars = set()
        for kind, value in arg:
            if kind is not sre.LITERAL:
                return None
            chars.add(chr(value))
        return frozenset(chars) if len(chars) <= _MAX_CLASS else None
    if is_group(item):
        return strings_of_group(item, _exact_sequence, _MAX_EXPANSION)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] == 0 and arg[1] == 1:
        strings = _exact_sequence(list(arg[2]))
        return None if strings is None else strings | {""}
    return None


def _exact_sequence(items: list[tuple[object, object]]) -> _Exact:
    out: frozenset[str] = frozenset(("",))
    for item in items:
        strings = exact_strings(item)
        if strings is None:
            return None
        out = frozenset(a + b for a in out for b in strings)
        if len(out) > _MAX_EXPANSION:
            return None
    return out


def required_literal_sets(pattern: re.Pattern[str], min_literal: int = _MIN_LITERAL) -> list[frozenset[str]]:
    """Every set of literals, one of each of which every match of `pattern` contains,
    that is usable (no literal shorter than `min_literal`); the most selective first.

    `required_literals` gives the first; the others are required as well ("rights?" and
    "request" both in `\\brights? to request\\b`), so a sentence that lacks one of
    them cannot match either. Computed once per pattern object: a filter is built for
    each table and again for the union of tables (see `DocumentContext.pattern_masks`),
    and reading the patterns was most of a process's first parses.
    """
    # A copy: the cached list is shared.
    return list(remembered(pattern, "literal sets", lambda: _required_literal_sets(pattern, min_literal), min_literal))


def _required_literal_sets(pattern: re.Pattern[str], min_literal: int) -> list[frozenset[str]]:
    # `required_literals` and the other sets from one parse of the pattern and one
    # reading of its items (the same values as reading it twice).
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return []
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an internal parser, used only as a hint: any failure means "no literals"
        return []
    candidates = _candidates(list(tree))
    if not candidates:
        return []
    best = max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))
    if not best or min(len(s) for s in best) < max(1, min_literal):
        return []
    others = [c for c in candidates if c != best and min(len(s) for s in c) >= min_literal]
    return [best, *others]


def _required(items: list[tuple[object, object]]) -> frozenset[str] | None:
    """Literals one of which every match of the sequence `items` contains."""
    candidates = _candidates(items)
    if not candidates:
        return None
    # The most selective: longest shortest literal, then fewest literals.
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _candidates(items: list[tuple[object, object]]) -> list[frozenset[str]]:
    """Sets of literals, one of each of which every match of the sequence `items` contains."""
    candidates: list[frozenset[str]] = []
    run: frozenset[str] = frozenset(("",))

    def close_run() -> None:
        if "" not in run:
            candidates.append(run)

    for item in items:
        strings = exact_strings(item)
        if strings is not None and len(run) * len(strings) <= _MAX_EXPANSION:
            run = frozenset(a + b for a in run for b in strings)
            continue
        close_run()
        run = strings if strings is not None else frozenset(("",))
        if strings is None:
            inner = _required_item(item)
            if inner is not None:
                candidates.append(inner)
    close_run()
    return candidates


def _required_item(item: tuple[Any, Any]) -> frozenset[str] | None:
    op, arg = item
    if is_group(item):
        return strings_of_group(item, _required)
    if op is sre.ATOMIC_GROUP:
        return _required(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
        return _required(list(arg[2]))
    return None


def trie_regex(literals: Sequence[str]) -> str:
    """One regex for a set of literals, factored by common prefixes (fast in `re`)."""
    trie: dict[str, Any] = {}
    for literal in literals:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Longest first: a literal that is a prefix of another is implied by it.
            body = "(?:" + body + ")?"
        return body

    return build(trie)


@lru_cache(maxsize=32)
def sentence_filter(patterns: tuple[re.Pattern[str], ...]) -> SentenceFilter:
    """The filter of a table's patterns, built once per process."""
    return SentenceFilter(patterns)


class SentenceFilter:
    """For a list of patterns, a bit mask per sentence of those that may match in it."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.always = 0
        self._width = len(patterns)
        by_literal: dict[str, int] = {}
        # A pattern whose matches hold a literal of each of several sets ("rights?" and
        # "request"): its first set sets its own bit, each other set a bit above all the
        # patterns' bits, and a sentence keeps the pattern's bit only when it has them
        # all. The pattern then runs in the sentences that hold every required word, not
        # in all that hold its most selective one (over the OPP-115 texts, 44k
        # pattern-sentence pairs instead of 53k).
        self._needs: list[tuple[int, int]] = []  # (pattern bit, bits of its other sets)
        extra = len(patterns)
        for bit, pattern in enumerate(patterns):
            sets = required_literal_sets(pattern)
            sets = sets[:1] + [c for c in sets[1:] if _worth_scanning(c)]
            if not sets:
                self.always |= 1 << bit
                continue
            need = 0
            for index, literals in enumerate(sets):
                literal_bit = bit
                if index:
                    literal_bit, extra = extra, extra + 1
                    need |= 1 << literal_bit
                self._add_literals(by_literal, literals, literal_bit)
            if need:
                self._needs.append((1 << bit, need))
        self._multi = sum(bit for bit, _ in self._needs)
        self._need_of = dict(self._needs)
        # A match of a scan is the longest literal starting at its position; the
        # literals that are its prefixes occur there too.
        bits = {literal: _bits_of_prefixes(literal, by_literal) for literal in by_literal}
        # One scan per first character ("c(?=(rest))"): `re` then jumps from one
        # occurrence of the character to the next instead of trying the whole trie at
        # every position of the document, which made the scan as slow as tokenising.
        by_first: dict[str, dict[str, int]] = {}
        for literal, literal_bits in bits.items():
            by_first.setdefault(literal[0], {})[literal[1:]] = literal_bits
        self._scans = [
            (compile_regex(re.escape(first) + "(?=(" + trie_regex(sorted(rests)) + "))"), rests)
            for first, rests in sorted(by_first.items())
        ]

    @staticmethod
    def _add_literals(by_literal: dict[str, int], literals: frozenset[str], bit: int) -> None:
        for literal in literals:
            # " to object" is found by its part "to object": the space is the most
            # common character of a text, and a scan for it tried the literals at
            # every word; the sentences that hold the part hold the whole, and more.
            stripped = literal.lstrip(" ")
            if len(stripped) >= _MIN_LITERAL:
                literal = stripped
            by_literal[literal] = by_literal.get(literal, 0) | (1 << bit)

    def masks(self, lower: str, sentence_starts: Sequence[int]) -> list[int]:
        """The mask of each sentence of `lower`; a sentence runs from its start to the next."""
        count = len(sentence_starts)
        if not count:
            return []
        # One mask more, last: the characters before the first sentence own it (index
        # -1), so the loop below needs no test; it is dropped at the end.
        masks = [self.always] * count + [0]
        # The sentence of every character (-1 before the first one), built in C: one
        # list index per match instead of a binary search.
        owner = [-1] * sentence_starts[0]
        ends = [*sentence_starts[1:], len(lower)]
        for index, (start, end) in enumerate(zip(sentence_starts, ends, strict=True)):
            owner += [index] * (end - start)
        if len(owner) != len(lower):  # starts out of order or past the end: search them
            owner = [bisect_right(sentence_starts, at) - 1 for at in range(len(lower))]
        for scan, bits in self._scans:
            for match in scan.finditer(lower):
                # A literal that runs on into the next sentence only makes this one run its
                # pattern for nothing: the mask may say "maybe", never "no" wrongly.
                masks[owner[match.start()]] |= bits[match[1]]
        masks.pop()
        if self._needs:
            # Each pattern keeps its bit where every other set of it was seen; the
            # bits of those sets are then dropped.
            width = (1 << self._width) - 1
            multi, need_of = self._multi, self._need_of
            for index, mask in enumerate(masks):
                pending = mask & multi
                if pending:
                    # Only the bits set here are looked at: a table of many patterns
                    # with further sets (the rights rules by alternative) has dozens.
                    while pending:
                        bit = pending & -pending
                        pending ^= bit
                        need = need_of[bit]
                        if mask & need != need:
                            mask ^= bit
                    masks[index] = mask & width
                elif mask > width:
                    masks[index] = mask & width
        return masks


def _worth_scanning(literals: frozenset[str]) -> bool:
    """Whether a further set of a pattern is looked for. A literal short once its spaces
    are cut (" to ") would be scanned for with its leading space: a scan tried at every
    word. A common word ("the ") holds in most sentences and rules out few."""
    stripped = {literal.strip(" ") for literal in literals}
    return min(map(len, stripped)) >= _MIN_LITERAL and not stripped & _COMMON_WORDS


def _bits_of_prefixes(literal: str, by_literal: dict[str, int]) -> int:
    bits = 0
    for end in range(1, len(literal) + 1):
        bits |= by_literal.get(literal[:end], 0)
    return bits


def _syntax(source: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Index and character of each piece of regex syntax in `source` from `start`:
    escapes ("\\(") and character classes ("[()|]", "[]x]") are stepped over whole."""
    i = start
    in_class = False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            # "[]...]" and "[^]...]": a "]" just after the opening is a member.
            i += 3 if source.startswith("[^]", i) else 2 if source.startswith("[]", i) else 1
            continue
        else:
            yield i, ch
        i += 1


_GLOBAL_FLAGS_OR_BACKREFERENCE = re.compile(r"\A\(\?[aiLmsux]+\)|\\[1-9]|\(\?P=")


def top_alternatives(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """`pattern` split at its top-level `|`, each alternative compiled alone (`pattern`
    itself when it has one alternative or cannot be split safely).

    Every match of `pattern` is a match of one of them, so a sentence that holds none of
    an alternative's literals cannot match it there: a literal scan by alternative
    (`SentenceFilter`) rules out more sentences than one by the whole pattern, whose
    literals are those of all its alternatives together.

    >>> [piece.pattern for piece in top_alternatives(re.compile(r"opt(?:ing)? out|unsubscrib"))]
    ['opt(?:ing)? out', 'unsubscrib']
    """
    # Flags written inline at the start ("(?x)") or a back-reference ("\\2" counts the
    # groups of the alternatives before it) would not mean the same in a piece alone.
    if not isinstance(pattern.pattern, str) or _GLOBAL_FLAGS_OR_BACKREFERENCE.search(pattern.pattern):
        return (pattern,)
    parts = _top_alternatives(pattern.pattern)
    if parts is None or len(parts) < 2:
        return (pattern,)
    try:
        return tuple(compile_regex(part, pattern.flags) for part in parts)
    except re.error:
        return (pattern,)


def _top_alternatives(body: str) -> list[str] | None:
    """`body` split at its `|` outside any group or class; None when it is not balanced."""
    cuts: list[int] = []
    depth = 0
    for i, ch in _syntax(body):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            cuts.append(i)
    if depth:
        return None
    edges = [-1, *cuts, len(body)]
    return [body[a + 1 : b] for a, b in pairwise(edges)]


_WORD_GROUP_OPENING = "\\b(?:"


def _leading_word_group(source: str) -> tuple[str, str] | None:
    """For a source that opens with `\\b(?:...)`: the group's body and what follows it."""
    if not source.startswith(_WORD_GROUP_OPENING):
        return None
    depth = 1
    for i, ch in _syntax(source, len(_WORD_GROUP_OPENING)):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return source[len(_WORD_GROUP_OPENING) : i], source[i + 1 :]
    return None


def factored_by_first_letter(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern`, when it opens with `\\b(?:A|B|...)`, with those alternatives grouped by
    first letter: the same matches, found faster.

    `re` tries the alternatives of a group one after the other at every word start; a
    test of the first letter then rejects most of them at once. Two alternatives that
    open with different letters never match at the same position, so grouping them
    by letter keeps, at every position, the order in which the matching ones are
    tried, and so the match, whatever follows the group. An alternative that does not open with a plain letter
    ("(?:show|see)\\s+your") keeps its place: only the runs between such ones are
    grouped. Any other pattern is returned as it is.

    >>> factored_by_first_letter(re.compile(r"\\b(?:collect\\w*|use|capture|e\\.g|\\d+|uses)\\b")).pattern
    '\\\\b(?:c(?:ollect\\\\w*|apture)|u(?:se)|e(?:\\\\.g)|\\\\d+|u(?:ses))\\\\b'
    """
    # The lookup of `remembered` inlined: asked for every clause of every term.
    hit = _BY_IDENTITY.get((id(pattern), "factored", None))
    if hit is not None and hit[0] is pattern:
        factored: re.Pattern[str] = hit[1]
        return factored
    return remembered(pattern, "factored", lambda: _factored_by_first_letter(pattern))


def _factored_by_first_letter(pattern: re.Pattern[str]) -> re.Pattern[str]:
    source = pattern.pattern
    if not isinstance(source, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return pattern
    group = _leading_word_group(source)
    # A quantifier on the group would repeat it: not the form this reads.
    if group is None or group[1][:1] in ("?", "*", "+", "{"):
        return pattern
    alternatives = _top_alternatives(group[0])
    if alternatives is None or len(alternatives) < 2:
        return pattern
    out: list[str] = []
    run: dict[str, list[str]] = {}

    def close_run() -> None:
        out.extend(first + "(?:" + "|".join(rests) + ")" for first, rests in run.items())
        run.clear()

    for alternative in alternatives:
        first = alternative[:1]
        if first.isascii() and first.isalnum() and alternative[1:2] not in ("?", "*", "+", "{"):
            run.setdefault(first, []).append(alternative[1:])
        else:
            close_run()
            out.append(alternative)
    close_run()
    try:
        return compile_regex(_WORD_GROUP_OPENING + "|".join(out) + ")" + group[1], pattern.flags)
    except re.error:
        return pattern


# Characters of a regex source that match only themselves (`re.escape` leaves them as they
# are), and those that make the character before them optional or repeated.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")
_QUANTIFIER = frozenset("?*+{")
# A leading group of plain alternatives: "(?:as|so) long as".
_PLAIN_GROUP = re.compile(r"\(\?:([a-z0-9 ]+(?:\|[a-z0-9 ]+)+)\)(?![?*+{])")


def _plain_prefix(source: str) -> str:
    """The opening characters of a regex source that match only themselves, each of them
    once: "stor" of "stores?" (the "e" is optional), "only " of "only (?:until|till)"."""
    end = 0
    while end < len(source) and source[end] in _PLAIN:
        end += 1
    if end < len(source) and source[end] in _QUANTIFIER:
        end -= 1
    return source[:end]


def _leading_letter_scans(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...] | None:
    """For `\\b(?:A|B|...)REST` whose alternatives open with a letter or digit: one
    pattern per opening character, of its alternatives in their order behind the longest
    string they all open with ("re(?<=\\bre)(?:tain|tains|move)REST"); None for any other
    pattern (or one with capturing groups, which the split would renumber).

    At a position only the alternatives that open with its character can match, tried in
    the same order: the pattern of that character matches there as the whole one does.
    Each opens with a literal, which `re` finds by skipping ahead in C instead of trying
    the whole pattern at every character.
    """
    source = pattern.pattern
    if not isinstance(source, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE) or pattern.groups:
        return None
    group = _leading_word_group(source)
    if group is None or group[1][:1] in _QUANTIFIER:
        return None
    alternatives = _top_alternatives(group[0])
    if alternatives is None:
        return None
    by_first: dict[str, list[str]] = {}
    for alternative in alternatives:
        # "(?:as|so) long as" reads as "as long as|so long as", in that order.
        plain = _PLAIN_GROUP.match(alternative)
        spelled = [word + alternative[plain.end() :] for word in plain[1].split("|")] if plain else [alternative]
        for each in spelled:
            opening = _plain_prefix(each)
            if not opening or not opening[0].isalnum():
                return None
            by_first.setdefault(opening[0], []).append(each)
    scans = []
    for members in by_first.values():
        prefixes = [_plain_prefix(member) for member in members]
        shared = prefixes[0]
        for prefix in prefixes[1:]:
            while not prefix.startswith(shared):
                shared = shared[:-1]
        rests = "|".join(member[len(shared) :] for member in members)
        try:
            scans.append(compile_regex(rf"{shared}(?<=\b{shared})(?:{rests}){group[1]}", pattern.flags))
        except re.error:
            return None
    return tuple(scans)


def finditer_by_leading_letter(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, the same matches (spans), for a pattern that opens with
    `\\b(?:A|B|...)`: a scan of `text` per character that opens its alternatives
    (`_leading_letter_scans`), merged in text order. `re` tries such a pattern at every
    character; over the OPP-115 texts the retention cue was found in 28 ms a pass this way
    took 18 ms. Any other pattern runs as it is.
    """
    scans = remembered(pattern, "leading letters", lambda: _leading_letter_scans(pattern))
    if scans is None:
        yield from pattern.finditer(text)
        return
    ahead = [scan.search(text) for scan in scans]
    pos = 0
    while True:
        best: re.Match[str] | None = None
        for index, found in enumerate(ahead):
            if found is not None and found.start() < pos:
                # Overlapped by the match before: the next one from there, as `finditer` goes on.
                found = ahead[index] = scans[index].search(text, pos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        if best is None:
            return
        yield best
        # Every match holds the alternative's opening characters: never empty.
        pos = best.end()
