"""A regex with the same matches that rejects most positions faster.

`re` cannot skip ahead in a pattern such as `\\b(?:retain|keep|store|...)`: at every
word start it tries each alternative in turn. When every match of a pattern begins with
one of a few literal strings, a lookahead for those strings, factored by common
prefixes (`(?=re(?:tain|move)|k(?:eep|ept))`), fails after a character or two at most
positions and lets the pattern run only where it can match. The lookahead is implied
by every match, so the matches (spans and groups) are exactly the original's.

>>> fast = with_leading_literals(re.compile(r"\\b(?:keep|kept|retain\\w*)\\b"))
>>> fast.pattern
'(?=(?:ke(?:ep|pt)|retain))(?:\\\\b(?:keep|kept|retain\\\\w*)\\\\b)'
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from privacyparser.prefilter import exact_strings, is_group, strings_of_group, trie_regex
from privacyparser.regex_cache import compile_regex

# Bounds on the prefix strings: past these the lookahead costs more than it saves.
_MAX_PREFIXES = 400

_Strings = frozenset[str]
# A pattern's global flags ("(?m)"): the only group that must open it.
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


@lru_cache(maxsize=256)
def with_leading_literals(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead for the strings every match begins with, or
    `pattern` itself when those are unknown (or one is empty)."""
    prefixes = leading_literals(pattern)
    if prefixes is None or not isinstance(pattern.pattern, str) or _GLOBAL_FLAGS.match(pattern.pattern):
        # Global flags must stay first. A leading lookbehind ("(?<!not )\\b...") may
        # follow the lookahead: both look at the same position.
        return pattern
    try:
        return compile_regex("(?=" + _factored(sorted(prefixes)) + ")(?:" + pattern.pattern + ")", pattern.flags)
    except re.error:
        return pattern


def leading_literals(pattern: re.Pattern[str]) -> _Strings | None:
    """Strings one of which every match of `pattern` begins with; None when unknown.

    >>> sorted(leading_literals(re.compile(r"\\bopt(?:s|ed) out\\w*")))
    ['opted out', 'opts out']
    """
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an internal parser, used only as a hint: any failure means "unknown"
        return None
    found = _leading(tree)
    if found is None or "" in found:
        return None
    return found


def _leading(items: list[Any]) -> _Strings | None:
    """Prefixes of every match of the sequence `items`: its exact opening items, then
    the prefixes of the first item that is not exact."""
    run: _Strings = frozenset(("",))
    for item in items:
        strings = exact_strings(item)
        if strings is not None:
            longer = frozenset(a + b for a in run for b in strings)
            if len(longer) > _MAX_PREFIXES:
                # The strings so far begin every match too, and are fewer.
                return run
            run = longer
            continue
        inner = _leading_item(item)
        if inner is None:
            return run
        return _join(run, inner)
    return run


def _join(run: _Strings, inner: _Strings) -> _Strings:
    out = frozenset(a + b for a in run for b in inner)
    return out if len(out) <= _MAX_PREFIXES else run


def _leading_item(item: tuple[Any, Any]) -> _Strings | None:
    return strings_of_group(item, _leading, _MAX_PREFIXES) if is_group(item) else None


def _factored(literals: list[str]) -> str:
    """One regex for a set of sorted literals, factored by common prefixes (`trie_regex`);
    a literal that another extends is left out, as the shorter one is enough."""
    shortest: list[str] = []
    for literal in literals:
        # Sorted: a literal's prefixes come before it, and the last kept one is the only
        # candidate (everything between a prefix and the literal starts with it too).
        if not shortest or not literal.startswith(shortest[-1]):
            shortest.append(literal)
    return trie_regex(shortest)
