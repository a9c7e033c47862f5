"""Searches that skip, in C, the positions where a pattern's match cannot begin.

`re` searches a pattern that opens with an alternation or a `\\b` by trying it at every
position of the text. A pattern that opens with a character class instead lets `re`
step over every character outside the class without trying the pattern there. For a
pattern whose matches are never empty, `skipping_search` builds

    [FIRST](?<=(?=(?P<at>PATTERN))(?s:.))

where FIRST holds every character a match of PATTERN can begin with: the class takes
the character a match begins with, and the lookbehind steps back over it to match
PATTERN from there, in the named group. Its leftmost match is at the leftmost position
where PATTERN matches, and group "at" is PATTERN's match there: the same match `search`
gives, with the same groups (`\\b` and lookbehinds inside PATTERN read the same text).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from privacyparser.prefilter import remembered

# More characters than this in the class and the class rules out too little to pay.
_MAX_FIRST = 40
# The widest range of characters taken into the class ("[a-z]" is 26).
_MAX_RANGE = 26
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def skipping_search(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` as a search that opens with the class of its first characters, its match
    in group "at" (see the module's docstring); None when `first_chars` does not know them."""
    return remembered(pattern, "first_chars.skipping", lambda: _skipping_search(pattern))


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every character a match of `pattern` can begin with; None when a match may be
    empty, they are unknown or more than `_MAX_FIRST`, or the pattern has flags this
    does not read."""
    return remembered(pattern, "first_chars.first", lambda: _first_chars(pattern))


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    source = pattern.pattern
    if not isinstance(source, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE | re.MULTILINE):
        return None
    try:
        first = _first(list(sre_parse.parse(source, pattern.flags)))
    except Exception:  # an internal parser, used only as a hint: any failure means "unknown"
        return None
    if first is None:
        return None
    chars, nullable = first
    if nullable or not chars or len(chars) > _MAX_FIRST:
        return None
    return frozenset(chars)


def _skipping_search(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    chars = first_chars(pattern)
    if chars is None:
        return None
    first_class = "".join(map(re.escape, sorted(chars)))
    try:
        return re.compile(f"[{first_class}](?<=(?=(?P<at>{pattern.pattern}))(?s:.))", pattern.flags)
    except re.error:  # "at" already names a group of the pattern
        return None


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a match of the sequence `items` can begin with, and whether it can
    be empty; None when unknown."""
    chars: set[str] = set()
    for item in items:
        found = _first_of_item(item)
        if found is None:
            return None
        item_chars, nullable = found
        chars |= item_chars
        if not nullable:
            return chars, False
    return chars, True


def _first_of_item(item: tuple[Any, Any]) -> tuple[set[str], bool] | None:
    op, arg = item
    if op is sre.LITERAL:
        return {chr(arg)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < _MAX_RANGE:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:  # a negated class, a category (\w, \s): too many characters
                return None
        return chars, False
    if op in _ZERO_WIDTH:
        # Consumes nothing: the characters are those of what follows.
        return set(), True
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        return None if add_flags & (re.IGNORECASE | re.MULTILINE) else _first(list(body))
    if op is sre.BRANCH:
        union: set[str] = set()
        nullable = False
        for alternative in arg[1]:
            found = _first(list(alternative))
            if found is None:
                return None
            union |= found[0]
            nullable = nullable or found[1]
        return union, nullable
    if op in _REPEATS:
        low, _high, body = arg
        found = _first(list(body))
        if found is None:
            return None
        return found[0], found[1] or low == 0
    return None
