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

# Page navigation anywhere in a text: "Back to top", "« Return to Top »", "Top of page",
# "Skip to main content", "Print this page", "Advertisement - Continue Reading Below".
# Matched against the whole line, so a sentence that mentions these words is never furniture.
_NAVIGATION = re.compile(
    r"(?i)[\W_]{0,3}(?:(?:back|return|go|scroll|jump) (?:to )?(?:the )?top(?: of (?:the )?page)?"
    r"|top(?: of (?:the )?page)?|skip to (?:the )?(?:main )?(?:content|navigation)"
    r"|print(?: this)?(?: page)?|share(?: this)?(?: page)?|advertisement(?: - continue reading below)?"
    r"|(?:learn|read) more)[\W_]{0,3}"
)
# "© 2014 Example Inc. All rights reserved." / "Copyright 2014 Example" as a line of its own.
_COPYRIGHT = re.compile(r"(?i)(?:copyright\b|\(c\) ?(?:19|20)\d\d|©)[^\n]{0,150}")
_ALL_RIGHTS = re.compile(r"(?i)[^\n]{0,100}\ball rights reserved\.?")
# A menu row: three or more short items between "|" or "•" ("Terms | Privacy | Contact").
_MENU = re.compile(r"[^\n|\u2022]{1,60}(?: ?[|\u2022] ?[^\n|\u2022]{1,60}){2,15}")
# A line of a policy that is a sentence, not navigation, has enough words to say so.
_MAX_FURNITURE_WORDS = 25


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


def navigation_kind(line: str) -> str | None:
    """"navigation" if the whole line is page navigation, a menu row or a copyright notice, else None.

    >>> navigation_kind("« Back To Top »")
    'navigation'
    """
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _MAX_FURNITURE_WORDS:
        return None
    if _NAVIGATION.fullmatch(stripped):
        return "navigation"
    if _COPYRIGHT.fullmatch(stripped) or _ALL_RIGHTS.fullmatch(stripped):
        return "navigation"
    if _MENU.fullmatch(stripped) and not stripped.endswith((".", ";", ":")):
        return "navigation"
    first, bar, _ = stripped.partition("|")
    if bar and _NAVIGATION.fullmatch(first.strip()):
        return "navigation"
    return None


def find_furniture(text: str) -> list[FurnitureSpan]:
    """Breadcrumbs and repeated titles near the top of a text policy; navigation lines anywhere."""
    spans = _head_furniture(text)
    taken = {span.start for span in spans}
    for start, end, line in _lines_with_offsets(text, len(text) + 1):
        if start in taken:
            continue
        kind = navigation_kind(line)
        if kind is not None:
            spans.append(FurnitureSpan(start, end, kind))
    return sorted(spans, key=lambda span: span.start)


def _head_furniture(text: str) -> list[FurnitureSpan]:
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
