"""Sentence boundaries that respect enumerations and abbreviations.

Every line of the normalised text starts a sentence (after normalisation a line is a
paragraph, a heading or a list item). Inside a line a sentence ends at `.`, `!` or `?`
followed by a capital, a digit or an opening bracket, unless the word before is an
abbreviation ("e.g.", "Co., Ltd.", "U.S."). An enumeration ("(2) ...") starts one too.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    """e.g i.e cf vs viz approx incl incl esp al inc ltd co corp llc plc gmbh s.a b.v
    mr mrs ms dr prof st no nos art sec para ch fig u.s u.k e.u u.s.a p.o jan feb mar apr
    jun jul aug sep sept oct nov dec dept govt est min max ref tel ph fax""".split()
)
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?= +[(\"'\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|\n+")
_ENUMERATION = re.compile(r"(?<=[ ;:.])(?=\(\d{1,2}\) [A-Z])")
# `_BOUNDARY` read from the character its matches end a sentence at: `.!?` or a line
# break, consumed first, so that `re` skips ahead to each of them in C instead of trying
# the look-behinds at every character. A match of the first or third alternative is the
# same span; the glued form ("consent.You"), an empty match just after its full stop,
# is matched from that full stop (the same assertions, at the same position). See `_boundaries`.
_BOUNDARY_FROM_STOP = re.compile(
    r"[.!?\n](?:(?<=\n)\n*|(?<![.!?][.!?])(?<=[.!?])[.!?]*+[\"')\]]*+(?= +[(\"'\[]?[A-Z0-9])"
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))"
)
# `_ENUMERATION` from its "(": the literal first lets `re` skip ahead to each "(".
_ENUMERATION_PAREN = re.compile(r"\((?<=[ ;:.]\()(?=\d{1,2}\) [A-Z])")
_NUMBER_MARKER = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3}){0,5}|[A-Za-z]|[ivxlcIVXLC]{1,6})\.")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,8})\.?$")


def _boundaries(text: str) -> Iterator[tuple[int, int]]:
    """(stop, end) of each match of `_BOUNDARY.finditer(text)`: where the character that
    ends the sentence is (the match's start; for the glued form's empty match, the full
    stop just before it) and where the match ends.

    `_BOUNDARY_FROM_STOP` finds them: at each position the alternatives of `_BOUNDARY`
    rule each other out by the character there (a `.!?` run, a capital after `.!?`, a
    line break), and the glued form's full stop cannot start a match of the first
    alternative (no space follows it), so the leftmost, non-overlapping matches are the
    same, the glued one taken one character early.
    """
    for match in _BOUNDARY_FROM_STOP.finditer(text):
        yield match.start(), match.end()


def sentence_starts(text: str) -> array[int]:
    """Sorted character offsets where sentences start (the first is always 0)."""
    starts = array("q", [0])
    length = len(text)
    for stop, end in _boundaries(text):
        if text[stop] == ".":
            # "1. Data", "4.1. Scope", "a. Cookies": the full stop of a list or heading number.
            line_start = text.rfind("\n", max(0, stop - 12), stop) + 1
            if (line_start or stop < 12) and _NUMBER_MARKER.fullmatch(text, line_start, stop + 1):
                continue
            before = _WORD_BEFORE.search(text, max(0, stop - 10), stop + 1)
            if before is not None and before.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
        # Skip the spaces after the boundary so the sentence starts on its first character.
        while end < length and text[end] == " ":
            end += 1
        if end < length and end > starts[-1]:
            starts.append(end)
    extra = [m.start() for m in _ENUMERATION_PAREN.finditer(text)]
    if extra:
        merged = sorted(set(starts).union(extra))
        starts = array("q", merged)
    return starts


def sentence_bounds(text: str, starts: array[int], index: int) -> tuple[int, int]:
    """(start, end) of sentence `index`, without trailing whitespace."""
    start = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end
