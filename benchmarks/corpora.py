"""Load the annotated development corpora and rebuild each policy as an HTML document.

The benchmark scripts feed privacyparser documents rebuilt from the corpora's own
passages, and remember which characters of the generated HTML each passage occupies, so a
record's `source_start` leads back to the passage the annotators labelled.

    policies = load_gdpr200("corpora/gdpr200-dev")
    html = policies[0].html
    passage = policies[0].passages[policies[0].locate(record.source_start)]

Corpus files are never copied into the repository; callers pass the corpus folder.
"""

from __future__ import annotations

import bisect
import csv
import html as htmlmod
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HTML_HEAD = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n'
HTML_TAIL = "</body></html>\n"


class HtmlBuilder:
    """Append markup and text to an HTML string, returning where each text landed.

    >>> doc = HtmlBuilder()
    >>> doc.markup("<p>")
    >>> doc.text("a < b")
    (3, 11)
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    def markup(self, markup: str) -> None:
        self._parts.append(markup)
        self._length += len(markup)

    def text(self, text: str, *, escape: bool = True) -> tuple[int, int]:
        """Add text (HTML-escaped unless escape=False) and return its (start, end)."""
        chunk = htmlmod.escape(text, quote=False) if escape else text
        start = self._length
        self.markup(chunk)
        return start, self._length

    def element(self, tag: str, text: str, *, escape: bool = True) -> tuple[int, int]:
        """Add `<tag>text</tag>` and return the range of the text."""
        self.markup(f"<{tag}>")
        span = self.text(text, escape=escape)
        self.markup(f"</{tag}>\n")
        return span

    def build(self) -> str:
        return "".join(self._parts)


class SpanLocator:
    """Find which of a sorted list of non-overlapping (start, end) ranges holds an offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [start for start, _ in spans]

    def locate(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._spans[i][0] <= offset < self._spans[i][1]:
            return i
        return None

    def locate_range(self, start: int, end: int) -> int | None:
        """The range holding `start`, else the one holding the last character."""
        found = self.locate(start)
        if found is None and end > start:
            found = self.locate(end - 1)
        return found


# --------------------------------------------------------------------------- GDPR-200


@dataclass(frozen=True)
class GdprAnnotation:
    requirement: str
    value: str
    performed: bool


@dataclass
class GdprPassage:
    index: int
    kind: str  # headline, text, list_item, table_cell, table_header, ...
    text: str
    headings: tuple[str, ...]
    annotations: list[GdprAnnotation]
    context_types: tuple[str, ...] = ()
    list_intro: str | None = None  # the sentence introducing the list this item is in
    start: int = -1  # range of the passage text in the rebuilt HTML
    end: int = -1


@dataclass
class GdprPolicy:
    name: str
    passages: list[GdprPassage]
    html: str = ""
    _locator: SpanLocator | None = field(default=None, repr=False)

    def locate(self, start: int, end: int | None = None) -> int | None:
        """Index of the passage whose text holds HTML offset `start` (or `end - 1`)."""
        if self._locator is None:
            self._locator = SpanLocator([(p.start, p.end) for p in self.passages])
        return self._locator.locate_range(start, start + 1 if end is None else end)


_HEADING_CONTEXT = re.compile(r"h[1-9]$")
# Passage types the corpus writes for table contents.
_TABLE_CELL_TYPES = {"table_cell": "td", "table_header": "th"}
_TABLE_CONTEXT = {"table_column_header", "table_row_header"}


def _same_heading(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _common_prefix(a: Iterable[str], b: Iterable[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if not _same_heading(x, y):
            break
        n += 1
    return n


def render_gdpr_html(passages: list[GdprPassage]) -> str:
    """Rebuild a GDPR-200 policy as HTML; sets each passage's `start`/`end`.

    Each new heading in a passage's context becomes `<hN>` (N = its position among the
    context's headings, capped at 6); `list_intro`/`table_*` context entries are not
    headings. A `headline` passage becomes the heading at the level the following
    passage's context gives it, so it is not emitted twice.
    """
    doc = HtmlBuilder()
    doc.markup(HTML_HEAD)
    stack: list[str] = []  # headings currently open, outermost first
    container: str | None = None  # "ul" or "table" while one is open
    list_intro: str | None = None
    row_open = False

    def close_container() -> None:
        nonlocal container, row_open
        if container == "table":
            doc.markup("</tr></table>\n" if row_open else "</table>\n")
        elif container == "ul":
            doc.markup("</ul>\n")
        container, row_open = None, False

    for i, passage in enumerate(passages):
        headings = list(passage.headings)
        keep = _common_prefix(stack, headings)
        if keep < len(headings):
            close_container()
            for level in range(keep, len(headings)):
                doc.element(f"h{min(level + 1, 6)}", headings[level])
        stack = headings

        context_types = set(passage.context_types)
        if passage.kind == "headline":
            close_container()
            level = len(stack)
            following = next(
                (p.headings for p in passages[i + 1 : i + 4] if p.kind != "headline"),
                (),
            )
            for j in range(len(following) - 1, -1, -1):
                if _same_heading(following[j], passage.text) and _common_prefix(following[:j], stack) == j:
                    level = j
                    break
            passage.start, passage.end = doc.element(f"h{min(level + 1, 6)}", passage.text)
            stack = [*stack[:level], passage.text]
        elif passage.kind in _TABLE_CELL_TYPES or (container == "table" and context_types & _TABLE_CONTEXT):
            if container != "table":
                close_container()
                doc.markup("<table>\n")
                container = "table"
            # A cell without a row header is the first cell of its row.
            if not row_open or "table_row_header" not in context_types:
                if row_open:
                    doc.markup("</tr>\n")
                doc.markup("<tr>")
                row_open = True
            passage.start, passage.end = doc.element(_TABLE_CELL_TYPES.get(passage.kind, "td"), passage.text)
        elif passage.kind == "list_item":
            if container != "ul" or passage.list_intro != list_intro:
                close_container()
                doc.markup("<ul>\n")
                container = "ul"
            list_intro = passage.list_intro
            passage.start, passage.end = doc.element("li", passage.text)
        else:
            close_container()
            passage.start, passage.end = doc.element("p", passage.text)
    close_container()
    doc.markup(HTML_TAIL)
    return doc.build()


def load_gdpr200_policy(path: Path) -> GdprPolicy:
    """Read one GDPR-200 JSON file and rebuild it as HTML."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    passages: list[GdprPassage] = []
    for i, item in enumerate(raw):
        context = item.get("context") or []
        passages.append(
            GdprPassage(
                index=i,
                kind=item.get("type") or "text",
                text=item.get("passage") or "",
                headings=tuple(c["text"] for c in context if _HEADING_CONTEXT.match(c.get("type", ""))),
                annotations=[
                    GdprAnnotation(
                        a["requirement"],
                        a.get("value") or "",
                        bool(a.get("performed", True)),
                    )
                    for a in item.get("annotations") or []
                ],
                context_types=tuple(c.get("type", "") for c in context),
                list_intro=next((c["text"] for c in context if c.get("type") == "list_intro"), None),
            )
        )
    policy = GdprPolicy(name=path.stem, passages=passages)
    policy.html = render_gdpr_html(passages)
    return policy


def gdpr200_files(folder: str | Path) -> list[Path]:
    """The policy files (one JSON per app) of a GDPR-200 folder."""
    folder = Path(folder)
    return sorted(folder.glob("*.json"))


# --------------------------------------------------------------------------- OPP-115


@dataclass(frozen=True)
class OppAnnotation:
    annotation_id: str
    annotator: str
    segment: int
    category: str
    attributes: dict[str, Any]  # attribute -> {startIndexInSegment, endIndexInSegment, selectedText, value}

    def value(self, attribute: str) -> str | None:
        entry = self.attributes.get(attribute)
        return entry.get("value") if isinstance(entry, dict) else None

    def selected_text(self, attribute: str | None = None) -> list[str]:
        """Selected spans of one attribute (or of all), without duplicates."""
        out: list[str] = []
        for name, entry in self.attributes.items():
            if not isinstance(entry, dict) or (attribute is not None and name != attribute):
                continue
            text = entry.get("selectedText")
            if text and text not in ("null", "Not selected") and text not in out:
                out.append(text)
        return out


@dataclass
class OppSegment:
    index: int
    markup: str  # the segment's HTML as in the sanitized file
    start: int = -1  # range of `markup` in the rebuilt HTML
    end: int = -1

    @property
    def text(self) -> str:
        """Visible text of the segment, whitespace collapsed."""
        return " ".join(htmlmod.unescape(re.sub(r"<[^>]*>", " ", self.markup)).split())


@dataclass
class OppPolicy:
    name: str
    segments: list[OppSegment]
    annotations: list[OppAnnotation]
    html: str = ""
    _locator: SpanLocator | None = field(default=None, repr=False)

    def locate(self, start: int, end: int | None = None) -> int | None:
        """Index of the segment whose markup holds HTML offset `start` (or `end - 1`)."""
        if self._locator is None:
            self._locator = SpanLocator([(s.start, s.end) for s in self.segments])
        return self._locator.locate_range(start, start + 1 if end is None else end)


def render_opp115_html(segments: list[OppSegment]) -> str:
    """Rebuild an OPP-115 policy: each segment, markup kept, in its own `<div>`."""
    doc = HtmlBuilder()
    doc.markup(HTML_HEAD)
    for segment in segments:
        doc.markup("<div>")
        segment.start, segment.end = doc.text(segment.markup, escape=False)
        doc.markup("</div>\n")
    doc.markup(HTML_TAIL)
    return doc.build()


def load_opp115_policy(html_path: Path, annotations_dir: Path) -> OppPolicy:
    """Read one sanitized OPP-115 policy and its annotations CSV."""
    text = html_path.read_text(encoding="utf-8", errors="replace")
    segments = [OppSegment(i, markup) for i, markup in enumerate(text.split("|||"))]
    annotations: list[OppAnnotation] = []
    csv_path = annotations_dir / f"{html_path.stem}.csv"
    if csv_path.exists():
        with csv_path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                if len(row) < 7:
                    continue
                try:
                    attributes = json.loads(row[6])
                except json.JSONDecodeError:
                    attributes = {}
                annotations.append(OppAnnotation(row[0], row[2], int(row[4]), row[5], attributes))
    policy = OppPolicy(name=html_path.stem, segments=segments, annotations=annotations)
    policy.html = render_opp115_html(segments)
    return policy


def opp115_files(folder: str | Path) -> tuple[list[Path], Path]:
    """The sanitized policy files of an OPP-115 folder and its annotations folder."""
    folder = Path(folder)
    return sorted(folder.joinpath("sanitized_policies").glob("*.html")), folder / "annotations"


# --------------------------------------------------------------------------- GoPPC-150


@dataclass
class GoppcHeading:
    title: str
    parent: int | None  # index of the enclosing titled segment's heading
    codes: frozenset[str] = frozenset()  # the title's own topic codes
    start: int = -1  # range of the title in the rebuilt HTML
    end: int = -1


@dataclass
class GoppcParagraph:
    index: int
    text: str  # whitespace collapsed, list items included
    codes: frozenset[str]  # the paragraph's own topic codes ("4.2", "16.1", ...)
    start: int = -1  # from the start of its first block to the end of its last in the HTML
    end: int = -1


@dataclass
class GoppcPolicy:
    name: str
    html: str
    text: str  # the plain-text rendering (titles and blocks separated by blank lines)
    headings: list[GoppcHeading] = field(default_factory=list)
    paragraphs: list[GoppcParagraph] = field(default_factory=list)
    _locator: SpanLocator | None = field(default=None, repr=False)

    def locate(self, start: int, end: int | None = None) -> int | None:
        """Index of the paragraph whose HTML range holds offset `start` (or `end - 1`)."""
        if self._locator is None:
            self._locator = SpanLocator([(p.start, p.end) for p in self.paragraphs])
        return self._locator.locate_range(start, start + 1 if end is None else end)


def goppc_codes(category: str | None) -> frozenset[str]:
    """The element's own topic codes: the part of `own;subtree` before the semicolon."""
    own = (category or "").split(";", 1)[0]
    return frozenset(code for part in own.split(",") if (code := part.strip()))


def _goppc_inline_text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _goppc_blocks(paragraph: ET.Element) -> list[tuple[str, str]]:
    """A `<paragraph>` as blocks: ("p", text) for running text, ("li", text) per list item."""
    blocks: list[tuple[str, str]] = []
    running: list[str] = [paragraph.text or ""]

    def flush() -> None:
        text = " ".join("".join(running).split())
        if text:
            blocks.append(("p", text))
        running.clear()

    for child in paragraph:
        if child.tag in ("list", "item"):
            flush()
            # A stray `<item>` outside a `<list>` is a list item of its own.
            for item in child.iter("item") if child.tag == "list" else [child]:
                text = _goppc_inline_text(item)
                if text:
                    blocks.append(("li", text))
        else:
            running.append("".join(child.itertext()))
        running.append(child.tail or "")
    flush()
    return blocks


def load_goppc_policy(path: Path) -> GoppcPolicy:
    """One GoPPC-150 policy rebuilt as HTML and as plain text, with its gold structure.

    HTML: titles as `<hN>` (N = segment nesting depth, capped at 6), running text as
    `<p>`, list items as `<li>` in a `<ul>`. Plain text: blocks separated by a blank
    line; the items of one list are one block, an item a line, as a browser's visible
    text reads when copied. Each titled segment adds a heading (with its parent), each
    `<paragraph>` with text a paragraph (with its HTML range and own topic codes).
    """
    root = ET.parse(path).getroot()
    doc = HtmlBuilder()
    doc.markup(HTML_HEAD)
    text_blocks: list[str] = []
    headings: list[GoppcHeading] = []
    paragraphs: list[GoppcParagraph] = []
    list_open = False

    def close_list() -> None:
        nonlocal list_open
        if list_open:
            doc.markup("</ul>\n")
            list_open = False

    # (element, depth, parent heading index); an explicit stack, so deep files cannot
    # overflow the interpreter's recursion limit.
    stack: list[tuple[ET.Element, int, int | None]] = [(root, 0, None)]
    while stack:
        element, depth, parent = stack.pop()
        if element.tag == "paragraph":
            spans: list[tuple[int, int]] = []
            texts: list[str] = []
            for kind, text in _goppc_blocks(element):
                if kind == "li":
                    if list_open:
                        text_blocks[-1] += "\n" + text
                    else:
                        doc.markup("<ul>\n")
                        list_open = True
                        text_blocks.append(text)
                else:
                    close_list()
                    text_blocks.append(text)
                spans.append(doc.element(kind, text))
                texts.append(text)
            if spans:
                paragraphs.append(
                    GoppcParagraph(
                        len(paragraphs),
                        " ".join(texts),
                        goppc_codes(element.get("category")),
                        spans[0][0],
                        spans[-1][1],
                    )
                )
            continue
        close_list()
        own = parent
        if element.tag == "segment":
            title_element = element.find("title")
            title = _goppc_inline_text(title_element) if title_element is not None else ""
            if title and title_element is not None:
                start, end = doc.element(f"h{min(depth, 6)}", title)
                text_blocks.append(title)
                codes = goppc_codes(title_element.get("category"))
                headings.append(GoppcHeading(title, parent, codes, start, end))
                own = len(headings) - 1
        children = [c for c in element if c.tag in ("segment", "paragraph")]
        for child in reversed(children):
            stack.append((child, depth + 1 if child.tag == "segment" else depth, own))
    close_list()
    doc.markup(HTML_TAIL)
    return GoppcPolicy(path.stem, doc.build(), "\n\n".join(text_blocks) + "\n", headings, paragraphs)


def goppc150_files(folder: str | Path) -> list[Path]:
    """The policy files (one XML each) of a GoPPC-150 folder, in numeric order."""
    return sorted(Path(folder).glob("*.xml"), key=lambda p: (len(p.stem), p.stem))
