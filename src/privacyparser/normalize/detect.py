"""Is this input HTML markup or plain text?

Plain-text policies quote angle brackets ("write to <privacy@example.com>", "<The
Privacy Policy of ESSA>", "a < b"), so a `<` proves nothing. Markup is recognised by a
document marker (doctype, `<html`, `<head`, `<body`) or by real HTML element names used
as tags, with at least one closing tag or a reasonable density of tags. Only a bounded
prefix is looked at, so the check costs the same for a 10 MB page as for a 300 KB one.

>>> detect_format("<p>We collect your <b>email</b>.</p>")
'html'
>>> detect_format("Contact us at <privacy@example.com>.")
'text'
"""

from __future__ import annotations

import re
from typing import Literal

_PREFIX = 262144

# A document-level marker anywhere near the start: nothing but markup uses these.
_DOCUMENT_MARKER = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)

# Element names common in policy pages. Unknown names (`<email>`, `<The ...>`) are not
# evidence of markup. The attribute part is bounded so each attempt is constant time.
_KNOWN_TAG = re.compile(
    r"<(/?)(?:p|div|span|a|b|i|u|em|strong|small|font|center|br|hr|img|h[1-6]|ul|ol|li|dl|dt|dd"
    r"|table|thead|tbody|tfoot|tr|td|th|caption|section|article|main|aside|header|footer|nav"
    r"|blockquote|pre|code|sup|sub|meta|link|script|style|title|form|input|button|label"
    r"|iframe|noscript|address)"
    r"(?=[\s/>])[^<>]{0,512}>",
    re.IGNORECASE,
)

_MIN_TAGS_WITH_CLOSING = 2
_MIN_TAGS_WITHOUT_CLOSING = 4
_MAX_CHARS_PER_TAG = 2000


def detect_format(text: str) -> Literal["html", "text"]:
    """'html' when `text` really is markup, else 'text'."""
    prefix = text[:_PREFIX]
    if _DOCUMENT_MARKER.search(prefix):
        return "html"
    tags = 0
    closing = 0
    for match in _KNOWN_TAG.finditer(prefix):
        tags += 1
        if match.group(1):
            closing += 1
    if closing >= 1 and tags >= _MIN_TAGS_WITH_CLOSING:
        return "html"
    if tags >= _MIN_TAGS_WITHOUT_CLOSING and len(prefix) <= tags * _MAX_CHARS_PER_TAG:
        return "html"
    return "text"


__all__ = ["detect_format"]
