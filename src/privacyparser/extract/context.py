"""What every extractor needs to know about a document: sentences, sections, offsets."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from privacyparser.normalize.offsets import OffsetChain, OffsetMap
from privacyparser.pipeline.section_segmenter import HeadingNode, Segmentation
from privacyparser.pipeline.sentence_splitter import sentence_bounds
from privacyparser.prefilter import SentenceFilter
from privacyparser.rules import RuleSet

# The rule tables whose masks documents are asked for, oldest first, by the ids of their
# patterns (see `DocumentContext.pattern_masks`); a few, so that rule sets loaded one
# after the other (tests) do not make every scan longer. A compiled pattern hashes its
# whole program, about 20 us for a table: ids hash at once. Each entry holds its
# patterns, so their ids are not reused while it is a key.
_Key = tuple[int, ...]
_TABLES: dict[_Key, tuple[re.Pattern[str], ...]] = {}
_MAX_TABLES = 4
# The filter of the union of some tables, by their keys, with the patterns it was built from.
_UNIONS: dict[tuple[_Key, ...], tuple[tuple[re.Pattern[str], ...], SentenceFilter]] = {}
_MAX_UNIONS = 16


def lower_same_length(text: str) -> str:
    """`text.lower()`, keeping each character's position (a few letters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)


@dataclass
class SectionInfo:
    id: str
    node: HeadingNode
    parent: SectionInfo | None
    title_lower: str


