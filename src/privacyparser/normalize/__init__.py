"""Raw policy input to normalised text with an offset map; knows nothing of spaCy."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from privacyparser.normalize.document import (
    FurnitureSpan,
    HeadingHint,
    NormalizedDocument,
)
from privacyparser.normalize.furniture import find_furniture, find_navigation_lines
from privacyparser.normalize.offsets import OffsetChain, OffsetMap, TextBuilder
from privacyparser.normalize.text import normalize_text

__all__ = [
    "FurnitureSpan",
    "HeadingHint",
    "NormalizedDocument",
    "OffsetChain",
    "OffsetMap",
    "TextBuilder",
    "normalize_document",
]


def normalize_document(source: str, fmt: str) -> NormalizedDocument:
    """Normalise `source` given as `fmt` ("text" or "html") into a `NormalizedDocument`."""
    chain = OffsetChain()
    warnings: list[str] = []
    headings: list[HeadingHint] = []
    title_hint: str | None = None
    furniture: list[FurnitureSpan]
    text = source
    if fmt == "html":
        # Imported here so that plain-text users never pay for bs4/lxml start-up.
        from privacyparser.normalize.html import html_to_text

        extraction = html_to_text(source)
        chain.append(extraction.offsets)
        text = extraction.text
        warnings.extend(extraction.warnings)
        title_hint = extraction.title
        html_headings = extraction.headings
        html_contents = extraction.contents
    text = normalize_text(text, chain, warnings)
    if fmt == "html":
        # Heading hints were found in the HTML stage; carry them through the text steps.
        later = OffsetChain(chain.maps[1:])
        for hint in html_headings:
            start = later.output_position(hint.start)
            end = later.output_position(hint.end)
            if end > start:
                headings.append(HeadingHint(start, end, hint.level))
        # A table of contents of in-page links stays in the text, reported as in plain text.
        furniture = [
            FurnitureSpan(start, end, "table_of_contents")
            for start, end in (_carried(later, text, span) for span in html_contents)
            if end > start
        ]
        # Furniture the markup did not name ("Back to top" in a plain <p>, a copyright line) is
        # found by its wording, as in plain text, and kept in the text; a heading is the page's.
        taken = _Intervals([(f.start, f.end) for f in furniture] + [(h.start, h.end) for h in headings])
        furniture += [span for span in find_navigation_lines(text) if not taken.overlaps(span.start, span.end)]
        furniture.sort(key=lambda span: span.start)
    else:
        furniture = find_furniture(text)
    return NormalizedDocument(
        source=source,
        text=text,
        chain=chain,
        headings=headings,
        furniture=furniture,
        title_hint=title_hint,
        warnings=warnings,
    )


class _Intervals:
    """Ranges of the text, asked whether any overlaps a given range in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges.sort()
        self.starts = [start for start, _ in ranges]
        # The furthest end among the ranges up to each one: the ranges may nest.
        self.reach = list(accumulate((end for _, end in ranges), max))

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, end) - 1  # the last range that starts before `end`
        return index >= 0 and self.reach[index] > start


def _carried(later: OffsetChain, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """`span` of the HTML stage's text, in the normalised `text`, without edge whitespace."""
    start, end = later.output_position(span[0]), later.output_position(span[1])
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
