"""Find the headings of a policy and nest them into a section tree.

Works on the lines of the normalised text. A heading is either marked by the input
(an HTML `<hN>`, a Markdown `#` line) or recognised from the text: a numbered line
whose numbering continues a sequence ("2." after "1.", "4.1" under "4") and that reads
like a title, or, in a policy without numbered headings, a short title-like line
followed by a paragraph. The hierarchy follows the numbering styles: a style already
open closes everything opened after it; a new style opens a level below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from privacyparser.normalize.document import FurnitureSpan, HeadingHint
from privacyparser.pipeline.numbering import Numbering, parse_numbering

# A heading rarely runs longer than this; a longer numbered line is a list item.
MAX_TITLE_CHARS = 150
MAX_TITLE_WORDS = 20
# Decimal sub-numbers ("9.3") are structure even when the line is a sentence.
MAX_SUBCLAUSE_CHARS = 250
_MARKDOWN_HEADING = re.compile(r"(#{1,6}) +(?=\S)")
_SENTENCE_END = re.compile(r"[.;,]$")
_BULLET = re.compile(r"[-*\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7] ")


@dataclass
class Line:
    start: int
    end: int
    text: str
    numbering: Numbering | None = None
    furniture: bool = False


@dataclass
class HeadingNode:
    """A heading and the section it opens, before conversion to the result model."""

    start: int  # start of the heading line
    heading_end: int
    title_start: int
    number: str | None
    title: str | None
    style: tuple[str, ...]
    numbering: Numbering | None
    level: int = 1
    end: int = 0
    children: list[HeadingNode] = field(default_factory=list)


@dataclass
class Segmentation:
    sections: list[HeadingNode]
    furniture: list[FurnitureSpan]
    title: tuple[int, int] | None
    list_items: list[tuple[int, int]]


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    length = len(text)
    while pos <= length:
        end = text.find("\n", pos)
        if end < 0:
            end = length
        lines.append(Line(pos, end, text[pos:end]))
        pos = end + 1
    return lines


def _next_content(lines: list[Line], index: int) -> Line | None:
    for line in lines[index + 1 :]:
        if line.text and not line.furniture:
            return line
    return None


def _is_title_like(text: str, limit: int = MAX_TITLE_CHARS) -> bool:
    if not text or len(text) > limit or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if _SENTENCE_END.search(text):
        return False
    first = text.lstrip("\"'(")[:1]
    return first.isupper() or first.isdigit()


def _find_table_of_contents(lines: list[Line]) -> list[tuple[int, int]]:
    """Runs of three or more numbered lines with nothing between them, repeated later.

    A table of contents lists the headings without their bodies; the same numbers come
    again further down, each followed by its text. The run is reported as furniture so
    that each heading appears once, where its body is.
    """
    runs: list[tuple[int, int]] = []
    index = 0
    content = [i for i, line in enumerate(lines) if line.text and not line.furniture]
    while index < len(content):
        first = lines[content[index]].numbering
        if first is None or first.glued or not _is_title_like(lines[content[index]].text[first.end :], 200):
            index += 1
            continue
        run = [content[index]]
        previous = first
        j = index + 1
        while j < len(content):
            numbering = lines[content[j]].numbering
            if numbering is None or not numbering.follows(previous):
                break
            if not _is_title_like(lines[content[j]].text[numbering.end :], 200):
                break
            run.append(content[j])
            previous = numbering
            j += 1
        if len(run) >= 3:
            labels = {lines[i].numbering.label for i in run if lines[i].numbering}
            later = {
                line.numbering.label
                for line in lines[run[-1] + 1 :]
                if line.numbering is not None and line.numbering.style == first.style
            }
            # Most of the listed numbers must come back as headings further down.
            if len(labels & later) >= 0.6 * len(labels):
                runs.append((lines[run[0]].start, lines[run[-1]].end))
                index = j
                continue
        index += 1
    return runs


def _text_style(text: str) -> tuple[str, ...]:
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return ("plain", "caps")
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    if words and sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words):
        return ("plain", "title")
    return ("plain", "sentence")


class SectionSegmenter:
    """Turns normalised text (plus heading hints) into a tree of `HeadingNode`s."""

    def segment(
        self,
        text: str,
        hints: list[HeadingHint],
        furniture: list[FurnitureSpan],
    ) -> Segmentation:
        lines = split_lines(text)
        furniture_ranges = sorted((f.start, f.end) for f in furniture)
        self._mark_furniture(lines, furniture_ranges)
        for line in lines:
            if line.text and not line.furniture:
                line.numbering = parse_numbering(line.text)
        toc = _find_table_of_contents(lines)
        new_furniture = [FurnitureSpan(start, end, "table_of_contents") for start, end in toc]
        self._mark_furniture(lines, toc)

        hint_by_line = self._hints_by_line(lines, hints)
        candidates = self._candidates(lines, hint_by_line)
        roots = self._nest(candidates, len(text))
        list_items = [
            (line.start, line.end)
            for line in lines
            if line.numbering is not None and not line.furniture and line.start not in {c.start for c in candidates}
        ]
        title = self._title(lines, candidates)
        return Segmentation(roots, new_furniture, title, list_items)

    @staticmethod
    def _mark_furniture(lines: list[Line], ranges: list[tuple[int, int]]) -> None:
        if not ranges:
            return
        for line in lines:
            for start, end in ranges:
                if line.start >= start and line.end <= end:
                    line.furniture = True
                    break

    @staticmethod
    def _hints_by_line(lines: list[Line], hints: list[HeadingHint]) -> dict[int, int]:
        """Line index -> heading level, for lines the input marked as headings."""
        if not hints:
            return {}
        starts = [line.start for line in lines]
        from bisect import bisect_right

        out: dict[int, int] = {}
        for hint in hints:
            index = bisect_right(starts, hint.start) - 1
            if index >= 0 and lines[index].text.strip():
                out.setdefault(index, hint.level)
        return out

    def _candidates(self, lines: list[Line], hint_by_line: dict[int, int]) -> list[HeadingNode]:
        numbered_top = sum(
            1
            for line in lines
            if line.numbering is not None
            and not line.furniture
            and not line.numbering.glued
            and _is_title_like(line.text[line.numbering.end :])
        )
        # Unnumbered title-like lines only count as headings where the policy does not
        # number its headings: in a numbered policy they are list items or labels.
        detect_unnumbered = not hint_by_line and numbered_top < 3
        open_numbers: list[Numbering] = []  # innermost last; for sequence checks
        out: list[HeadingNode] = []
        for index, line in enumerate(lines):
            if not line.text or line.furniture:
                continue
            numbering = line.numbering
            level = hint_by_line.get(index)
            if level is not None:
                title_start = line.start + (numbering.end if numbering else 0)
                title = text_or_none(line.text[numbering.end :] if numbering else line.text)
                out.append(
                    HeadingNode(line.start, line.end, title_start, numbering.label if numbering else None,
                                title, ("html", str(level)), numbering)
                )
                open_numbers = [numbering] if numbering else []
                continue
            markdown = _MARKDOWN_HEADING.match(line.text)
            if markdown:
                body = line.text[markdown.end() :]
                inner = parse_numbering(body)
                title = body[inner.end :] if inner else body
                out.append(
                    HeadingNode(line.start, line.end, line.start + markdown.end() + (inner.end if inner else 0),
                                inner.label if inner else None, text_or_none(title),
                                ("html", str(len(markdown.group(1)))), inner)
                )
                continue
            if numbering is not None and not numbering.glued:
                if self._accept_numbered(lines, index, numbering, open_numbers):
                    rest = line.text[numbering.end :]
                    title = rest if _is_title_like(rest, MAX_SUBCLAUSE_CHARS) or len(numbering.value) > 1 else None
                    if title is not None and len(title) > MAX_SUBCLAUSE_CHARS:
                        title = None
                    out.append(
                        HeadingNode(line.start, line.end, line.start + numbering.end, numbering.label,
                                    text_or_none(title), (numbering.style,), numbering)
                    )
                continue
            if detect_unnumbered and self._is_unnumbered_heading(lines, index):
                out.append(
                    HeadingNode(line.start, line.end, line.start, None, line.text.strip(), _text_style(line.text), None)
                )
        return out

    @staticmethod
    def _accept_numbered(
        lines: list[Line], index: int, numbering: Numbering, open_numbers: list[Numbering]
    ) -> bool:
        """Decide whether a numbered line is a heading, updating the open numbering stack."""
        line = lines[index]
        rest = line.text[numbering.end :]
        depth = len(numbering.value)
        if depth > 1 and numbering.style.startswith("decimal"):
            # "4.1" belongs under an open "4"; "9.3" follows "9.2".
            for position in range(len(open_numbers) - 1, -1, -1):
                other = open_numbers[position]
                if not other.style.startswith("decimal"):
                    continue
                if other.value == numbering.value[:-1] or numbering.follows(other):
                    if len(rest) > MAX_SUBCLAUSE_CHARS and not _is_title_like(rest):
                        return False
                    keep = position + 1 if other.value == numbering.value[:-1] else position
                    del open_numbers[keep:]
                    open_numbers.append(numbering)
                    return True
            return False
        if not _is_title_like(rest):
            return False
        following = _next_content(lines, index)
        if following is not None and following.numbering is not None and following.numbering.follows(numbering):
            # The next line is the next item of the same list: this is a list, not a heading.
            return False
        if following is None:
            return False
        for position in range(len(open_numbers) - 1, -1, -1):
            other = open_numbers[position]
            if other.style == numbering.style:
                if numbering.follows(other):
                    del open_numbers[position:]
                    open_numbers.append(numbering)
                    return True
                return False
        if not numbering.is_first:
            return False
        open_numbers.append(numbering)
        return True

    @staticmethod
    def _is_unnumbered_heading(lines: list[Line], index: int) -> bool:
        line = lines[index]
        text = line.text.strip()
        if len(text) > 100 or len(text.split()) > 12 or not _is_title_like(text, 100) or text.endswith(":"):
            return False
        if _BULLET.match(text):
            return False
        previous = lines[index - 1] if index > 0 else None
        if previous is not None and previous.text and not previous.furniture:
            # A heading stands after a blank line, unless the line before is also a heading-sized line.
            if len(previous.text) > 100 or not _SENTENCE_END.search(previous.text) and len(previous.text) > 60:
                return False
        following = _next_content(lines, index)
        if following is None:
            return False
        body = following.text
        # Followed by a paragraph, not by another short line of a list.
        return len(body) > 100 or bool(re.search(r"[.!?:)\"]$", body)) or _is_title_like(body, 100)

    @staticmethod
    def _nest(candidates: list[HeadingNode], text_length: int) -> list[HeadingNode]:
        roots: list[HeadingNode] = []
        stack: list[HeadingNode] = []
        for node in candidates:
            if node.style[0] == "html":
                level = int(node.style[1])
                cut = next(
                    (i for i, open_node in enumerate(stack)
                     if open_node.style[0] == "html" and int(open_node.style[1]) >= level),
                    None,
                )
                if cut is not None:
                    del stack[cut:]
            elif node.numbering is not None and len(node.numbering.value) > 1 and node.style[0].startswith("decimal"):
                parent = node.numbering.value[:-1]
                cut = next(
                    (i + 1 for i in range(len(stack) - 1, -1, -1)
                     if stack[i].numbering is not None and stack[i].numbering.value == parent
                     and stack[i].style[0].startswith("decimal")),
                    None,
                )
                if cut is None:
                    cut = next((i for i, open_node in enumerate(stack) if open_node.style == node.style), None)
                if cut is not None:
                    del stack[cut:]
            else:
                cut = next((i for i, open_node in enumerate(stack) if open_node.style == node.style), None)
                if cut is not None:
                    del stack[cut:]
            node.level = len(stack) + 1
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
        _close(roots, text_length)
        return roots

    @staticmethod
    def _title(lines: list[Line], candidates: list[HeadingNode]) -> tuple[int, int] | None:
        first_heading = candidates[0].start if candidates else None
        for line in lines:
            if not line.text or line.furniture:
                continue
            if first_heading is not None and line.start >= first_heading:
                return None
            text = line.text.strip()
            if len(text) <= 120 and not text.endswith((".", ",", ";", ":")) and line.numbering is None:
                return line.start, line.end
            return None
        return None


def text_or_none(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def _close(nodes: list[HeadingNode], end: int) -> None:
    """Set each section's end: the start of its next sibling, or its parent's end."""
    for i, node in enumerate(nodes):
        node.end = nodes[i + 1].start if i + 1 < len(nodes) else end
        _close(node.children, node.end)
