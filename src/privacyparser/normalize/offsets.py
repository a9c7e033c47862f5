"""Offset maps: every character of a rewritten text points back to the text it came from.

A rewrite (HTML to text, whitespace clean-up, joining hard-wrapped lines) is recorded
as a sorted list of *pieces*.  A piece is either a verbatim copy of a source range
(one output character per source character) or a replacement (its output characters all
point at the whole source range it replaced; an inserted line break replaces an empty
range).  Pieces are stored in parallel `array`s, so a 10 MB policy costs a few
thousand entries, not ten million Python ints, and a lookup is one bisect.

Maps chain: `OffsetChain` takes a position through every stage back to the input.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


class OffsetMap:
    """Maps positions of one rewritten text back to the text it was made from."""

    __slots__ = ("_out_starts", "_src_ends", "_src_starts", "_verbatim", "out_length", "src_length")

    def __init__(self) -> None:
        self._out_starts = array("q")
        self._src_starts = array("q")
        self._src_ends = array("q")
        self._verbatim = array("b")
        self.out_length = 0
        self.src_length = 0

    def _add(self, out_start: int, src_start: int, src_end: int, verbatim: bool) -> None:
        # Merge a verbatim piece into the previous one when both are contiguous, so that
        # text copied in many small steps still costs one entry.
        if (
            verbatim
            and self._verbatim
            and self._verbatim[-1]
            and self._src_ends[-1] == src_start
            and self._out_starts[-1] + (self._src_ends[-1] - self._src_starts[-1]) == out_start
        ):
            self._src_ends[-1] = src_end
            return
        self._out_starts.append(out_start)
        self._src_starts.append(src_start)
        self._src_ends.append(src_end)
        self._verbatim.append(1 if verbatim else 0)

    def _piece(self, pos: int) -> int:
        return bisect_right(self._out_starts, pos) - 1

    def source_start(self, pos: int) -> int:
        """Source offset where the output character at `pos` begins."""
        if pos >= self.out_length:
            return self.src_length
        i = self._piece(pos)
        if i < 0:
            return 0
        if self._verbatim[i]:
            return self._src_starts[i] + (pos - self._out_starts[i])
        return self._src_starts[i]

    def source_end(self, pos: int) -> int:
        """Source offset just after the output character at `pos - 1` (an exclusive end)."""
        if pos <= 0:
            return 0
        i = self._piece(pos - 1)
        if i < 0:
            return 0
        if self._verbatim[i]:
            return self._src_starts[i] + (pos - self._out_starts[i])
        return self._src_ends[i]

    def output_position(self, src_pos: int) -> int:
        """First output position whose source is at or after `src_pos` (maps forward)."""
        if not self._src_starts:
            return 0
        i = bisect_right(self._src_starts, src_pos) - 1
        if i < 0:
            return self._out_starts[0]
        if self._verbatim[i] and src_pos < self._src_ends[i]:
            return self._out_starts[i] + (src_pos - self._src_starts[i])
        # Inside a replaced range, or in a dropped gap: the next piece begins the mapping.
        if src_pos <= self._src_starts[i] or (not self._verbatim[i] and src_pos < self._src_ends[i]):
            return self._out_starts[i]
        nxt = i + 1
        return self._out_starts[nxt] if nxt < len(self._out_starts) else self.out_length

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source range of the output range [start, end); empty ranges stay empty."""
        if end <= start:
            src = self.source_start(start)
            return src, src
        return self.source_start(start), self.source_end(end)

    def is_identity(self) -> bool:
        """True when every position maps to itself (a rewrite that changed nothing)."""
        return self.out_length == self.src_length and (
            (not self._out_starts and self.out_length == 0)
            or (
                len(self._out_starts) == 1
                and self._verbatim[0] == 1
                and self._out_starts[0] == 0
                and self._src_starts[0] == 0
                and self._src_ends[0] == self.src_length
            )
        )

    def _tiles(self) -> bool:
        """True when the pieces cover the output from 0 without gaps (as TextBuilder makes them)."""
        out_starts = self._out_starts
        if not out_starts:
            return self.out_length == 0
        if out_starts[0] != 0:
            return False
        for i in range(len(out_starts)):
            nxt = out_starts[i + 1] if i + 1 < len(out_starts) else self.out_length
            if nxt <= out_starts[i]:
                return False
            if self._verbatim[i] and self._src_ends[i] - self._src_starts[i] != nxt - out_starts[i]:
                return False
        return True

    def __len__(self) -> int:
        return len(self._out_starts)


def compose(older: OffsetMap, newer: OffsetMap) -> OffsetMap | None:
    """One map equal to applying `newer` then `older` (newer's source is older's output).

    Piece by piece: a replacement of `newer` maps to the source range of its ends in
    `older`; a verbatim piece is cut where the pieces of `older` under it change. The
    result answers `source_start`/`source_end` exactly as the two maps in turn do.
    None when the maps do not fit together (then walk them one by one).
    """
    if newer.src_length != older.out_length or not older._tiles() or not newer._tiles():
        return None
    out = OffsetMap()
    o_out, o_src, o_end, o_verb = older._out_starts, older._src_starts, older._src_ends, older._verbatim
    count = len(o_out)
    n_out, n_src, n_end, n_verb = newer._out_starts, newer._src_starts, newer._src_ends, newer._verbatim
    for k in range(len(n_out)):
        out_start, src, src_end = n_out[k], n_src[k], n_end[k]
        if not n_verb[k]:
            out._add(out_start, older.source_start(src), older.source_end(src_end), False)
            continue
        j = bisect_right(o_out, src) - 1
        pos = src
        while pos < src_end:
            piece_end = o_out[j + 1] if j + 1 < count else older.out_length
            chunk_end = min(src_end, piece_end)
            if o_verb[j]:
                shift = o_src[j] - o_out[j]
                out._add(out_start + pos - src, pos + shift, chunk_end + shift, True)
            else:
                out._add(out_start + pos - src, o_src[j], o_end[j], False)
            pos = chunk_end
            j += 1
    out.out_length = newer.out_length
    out.src_length = older.src_length
    return out


