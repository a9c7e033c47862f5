"""HTML to plain text, keeping a map from every character back to the HTML source.

The steps, each a small function or class below:

1. `_tokenize_source`: a linear scan of the HTML string into text runs, tags and
   comments, with exact positions, following the HTML5 tokenizer closely enough to
   agree with libxml2 (raw text in script/style, RCDATA in title/textarea, bogus
   comments, end-of-file inside a tag).
2. `_DecodedStream`: the text runs concatenated with entities decoded and CR LF folded
   to LF, as a string plus pieces that point back into the source.
3. BeautifulSoup with the lxml parser builds the tree; `_Furniture` decides from it what
   a reader never sees or does not want (scripts, hidden elements, navigation, page
   header/footer, cookie banners, small pop-up dialogs, menus, bare lists of short links to
   other pages, page controls such as "Back to top", side rails and sidebars, comment
   sections), guarded so that the policy itself is
   never dropped (size shares, a `<main>` elsewhere, prose or a lead-in beside a link
   list), and summarises what it left out in one warning. Sizes, link text and flags are
   measured once, bottom-up, so every decision costs O(1) per element.
4. `_Aligner` matches the tree's text nodes, in document order, against the decoded
   stream with a forward-only cursor; bs4 gives no source positions, the stream does.
5. `_TextEmitter` writes the visible text through a `TextBuilder`: whitespace collapsed
   as a browser would, line breaks at block boundaries (mapped to empty source ranges),
   a tab between table cells, heading hints.

If lxml or the alignment fails (it should not; the budget guards against pathological
input), `_convert_without_tree` drives the same emitter straight from the tokens.
Everything is linear in the input: no recursion, no backtracking regexes, and every
search window is bounded.
"""

from __future__ import annotations

import html as html_lib
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.entities import html5 as _HTML5_ENTITIES
from typing import Any, NamedTuple

from bs4 import BeautifulSoup
from bs4 import element as bs4_element
from bs4.element import NavigableString, PreformattedString, Tag

from privacyparser.normalize.document import HeadingHint
from privacyparser.normalize.offsets import OffsetMap, TextBuilder


@dataclass
class HtmlExtraction:
    """Visible text of a page, its map into the HTML string, and what the markup said."""

    text: str
    offsets: OffsetMap
    headings: list[HeadingHint] = field(default_factory=list)
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    # (start, end) in `text` of each table of contents the page marks as a menu of in-page links.
    contents: list[tuple[int, int]] = field(default_factory=list)


# --- element classes ----------------------------------------------------------------

# Never visible, whatever the page: code, styling, embedded documents, form widgets.
_INVISIBLE_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame",
        "object", "embed", "applet", "canvas", "audio", "video", "map", "head", "title",
        "meta", "link", "base", "select", "option", "datalist", "button", "input",
        "textarea", "noembed", "noframes", "param", "source", "track", "dialog",
    }
)  # fmt: skip

# Blocks that get a blank line before and after.
_PARAGRAPH_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "listing", "xmp",
        "plaintext", "table", "ul", "ol", "dl", "menu", "section", "article", "main",
        "aside", "header", "footer", "nav", "figure", "form", "fieldset", "address",
        "details", "center", "hgroup", "hr", "div",
    }
)  # fmt: skip

# Blocks that start a new line, without a blank line.
_LINE_TAGS = frozenset(
    {
        "li", "dt", "dd", "tr", "caption", "figcaption", "summary", "legend", "body",
        "html", "thead", "tbody", "tfoot", "frameset", "option", "optgroup",
    }
)  # fmt: skip

_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
_CELL_TAGS = frozenset({"td", "th"})
_PRE_TAGS = frozenset({"pre", "listing", "xmp", "plaintext"})
_HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Inside these a <header>/<footer> belongs to the content, not to the site.
_CONTENT_TAGS = frozenset({"article", "main", "section", "aside", "header", "footer"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menubar", "menu"})

# Also text placed far off the screen (`left: -9999px`), a way to hide it from the eye only.
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?<![\w-])(?:left|top)\s*:\s*-\d{4,}(?:\.\d+)?(?:px|em)",
    re.IGNORECASE,
)
# Class names that CSS frameworks define as `display: none` (Bootstrap, Drupal, jQuery UI...),
# whole tokens only: "hidden-xs" hides on small screens only, "field-label-hidden" a label.
_HIDING_CLASSES = frozenset({"hidden", "hide", "is-hidden", "element-hidden", "d-none", "hidden-modal"})
# Matched against each class token and the id, lower-cased.
_COOKIE_BANNER = re.compile(
    r"cookie[-_]?(?:banner|bar|notice|consent|popup|pop-up|modal|law|alert|message|warning"
    r"|notification|dialog|overlay|box|disclaimer|accept|container|wrapper|policy-banner)"
    r"|(?:banner|bar|notice|popup|modal)[-_]?cookie|^cookies?$|consent|gdpr|onetrust|cookiebot"
    r"|^cc[-_](?:banner|window|bar)$|cookie-?law"
)
_MENU = re.compile(
    r"(?:^|[-_])(?:menu|menubar|navbar|nav|navigation|breadcrumbs?|skip-?links?|skip-to-content"
    r"|sr-only|screen-reader-text|visually-?hidden)(?:$|[-_])|^(?:sidebar|side-bar|sidenav|side-nav)"
)
# A breadcrumb trail ("breadcrumbs", "crumb-nav"), and how long one can be (non-space characters).
_BREADCRUMB_CLASS = re.compile(r"(?:^|[-_])(?:bread)?crumbs?(?:$|[-_])")
_MAX_BREADCRUMB_SIZE = 200
# Page header/footer containers that are not <header>/<footer> elements (old layouts).
_PAGE_FURNITURE_CLASS = re.compile(r"(?:^|[-_])(?:wrap|page|site|global)?(?:footer|header|masthead|top-?bar)(?:$|[-_])")
# Of those, the ones that say the header/footer is the whole site's ("global-footer", "site_header")
# are furniture also inside <main> or <section>: some pages put every part of the page in them.
_SITE_FURNITURE_CLASS = re.compile(r"(?:^|[-_])(?:site|global)[-_]?(?:footer|header)(?:$|[-_])")
# A top-level <header> holding a heading like this is the policy's own title block.
_POLICY_TITLE = re.compile(r"privacy|policy|notice|statement|cookie|data protection|terms", re.IGNORECASE)

