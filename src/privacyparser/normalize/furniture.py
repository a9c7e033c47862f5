"""Page furniture in plain text: lines that belong to the web page, not to the policy.

Furniture stays in the normalised text (no text is ever lost) but is reported as
`FurnitureSpan`s, so the title, the sections and the records ignore it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from privacyparser.normalize.document import FurnitureSpan
from privacyparser.prefilter import literal_checks

# "Home > Help Center > Privacy Policy", "Home / Legal / Privacy", "Home » Privacy".
_BREADCRUMB = re.compile(r"[^\n>»/|]{1,60}(?: ?[>»›/|] ?[^\n>»›/|]{1,80}){2,8}")
_BREADCRUMB_START = re.compile(r"(?i)(?:home|start|main|index|help|support|legal)\b")
# How far into the document page furniture (breadcrumbs, repeated titles) is looked for.
_HEAD_LINES = 12

# Page navigation anywhere in a text: "Back to top", "« Return to Top »", "Top of page",
# "Skip to main content", "Print this page", "Advertisement - Continue Reading Below",
# share widgets ("Share on Facebook", "Share via Email"), widget labels ("We Recommend",
# "Download PDF version"). Matched against the whole line, so a sentence that mentions these
# words is never furniture; a line may glue several together ("Learn MoreGo to top of pageTop of page").
_SOCIAL = (
    r"(?:facebook|twitter|google ?(?:plus|\+)|pinterest|linkedin|tumblr|whatsapp|reddit|"
    r"digg|stumbleupon|delicious|e-?mail|sms|messenger|x)"
)
_NAV_PHRASE = (
    r"(?:(?:back|return|go|scroll|jump) (?:to )?(?:the )?top(?: of (?:the )?page)?"
    r"|top(?: of (?:the )?page)?|skip to (?:the )?(?:main )?(?:content|navigation)"
    r"|jump to:? navigation,? search"
    r"|print(?: this)?(?: page| article)?|share(?: this)?(?: page| article| story)?"
    r"|(?:share|post|send) (?:on|to|via|with) " + _SOCIAL + r"|tweet(?: this)?|pin it"
    r"|(?:e-?mail|email) (?:this|to a friend)(?: page| article| story)?"
    r"|resize text|text size|font size|more options|more sharing options"
    r"|advertisement(?: - continue reading below)?|sponsored(?: content| links)?"
    r"|we recommend|recommended(?: for you)?|you (?:may|might) also like|related (?:articles|stories|links)"
    r"|download (?:the )?(?:pdf|printable)(?: version)?|printer[- ]friendly(?: version)?"
    r"|(?:show|hide|view) (?:more|less|all|examples|details)|(?:expand|collapse) all|quick links"
    r"|(?:learn|read) (?:more|less))"
)
_NAVIGATION = re.compile(r"(?i)[\W_]{0,3}(?:" + _NAV_PHRASE + r"[\W_]{0,3}){1,4}")
# Lines of a wiki or CMS page around the content: "From Minecraft Wiki",
# 'Retrieved from "http://..."', "This page was last edited on 3 May 2019, at 14:15.",
# "Text is available under Creative Commons terms unless noted otherwise."
_PAGE_META = re.compile(
    r"(?i)(?:from [\w .'-]{1,40} wiki|retrieved from \W?(?:https?://)?\S+"
    r"|this page was last (?:modified|edited|updated) on [^\n]{4,60}"
    r"|(?:text |content )?(?:is )?available under (?:the )?(?:cc|creative commons)\b[^\n]{0,200}"
    r"|(?:(?:validate )?truste\b[\w ]{0,40}certification\s*){1,4}"
    r"|(?:en )?(?:english|espa[ñn]ol|fran[çc]ais|deutsch|italiano|portugu[êe]s|nederlands)"
    r"(?: ?[|/] ?(?:english|espa[ñn]ol|fran[çc]ais|deutsch|italiano|portugu[êe]s|nederlands)){0,6})"
)
# "© 2014 Example Inc. All rights reserved." / "Copyright 2014 Example" / "Copyright (c) Example"
# as a line of its own; "Copyright Complaints" (a heading) names no year and no ©. A site
# footer may name the site first ("Example Daily, Springfield © 2015 Example Media"): then the
# © must come with its year.
_COPYRIGHT = re.compile(
    r"(?i)(?:[^\n©]{1,40}© ?(?:19|20)\d\d\b"
    r"|©|\(c\) ?(?:19|20)\d\d|copyright\s*(?:©|\(c\)|(?:19|20)\d\d))[^\n]{0,150}"
)
# Alt text of a badge image: "Safe Harbor Logo", "TRUSTe Certified Privacy Logo".
_LOGO = re.compile(r"(?:[A-Z][\w®&'.-]*\s){1,4}[Ll]ogo")
# A bare network name or share action, furniture only inside a run of share buttons.
_SHARE_BUTTON = re.compile(
    r"(?i)[\W_]{0,3}(?:" + _SOCIAL + r"|pin|like|share|shares|tweet|tweets|print|comment|comments)[\W_]{0,3}"
)
_ALL_RIGHTS = re.compile(r"(?i)[^\n]{0,100}\ball rights? reserved\.?")
# A menu row: three or more short items between "|" or "•" ("Terms | Privacy | Contact").
_MENU = re.compile(r"[^\n|\u2022]{1,60}(?: ?[|\u2022] ?[^\n|\u2022]{1,60}){2,15}")
# Account and site links: "Sign in | Register", "Log in or Sign up", "My Account / Cart".
_ACCOUNT_ITEM = (
    r"(?:sign ?in|sign ?up|sign ?out|log ?in|log ?out|register|join(?: now)?|my account|account"
    r"|subscribe|cart|basket|search|menu|home|help|contact(?: us)?|newsletters?|e-?edition|shop|store)"
)
_ACCOUNT = re.compile(
    r"(?i)[\W_]{0,2}" + _ACCOUNT_ITEM + r"(?: ?(?:[|/\u2022\u00b7]|or) ?" + _ACCOUNT_ITEM + r")+[\W_]{0,2}"
)
# Buttons of a cookie banner, and the banner's one sentence printed next to them.
_COOKIE_BUTTON = re.compile(
    r"(?i)[\W_]{0,2}(?:accept(?: all)?(?: cookies)?|i accept|i agree|agree|got it|ok(?:ay)?"
    r"|allow(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|decline|dismiss|close|no,? thanks"
    r"|(?:manage|customi[sz]e|change) (?:cookie )?(?:settings|preferences|choices)"
    r"|cookie (?:settings|preferences))[\W_]{0,2}"
)
_COOKIE_WORD = re.compile(r"(?i)\bcookies?\b")
# A short line that names the policy: where the page's own menus end.
_POLICY_TITLE = re.compile(r"(?i)\b(?:privacy|policy|notice|statement|terms)\b")
_SENTENCE_END = re.compile(r"[.!?;:,]\s*$")
# How many lines from either end a banner or repeated page header/footer is looked for.
_EDGE_LINES = 10
# The page header (site name, page title) a footer may print again.
_PAGE_HEADER_LINES = 3
# A page number or a vote count on a line of its own ("6", "  12  ").
_LONE_NUMBER = re.compile(r"\d{1,3}")
# The label of a table of contents, on its own line.
_TOC_LABEL = re.compile(r"(?i)(?:table of )?contents:?")
# A line of a policy that is a sentence, not navigation, has enough words to say so.
_MAX_FURNITURE_WORDS = 25
# The patterns a navigation line matches whole, as one: a regex call per line instead of
# six (a whole match of an alternation is a whole match of one of its branches).
_NAVIGATION_LINE = re.compile(
    "|".join(
        f"(?{'i' if pattern.flags & re.IGNORECASE else ''}:{pattern.pattern.removeprefix('(?i)')})"
        for pattern in (_NAVIGATION, _PAGE_META, _LOGO, _COPYRIGHT, _ALL_RIGHTS, _ACCOUNT)
    )
)
# The longest texts `_SHARE_BUTTON` and `_TOC_LABEL` or `_LONE_NUMBER` match whole
# (tests/normalize/test_furniture.py checks them): a longer line needs no regex call.
_MAX_SHARE_BUTTON_CHARS = 17
_MAX_LABEL_CHARS = 18


def _lines_with_offsets(text: str, limit: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = 0
    if limit > len(text):
        # Every line (a text has at most one more than it has characters): split in C.
        for line in text.split("\n"):
            end = pos + len(line)
            out.append((pos, end, line))
            pos = end + 1
        return out
    while pos <= len(text) and len(out) < limit:
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        out.append((pos, end, text[pos:end]))
        pos = end + 1
    return out


def navigation_kind(line: str) -> str | None:
    """ "navigation" if the whole line is page navigation, a menu row or a copyright notice, else None.

    >>> navigation_kind("« Back To Top »")
    'navigation'
    """
    stripped = line.strip()
    # Split no further than needed to tell: most lines are long paragraphs.
    if not stripped or len(stripped.split(maxsplit=_MAX_FURNITURE_WORDS)) > _MAX_FURNITURE_WORDS:
        return None
    if _NAVIGATION_LINE.fullmatch(stripped):
        return "navigation"
    # A menu row holds its separators ("|", "•"); most lines hold none and need no match.
    if (
        ("|" in stripped or "\u2022" in stripped)
        and _MENU.fullmatch(stripped)
        and not stripped.endswith((".", ";", ":"))
    ):
        return "navigation"
    first, bar, _ = stripped.partition("|")
    if bar and _NAVIGATION.fullmatch(first.strip()):
        return "navigation"
    return None


def find_furniture(text: str) -> list[FurnitureSpan]:
    """Breadcrumbs and repeated titles near the top of a text policy; navigation lines anywhere."""
    spans = _head_furniture(text)
    taken = {span.start for span in spans}
    lines = [line for line in _lines_with_offsets(text, len(text) + 1) if line[2].strip()]
    kinds = _navigation_kinds(lines, taken)
    _edge_furniture(lines, kinds, taken)
    for index, (start, _, line) in enumerate(lines):
        if kinds[index] is not None or start in taken:
            continue
        stripped = line.strip()
        if len(stripped) > _MAX_LABEL_CHARS:
            continue
        if _TOC_LABEL.fullmatch(stripped):
            kinds[index] = "table_of_contents"
        # A lone number before a paragraph is a page number or a counter, not the number of a
        # heading printed on the line above its title (the title is short).
        elif _LONE_NUMBER.fullmatch(stripped) and index + 1 < len(lines) and _paragraph(lines[index + 1][2]):
            kinds[index] = "navigation"
    for (start, end, _), kind in zip(lines, kinds, strict=True):
        if kind is not None:
            spans.append(FurnitureSpan(start, end, kind))
    return sorted(spans, key=lambda span: span.start)


def find_navigation_lines(text: str) -> list[FurnitureSpan]:
    """Only the navigation lines of `find_furniture` (page controls, share buttons, copyright
    lines, menu rows), for text whose layout is known otherwise: the text of an HTML page, where
    the page's own headings and blocks say what is a title or a table of contents.

    >>> text = "Cookies\\n\\nWe use cookies.\\n\\nBack to top"
    >>> [text[f.start : f.end] for f in find_navigation_lines(text)]
    ['Back to top']
    """
    lines = [line for line in _lines_with_offsets(text, len(text) + 1) if line[2].strip()]
    kinds = _navigation_kinds(lines, set())
    return [FurnitureSpan(start, end, kind) for (start, end, _), kind in zip(lines, kinds, strict=True) if kind]


def _navigation_kinds(lines: list[tuple[int, int, str]], taken: set[int]) -> list[str | None]:
    """ "navigation" for each line that is page navigation, else None; lines in `taken` are skipped."""
    kinds = [None if start in taken else navigation_kind(line) for start, _, line in lines]
    # "Share | Tweet | Pin | E-mail" printed one button a line: bare names next to share lines.
    for index, (start, _, line) in enumerate(lines):
        if kinds[index] is None and start not in taken and _is_share_button(line):
            if _share_run(lines, kinds, index) >= 3:
                kinds[index] = "navigation"
    return kinds


def _is_share_button(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _MAX_SHARE_BUTTON_CHARS and _SHARE_BUTTON.fullmatch(stripped) is not None


def _paragraph(line: str) -> bool:
    words = line.split()
    return len(words) >= 12 or (len(words) >= 6 and line.rstrip().endswith((".", "!", "?")))


def _short_menu_item(line: str) -> bool:
    """A menu entry: one to four words, no sentence punctuation, each word capitalised or a small word."""
    words = line.split()
    if not words or len(words) > 4 or _SENTENCE_END.search(line) or _POLICY_TITLE.search(line):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in ("&", "and", "of", "the", "for", "to", "-") for w in words)


def _edge_furniture(lines: list[tuple[int, int, str]], kinds: list[str | None], taken: set[int]) -> None:
    """Furniture found by where it is: menus above the policy's title, cookie banners and
    page headers repeated as page footers."""
    count = len(lines)
    texts = [line[2].strip() for line in lines]
    # 1. A site menu above the title: four or more menu entries in a row before the first
    #    short line that names the policy. Nothing is marked when no such title is near the top.
    title = next(
        (i for i in range(min(count, 40)) if _POLICY_TITLE.search(texts[i]) and len(texts[i].split()) <= 12),
        None,
    )
    if title is not None:
        run: list[int] = []
        for i in range(title + 1):
            if i < title and kinds[i] is None and lines[i][0] not in taken and _short_menu_item(texts[i]):
                run.append(i)
                continue
            if len(run) >= 4:
                for j in run:
                    kinds[j] = "navigation"
            run = []
    # 2. A cookie banner at either end: its buttons, and a sentence about cookies next to them.
    edges = list(range(min(count, _EDGE_LINES))) + list(range(max(_EDGE_LINES, count - _EDGE_LINES), count))
    for i in edges:
        if kinds[i] is None and _COOKIE_BUTTON.fullmatch(texts[i]):
            near = [j for j in (i - 1, i + 1, i - 2, i + 2) if 0 <= j < count]
            banner = [j for j in near if _COOKIE_WORD.search(texts[j]) and len(texts[j].split()) <= 60]
            buttons = [j for j in near if _COOKIE_BUTTON.fullmatch(texts[j])]
            if banner or buttons:
                kinds[i] = "navigation"
                for j in banner[:1]:
                    if kinds[j] is None and lines[j][0] not in taken:
                        kinds[j] = "navigation"
    # 3. A header line printed again in the footer ("Home", "Privacy Policy", a site name):
    #    the footer copy is furniture.
    #    Only the page's first lines up to the policy's title count: a contact block printed near the top and again at
    #    the end is policy text.
    if count >= 3 * _EDGE_LINES:
        header_end = min(_PAGE_HEADER_LINES, (title if title is not None else 0) + 1)
        head = {texts[i].casefold() for i in range(header_end) if len(texts[i].split()) <= 8}
        for i in range(count - _PAGE_HEADER_LINES, count):
            if kinds[i] is None and texts[i].casefold() in head and not _SENTENCE_END.search(texts[i]):
                kinds[i] = "navigation"


def _share_run(lines: list[tuple[int, int, str]], kinds: list[str | None], index: int) -> int:
    """Length of the run of share buttons around `index` (at least one of them a share line)."""

    def button(i: int) -> bool:
        return kinds[i] == "navigation" or _SHARE_BUTTON.fullmatch(lines[i][2].strip()) is not None

    low = index
    while low > 0 and index - low < 12 and button(low - 1):
        low -= 1
    high = index
    while high + 1 < len(lines) and high - index < 12 and button(high + 1):
        high += 1
    if not any(kinds[i] == "navigation" for i in range(low, high + 1)):
        return 0
    return high - low + 1


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


# ------------------------------------------------------------------ a second legal document

# The heading of another legal document printed on the same page as the policy: "Terms of
# Use", "Everyday Example Terms of Service", "User Agreement", "Terms and Conditions of Sale".
# A cookie policy is privacy content and never matches (nor does any title naming privacy).
_OTHER_DOCUMENT_NAME = (
    r"(?:terms (?:of (?:use|service|sale)|(?:and|&) conditions)(?: of (?:use|sale|service))?"
    r"|conditions of (?:use|sale)|user agreement|end[- ]user licen[cs]e agreement|acceptable use policy)"
    r"(?: agreement)?"
)
_OTHER_DOCUMENT_TITLE = re.compile(r"(?i)(?:[\w&'.,-]+ ){0,4}" + _OTHER_DOCUMENT_NAME + r"[\s.:]*")
_OTHER_DOCUMENT_MENTION = re.compile(r"(?i)\b" + _OTHER_DOCUMENT_NAME + r"\b")
# A heading about privacy ends the other document: the policy (or another part of it) goes on.
_PRIVACY_HEADING = re.compile(
    r"(?i)\b(?:privacy|personal (?:information|data)|data protection|cookies?|children'?s? (?:information|data))\b"
)
# The name of the privacy document itself as a part heading: "VI. Privacy Policy", "Privacy Statement".
_PRIVACY_PART = re.compile(
    r"(?i)(?:(?:[ivxlc]{1,6}|\d{1,2}|[a-z])[.):]\s*)?(?:[\w&'.-]+ ){0,3}privacy (?:policy|statement|notice)[\s.:]*"
)
# What only terms of use say, by kind; a document needs several kinds (a privacy policy may
# mention the governing law, or disclaim its security "as is", but not all of these).
_TERMS_MARKERS = (
    re.compile(r"(?i)\bindemnif"),
    re.compile(r"(?i)\blimitations? (?:of|on) (?:our )?liability|\bliable (?:to you )?for any (?:indirect|direct)"),
    re.compile(
        r"(?i)\bdisclaim\w* (?:all |any )?(?:express |implied )?warrant|\bwithout warranty\b"
        r"|\bprovided (?:on an )?\W?as is\b"
    ),
    re.compile(r"(?i)\bgoverned by (?:and construed in accordance with )?the laws?\b|\bgoverning law\b"),
    re.compile(r"(?i)\barbitrat"),
    re.compile(r"(?i)\b(?:intellectual property|trademarks?|copyright infringement)\b"),
    re.compile(r"(?i)\b(?:grant (?:you|us)|licen[cs]e to (?:use|access)|grant of (?:any )?rights?)\b"),
    # The document names itself: "these Terms of Use", "this Agreement".
    re.compile(r"(?i)\b(?:these terms(?: of (?:use|service))?(?: and conditions)?|this (?:user )?agreement)\b"),
    re.compile(r"(?i)\bsole (?:and absolute )?discretion\b"),
    re.compile(r"(?i)\byou (?:agree|may) not (?:to )?(?:use|post|upload|copy|modify|reproduce)\b"),
)
_MIN_TERMS_MARKERS = 3
# A section that calls its document "this policy" is the policy's, not the other document's.
_POLICY_SELF = re.compile(r"(?i)\bthis (?:online )?(?:privacy )?(?:policy|statement|notice)\b")
# The other document and the policy before it are documents, not a paragraph or a section.
_MIN_DOCUMENT_WORDS = 300
_POLICY_WORDS = re.compile(r"(?i)\b(?:privacy|personal information|personal data|information we collect)\b")


@dataclass(frozen=True)
class OutlineHeading:
    """One heading of a section tree: where it starts, where its section ends, its parent."""

    start: int
    end: int
    title: str
    parent: int | None  # index of the parent heading in the same list, None for a top-level one


def _has_terms_kinds(text: str, needed: int) -> bool:
    """At least `needed` of the `_TERMS_MARKERS` kinds occur in `text`.

    Each kind is a search of the whole text, most often for nothing: the count stops as
    soon as it is reached, or can no longer be with the kinds left.
    """
    # A kind whose literals are not in the lower-cased text cannot occur: a substring test
    # in C, where a case-blind search tries the regex at every character. Only three
    # characters match an ASCII one case-blind but lower-case to another ("ſ" is "s").
    caseless = text.isascii() or not any(map(text.__contains__, _CASE_BLIND_ONLY))
    checks = _terms_literals() if caseless else None
    lower = text.lower() if checks is not None else ""
    found = 0
    for checked, marker in enumerate(_TERMS_MARKERS):
        if found + len(_TERMS_MARKERS) - checked < needed:
            return False
        literals = checks[checked] if checks is not None else None
        if literals is not None and not any(map(lower.__contains__, literals)):
            continue
        if marker.search(text):
            found += 1
            if found >= needed:
                return True
    return found >= needed


# The characters that `(?i)` matches to an ASCII letter while `str.lower` does not give
# that letter (dotted and dotless I, long s).
_CASE_BLIND_ONLY = ("\u0130", "\u0131", "\u017f")


@lru_cache(maxsize=1)
def _terms_literals() -> tuple[tuple[str, ...] | None, ...]:
    """Per `_TERMS_MARKERS` kind, strings one of which every match holds, lower-cased
    (None: unknown). A marker is case-blind by its leading "(?i)": the
    strings every match of it without the flag holds, lower-cased, are in the
    lower-cased text wherever it matches."""
    out: list[tuple[str, ...] | None] = []
    for marker in _TERMS_MARKERS:
        checks = None
        if marker.pattern.startswith("(?i)") and marker.flags & re.IGNORECASE:
            checks = literal_checks(re.compile(marker.pattern.removeprefix("(?i)")))
        out.append(None if checks is None else tuple(literal.lower() for literal in checks))
    return tuple(out)


def _holds_policy(text: str) -> bool:
    return len(text.split()) >= _MIN_DOCUMENT_WORDS and len(_POLICY_WORDS.findall(text)) >= 3


def _reads_as_terms(text: str) -> bool:
    return len(text.split()) >= _MIN_DOCUMENT_WORDS and _has_terms_kinds(text, _MIN_TERMS_MARKERS)


def find_other_documents(text: str, headings: list[OutlineHeading]) -> tuple[list[FurnitureSpan], list[str]]:
    """Another legal document printed next to the privacy policy (terms of use, a user agreement).

    Its text stays in the text; it is reported as furniture of kind "other_document" and named in
    a warning, so that no record is taken from it. Two layouts are recognised:

    1. a heading naming the other document ("Terms of Use") after the policy: the document runs
       to the next heading of its level about privacy, or to the end of its parent;
    2. a page made of parts, one of them the privacy policy ("VI. Privacy Policy"), whose earlier
       parts read as terms and which names the other document: those parts are that document.

    Each needs the other document's text to read as terms (several kinds of terms-only wording,
    a few hundred words) and a policy next to it, so a policy's own short "Terms of Use" section
    is never taken.
    """
    spans: list[FurnitureSpan] = []
    warnings: list[str] = []
    covered_until = -1
    for index, heading in enumerate(headings):
        if heading.start < covered_until or _PRIVACY_HEADING.search(heading.title):
            continue
        if not _OTHER_DOCUMENT_TITLE.fullmatch(heading.title.strip()):
            continue
        end = heading.end
        for later in headings[index + 1 :]:
            if later.start < end:
                continue  # inside the document taken so far
            if later.parent != heading.parent or _PRIVACY_HEADING.search(later.title):
                break
            if _POLICY_SELF.search(text, later.start, later.end):
                break
            end = later.end
        if _reads_as_terms(text[heading.start : end]) and _holds_policy(text[: heading.start] + text[end:]):
            spans.append(FurnitureSpan(heading.start, end, "other_document"))
            warnings.append(_other_document_warning(heading.title, heading.start, end))
            covered_until = end
    if not spans:
        spans, warnings = _terms_in_lines(text, {h.start for h in headings})
    if not spans:
        spans, warnings = _parts_before_policy(text, headings)
    return spans, warnings


# A line short enough to be a heading, and not a sentence.
_MAX_HEADING_WORDS = 10


def _heading_line(line: str) -> bool:
    return 0 < len(line.split()) <= _MAX_HEADING_WORDS and not _SENTENCE_END.search(line)


def _terms_in_lines(text: str, tree_starts: set[int]) -> tuple[list[FurnitureSpan], list[str]]:
    """Layout 1 where the section tree missed the other document's heading (a text with one
    paragraph a line and few headings found): its heading line runs to the next heading line
    about privacy, or to the first line that calls its document "this policy"."""
    lines = [line for line in _lines_with_offsets(text, len(text) + 1) if line[2].strip()]
    for index, (start, _, line) in enumerate(lines):
        title = line.strip()
        # The title test first: it fails within a few words of most lines, where the
        # heading test splits the whole paragraph.
        if start in tree_starts or not _OTHER_DOCUMENT_TITLE.fullmatch(title):
            continue
        if not _heading_line(title) or _PRIVACY_HEADING.search(title):
            continue
        end = len(text)
        for later_start, _, later in lines[index + 1 :]:
            later = later.strip()
            if (_heading_line(later) and _PRIVACY_HEADING.search(later)) or _POLICY_SELF.search(later):
                end = later_start
                break
        if _reads_as_terms(text[start:end]) and _holds_policy(text[:start] + text[end:]):
            return [FurnitureSpan(start, end, "other_document")], [_other_document_warning(title, start, end)]
    return [], []


def _parts_before_policy(text: str, headings: list[OutlineHeading]) -> tuple[list[FurnitureSpan], list[str]]:
    """Layout 2: the parts before the one that is the privacy policy."""
    parts = _parts_in_tree(headings) or _parts_in_lines(text)
    if parts is None:
        return [], []
    start, policy_start = parts
    name = _OTHER_DOCUMENT_MENTION.search(text, 0, policy_start)
    if name is None or not _reads_as_terms(text[start:policy_start]) or not _holds_policy(text[policy_start:]):
        return [], []
    return [FurnitureSpan(start, policy_start, "other_document")], [
        _other_document_warning(name.group(0), start, policy_start)
    ]


def _parts_in_tree(headings: list[OutlineHeading]) -> tuple[int, int] | None:
    """(start of the first part, start of the privacy part) among the top-level headings."""
    roots = [h for h in headings if h.parent is None]
    for position, root in enumerate(roots):
        if position > 0 and _PRIVACY_PART.fullmatch(root.title.strip()):
            return roots[0].start, root.start
    return None


# Parts numbered in Roman numerals on lines of their own ("I. Introduction", "VI.Privacy Policy"),
# which a section tree built from the page's marked headings may not hold.
_ROMAN_PART = re.compile(r"[IVXLC]{1,6}[.)] ?[A-Z][^\n]{0,100}")
_FIRST_PART = re.compile(r"I[.)] ?[A-Z][^\n]{0,100}")
_ROMAN_PRIVACY_PART = re.compile(
    r"[IVXLC]{1,6}[.)] ?(?:[\w&'.-]+ ){0,3}(?i:privacy (?:policy|statement|notice))[\s.:]*"
)


def _parts_in_lines(text: str) -> tuple[int, int] | None:
    """(start of part I, start of the privacy part): the last privacy part and the part I before it."""
    lines = _lines_with_offsets(text, len(text) + 1)
    texts = [line[2].strip() for line in lines]
    policy = next((i for i in range(len(texts) - 1, -1, -1) if _ROMAN_PRIVACY_PART.fullmatch(texts[i])), None)
    if policy is None:
        return None
    first = next((i for i in range(policy - 1, -1, -1) if _FIRST_PART.fullmatch(texts[i])), None)
    if first is None:
        return None
    # Parts between them: a numbered sequence, not one stray "I." line.
    between = sum(1 for i in range(first + 1, policy) if _ROMAN_PART.fullmatch(texts[i]))
    return (lines[first][0], lines[policy][0]) if between >= 1 else None


def _other_document_warning(name: str, start: int, end: int) -> str:
    name = " ".join(name.split()).strip(" .:")
    return (
        f"the page also holds another document ({name!r}, characters {start:,}-{end:,}): "
        "kept in the text, reported as furniture of kind 'other_document', no records taken from it"
    )
