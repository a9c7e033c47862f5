"""Page furniture in plain text: lines that belong to the web page, not to the policy.

Furniture stays in the normalised text (no text is ever lost) but is reported as
`FurnitureSpan`s, so the title, the sections and the records ignore it.
"""

from __future__ import annotations

import re

from privacyparser.normalize.document import FurnitureSpan

# "Home > Help Center > Privacy Policy", "Home / Legal / Privacy", "Home » Privacy".
_BREADCRUMB = re.compile(r"[^\n>»/|]{1,60}(?: ?[>»›/|] ?[^\n>»›/|]{1,80}){2,8}")
_BREADCRUMB_START = re.compile(r"(?i)(?:home|start|main|index|help|support|legal)\b")
# How far into the document page furniture (breadcrumbs, repeated titles) is looked for.
_HEAD_LINES = 12


def _lines_with_offsets(text: str, limit: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = 0
    while pos <= len(text) and len(out) < limit:
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        out.append((pos, end, text[pos:end]))
        pos = end + 1
    return out


def find_furniture(text: str) -> list[FurnitureSpan]:
    """Breadcrumbs and repeated titles near the top of a text policy."""
    spans: list[FurnitureSpan] = []
    lines = [line for line in _lines_with_offsets(text, _HEAD_LINES * 3) if line[2].strip()][:_HEAD_LINES]
    previous: str | None = None
    for start, end, line in lines:
        stripped = line.strip()
        if _BREADCRUMB.fullmatch(stripped) and _BREADCRUMB_START.match(stripped):
            spans.append(FurnitureSpan(start, end, "breadcrumb"))
            continue
        # A title printed twice (page header and content header): the second is furniture.
        if previous is not None and stripped.casefold() == previous.casefold() and len(stripped) <= 120:
            spans.append(FurnitureSpan(start, end, "repeated_title"))
            continue
        previous = stripped
    return spans