# Side content next to the policy: teaser rails, "most popular" lists, related stories,
# share bars and recommendation widgets.
_SIDE_CONTENT = re.compile(
    r"^(?:(?:right|left|side)[-_]?rail|rail|most[-_]?(?:popular|read|viewed)|related[-_]?(?:posts|stories"
    r"|articles|content|links)|recommended|recommendations|trending|promo|outbrain|taboola|addthis"
    # Teaser feeds under an article: "landing-feed-container", "more-from-section".
    r"|(?:landing|story|news|article)[-_]?feed|more[-_]?from"
    r"|social[-_]?(?:share|links|media|icons|buttons)|share[-_]?(?:bar|buttons|tools|links|this))(?:$|[-_])"
    # A side column named as such, after a prefix or a few ("cms-sidebar", "bodySidebar",
    # "region-custom-rail-middle", "rightrail"); not a flag on the page's wrapper ("has-sidebar", "show-left-rail").
    r"|^(?!(?:has|with|without|no|show|hide|is|one|two)(?:[-_]|sidebar))(?:[a-z0-9]+[-_]){0,3}"
    r"(?:(?:right|left|side|third)?rail|side-bar"
    r"|(?:body|page|main|left|right|site|blog|article|post)?sidebar(?:nav|box|widgets?|inner|content|wrap(?:per)?)?)"
    r"(?:[-_](?:left|right|top|middle|bottom|special|primary|secondary|first|second|inner|content|wrapper"
    r"|container|widgets?|region|area|\d{1,2})){0,2}$"
    # Readers' comments under the page: "comments-section", "vdoCommentSection", Disqus.
    r"|comments?[-_]?(?:section|area|container|wrapper|list|form|widget|thread)|disqus|^dsq[-_]"
)
# Text for screen readers only ("Search form", "(opens in a new window)"): never on screen.
_SCREEN_READER = re.compile(
    r"(?:^|[-_])(?:sr[-_]only|screen[-_]?readers?(?:[-_]?(?:text|only))?|visually-?hidden|element-invisible|assistive-text"
    r"|hidden-accessible)(?:$|[-_])"
)
# A site search box: its label, its button, "Custom Search" branding.
_SEARCH_BOX = re.compile(
    r"(?:^|[-_])(?:site-?)?search(?:$|[-_])|search[-_]?(?:form|box|bar|block|widget|container|wrapper|area"
    r"|field|panel)|^(?:cse|gsc)[-_]"
)
_SEARCH_CONTROLS = ("form", "input", "button")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SECTION_HEADING_TAGS = _HEADING_TAGS[1:]
# An advertisement slot and its label ("Advertisement", "Continue reading below"); an id
# like "ads" alone names a policy section as often as an ad.
_AD_SLOT = re.compile(
    r"^(?:ad|ads|advert|advertisement|dfp|gpt)[-_]?(?:slot|unit|container|wrapper|block|banner|box|breaker"
    r"|label|placeholder|zone|space|gpt|leaderboard|rectangle|mpu|\d{1,3})(?:$|[-_])|^advertisement$|^adsbygoogle$"
)
# The site's copyright line in a block of its own ("region-copyright").
_COPYRIGHT_BLOCK = re.compile(r"(?:^|[-_])copyright(?:$|[-_])")
_MAX_WIDGET_SIZE = 300  # non-space characters of a search box, an ad label or screen-reader text
# Dialogs a script opens over the page (sign-up, log-in, "you are leaving this site"); only
# small ones count, a policy shown in a dialog is long.
# The dialog itself, not a link or button that opens one ("modal-link", "popup-trigger").
_POPUP = re.compile(
    r"(?:^|[-_])(?:modal|overlay|lightbox|popup|pop-up)"
    r"(?:[-_](?:content|body|container|wrapper|holder|window|dialog|inner|box|main))?$"
)
# The whole text of a link that is a page control, not policy: "Back to top", "Print".
_CONTROL_LINK = re.compile(
    r"(?:(?:back|return|go|jump|scroll)\s+(?:up\s+)?to\s+(?:the\s+)?)?top(?:\s+of\s+(?:the\s+)?page)?"
    r"|(?:back|return)\s+to\s+(?:the\s+)?(?:.{0,60}\s)?(?:index|contents|top)"
    r"|print(?:\s+this)?(?:\s+page)?|printer[-\s]friendly(?:\s+version)?|print\s+version"
    r"|share(?:\s+this)?(?:\s+page)?|share/save|e-?mail\s+this(?:\s+page)?|tweet|give\s+feedback",
    re.IGNORECASE,
)
_CONTROL_PUNCTUATION = " \t\n\r\f\xa0|•·^↑▲»«›‹-–—>"
# What may sit between control links on their line.
_CONTROL_SEPARATORS = re.compile(r"[\s|•·/\\,:^↑▲»«›‹\-–—>]*")

_MAX_FURNITURE_SHARE = 0.5
_MAX_BANNER_SIZE = 2000  # non-space characters; a cookie banner is a short notice
_MIN_MENU_LINK_SHARE = 0.5
# A "menu" of at least this many links, all to places on the page itself, is the document's
# table of contents (a pair of skip links is not).
_MIN_CONTENTS_LINKS = 3

# --- the source tokenizer -----------------------------------------------------------