@dataclass
class TextBuilder:
    """Builds a rewritten text piece by piece while recording its `OffsetMap`.

    >>> b = TextBuilder("a&amp;b")
    >>> b.copy(0, 1); b.replace("&", 1, 6); b.copy(6, 7)
    >>> b.text
    'a&b'
    """

    source: str
    _parts: list[str] = field(default_factory=list)
    _map: OffsetMap = field(default_factory=OffsetMap)
    _length: int = 0

    def copy(self, src_start: int, src_end: int) -> None:
        """Append `source[src_start:src_end]` unchanged."""
        if src_end <= src_start:
            return
        self._map._add(self._length, src_start, src_end, True)
        self._parts.append(self.source[src_start:src_end])
        self._length += src_end - src_start

    def replace(self, text: str, src_start: int, src_end: int) -> None:
        """Append `text` as the rewriting of `source[src_start:src_end]` (may be empty)."""
        if not text:
            return
        if text == self.source[src_start:src_end]:
            self.copy(src_start, src_end)
            return
        self._map._add(self._length, src_start, src_end, False)
        self._parts.append(text)
        self._length += len(text)

    def insert(self, text: str, src_pos: int) -> None:
        """Append `text` that has no source of its own (a line break between blocks)."""
        self.replace(text, src_pos, src_pos)

    @property
    def length(self) -> int:
        return self._length

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    @property
    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def finish(self) -> tuple[str, OffsetMap]:
        text = self.text
        self._map.out_length = len(text)
        self._map.src_length = len(self.source)
        return text, self._map


def rewrite(
    text: str,
    pattern: re.Pattern[str],
    replacement: Callable[[re.Match[str]], str | None],
) -> tuple[str, OffsetMap]:
    """Like `pattern.sub`, but records where every output character came from.

    `replacement` returns the new text for a match, or None to leave it unchanged.
    """
    return rewrite_matches(text, pattern.finditer(text), replacement)


def rewrite_matches(
    text: str,
    matches: Iterable[re.Match[str]],
    replacement: Callable[[re.Match[str]], str | None],
) -> tuple[str, OffsetMap]:
    """`rewrite` for matches found some other way (in order, not overlapping)."""
    builder = TextBuilder(text)
    pos = 0
    for match in matches:
        new = replacement(match)
        if new is None:
            continue
        start, end = match.span()
        if new == text[start:end]:
            # Unchanged ("\n\n" for a blank line): copied with the text after it, into
            # the same verbatim piece the copies would merge into.
            continue
        builder.copy(pos, start)
        builder.replace(new, start, end)
        pos = end
    builder.copy(pos, len(text))
    return builder.finish()


def identity_map(length: int) -> OffsetMap:
    builder = TextBuilder(" " * length)
    builder.copy(0, length)
    return builder.finish()[1]


@dataclass
class OffsetChain:
    """The maps of successive rewrites, newest last; takes positions back to the input."""

    maps: list[OffsetMap] = field(default_factory=list)

    def append(self, offset_map: OffsetMap) -> None:
        self.maps.append(offset_map)

    def source_start(self, pos: int) -> int:
        for offset_map in reversed(self.maps):
            pos = offset_map.source_start(pos)
        return pos

    def source_end(self, pos: int) -> int:
        for offset_map in reversed(self.maps):
            pos = offset_map.source_end(pos)
        return pos

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source range of the output range [start, end); empty ranges stay empty."""
        if end <= start:
            src = self.source_start(start)
            return src, src
        return self.source_start(start), self.source_end(end)

    def output_position(self, src_pos: int) -> int:
        for offset_map in self.maps:
            src_pos = offset_map.output_position(src_pos)
        return src_pos

    def flattened(self) -> OffsetChain:
        """An equal chain of as few maps as possible: maps that changed nothing are left
        out and the rest composed into one, so a lookup is one bisect instead of one per
        rewrite step. Build it once a document's chain is complete."""
        maps = [offset_map for offset_map in self.maps if not offset_map.is_identity()]
        if len(maps) < 2:
            return OffsetChain(maps)
        flat: list[OffsetMap] = [maps[0]]
        for offset_map in maps[1:]:
            composed = compose(flat[-1], offset_map)
            if composed is None:
                flat.append(offset_map)
            else:
                flat[-1] = composed
        return OffsetChain(flat)


def apply_rewrites(
    text: str,
    steps: Iterable[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]],
    chain: OffsetChain,
) -> str:
    """Run `rewrite` for each step in turn, appending every map to `chain`."""
    for pattern, replacement in steps:
        text, offset_map = rewrite(text, pattern, replacement)
        chain.append(offset_map)
    return text
