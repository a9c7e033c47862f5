"""Plain-text normalisation: small named steps, each a recorded rewrite.

Every step is a regex rewrite whose `OffsetMap` joins the document's chain, so the
normalised text can always be traced back to the input. All patterns use bounded or
single-level quantifiers, so each step is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import numpy

from privacyparser.normalize.offsets import OffsetChain, OffsetMap, TextBuilder, rewrite, rewrite_matches

Step = Callable[[str, OffsetChain, list[str]], str]

# --- Unicode clean-up -------------------------------------------------------------

# Characters that carry no text: zero-width spaces and joiners, the BOM, soft hyphens,
# and C0/C1 control characters other than tab and line breaks.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+")
# The control characters counted in a warning: those below a space but tab and line breaks
# (counted by a regex in C, not character by character in Python).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Spaces of every width become one ordinary space (no-break space, en/em spaces, ...).
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CHAR_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u2022": "\u2022",  # bullets stay: they are list markers
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x85": "\n",
    # pdftotext ends each page with a form feed: a line break, or the next page's first
    # heading would be glued to the last line of the page before.
    "\x0b": "\n",
    "\x0c": "\n",
}
_MAPPED_CHARS = re.compile("[" + re.escape("".join(k for k, v in _CHAR_MAP.items() if k != v)) + "]")


def normalize_line_endings(text: str, chain: OffsetChain, warnings: list[str]) -> str:
    """CRLF and lone CR become LF."""
    if "\r" not in text:
        return text
    new, offset_map = rewrite(text, re.compile(r"\r\n?"), lambda m: "\n")
    chain.append(offset_map)
    return new


# ASCII bytes none of the character rewrites touches (all but controls and tab).
_ORDINARY_ASCII = bytes([10, 13, *range(32, 127)])


def normalize_characters(text: str, chain: OffsetChain, warnings: list[str]) -> str:
    """Curly quotes, dashes, ligatures and odd spaces to plain ASCII; invisible characters dropped."""
    # Each rewrite scans the whole text, most often to change nothing; one that cannot
    # match any character present is skipped, recording the map it would record.
    present = _unusual_characters(text)
    removed = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal removed
        removed += len(match.group())
        return ""

    new, offset_map = _rewrite_if(present, text, _INVISIBLE, drop)
    chain.append(offset_map)
    # NUL and control characters in a policy mean the input was damaged; say so.
    controls = len(_CONTROL_CHARS.findall(text)) if removed else 0
    if controls:
        warnings.append(f"removed {controls} control character(s) from the input")
    # The rewrites before only drop characters or add spaces: what is present is still
    # a superset of what the later ones can meet.
    new, offset_map = _rewrite_if(present, new, _SPACES, lambda m: " ")
    chain.append(offset_map)
    new, offset_map = _rewrite_if(present, new, _MAPPED_CHARS, lambda m: _CHAR_MAP[m.group()])
    chain.append(offset_map)
    return new


def _unusual_characters(text: str) -> str:
    """The distinct characters of `text` other than printable ASCII, line feed and CR."""
    if text.isascii():
        return "".join(set(text.encode("ascii").translate(None, _ORDINARY_ASCII).decode("ascii")))
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    unusual = numpy.unique(codes[(codes < 32) | (codes > 126)])
    return "".join(map(chr, unusual.tolist()))


def _rewrite_if(
    present: str, text: str, pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
) -> tuple[str, OffsetMap]:
    """`rewrite(text, pattern, replacement)`; without a scan when no character present can match."""
    if pattern.search(present) is None:
        return rewrite_matches(text, (), replacement)
    return rewrite(text, pattern, replacement)


# --- Whitespace -------------------------------------------------------------------

_LINE_EDGE_SPACES = re.compile(r"(?m)^ +|(?<! ) +$")
# Two spaces or more, written with the two spaces first: `re` then searches for them as
# a literal instead of trying the pattern at every character.
_INNER_SPACES = re.compile(r"   *")
_BLANK_LINES = re.compile(r"\n(?: *\n)+")


def _constant(replacement: str) -> Callable[[re.Match[str]], str]:
    return lambda match: replacement


def _line_edge_spaces(text: str) -> Iterator[re.Match[str]]:
    """`_LINE_EDGE_SPACES.finditer(text)`, from the edges of each line.

    Its matches are the runs of spaces that open or close a line (a line of spaces
    only is one match); each is matched where it starts, read off the line with
    `lstrip`/`rstrip` instead of trying the pattern at every character.
    """
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        lead = len(line) - len(line.lstrip(" "))
        if lead:
            match = _LINE_EDGE_SPACES.match(text, start)
            if match is not None:
                yield match
        if lead < len(line):
            trail = len(line) - len(line.rstrip(" "))
            if trail:
                match = _LINE_EDGE_SPACES.match(text, end - trail)
                if match is not None:
                    yield match
        start = end + 1


def normalize_whitespace(text: str, chain: OffsetChain, warnings: list[str]) -> str:
    """Spaces at line edges dropped, runs of spaces and of blank lines collapsed."""
    text, offset_map = rewrite_matches(text, _line_edge_spaces(text), _constant(""))
    chain.append(offset_map)
    for pattern, repl in (
        (_INNER_SPACES, " "),
        (_BLANK_LINES, "\n\n"),
    ):
        text, offset_map = rewrite(text, pattern, _constant(repl))
        chain.append(offset_map)
    # Leading and trailing blank space of the whole document.
    stripped_start = len(text) - len(text.lstrip())
    stripped_end = len(text.rstrip())
    if stripped_start or stripped_end < len(text):
        builder = TextBuilder(text)
        builder.copy(stripped_start, stripped_end)
        text, offset_map = builder.finish()
        chain.append(offset_map)
    return text


# --- Line structure ---------------------------------------------------------------

# A line that starts a list item or a numbered heading: never glued to the line before.
LIST_MARKER = re.compile(
    r"(?:\(?\d{1,3}(?:\.\d{1,3}){0,4}[.)]?|\(?[a-zA-Z][.)]|\([ivxlcIVXLC]{1,6}\)|[ivxlcIVXLC]{1,6}[.)]"
    r"|[-*\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7>]|(?:Article|Section|Chapter|Part)\s+\d)"
)
_TERMINAL = ".!?:;"


def _wrap_width(lines: list[str]) -> int | None:
    """The width a PDF or e-mail hard-wrapped this text at, or None if it is not wrapped."""
    lengths = sorted(len(line) for line in lines if 40 <= len(line) <= 200)
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if width * 0.8 <= n <= width * 1.05)
    # Wrapped text has many lines just short of the width; free text has a spread.
    return width if near >= 5 and near >= 0.3 * len(lengths) else None


def join_wrapped_lines(text: str, chain: OffsetChain, warnings: list[str]) -> str:
    """Lines hard-wrapped by PDF extraction are joined back into paragraphs.

    A line break is a wrap when the line runs close to the wrap width, does not end a
    sentence, and the next line does not start a list item; a real break (heading,
    list item, short last line of a paragraph) stays.
    """
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    builder = TextBuilder(text)
    pos = 0
    joined = 0
    for index, line in enumerate(lines[:-1]):
        end = pos + len(line)
        nxt = lines[index + 1]
        # A wrapped line runs close to the width but never past it; a line that starts
        # with a number and stops short of the width is a heading, unless the text
        # plainly goes on in lower case.
        is_wrap = (
            width * 0.7 <= len(line) <= width * 1.05
            and nxt
            and line[-1] not in _TERMINAL
            and not LIST_MARKER.match(nxt)
            and (
                nxt[0].islower()
                or line[-1] in ",-"
                or (line[-1].isalnum() and not LIST_MARKER.match(line) and not nxt[0].isdigit())
            )
        )
        builder.copy(pos, end)
        if is_wrap:
            # A hyphen at the wrap ("infor-\nmation") joins without a space.
            builder.replace("" if line.endswith("-") and nxt[0].islower() else " ", end, end + 1)
            joined += 1
        else:
            builder.copy(end, end + 1)
        pos = end + 1
    builder.copy(pos, len(text))
    new, offset_map = builder.finish()
    chain.append(offset_map)
    if joined:
        warnings.append(f"joined {joined} hard-wrapped line(s) (wrap width {width})")
    return new


# Words that begin a sentence; used to find where a heading glued to its body ends
# ("Collection of Personal InformationIn the process ..."). Short words that end
# product names ("LinkedIn", "LogOn", "StandBy") are left out or need a typical
# continuation ("In the", "In order").
_SENTENCE_OPENERS = (
    r"(?:In (?:the|this|order|addition|case|accordance|connection|general|some|certain|particular|most)"
    r"|(?:When|We|You|Your|If|The|This|These|Those|Our|For|To|Any|All|Please|Where|Unless|Such|Each|Upon|"
    r"After|Before|Under|With|Without|Except|Subject|Only|Personal|Information|Data|Depending|Although|"
    r"Because|Whenever|Most|Certain|During|From|Once|Since|Through|While|Here|There|Users|Children|Cookies)"
    r" [a-z(\"'])"
)
_GLUED_HEADING = re.compile(
    r"(?m)^((?:\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3}){0,3}\.?)? ?[A-Z][A-Za-z'/&,-]{0,40}(?: [A-Za-z'/&,-]{1,40}){0,9}?[a-z])"
    r"(?=" + _SENTENCE_OPENERS + r")"
)
# An enumeration run into the previous sentence: "... your consent.(1) To provide ..."
_INLINE_ENUMERATION = re.compile(r"(?<=[.:;]) ?(?=\(\d{1,2}\) [A-Z])")


_ENUMERATION_PAREN = re.compile(r"\((?=\d{1,2}\) [A-Z])")


# ASCII lower-case letters to "l", capitals to "U", every other byte to a space.
_CASE_CLASSES = bytes(
    ord("l") if 0x61 <= c <= 0x7A else ord("U") if 0x41 <= c <= 0x5A else ord(" ") for c in range(256)
)
_LOWER_UPPER = re.compile(b"lU")


def _glued_headings(text: str) -> Iterator[re.Match[str]]:
    """`_GLUED_HEADING.finditer(text)`, tried only at the starts of lines that can hold one.

    A match starts a line, and its heading ends in a lower-case letter followed by a
    sentence opener, which starts with a capital: the line holds "aB" (found as a literal
    in a byte per character, "replace" keeping one byte for each).
    """
    classes = text.encode("ascii", "replace").translate(_CASE_CLASSES)
    pos = 0
    line_start = -1
    for glue in _LOWER_UPPER.finditer(classes):
        # Looked for back to the line start found last only, so a long line costs once.
        newline = text.rfind("\n", max(line_start, 0), glue.start())
        start = newline + 1 if newline >= 0 else max(line_start, 0)
        if start == line_start or start < pos:
            continue
        line_start = start
        match = _GLUED_HEADING.match(text, start)
        if match is not None:
            yield match
            pos = match.end()


def _inline_enumerations(text: str) -> Iterator[re.Match[str]]:
    """`_INLINE_ENUMERATION.finditer(text)`, tried only at and just before each "(1) A".

    After an empty match at q nothing else matches at q (a space would be needed there,
    and the empty match saw "(" there).
    """
    pos = 0
    for paren in _ENUMERATION_PAREN.finditer(text):
        c = paren.start()
        for q in (c - 1, c):
            if q < pos or q < 1:
                continue
            match = _INLINE_ENUMERATION.match(text, q)
            if match is not None:
                yield match
                pos = max(match.end(), q + 1)
                break


def split_glued_headings(text: str, chain: OffsetChain, warnings: list[str]) -> str:
    """A heading glued to its first sentence is split onto its own line."""
    count = 0
    builder = TextBuilder(text)
    pos = 0
    for match in _glued_headings(text):
        heading = match.group(1)
        end = match.end(1)
        line_end = text.find("\n", end)
        # Only a title followed by a real body is split: a short tail is more likely a
        # product name ("Sign in with LinkedIn") than a paragraph.
        if (line_end if line_end >= 0 else len(text)) - end < 20 or len(heading.split()) > 10:
            continue
        builder.copy(pos, end)
        builder.insert("\n", end)
        pos = end
        count += 1
    builder.copy(pos, len(text))
    new, offset_map = builder.finish()
    chain.append(offset_map)
    if count:
        warnings.append(f"split {count} heading(s) glued to the text that follows them")
    return new


def split_inline_enumerations(text: str, chain: OffsetChain, warnings: list[str]) -> str:
    """An enumeration run into the previous sentence starts a new line."""

    def to_newline(match: re.Match[str]) -> str:
        return "\n"

    new, offset_map = rewrite_matches(text, _inline_enumerations(text), to_newline)
    chain.append(offset_map)
    return new


TEXT_STEPS: tuple[Step, ...] = (
    normalize_line_endings,
    normalize_characters,
    normalize_whitespace,
    join_wrapped_lines,
    split_glued_headings,
    split_inline_enumerations,
)


def normalize_text(text: str, chain: OffsetChain, warnings: list[str]) -> str:
    """Run every plain-text step in order; maps are appended to `chain`."""
    for step in TEXT_STEPS:
        text = step(text, chain, warnings)
    return text