_MARKUP_START = re.compile(r"<[!?/A-Za-z]")
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>\x00]*")
# A tag's attributes up to its `>`: an `=` followed by a quoted value skips the value (a `>`
# inside quotes does not close the tag). Possessive throughout, so nothing backtracks.
_TAG_BODY = re.compile(r"""[^>=]*+(?:=[ \t\n\r\f]*+(?:"[^"]*+"|'[^']*+'|(?!["']))[^>=]*+)*+""")
# A start or end tag from its `<`: the name (a letter, then anything up to a space, `/`,
# `>` or NUL, as `_TAG_NAME`), then the body.
_START_TAG = re.compile(r"<([A-Za-z][^\s/>\x00]*+)" + _TAG_BODY.pattern)
_END_TAG = re.compile(r"</([A-Za-z][^\s/>\x00]*+)" + _TAG_BODY.pattern)
_COMMENT_END = re.compile(r"--!?>")
# Elements whose content is not markup: raw text (no entities) and RCDATA (entities).
_RAW_TEXT_TAGS = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
_RCDATA_TAGS = frozenset({"title", "textarea"})
_END_TAG_PATTERNS: dict[str, re.Pattern[str]] = {}
_ATTRIBUTE = re.compile(r"""([^\s"'>/=\x00]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class _Token(NamedTuple):
    kind: str  # "text", "raw", "start", "end"
    start: int
    end: int
    name: str = ""


def _end_tag_pattern(name: str) -> re.Pattern[str]:
    pattern = _END_TAG_PATTERNS.get(name)
    if pattern is None:
        pattern = re.compile(rf"</{name}[\s/>]", re.IGNORECASE)
        _END_TAG_PATTERNS[name] = pattern
    return pattern


def _tokenize_source(source: str) -> Iterator[tuple[str, int, int, str]]:
    """Text runs (decoded later) and tags of `source`, in order, with exact positions.

    Plain tuples in `_Token`'s field order: a page has thousands, and a plain tuple is the
    cheapest to make; `_Token`s are made of them only for the tree-less fallback.
    """
    length = len(source)
    pos = 0
    while pos < length:
        found = _MARKUP_START.search(source, pos)
        if found is None:
            yield ("text", pos, length, "")
            return
        at = found.start()
        if at > pos:
            yield ("text", pos, at, "")
        second = source[at + 1]
        if second == "!" and source.startswith("!--", at + 1):
            if source.startswith(">", at + 4) or source.startswith("->", at + 4):
                pos = source.find(">", at + 4) + 1
                continue
            close = _COMMENT_END.search(source, at + 4)
            pos = close.end() if close else length
        elif second in "!?":
            close_at = source.find(">", at + 2)
            pos = close_at + 1 if close_at >= 0 else length
        elif second == "/":
            end_tag = _END_TAG.match(source, at)
            if end_tag is not None:
                stop = end_tag.end()
                pos = stop + 1 if stop < length and source[stop] == ">" else length
                if pos < length or source.endswith(">"):
                    yield ("end", at, pos, end_tag.group(1).lower())
            elif source.startswith(">", at + 2):
                pos = at + 3
            else:  # `</ p>`, `</3`: a bogus comment in HTML5
                close_at = source.find(">", at + 2)
                pos = close_at + 1 if close_at >= 0 else length
        else:
            start_tag = _START_TAG.match(source, at)
            assert start_tag is not None
            name = start_tag.group(1).lower()
            stop = start_tag.end()
            pos = stop + 1 if stop < length and source[stop] == ">" else length
            if pos >= length and not source.endswith(">"):
                return  # end of file inside a tag: HTML5 drops the tag
            yield ("start", at, pos, name)
            if name in _RAW_TEXT_TAGS or name in _RCDATA_TAGS or name == "plaintext":
                close = None if name == "plaintext" else _end_tag_pattern(name).search(source, pos)
                content_end = close.start() if close else length
                if content_end > pos:
                    yield ("raw" if name not in _RCDATA_TAGS else "text", pos, content_end, name)
                pos = content_end


# --- the decoded text stream -----------------------------------------------------------

_TEXT_REWRITES = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)|\r\n?|\x00")
_RAW_REWRITES = re.compile(r"\r\n?|\x00")
_LONGEST_ENTITY = 32


class _DecodedStream:
    """All text runs of the source, decoded, concatenated; pieces map it back to the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self.length = 0
        self.out_starts = array("q")
        self.src_starts = array("q")
        self.src_ends = array("q")
        self.verbatim = array("b")
        self.text = ""

    def _add(self, text: str, src_start: int, src_end: int, verbatim: bool) -> None:
        if not text:
            return
        if verbatim and self.verbatim and self.verbatim[-1] and self.src_ends[-1] == src_start:
            self.src_ends[-1] = src_end
        else:
            self.out_starts.append(self.length)
            self.src_starts.append(src_start)
            self.src_ends.append(src_end)
            self.verbatim.append(1 if verbatim else 0)
        self._parts.append(text)
        self.length += len(text)

    def add_run(self, start: int, end: int, decode: bool) -> None:
        source = self.source
        pattern = _TEXT_REWRITES if decode else _RAW_REWRITES
        pos = start
        for match in pattern.finditer(source, start, end):
            at, stop = match.span()
            token = match.group()
            if token[0] == "&":
                decoded, consumed = _decode_entity(token)
                if not decoded:
                    continue
                self._add(source[pos:at], pos, at, True)
                self._add(decoded, at, at + consumed, False)
                pos = at + consumed
                continue
            self._add(source[pos:at], pos, at, True)
            self._add("\n" if token[0] == "\r" else "\ufffd", at, stop, False)
            pos = stop
        self._add(source[pos:end], pos, end, True)

    def finish(self) -> None:
        self.text = "".join(self._parts)
        self._parts = []

    def piece_index(self, pos: int) -> int:
        return bisect_right(self.out_starts, pos) - 1

    def source_start(self, pos: int) -> int:
        if pos >= self.length:
            return len(self.source) if not self.src_ends else self.src_ends[-1]
        i = self.piece_index(pos)
        if self.verbatim[i]:
            return self.src_starts[i] + pos - self.out_starts[i]
        return self.src_starts[i]

    def source_end(self, pos: int) -> int:
        """Exclusive source end of the stream character at `pos - 1`."""
        i = self.piece_index(pos - 1)
        if self.verbatim[i]:
            return self.src_starts[i] + pos - self.out_starts[i]
        return self.src_ends[i]

    def copy_into(self, builder: TextBuilder, start: int, end: int) -> None:
        """Append stream[start:end] to `builder`, mapped to the source it was decoded from."""
        i = self.piece_index(start)
        pos = start
        pieces = len(self.out_starts)
        while pos < end:
            piece_end = self.out_starts[i + 1] if i + 1 < pieces else self.length
            stop = min(end, piece_end)
            if self.verbatim[i]:
                offset = self.src_starts[i] - self.out_starts[i]
                builder.copy(pos + offset, stop + offset)
            else:
                builder.replace(self.text[pos:stop], self.src_starts[i], self.src_ends[i])
            pos = stop
            i += 1


def _decode_entity(token: str) -> tuple[str, int]:
    """(decoded text, characters consumed) for an `&...` match, as HTML5 decodes text."""
    if token[1] == "#":
        return html_lib.unescape(token), len(token)
    name = token[1:]
    if name in _HTML5_ENTITIES:
        return _HTML5_ENTITIES[name], len(token)
    # Legacy entities without a semicolon: the longest known prefix (`&copy2014`).
    bare = name.rstrip(";")
    for size in range(min(len(bare), _LONGEST_ENTITY), 1, -1):
        value = _HTML5_ENTITIES.get(bare[:size])
        if value is not None:
            return value, size + 1
    return "", 0


# --- tree decisions ---------------------------------------------------------------------

# A part's own header: this short at most, before this much text in the same parent.
_MAX_SECTION_HEADER_SIZE = 120
_MIN_SECTION_BODY_SIZE = 1000
_HAS_MAIN = 1
_HAS_H1 = 2

# Block containers that may be a bare list of links (a menu, a footer's link columns, a
# "more from this site" box) when nothing marks them as navigation. List items, cells
# and rows are left alone: inside a policy they hold lists of partners or opt-out links.
_LINK_LIST_TAGS = frozenset(
    {"div", "ul", "ol", "menu", "dl", "table", "section", "aside", "header", "footer", "form", "center", "p", "span"}
)
# Inline elements: a control link among them is part of a sentence unless it stands alone.
_INLINE_TAGS = frozenset({"a", "span", "b", "strong", "i", "em", "small", "font", "u", "label", "img"})
_MIN_LINK_LIST_LINKS = 2
_MIN_LINK_LIST_SHARE = 0.6  # of the block's text inside links to other pages
_MAX_LINK_LIST_PROSE = 120  # non-space characters outside links: a label, separators
_MAX_MENU_LINK_SIZE = 30  # mean non-space characters per link of a menu ("Contact us")
_ITEM_TAGS = frozenset({"li", "dd", "dt", "td", "th", "p"})
_PROSE_NEIGHBOURS = 2  # element siblings looked at on each side
_MIN_PROSE = 150  # non-space characters outside links that make a paragraph prose
_MAX_CONTROL_SIZE = 200
_MIN_SIDE_MAIN_SHARE = 0.2  # a <main>/<article> this big makes a larger <nav> furniture anyway
_MIN_REPEATED_PARAGRAPH = 40  # characters of a hidden paragraph that repeats a visible one


def _is_hidden(tag: Tag) -> bool:
    attrs = tag.attrs
    if not attrs:  # most elements
        return False
    if "hidden" in attrs:
        return True
    if str(attrs.get("aria-hidden", "")).strip().lower() == "true":
        return True
    style = attrs.get("style")
    if isinstance(style, str) and _HIDING_STYLE.search(style) is not None:
        return True
    return _is_hidden_by_class(tag)


def _is_hidden_by_class(tag: Tag) -> bool:
    classes = tag.attrs.get("class")
    if not classes:
        return False
    names = classes.split() if isinstance(classes, str) else classes if isinstance(classes, list) else []
    return any(str(c).lower() in _HIDING_CLASSES for c in names)


# Where a camel-cased name changes word ("csFooterBottom", "WNHeader", "subFooter"): a hyphen
# goes there, so that the patterns above, written for "footer-bottom", read both spellings.
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _name_token(name: str) -> str:
    if name.islower() or name.isupper() or not name.isascii():
        return name.lower()  # most names: no camel case to split
    return _CAMEL_BOUNDARY.sub("-", name).lower()


def _class_and_id_tokens(tag: Tag) -> list[str]:
    tokens: list[str] = []
    classes = tag.attrs.get("class")
    if isinstance(classes, list):
        tokens.extend(_name_token(c) for c in classes)
    elif isinstance(classes, str):
        tokens.extend(_name_token(c) for c in classes.split())
    ident = tag.attrs.get("id")
    if isinstance(ident, str):
        tokens.append(_name_token(ident))
    return tokens


def _collapse(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _is_in_page_link(tag: Tag) -> bool:
    """A link to a fragment (`#cookies`): a table of contents, not a menu of other pages."""
    href = tag.attrs.get("href")
    if not isinstance(href, str):
        return False
    fragment = href.partition("#")[2].strip()
    return bool(fragment) and not fragment.startswith(("!", "/"))


def _is_control_link(tag: Tag, size: int) -> bool:
    if not 0 < size <= _MAX_CONTROL_SIZE:
        return False
    return _CONTROL_LINK.fullmatch(_collapse(tag.get_text()).strip(_CONTROL_PUNCTUATION)) is not None


def _last_text_ends_with_colon(tag: Tag) -> bool:
    """Whether `tag`'s text ends with ':' (a lead-in to the list after it), found in O(depth)."""
    node: object = tag
    while isinstance(node, Tag):
        children = [c for c in node.contents if not (isinstance(c, NavigableString) and not c.strip())]
        if not children:
            return False
        node = children[-1]
    return isinstance(node, NavigableString) and node.rstrip().endswith(":")


class _Furniture:
    """Decides which elements to drop, with the guards that keep the policy itself."""

    def __init__(self, soup: BeautifulSoup, warnings: list[str]) -> None:
        self.warnings = warnings
        self.sizes: dict[int, int] = {}
        self.link_sizes: dict[int, int] = {}
        self.local_link_sizes: dict[int, int] = {}
        self.link_counts: dict[int, int] = {}
        self.flags: dict[int, int] = {}
        self.controls: set[int] = set()
        self.main: Tag | None = None  # the largest <main>/<article>/[role=main]
        self.main_size = 0
        # Pre-order number of every element and of its last descendant: containment in O(1).
        self.spans: dict[int, tuple[int, int]] = {}
        self._measure(soup)
        self.total = self.sizes.get(id(soup), 0)
        self.dropped: dict[str, int] = {}
        self.top_hidden: set[int] = set()  # hidden elements not inside another hidden one
        self.hidden_kept: set[int] = set()
        # Tables of contents named like menus (kept in the text, reported as furniture) and the
        # headings inside them: entries, not the sections' headings.
        self.contents_tables: set[int] = set()
        self.contents_entries: set[int] = set()
        # Every element inside a table taken: its nested lists are parts of it. Marked once
        # per table (tables never nest), so that the test is one lookup, not a walk up
        # the parents of each list (quadratic in a page of deeply nested lists).
        self.inside_contents: set[int] = set()
        self.soup = soup
        self._anchors: set[str] | None = None  # ids and anchor names on the page, found when first asked
        self._decide_hidden(soup)

    def _measure(self, root: Tag) -> None:
        """Text sizes (non-space characters), link text sizes and flags of every element, bottom-up."""
        sizes = self.sizes
        link_sizes = self.link_sizes
        local_link_sizes = self.local_link_sizes
        link_counts = self.link_counts
        flags = self.flags
        controls = self.controls
        spans = self.spans
        starts: dict[int, int] = {}
        counter = 0
        stack: list[tuple[Tag, bool]] = [(root, False)]
        pop = stack.pop
        push = stack.append
        while stack:
            tag, done = pop()
            name = tag.name
            if not done:
                push((tag, True))
                starts[id(tag)] = counter
                counter += 1
                if name in _INVISIBLE_TAGS:
                    continue
                stack.extend([(child, False) for child in reversed(tag.contents) if isinstance(child, Tag)])
                continue
            spans[id(tag)] = (starts.pop(id(tag)), counter)
            if name in _INVISIBLE_TAGS:
                continue
            size = link_size = local_link_size = links = 0
            flag = 0
            is_main = name == "main" or name == "article" or tag.attrs.get("role") == "main"
            if is_main:
                flag |= _HAS_MAIN
            elif name == "h1":
                flag |= _HAS_H1
            # Only control links and separators below: a "Back to top | Print" line.
            only_controls = True
            any_control = False
            for child in tag.contents:
                if isinstance(child, Tag):
                    key = id(child)
                    flag |= flags.get(key, 0)
                    child_size = sizes.get(key, 0)
                    # An element without text has no links or control links below it.
                    if child_size:
                        size += child_size
                        link_size += link_sizes.get(key, 0)
                        local_link_size += local_link_sizes.get(key, 0)
                        links += link_counts.get(key, 0)
                        if key in controls:
                            any_control = True
                        else:
                            only_controls = False
                elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                    size += len(child) - child.count(" ") - child.count("\n")
                    if only_controls and _CONTROL_SEPARATORS.fullmatch(child) is None:
                        only_controls = False
            key = id(tag)
            sizes[key] = size
            if name == "a" and size:
                link_size = size
                local_link_size = size if _is_in_page_link(tag) else 0
                links = 1
                if _is_control_link(tag, size):
                    controls.add(key)
            elif only_controls and any_control and size <= _MAX_CONTROL_SIZE:
                controls.add(key)
            if link_size:
                link_sizes[key] = link_size
            if local_link_size:
                local_link_sizes[key] = local_link_size
            if links:
                link_counts[key] = links
            if flag:
                flags[key] = flag
            if is_main and size > self.main_size:
                self.main, self.main_size = tag, size

    def _decide_hidden(self, root: Tag) -> None:
        """Which hidden elements to keep: on pages that hide most of their text, the ones not repeated.

        A page whose text is mostly hidden is a tabbed or accordion page: its collapsed
        sections are the policy. A hidden element that repeats a visible paragraph is an
        alternative rendering (a mobile copy, or a "full text" that opens with the summary
        shown above it): it is left out so that records are not found twice, and counted in
        the warning. Hidden text found nowhere else is kept, even behind a visible summary:
        it may be the only copy of the legal text. Pages that hide little hide menus,
        pop-ups and templates: all of it is left out.
        """
        top_hidden: list[Tag] = []
        # Read only on pages that hide most of their text: their texts are taken then.
        paragraphs: list[Tag] = []
        stack = [root]
        while stack:
            tag = stack.pop()
            if tag.name in _INVISIBLE_TAGS:
                continue
            if tag is not root and _is_hidden(tag):
                top_hidden.append(tag)
                self.top_hidden.add(id(tag))
                continue
            if tag.name == "p":
                paragraphs.append(tag)
                continue  # <p> holds no blocks
            stack.extend(child for child in tag.contents if isinstance(child, Tag))
        hidden = sum(self.sizes.get(id(tag), 0) for tag in top_hidden)
        if not self.total or hidden <= _MAX_FURNITURE_SHARE * self.total:
            return
        visible_paragraphs: set[str] = set()
        for paragraph in paragraphs:
            text = _collapse(paragraph.get_text())
            if len(text) >= _MIN_REPEATED_PARAGRAPH:
                visible_paragraphs.add(text)
        repeated = 0
        for tag in top_hidden:
            if any(_collapse(paragraph.get_text()) in visible_paragraphs for paragraph in tag.find_all("p")):
                repeated += self.sizes.get(id(tag), 0)
            else:
                self.hidden_kept.add(id(tag))
        kept = hidden - repeated
        message = (
            f"kept hidden elements holding {kept / self.total:.0%} of the page's text "
            "(probably collapsed sections that a script opens)"
        )
        if repeated:
            message += f"; left out {repeated:,} characters of hidden text that repeats visible paragraphs"
        self.warnings.append(message)

    def drop(self, tag: Tag, in_content: bool) -> bool:
        """Whether `tag` (not inside a dropped element) should be left out of the text."""
        name = tag.name
        if name in _INVISIBLE_TAGS:
            return True
        if _is_hidden(tag) and id(tag) not in self.hidden_kept:
            # Nested in a kept collapsed section (the only way to reach one that is not
            # top-level), a hidden element belongs to that section.
            if id(tag) not in self.top_hidden:
                return False
            if _is_hidden_by_class(tag):
                # A class name is weaker evidence than `hidden` or an inline style (the
                # stylesheet may not say what it seems to): say what was left out.
                kind = "text hidden by a class name"
                self.dropped[kind] = self.dropped.get(kind, 0) + self.sizes.get(id(tag), 0)
            return True
        reason = self._furniture_reason(tag, in_content)
        if reason is None:
            return False
        size = self.sizes.get(id(tag), 0)
        if self.total and size > _MAX_FURNITURE_SHARE * self.total and not self._main_is_elsewhere(tag):
            self.warnings.append(
                f"kept a {reason} (<{name}>) although it looks like page furniture: "
                f"it holds {size / self.total:.0%} of the page's text"
            )
            return False
        self.dropped[reason] = self.dropped.get(reason, 0) + size
        return True

    def _holds_main(self, tag: Tag) -> bool:
        """Whether the page's largest <main>/<article> is `tag` or inside it."""
        if self.main is None:
            return False
        main_start, main_end = self.spans[id(self.main)]
        start, end = self.spans.get(id(tag), (0, 0))
        return start <= main_start and main_end <= end

    def _main_is_elsewhere(self, tag: Tag) -> bool:
        """Whether the page's main content (<main>, <article>) of some size lies outside `tag`."""
        main = self.main
        if main is None or self.main_size < _MIN_SIDE_MAIN_SHARE * self.total:
            return False
        main_start, main_end = self.spans[id(main)]
        start, end = self.spans.get(id(tag), (0, 0))
        return end <= main_start or main_end <= start  # neither holds the other

    def _furniture_reason(self, tag: Tag, in_content: bool) -> str | None:
        name = tag.name
        if name in ("body", "html"):
            return None  # their classes describe the page's layout ("right-sidebar"), not furniture
        key = id(tag)
        role = str(tag.attrs.get("role", "")).strip().lower()
        flags = self.flags.get(key, 0)
        if name == "nav" or role in _FURNITURE_ROLES:
            return None if flags & _HAS_MAIN else "navigation"
        if name in ("header", "footer") and not in_content:
            if flags & _HAS_MAIN:
                return None
            if name == "header" and self._heads_section(tag, []):
                return None
            if name == "header" and flags & _HAS_H1:
                heading = tag.find("h1")
                if heading is not None and _POLICY_TITLE.search(heading.get_text()):
                    return None
            return f"page {name}"
        tokens = _class_and_id_tokens(tag)
        if flags:
            # Holding the page's <main> or <h1>, an element is the content or its title block;
            # a side column may head a widget with an <h1> ("Trending topics") all the same
            # (teasers in a rail are often <article>s: only the page's largest one counts), and
            # a page header or footer may hold the site's logo as an <h1>.
            if name in _INLINE_TAGS or self._holds_main(tag):
                return None
            if any(_SIDE_CONTENT.search(t) for t in tokens):
                reason = "side content"
            elif (
                not in_content
                and not flags & _HAS_MAIN
                and any(_PAGE_FURNITURE_CLASS.search(t) for t in tokens)
                and not self._heads_section(tag, tokens)
            ):
                reason = "page header or footer"
            else:
                return None
            title = tag.find("h1")
            return reason if title is None or not _POLICY_TITLE.search(title.get_text()) else None
        size = self.sizes.get(key, 0)
        if tokens:
            page_part = _SITE_FURNITURE_CLASS if in_content else _PAGE_FURNITURE_CLASS
            if any(page_part.search(token) for token in tokens) and not self._heads_section(tag, tokens):
                return "page header or footer"
            if size <= _MAX_BANNER_SIZE and any(_COOKIE_BANNER.search(token) for token in tokens):
                return "cookie banner"
            if name not in _INLINE_TAGS and size <= _MAX_BANNER_SIZE and any(_POPUP.search(t) for t in tokens):
                return "pop-up"
            widget = self._widget(tag, tokens, size)
            if widget is not None:
                return widget
            link_size = self.link_sizes.get(key, 0)
            # Class names alone are weak evidence ("nav-item" may hold a whole policy
            # section): a menu is also mostly link text.
            mostly_links = link_size >= _MIN_MENU_LINK_SHARE * size
            if (mostly_links or self._is_breadcrumb(tag, tokens, size)) and any(_MENU.search(t) for t in tokens):
                if self._is_contents(tag, link_size, size):
                    return None
                return "menu"
            if name not in _INLINE_TAGS and any(_SIDE_CONTENT.search(token) for token in tokens):
                return "side content"
        if key in self.controls and (name not in _INLINE_TAGS or self._stands_alone(tag)):
            return "page controls"
        if name in ("ul", "ol") and self._is_contents(tag, self.link_sizes.get(key, 0), size):
            return None
        if name in _LINK_LIST_TAGS and self._is_link_list(tag, size):
            return "link list"
        return None

    def _is_contents(self, tag: Tag, link_size: int, size: int) -> bool:
        """A list (or a block named like a menu) of links that all lead to places on this page,
        with little text besides: the policy's table of contents, kept as in plain text and
        reported; its headings are entries, not section headings."""
        key = id(tag)
        if self.local_link_sizes.get(key, 0) < link_size or self.link_counts.get(key, 0) < _MIN_CONTENTS_LINKS:
            return False
        if link_size < _MIN_LINK_LIST_SHARE * size:
            return False  # links within sentences: "see <a href='#cookies'>Cookies</a> below"
        if key in self.inside_contents:
            return False  # a nested list of the table already taken
        # Each link's target is on this page ("/help#faq" links to another page's part).
        if self._anchors is None:
            self._anchors = {
                str(value)
                for element in self.soup.find_all(lambda t: "id" in t.attrs or "name" in t.attrs)
                for value in (element.attrs.get("id"), element.attrs.get("name"))
                if isinstance(value, str)
            }
        for link in tag.find_all("a", href=True):
            href = link.attrs.get("href")
            if isinstance(href, str) and href.partition("#")[2].strip() not in self._anchors:
                return False
        self.contents_tables.add(key)
        inside = tag.find_all(True)
        self.inside_contents.update(id(element) for element in inside)
        self.contents_entries.update(id(element) for element in inside if element.name in _HEADING_TAGS)
        return True

    def _is_breadcrumb(self, tag: Tag, tokens: list[str], size: int) -> bool:
        """A short trail of links named as one ("Home > Legal > Privacy Policy"), which may end in
        the current page's name without a link: most of its text need not be link text."""
        if not 0 < size <= _MAX_BREADCRUMB_SIZE or not self.link_counts.get(id(tag), 0):
            return False
        if not any(_BREADCRUMB_CLASS.search(token) for token in tokens):
            return False
        return tag.find(_HEADING_TAGS) is None  # "Home > <h1>Privacy Policy</h1>": the title is there

    def _heads_section(self, tag: Tag, tokens: list[str]) -> bool:
        """A short header without links followed by a block of text, or holding a heading below
        <h1>: the heading of a part of the document ("<header><h2>Privacy Policy</h2></header>"
        between parts), not the site's header, which carries links (logo, menus)."""
        key = id(tag)
        size = self.sizes.get(key, 0)
        if not 0 < size <= _MAX_SECTION_HEADER_SIZE or self.link_sizes.get(key, 0):
            return False
        if any("footer" in token for token in tokens):
            return False
        # A logo is a link or an image even when it adds no text.
        if tag.find("img") is not None or tag.find("a", href=True) is not None:
            return False
        if tag.find(_SECTION_HEADING_TAGS) is not None:
            return True  # "<div class='sectionHeader'><h3>Cookies</h3></div>": a section's own heading
        following = 0
        for sibling in tag.next_siblings:
            if isinstance(sibling, Tag):
                following += self.sizes.get(id(sibling), 0)
                if following >= _MIN_SECTION_BODY_SIZE:
                    return True
        return False

    def _widget(self, tag: Tag, tokens: list[str], size: int) -> str | None:
        """A small page widget named by its class: screen-reader text, a search box, an ad slot, a copyright line."""
        if size > _MAX_WIDGET_SIZE:
            return None
        if any(_SCREEN_READER.search(token) for token in tokens):
            return "screen-reader text"
        name = tag.name
        # Headings, paragraphs and items with such an id are policy ("<h3 id='ads'>").
        if name in _INLINE_TAGS or name in _HEADING_LEVELS or name in _ITEM_TAGS:
            return None
        kind: str | None = None
        if any(_SEARCH_BOX.search(token) for token in tokens):
            if name == "form" or any(t.startswith(("cse", "gsc")) for t in tokens) or tag.find(_SEARCH_CONTROLS):
                kind = "search box"
        elif any(_AD_SLOT.search(token) for token in tokens):
            kind = "advertisement"
        elif any(_COPYRIGHT_BLOCK.search(token) for token in tokens):
            kind = "copyright notice"
        # So is a block with a heading ("<section id='copyright'><h2>Copyright</h2>..."); looked
        # for only once the class names matched, so that it costs nothing on other elements.
        if kind is None or tag.find(_HEADING_TAGS) is not None:
            return None
        return kind

    def _is_link_list(self, tag: Tag, size: int) -> bool:
        key = id(tag)
        if self.link_counts.get(key, 0) < _MIN_LINK_LIST_LINKS or not size:
            return False
        link_size = self.link_sizes.get(key, 0)
        other_pages = link_size - self.local_link_sizes.get(key, 0)
        if other_pages < _MIN_LINK_LIST_SHARE * size or size - link_size > _MAX_LINK_LIST_PROSE:
            return False
        if link_size > _MAX_MENU_LINK_SIZE * self.link_counts[key]:
            return False  # links that are sentences ("• Information collected through cookies")
        parent = tag.parent
        if parent is not None and parent.name in _ITEM_TAGS:
            return False  # a list inside a list item or a paragraph is part of its sentence
        # "Related practices", "opt out with these companies:": links among the policy's
        # paragraphs are policy.
        return not self._beside_prose(tag)

    def _beside_prose(self, tag: Tag) -> bool:
        """Whether a paragraph of prose, a heading or a lead-in ending in ':' is next to `tag`."""
        for step in ("previous_sibling", "next_sibling"):
            node = getattr(tag, step)
            seen = 0
            while node is not None and seen < _PROSE_NEIGHBOURS:
                if isinstance(node, Tag):
                    seen += 1
                    key = id(node)
                    size = self.sizes.get(key, 0)
                    if node.name in _HEADING_LEVELS and size:
                        return True
                    if node.name == "p" and size - self.link_sizes.get(key, 0) >= _MIN_PROSE:
                        return True
                    if step == "previous_sibling" and seen == 1 and _last_text_ends_with_colon(node):
                        return True
                elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
                    if len(node.strip()) >= _MIN_PROSE:
                        return True
                node = getattr(node, step)
        return False

    def _stands_alone(self, tag: Tag) -> bool:
        """Whether an inline element has no running text beside it (not a word in a sentence)."""
        for sibling in (tag.previous_sibling, tag.next_sibling):
            if isinstance(sibling, NavigableString):
                if _CONTROL_SEPARATORS.fullmatch(sibling) is None:
                    return False
            elif isinstance(sibling, Tag) and sibling.name in _INLINE_TAGS:
                key = id(sibling)
                if self.sizes.get(key, 0) and key not in self.controls:
                    return False
        return True

    def summary(self) -> str | None:
        """One warning saying how much visible text was left out as page furniture, by kind."""
        total = sum(self.dropped.values())
        if not total:
            return None
        kinds = ", ".join(f"{reason} {size:,}" for reason, size in sorted(self.dropped.items(), key=lambda kv: -kv[1]))
        return f"left out {total:,} characters of page furniture ({kinds})"


# --- aligning tree text with the source --------------------------------------------------

_HTML_SPACE = " \t\n\r\f"
_SPACE_RUN = re.compile(r"[ \t\n\r\f]*")
_KEY_LENGTH = 24
_SEARCH_WINDOW = 65536


class _AlignmentBudgetExceeded(Exception):
    pass


class _Aligner:
    """Finds each tree text node in the decoded stream, moving forward only."""

    def __init__(self, stream: _DecodedStream) -> None:
        self.stream = stream
        self.text = stream.text
        self.cursor = 0
        self.unmatched = 0  # characters lxml produced that the source scan did not
        # Slow-path searching may cost a constant times the input, no more.
        self.budget = 16 * len(self.text) + 4 * _SEARCH_WINDOW

    def _spend(self, amount: int) -> None:
        self.budget -= amount
        if self.budget < 0:
            raise _AlignmentBudgetExceeded

    def align(self, node: str) -> list[tuple[int, int]]:
        """Stream ranges that hold `node`'s text (usually exactly one)."""
        text = self.text
        start = self.cursor
        if text.startswith(node, start):
            self.cursor = start + len(node)
            return [(start, self.cursor)]
        return self._align_slowly(node)

    def _align_slowly(self, node: str) -> list[tuple[int, int]]:
        text = self.text
        limit = len(text)
        core = node.strip(_HTML_SPACE)
        if not core:
            # lxml may keep or drop whitespace-only runs; take the run at the cursor if any.
            start = self.cursor
            self.cursor = _SPACE_RUN.match(text, start).end()  # type: ignore[union-attr]
            return [(start, self.cursor)] if self.cursor > start else []
        ranges: list[tuple[int, int]] = []
        i = 0
        j = self.cursor
        while i < len(core):
            if j < limit and core[i] == text[j]:
                run = _common_prefix(core, i, text, j)
                ranges.append((j, j + run))
                i += run
                j += run
                continue
            if core[i] in _HTML_SPACE and j < limit and text[j] in _HTML_SPACE:
                i = _SPACE_RUN.match(core, i).end()  # type: ignore[union-attr]
                stop = _SPACE_RUN.match(text, j).end()  # type: ignore[union-attr]
                ranges.append((j, stop))
                j = stop
                continue
            # Resynchronise: where does the rest of the node continue in the stream? Skip
            # stream text lxml did not produce (dropped whitespace, odd markup), or one
            # character lxml made up or decoded differently; else give up on the rest.
            window_end = min(limit, j + _SEARCH_WINDOW + len(core))
            found = text.find(core[i : i + _KEY_LENGTH], j, window_end)
            if found < 0:
                self._spend(window_end - j)
                found = text.find(core[i + 1 : i + 1 + _KEY_LENGTH], j, window_end)
                if found < 0 or i + 1 >= len(core):
                    self._spend(window_end - j)
                    self.unmatched += len(core) - i
                    break
                self.unmatched += 1
                i += 1
            else:
                self._spend(found - j)
            j = found
        if ranges:
            self.cursor = ranges[-1][1]
            # A leading/trailing space of the node matters for collapsing: widen to the
            # adjacent whitespace in the stream.
            first_start = ranges[0][0]
            if node[0] in _HTML_SPACE and first_start > 0 and text[first_start - 1] in _HTML_SPACE:
                ranges[0] = (first_start - 1, ranges[0][1])
            end = self.cursor
            if node[-1] in _HTML_SPACE and end < limit and text[end] in _HTML_SPACE:
                ranges[-1] = (ranges[-1][0], end + 1)
                self.cursor = end + 1
        return _merge_ranges(ranges)


def _common_prefix(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of a[i:] and b[j:], by doubling then bisecting."""
    limit = min(len(a) - i, len(b) - j)
    low = 0
    step = 64
    while low < limit:
        size = min(step, limit - low)
        if a[i + low : i + low + size] == b[j + low : j + low + size]:
            low += size
            step *= 2
            continue
        high = low + size
        while high - low > 1:
            middle = (low + high) // 2
            if a[i + low : i + middle] == b[j + low : j + middle]:
                low = middle
            else:
                high = middle
        return low if a[i + low] != b[j + low] else low + 1
    return limit


def _merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        elif end > start:
            merged.append((start, end))
    return merged


# --- writing the text ------------------------------------------------------------------

_SPACE_OR_NBSP = " \t\n\r\f\xa0"
# Whitespace that is not a single plain space between words: it has to be rewritten.
_UNUSUAL_SPACE = re.compile(r"[ \t\n\r\f\xa0]{2,}|[\t\n\r\f\xa0]")
_NBSP_RUN = re.compile(r"\xa0+")


class _TextEmitter:
    """Turns element boundaries and visible text ranges into the output text and map."""

    def __init__(self, stream: _DecodedStream) -> None:
        self.stream = stream
        self.out = TextBuilder(stream.source)
        self.pending_break = 0
        self.pending_space: tuple[int, int] | None = None
        self.pending_cell = False
        self.pending_pre_space: tuple[int, int] | None = None
        self.pre_depth = 0
        self.pre_started = False
        self.list_depth = 0
        self.rows: list[bool] = []
        self.heading: list[int] = []  # [level, start, end] of the open outermost heading
        self.heading_depth = 0
        self.headings: list[HeadingHint] = []
        self.contents: list[tuple[int, int]] = []
        self.contents_start = -1

    # element boundaries

    def start(self, name: str, heading_level: int | None = None) -> None:
        if name in _PARAGRAPH_TAGS:
            nested_list = name in _LIST_TAGS and self.list_depth > 0
            self._request_break(1 if nested_list else 2)
        elif name in _LINE_TAGS:
            self._request_break(1)
        elif name == "br":
            self._request_break(min(2, self.pending_break + 1))
        if name in _LIST_TAGS:
            self.list_depth += 1
        elif name == "tr":
            self.rows.append(False)
        elif name in _CELL_TAGS:
            if self.rows:
                if self.rows[-1]:
                    self.pending_cell = True
                self.rows[-1] = True
            elif self.out.length:
                self.pending_cell = True
        if name in _PRE_TAGS:
            if self.pre_depth == 0:
                self.pre_started = False
            self.pre_depth += 1
        if heading_level is not None:
            if self.heading_depth == 0:
                self.heading = [heading_level, -1, -1]
            self.heading_depth += 1

    def end(self, name: str, heading_level: int | None = None) -> None:
        if name in _PARAGRAPH_TAGS:
            self._request_break(1 if name in _LIST_TAGS and self.list_depth > 1 else 2)
        elif name in _LINE_TAGS:
            self._request_break(1)
        if name in _LIST_TAGS:
            self.list_depth = max(0, self.list_depth - 1)
        elif name == "tr" and self.rows:
            self.rows.pop()
        if name in _PRE_TAGS and self.pre_depth:
            self.pre_depth -= 1
            self.pending_pre_space = None
        if heading_level is not None and self.heading_depth:
            self.heading_depth -= 1
            if self.heading_depth == 0:
                level, start, end = self.heading
                if start >= 0:
                    self.headings.append(HeadingHint(start, end, level))
                self.heading = []

    def _request_break(self, level: int) -> None:
        self.pending_break = max(self.pending_break, level)

    # text

    def text(self, start: int, end: int) -> None:
        """Emit stream[start:end], a visible text node (or part of one)."""
        if self.pre_depth:
            self._preformatted(start, end)
            return
        stream = self.stream
        text = stream.text
        left = start
        while left < end and text[left] in _SPACE_OR_NBSP:
            left += 1
        if left > start:
            self._space(start, left)
        if left == end:
            return
        right = end
        while text[right - 1] in _SPACE_OR_NBSP:
            right -= 1
        pos = left
        for match in _UNUSUAL_SPACE.finditer(text, left, right):
            self._word(pos, match.start())
            self._space(*match.span())
            pos = match.end()
        self._word(pos, right)
        if right < end:
            self._space(right, end)

    def _space(self, start: int, end: int) -> None:
        if self.pending_space is None:
            self.pending_space = self._contiguous_source(start, end)

    def _contiguous_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span of stream[start:end], cut where a tag splits it (`a </b> b`)."""
        stream = self.stream
        src_start = stream.source_start(start)
        src_end = stream.source_end(start + 1)
        for pos in range(start + 1, end):
            if stream.source_start(pos) != src_end:
                break
            src_end = stream.source_end(pos + 1)
        return src_start, src_end

    def _flush(self, at_source: int) -> None:
        out = self.out
        if out.length == 0:
            pass
        elif self.pending_break:
            newlines = self.pending_break - (1 if out.last_char() == "\n" else 0)
            out.insert("\n" * newlines, at_source)
        elif self.pending_cell:
            out.insert("\t", at_source)
        elif self.pending_space is not None and out.last_char() != "\n":
            out.replace(" ", *self.pending_space)
        self.pending_break = 0
        self.pending_cell = False
        self.pending_space = None

    def _word(self, start: int, end: int) -> None:
        if start >= end:
            return
        self._flush(self.stream.source_start(start))
        self._mark_heading_start()
        self.stream.copy_into(self.out, start, end)
        self._mark_heading_end()

    def _preformatted(self, start: int, end: int) -> None:
        text = self.stream.text
        if not self.pre_started:
            # Browsers drop the line break right after <pre>, and blank lines before content.
            while start < end and text[start] in "\r\n":
                start += 1
            if start == end:
                return
        right = end
        while right > start and text[right - 1] in _SPACE_OR_NBSP:
            right -= 1
        if right > start:
            self._flush(self.stream.source_start(start))
            self._mark_heading_start()
            if self.pending_pre_space is not None:
                self._copy_preformatted(*self.pending_pre_space)
            self._copy_preformatted(start, right)
            self._mark_heading_end()
            self.pre_started = True
            self.pending_pre_space = None
        if right < end:
            if self.pending_pre_space is not None and self.pending_pre_space[1] == right:
                self.pending_pre_space = (self.pending_pre_space[0], end)
            else:
                self.pending_pre_space = (right, end)

    def _copy_preformatted(self, start: int, end: int) -> None:
        text = self.stream.text
        pos = start
        for match in _NBSP_RUN.finditer(text, start, end):
            self.stream.copy_into(self.out, pos, match.start())
            # One by one: a run of no-break spaces may be split by a tag (`&nbsp;<p>&nbsp;`).
            for at in range(match.start(), match.end()):
                self.out.replace(" ", self.stream.source_start(at), self.stream.source_end(at + 1))
            pos = match.end()
        self.stream.copy_into(self.out, pos, end)

    def replacement(self, text: str, src_start: int, src_end: int) -> None:
        """Emit `text` (a word) in place of source[src_start:src_end]."""
        self._flush(src_start)
        self._mark_heading_start()
        self.out.replace(text, src_start, src_end)
        self._mark_heading_end()

    def open_contents(self) -> None:
        if self.contents_start < 0:
            self.contents_start = self.out.length

    def close_contents(self) -> None:
        if self.contents_start >= 0:
            self.contents.append((self.contents_start, self.out.length))
            self.contents_start = -1

    def _mark_heading_start(self) -> None:
        if self.heading and self.heading[1] < 0:
            self.heading[1] = self.out.length

    def _mark_heading_end(self) -> None:
        if self.heading:
            self.heading[2] = self.out.length


# --- the two drivers ----------------------------------------------------------------------


def _heading_level(tag: Tag) -> int | None:
    level = _HEADING_LEVELS.get(tag.name)
    if level is not None:
        return level
    if str(tag.attrs.get("role", "")).strip().lower() == "heading":
        try:
            return min(6, max(1, int(str(tag.attrs.get("aria-level", "2")).strip())))
        except ValueError:
            return 2
    return None


# An e-mail address a CDN hid from scrapers: `data-cfemail` is a one-byte key and the
# address XOR-ed with it, in hex; the element's text is a placeholder a script replaces.
_PROTECTED_EMAIL = re.compile(r"(?:[0-9a-fA-F]{2}){4,128}")
_EMAIL_SHAPE = re.compile(r"[^\s@<>]{1,64}@[^\s@<>]{1,255}")


def _protected_email(tag: Tag) -> str | None:
    """The address a `data-cfemail` attribute encodes, or None."""
    encoded = tag.attrs.get("data-cfemail")
    if not isinstance(encoded, str) or _PROTECTED_EMAIL.fullmatch(encoded) is None:
        return None
    key = int(encoded[:2], 16)
    address = "".join(chr(int(encoded[i : i + 2], 16) ^ key) for i in range(2, len(encoded), 2))
    return address if _EMAIL_SHAPE.fullmatch(address) and address.isprintable() else None


def _is_text_node(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


# Class values stay strings (read with str.split, as bs4 would split them): bs4's splitting
# of multi-valued attributes costs a tenth of the tree's building. Attributes go in a plain
# dict where bs4 (4.13+) offers one: its own dicts convert non-string values on every
# assignment, and lxml gives strings only.
_TREE_OPTIONS: dict[str, Any] = {"multi_valued_attributes": None}
if hasattr(bs4_element, "AttributeDict"):
    _TREE_OPTIONS["attribute_dict_class"] = bs4_element.AttributeDict


def _convert_with_tree(source: str, stream: _DecodedStream, warnings: list[str]) -> tuple[_TextEmitter, str | None]:
    soup = BeautifulSoup(source, "lxml", **_TREE_OPTIONS)
    furniture = _Furniture(soup, warnings)
    aligner = _Aligner(stream)
    emitter = _TextEmitter(stream)
    visible_chars = 0

    # (node, in_content, heading level or None, is_exit)
    stack: list[tuple[object, bool, int | None, bool]] = [
        (child, False, None, False) for child in reversed(soup.contents)
    ]
    while stack:
        node, in_content, level, is_exit = stack.pop()
        if isinstance(node, Tag):
            if is_exit:
                emitter.end(node.name, level)
                if id(node) in furniture.contents_tables:
                    emitter.close_contents()
                continue
            if furniture.drop(node, in_content):
                for inner in node.descendants:
                    if _is_text_node(inner):
                        aligner.align(str(inner))
                continue
            level = None if id(node) in furniture.contents_entries else _heading_level(node)
            if id(node) in furniture.contents_tables:
                emitter.open_contents()
            emitter.start(node.name, level)
            stack.append((node, in_content, level, True))
            email = _protected_email(node)
            if email is not None:
                # The address is written into the placeholder's place ("[email protected]"),
                # mapped to the placeholder's source.
                ranges = [r for inner in node.descendants if _is_text_node(inner) for r in aligner.align(str(inner))]
                if ranges:
                    emitter.replacement(email, stream.source_start(ranges[0][0]), stream.source_end(ranges[-1][1]))
                    continue
            child_in_content = in_content or node.name in _CONTENT_TAGS
            stack.extend((child, child_in_content, None, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):  # _is_text_node
            text = str(node)
            visible_chars += len(text)
            for start, end in aligner.align(text):
                emitter.text(start, end)

    if aligner.unmatched > max(64, visible_chars // 50):
        raise _AlignmentBudgetExceeded
    summary = furniture.summary()
    if summary:
        warnings.append(summary)
    if aligner.unmatched:
        warnings.append(
            f"{aligner.unmatched} characters of the parsed page could not be located in the source and were left out"
        )
    return emitter, _tree_title(soup)


def _tree_title(soup: BeautifulSoup) -> str | None:
    head = soup.head
    title = head.find("title") if head is not None else None
    if title is None:
        return None
    return _collapse(title.get_text()) or None


def _convert_without_tree(
    source: str, stream: _DecodedStream, tokens: list[_Token], token_ranges: list[tuple[int, int]]
) -> tuple[_TextEmitter, str | None]:
    """Tag-soup conversion from the source tokens alone: the fallback when the tree is unusable."""
    emitter = _TextEmitter(stream)
    open_tags: list[tuple[str, int | None]] = []
    hidden_depth = 0
    title: str | None = None
    for token, (start, end) in zip(tokens, token_ranges, strict=True):
        if token.kind == "start":
            if token.name in _VOID_TAGS:
                if not hidden_depth:
                    emitter.start(token.name)
                continue
            attributes = _attributes(source[token.start : token.end])
            hides = (
                token.name in _INVISIBLE_TAGS
                or "hidden" in attributes
                or attributes.get("aria-hidden", "").lower() == "true"
                or _HIDING_STYLE.search(attributes.get("style", "")) is not None
            )
            level = _HEADING_LEVELS.get(token.name)
            open_tags.append((token.name, level if not hides else -1))
            if hides:
                hidden_depth += 1
            elif not hidden_depth:
                emitter.start(token.name, level)
        elif token.kind == "end":
            for depth in range(len(open_tags) - 1, max(-1, len(open_tags) - 65), -1):
                if open_tags[depth][0] == token.name:
                    for name, level in reversed(open_tags[depth:]):
                        if level == -1:
                            hidden_depth -= 1
                        elif not hidden_depth:
                            emitter.end(name, level)
                    del open_tags[depth:]
                    break
        elif token.name == "title" and title is None:
            title = _collapse(stream.text[start:end]) or None
        elif not hidden_depth and token.kind == "text" and end > start:
            emitter.text(start, end)
    return emitter, title


_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)


def _attributes(tag_source: str) -> dict[str, str]:
    name_end = _TAG_NAME.match(tag_source, 1)
    body = tag_source[name_end.end() if name_end else 1 :]
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(body):
        value = match.group(2) or match.group(3) or match.group(4) or ""
        found.setdefault(match.group(1).lower(), value)
    return found


# --- entry point ---------------------------------------------------------------------------


def html_to_text(html: str) -> HtmlExtraction:
    """The visible text of an HTML page, each character mapped back to `html`.

    >>> page = html_to_text("<h1>Privacy</h1><p>We&nbsp;collect <b>email</b> &amp; IP.</p>")
    >>> page.text
    'Privacy\\n\\nWe collect email & IP.'
    >>> page.headings
    [HeadingHint(start=0, end=7, level=1)]
    """
    warnings: list[str] = []
    tokens = list(_tokenize_source(html))
    stream = _DecodedStream(html)
    token_ranges: list[tuple[int, int]] = []
    add_run = stream.add_run
    for kind, start, end, _name in tokens:
        before = stream.length
        if kind == "text" or kind == "raw":
            add_run(start, end, kind == "text")
        token_ranges.append((before, stream.length))
    stream.finish()

    try:
        emitter, title = _convert_with_tree(html, stream, warnings)
    except (_AlignmentBudgetExceeded, RecursionError, ValueError, TypeError) as error:
        kind = "could not be aligned with the source" if isinstance(error, _AlignmentBudgetExceeded) else "failed"
        warnings.append(f"the HTML tree {kind}; converted the markup without it (page furniture not removed)")
        emitter, title = _convert_without_tree(html, stream, [_Token(*token) for token in tokens], token_ranges)

    text, offsets = emitter.out.finish()
    if not title:
        first_h1 = next((h for h in emitter.headings if h.level == 1), None)
        title = _collapse(text[first_h1.start : first_h1.end]) if first_h1 else None
    if not text:
        warnings.append("the page has no visible text")
    return HtmlExtraction(text, offsets, emitter.headings, title or None, warnings, emitter.contents)


__all__ = ["HtmlExtraction", "html_to_text"]
