"""Raw policy input to normalised text with an offset map; knows nothing of spaCy."""

from __future__ import annotations

from privacyparser.normalize.document import (
    FurnitureSpan,
    HeadingHint,
    NormalizedDocument,
)
from privacyparser.normalize.furniture import find_furniture
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
    furniture: list[FurnitureSpan] = find_furniture(text) if fmt != "html" else []
    if fmt == "html":
        # A table of contents the page marks as a menu stays in the text, reported as in plain text.
        for start, end in html_contents:
            start = later.output_position(start)
            end = later.output_position(end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                furniture.append(FurnitureSpan(start, end, "table_of_contents"))
    return NormalizedDocument(
        source=source,
        text=text,
        chain=chain,
        headings=headings,
        furniture=furniture,
        title_hint=title_hint,
        warnings=warnings,
    )