@dataclass
class DocumentContext:
    """A parsed document as the extractors see it."""

    text: str
    chain: OffsetChain
    sentence_starts: array[int]
    segmentation: Segmentation
    rules: RuleSet
    furniture: list[tuple[int, int]] = field(default_factory=list)
    clauses: list[tuple[str, str, int, int]] = field(default_factory=list)
    lower: str = ""
    _sections: list[SectionInfo] = field(default_factory=list)
    _section_starts: list[int] = field(default_factory=list)
    _headings: list[tuple[int, int]] = field(default_factory=list)
    # The starts of `_headings` and of `furniture`, for a binary search on plain ints (a
    # search on the pairs built a tuple and compared tuples; asked for every term). Built
    # on first use, once both lists are final.
    _heading_starts: list[int] | None = None
    _furniture_starts: list[int] | None = None
    _masks: dict[_Key, list[int]] = field(default_factory=dict)
    _sentence_ends: list[int] | None = None
    # `chain` flattened to one map: every record asks for its source offsets.
    _source: OffsetMap | OffsetChain | None = None
    # Per-document state that several extractors build once and share, by owner key.
    shared: dict[object, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lower = lower_same_length(self.text)
        # Preorder list of sections with ids "s1", "s1.2", ...: document order, parents first.
        stack: list[tuple[HeadingNode, SectionInfo | None, str]] = [
            (node, None, f"s{i + 1}") for i, node in reversed(list(enumerate(self.segmentation.sections)))
        ]
        while stack:
            node, parent, section_id = stack.pop()
            info = SectionInfo(section_id, node, parent, lower_same_length(node.title or ""))
            self._sections.append(info)
            self._headings.append((node.start, node.heading_end))
            for i in range(len(node.children) - 1, -1, -1):
                stack.append((node.children[i], info, f"{section_id}.{i + 1}"))
        self._section_starts = [info.node.start for info in self._sections]
        # Merged, so that `in_furniture` need look at one span: a table of contents inside another
        # document is part of it, and a position after the table is still in the document.
        merged: list[tuple[int, int]] = []
        for start, end in sorted(self.furniture):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.furniture = merged
        flat = self.chain.flattened()
        self._source = flat.maps[0] if len(flat.maps) == 1 else flat

    @property
    def sections(self) -> list[SectionInfo]:
        return self._sections

    def section_at(self, pos: int) -> SectionInfo | None:
        """The innermost section containing `pos`."""
        index = bisect_right(self._section_starts, pos) - 1
        if index < 0:
            return None
        info: SectionInfo | None = self._sections[index]
        while info is not None and not (info.node.start <= pos < info.node.end):
            info = info.parent
        return info

    def titled_section_at(self, pos: int) -> SectionInfo | None:
        """The innermost section containing `pos` that has a title: an untitled block
        (text before the first sub-heading) takes its topic from the section around it."""
        info = self.section_at(pos)
        while info is not None and not info.title_lower.strip():
            info = info.parent
        return info

    def section_id(self, pos: int) -> str | None:
        info = self.section_at(pos)
        return info.id if info else None

    def section_titles(self, pos: int) -> str:
        """Lower-cased titles of the section at `pos` and its ancestors, innermost first."""
        titles = []
        info = self.section_at(pos)
        while info is not None:
            titles.append(info.title_lower)
            info = info.parent
        return " | ".join(titles)

    def in_heading(self, start: int, end: int) -> bool:
        starts = self._heading_starts
        if starts is None:
            starts = self._heading_starts = [heading_start for heading_start, _ in self._headings]
        index = bisect_right(starts, start) - 1
        return index >= 0 and self._headings[index][0] <= start and end <= self._headings[index][1]

    def in_furniture(self, pos: int) -> bool:
        starts = self._furniture_starts
        if starts is None:
            starts = self._furniture_starts = [furniture_start for furniture_start, _ in self.furniture]
        index = bisect_right(starts, pos) - 1
        return index >= 0 and self.furniture[index][0] <= pos < self.furniture[index][1]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def sentence(self, index: int) -> tuple[int, int]:
        """`sentence_bounds` of sentence `index`; each sentence's end is found once."""
        ends = self._sentence_ends
        if ends is None:
            ends = self._sentence_ends = self._all_sentence_ends()
        if 0 <= index < len(ends):
            return self.sentence_starts[index], ends[index]
        return sentence_bounds(self.text, self.sentence_starts, index)

    def _all_sentence_ends(self) -> list[int]:
        text = self.text
        starts = self.sentence_starts
        ends = [*starts[1:], len(text)]
        for i, start in enumerate(starts):
            end = ends[i]
            while end > start and text[end - 1] in " \n":
                end -= 1
            ends[i] = end
        return ends

    def pattern_masks(self, patterns: tuple[re.Pattern[str], ...]) -> list[int]:
        """Per sentence, a bit mask of the `patterns` that may match in it (bit i: patterns[i]).

        A clear bit means the pattern cannot match in the sentence; a set bit, that it
        may (see `prefilter.py`).
        """
        key = tuple(map(id, patterns))
        masks = self._masks.get(key)
        if masks is None:
            # One scan of the document for every table asked for so far in this process
            # (the data practices' and the rights'): scanned apart, each table cost a pass
            # over the document. Table k's bits sit above those of the tables before it.
            if key not in _TABLES:
                _TABLES[key] = patterns
                while len(_TABLES) > _MAX_TABLES:
                    del _TABLES[next(iter(_TABLES))]
            keys = tuple(table for table in _TABLES if table not in self._masks)
            union = _UNIONS.get(keys)
            if union is None:
                if len(_UNIONS) >= _MAX_UNIONS:
                    _UNIONS.clear()
                joined = tuple(pattern for table in keys for pattern in _TABLES[table])
                union = _UNIONS[keys] = (joined, SentenceFilter(joined))
            all_masks = union[1].masks(self.lower, self.sentence_starts)
            offset = 0
            for table in keys:
                count = len(_TABLES[table])
                width = (1 << count) - 1
                self._masks[table] = [mask >> offset & width for mask in all_masks]
                offset += count
            masks = self._masks[key]
        return masks

    def sentence_count(self) -> int:
        return len(self.sentence_starts)

    def same_paragraph(self, a: int, b: int) -> bool:
        """True when no line break separates offsets a < b."""
        return "\n" not in self.text[min(a, b) : max(a, b)]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """`chain.source_span`, through the flattened chain."""
        source = self._source
        if source is None:
            source = self._source = self.chain.flattened()
        return source.source_span(start, end)

    def evidence(self, start: int, end: int, rule: str) -> dict[str, Any]:
        """The fields every record shares, for the span [start, end) of the text."""
        while end > start and self.text[end - 1] in " \n":
            end -= 1
        while start < end and self.text[start] in " \n":
            start += 1
        source_start, source_end = self.source_span(start, end)
        return {
            "text": self.text[start:end],
            "start": start,
            "end": end,
            "source_start": source_start,
            "source_end": source_end,
            "section": self.section_id(start),
            "rule": rule,
        }
