"""Find the headings of a policy and nest them into a section tree.

Works on the lines of the normalised text. A heading is either marked by the input
(an HTML `<hN>`, a Markdown `#` line) or recognised from the text: a numbered line
whose numbering continues a sequence ("2." after "1.", "4.1" under "4") and that reads
like a title, or a short title-like line standing on its own before a paragraph.

Nesting: HTML levels nest by level (a skipped level still nests under the nearest
higher one); decimal numbers nest by their value ("4.1" under "4") whatever the markup
says; other styles follow the order in which they first appear: a style already open
closes everything opened after it, a new style opens a level below. Unnumbered headings
in plain text get a style from their look (capitals, title case, sentence case, a
question, a run-in label ending in ":" or "." or running on into its paragraph), ranked
below numbered styles; looks a policy uses too rarely to be a level (one heading in
capitals, a question or two) rank as labels. A heading with no text of its own opens
sub-sections, a heading of an open heading's look is its sibling, and a heading naming
a main topic of a policy does not nest under another one of its look (see `_plain_cut`).
A level above plain headings (numbered, capitals, a question series) with no plain
heading between its headings has ended where a plain heading naming a main topic follows
its last one (see `_mark_ended_levels`). A first plain heading that only names the
document heads all the others; a bodiless heading followed by one worded alike is an
item of their list, not a group.

Every pass is a single walk over the lines (or over a stack bounded by the number of
numbering styles), so the time is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from privacyparser.normalize.document import FurnitureSpan, HeadingHint
from privacyparser.pipeline.lower_words import LowerCaseWords
from privacyparser.pipeline.numbering import Numbering, parse_numbering

# A heading rarely runs longer than this; a longer numbered line is a list item.
MAX_TITLE_CHARS = 150
MAX_TITLE_WORDS = 20
# Decimal sub-numbers ("9.3") are structure even when the line is a sentence.
MAX_SUBCLAUSE_CHARS = 250
# Unnumbered headings in plain text: how long a line standing alone may be, by how it ends.
# A question runs longer than a label; a line ending in "." or ":" must be short to be a
# heading rather than a one-sentence paragraph or a lead-in to a list.
MAX_UNNUMBERED_CHARS = 120
MAX_UNNUMBERED_WORDS = {"?": 20, ":": 8, ".": 8, "": 12}
# A paragraph line: long, or a full sentence.
MIN_PARAGRAPH_CHARS = 100
# Runs of unnumbered lines that come back later as headings form a table of contents.
MIN_TOC_LINES = 3
TOC_SHARE = 0.6

_MARKDOWN_HEADING = re.compile(r"(#{1,6}) +(?=\S)")
_SENTENCE_END = re.compile(r"[.;,]$")
_DOCUMENT_TITLE = re.compile(r"(?i)\b(?:privacy|policy|notice|statement|cookies?|data protection|gdpr|ccpa)\b")
# A first line that is only the document's name ("Privacy Policy", "Acme Privacy Notice"),
# not a section about it ("Scope of this Privacy Policy", "Changes to our Privacy Policy").
_DOCUMENT_NAME = re.compile(
    r"(?i)(?!.*\b(?:this|these|to|about|of|changes?|updates?|scope|summary)\b)"
    r"(?:\S+\s+){0,7}(?:privacy|policy|notice|statement)\s*$"
)
# The start of a line that continues the sentence of the line before: a separator
# (": ", ". ", " - ", ")") or a word in lower case.
_RUN_IN_BODY = re.compile(r"[.:;,)\u2013\u2014-]|[a-z]")
# A heading that names one of the main topics of a privacy policy, or asks/tells what
# "we" do: what is collected, used, shared, kept, protected, the reader's rights,
# choices and complaints, the controller, children, transfers, changes, contact, cookies
# ("Cookies and similar technologies", not a kind of them: "Session cookies"), scope and
# regional notices.
_MAIN_TOPIC = re.compile(
    r"(?i)^(?:how|what|why|who|when|where|which)\b|\b(?:we|us)\b"
    r"|\bcollect(?:ion|ed|s)?\b.{0,60}\b(?:information|data)\b|\b(?:information|data)\b.{0,60}\bcollect"
    r"|\b(?:use|uses|using)\s+(?:of\s+)?(?:your\s+)?(?:personal\s+)?(?:information|data)\b"
    r"|\b(?:shar(?:e|ing)|disclos(?:e|ures?))\b|\bsecurity\b|\bprotect|\bretention\b|\bretain(?:s|ed|ing)?\b"
    r"|\bhow\s+long\b|\brights\b|\byour\s+(?:privacy\s+)?choices\b|\bcomplaints?\b|\bcontrollers?\b"
    r"|\bchildren\b|\bminors\b|\binternational\b|\btransfers?\b"
    r"|\bchanges?\b|\bupdates?\b|\bamendments?\b|\bcontact\b|^cookies\b"
    r"|\bintroduction\b|\bscope\b|\bdefinitions\b|\boverview\b|\babout\b"
    r"|\bcalifornia\b|\beea\b|\beuropean\b|\bnevada\b"
)
# A line that ends in "; and" or ", or" runs on into the next line: a list entry.
_ENDS_IN_CONJUNCTION = re.compile(r"[;,] *(?:and|or)$")
# A label that ends in a dash ("Delivery partners -") runs on into the text below it.
_TRAILING_DASH = re.compile(r"\s[-\u2013\u2014]$")
_STATEMENT = re.compile(r"(?:We|You|Our|Your|This|These|It|They|If|When|Please)(?:['\u2019][a-z]{1,2})?\s+[a-z]")
_BULLET = re.compile(r"[-*\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7>] ?")
# Two sentences on one line: ". " followed by a capital ("Welcome. We collect").
_TWO_SENTENCES = re.compile(r"[a-z0-9)][.!?] +[A-Z]")
_MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to vs via with".split())
# Separator left between a worded number and its title ("Part I - General").
_TITLE_LEAD = re.compile(r"[-:.\u2013\u2014] +")
# A numbered paragraph's run-in label: "Retention period: As long as ...", "Sharing. We ...".
_RUN_IN_LABEL = re.compile(r"([^\W\d_][^:.?!;]{0,59}?)([:.]) +(?=\S)")
# A numbered paragraph that is a sentence: more words than a title ending in a full stop
# has, or a long run in sentence case with no final stop.
MIN_SENTENCE_WORDS = 7
MIN_LONG_SENTENCE_WORDS = 12
MIN_UNSTOPPED_SENTENCE_WORDS = 16
_QUESTION_WORD = re.compile(r"(?i)(?:how|what|why|who|when|where|which)\b")
# A run-in label is short; the sentence after it has at least a subject and a verb.
MAX_RUN_IN_LABEL_WORDS = 8
MIN_RUN_IN_BODY_WORDS = 4
# Lines of a postal address or contact block (never of a table of contents): a street
# number or street line, a postcode (US, UK, Canadian, continental), a post-office box,
# suite, floor or mail stop, an "Attention:" line, a telephone number or an e-mail address.
_ADDRESS_LINE = re.compile(
    r"\b\d{1,6}[A-Za-z]?,? +(?:[A-Z][\w.'-]{0,20} +){0,4}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Parkway|Pkwy|Place|Pl"
    r"|Plaza|Court|Ct|Square|Sq|Highway|Hwy|Circle|Terrace)\b"
    r"|^(?:[A-Z][\w.'-]{0,20} +){1,4}(?:Street|Avenue|Road|Drive|Boulevard|Lane|Parkway|Plaza|Square)\.?$"
    r"|\b[A-Z]{2},? +\d{5}(?:-\d{4})?\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]? +\d[A-Z]{2}\b"
    r"|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"
    r"|^(?:[A-Z]{1,2}-)?\d{4,5} +[A-Z][a-z]"
    r"|(?i:\bP\.? ?O\.? *Box\b|\bPost(?:al)? +Box\b|\bSuite +\w{0,4}\d|\b\d{1,3}(?:st|nd|rd|th) +Floor\b"
    r"|\bMail +(?:Code|Stop|Drop)\b|^(?:Attn|Attention)\b.{0,3}:|\bc/o\b)"
    r"|(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b"
    r"|[\w.+-]{1,64}@[\w-]{1,63}\.[A-Za-z]"
)
# How far an address block may run on beyond the lines taken for a table of contents.
ADDRESS_CONTEXT_LINES = 3
MAX_ADDRESS_LINE_CHARS = 100


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
    # False when the next heading follows with no text between: the heading opens a
    # section made only of sub-sections (or is one label of a run of labels).
    has_body: bool = True
    # True when the heading has no text of its own and the next heading has: it opens a
    # group of sub-sections rather than being one label of a run of labels.
    opens_group: bool = False
    # The levels above plain headings (numbered, capitals, questions) that have ended
    # before this plain heading: it is no sub-section of theirs (`_mark_ended_levels`).
    ended_levels: tuple[str, ...] = ()
    # False for a question heading among few: it ranks as a label of its case.
    question_series: bool = True


@dataclass
class Segmentation:
    sections: list[HeadingNode]
    furniture: list[FurnitureSpan]
    title: tuple[int, int] | None
    list_items: list[tuple[int, int]]
    # True when the title is a heading that wrapped the whole document (an <h1>, a first
    # "Privacy Policy" line): it then beats an HTML <title>, which often names the site.
    title_is_heading: bool = False


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


def _is_content(line: Line) -> bool:
    return bool(line.text) and not line.furniture


def _next_content_index(lines: list[Line]) -> list[int]:
    """For each line, the index of the next content line after it (-1 if none); one backward pass."""
    out = [-1] * len(lines)
    following = -1
    for index in range(len(lines) - 1, -1, -1):
        out[index] = following
        if _is_content(lines[index]):
            following = index
    return out


def _is_title_like(text: str, limit: int = MAX_TITLE_CHARS) -> bool:
    if not text or len(text) > limit or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if _SENTENCE_END.search(text):
        return False
    first = text.lstrip("\"'(")[:1]
    return first.isupper() or first.isdigit()


def _after_lead(text: str) -> str:
    """The text after a number without the separator before its title ("- General" -> "General")."""
    lead = _TITLE_LEAD.match(text)
    return text[lead.end() :] if lead is not None and lead.end() < len(text) else text


def _is_capitals_title(text: str) -> bool:
    """A title in capitals closed by a full stop ("HOW WE USE YOUR INFORMATION."): no sentence."""
    if not text.endswith(".") or not _is_title_like(text[:-1]):
        return False
    return _mostly_capitals(text)


def _mostly_capitals(text: str) -> bool:
    """More than one letter, four in five of them capitals; counted by `map` in C, not per
    character in Python."""
    letters = sum(map(str.isalpha, text))
    return letters > 1 and sum(map(str.isupper, filter(str.isalpha, text))) >= 0.8 * letters


def _is_title_like_or_capitals(text: str) -> bool:
    return _is_title_like(text) or _is_capitals_title(text)


def _clean_title(text: str) -> str | None:
    """Heading text without a separator left by the number ("Part I - General" -> "General")."""
    text = text.strip()
    lead = _TITLE_LEAD.match(text)
    if lead is not None and lead.end() < len(text):
        text = text[lead.end() :]
    return text or None


def _is_short_item(line: Line) -> bool:
    """A short unnumbered line that is not a paragraph: a list entry or a label."""
    return line.numbering is None and not _is_paragraph(line.text) and len(line.text) <= MAX_TITLE_CHARS


def _has_body(lines: list[Line], index: int, next_content: list[int]) -> bool:
    following = next_content[index]
    return following >= 0 and lines[following].numbering is None and _is_paragraph(lines[following].text)


def _in_colon_list(lines: list[Line], index: int) -> bool:
    """True when the line is one of a run of short lines introduced by "...including:".

    "User registration", "Order management", ... under "we provide the following
    services:" are list entries, whatever their look. The look-back is bounded.
    """
    for j in range(index - 1, max(-1, index - LIST_LOOKBACK), -1):
        line = lines[j]
        if not _is_content(line):
            continue
        if _is_short_item(line):
            continue
        return line.text.rstrip().endswith(":") and _is_paragraph(line.text)
    return False


def _continues_title(lines: list[Line], index: int, next_content: list[int]) -> bool:
    """True when the next line carries on the heading's sentence: the heading is a run-in label.

    "Log data" then "- We record ..." or ": the pages you visit", or "Cookies" then
    "and similar files we use ...": the label was written at the head of its paragraph
    (often in bold) and only looks like a heading of its own; it ranks with labels that
    end in ":".
    """
    following = next_content[index]
    if following < 0:
        return False
    text = lines[following].text.lstrip()
    if _RUN_IN_BODY.match(text) is None:
        return False
    if text[:1] == "-":
        # "- name" then "- email": a bulleted list under the heading, not a run-in label.
        after = next_content[following]
        return after < 0 or not lines[after].text.lstrip().startswith("-")
    return True


def _is_paragraph(text: str) -> bool:
    return len(text) >= MIN_PARAGRAPH_CHARS or (len(text.split()) > 6 and text[-1:] in '.!?:;)"')


# Question headings rank above label headings when the policy asks at least this many:
# a policy built on questions asks one per main topic (what, how, with whom, how long,
# which rights, how to reach us, ...); four to seven questions among labels are more
# often headings of the labels' own level ("What are cookies?" beside "Analytics").
MIN_QUESTION_SERIES = 8
# Headings of a level above plain headings that show where that level begins and ends.
MIN_UPPER_RUN = 2
# How far back a list entry looks for the sentence that introduces its list.
LIST_LOOKBACK = 60
# How many lines per numbering label are remembered, and the share of a TOC entry's
# words its heading further down must repeat.
TOC_LABEL_MEMORY = 64
TOC_TITLE_OVERLAP = 0.6


def _table_of_contents(lines: list[Line], next_content: list[int]) -> list[tuple[int, int]]:
    """Runs of three or more headings with nothing between them, whose headings come back later.

    A table of contents lists the headings without their bodies; the same numbers (or
    the same titles) come again further down, each followed by its text. The run is
    reported as furniture so that each heading appears once, where its body is.
    """
    # Where each numbering label, and each short line, is seen last: a run is a table
    # of contents when most of its entries are seen again after it.
    # A numbered entry counts as seen again only with a similar title: list items "(3)"
    # to "(6)" come back in every section, the headings of a table of contents once.
    # Both are built when the first run is found: most documents have none.
    later_labels: dict[tuple[str, str], list[tuple[int, frozenset[str]]]] = {}
    last_text: dict[str, int] = {}
    remembered = False
    runs: list[tuple[int, int]] = []
    index = next_content[0] if lines and not _is_content(lines[0]) else 0
    while 0 <= index < len(lines):
        run = _numbered_run(lines, next_content, index) or _unnumbered_run(lines, index)
        if len(run) >= MIN_TOC_LINES:
            if not remembered:
                _remember_lines(lines, later_labels, last_text)
                remembered = True
            last = run[-1]
            again = 0
            for i in run:
                numbering = lines[i].numbering
                if numbering is not None and not numbering.glued:
                    words = _toc_words(lines[i])
                    again += any(
                        j > last and len(words & other) >= TOC_TITLE_OVERLAP * max(1, min(len(words), len(other)))
                        for j, other in later_labels.get((numbering.style, numbering.label), ())
                    )
                else:
                    again += last_text.get(_toc_key(lines[i]), -1) > last
            if again >= TOC_SHARE * len(run) and not _is_contact_block(lines, run, last_text):
                runs.append((lines[run[0]].start, lines[last].end))
                index = next_content[last]
                continue
        index = next_content[index]
    return runs


def _remember_lines(
    lines: list[Line],
    later_labels: dict[tuple[str, str], list[tuple[int, frozenset[str]]]],
    last_text: dict[str, int],
) -> None:
    """Fill `later_labels` and `last_text` of `_table_of_contents` from every line."""
    for index, line in enumerate(lines):
        if not _is_content(line):
            continue
        if line.numbering is not None:
            seen = later_labels.setdefault((line.numbering.style, line.numbering.label), [])
            if len(seen) < TOC_LABEL_MEMORY:
                seen.append((index, _toc_words(line)))
        if len(line.text) <= MAX_TITLE_CHARS:
            last_text[_toc_key(line)] = index


def _numbered_title(line: Line, numbering: Numbering) -> tuple[str | None, int]:
    """The title of a numbered heading line and the offset where its heading ends.

    Policies written as numbered paragraphs ("9.4 If you close your account, we ...")
    number sentences, not titles: the number opens a section whose text is the sentence,
    so the section has no title and its heading is the number alone. A paragraph led by
    a run-in label ("6.2 Storage period: We keep ...") has the label as its title. Either
    way the sentence is the section's body, where extractors read it, not a heading.
    """
    rest = _after_lead(line.text[numbering.end :])
    rest_start = line.end - len(rest)
    label = _run_in_label(rest)
    if label is not None:
        return _clean_title(label.group(1)), rest_start + label.end(2)
    if _reads_as_sentence(rest):
        return None, line.start + len(line.text[: numbering.end].rstrip())
    if len(rest) <= MAX_SUBCLAUSE_CHARS and (
        _is_title_like(rest, MAX_SUBCLAUSE_CHARS) or _is_capitals_title(rest) or len(numbering.value) > 1
    ):
        return _clean_title(rest), line.end
    return None, line.end


# Words a title in title case may leave in lower case besides the short function words
# ("Contact us", "Sharing Data within the Group").
_TITLE_CASE_LOWER = _MINOR_WORDS | frozenset(
    "about after and/or before between over through under upon us within without".split()
)


def _is_title_case(text: str) -> bool:
    words = [w for w in text.split() if w[0].isalpha() and w not in _TITLE_CASE_LOWER]
    return bool(words) and sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words)


def _reads_as_sentence(text: str) -> bool:
    """True when the text after a number is a sentence, not a title.

    Two sentences on the line, a text of several words in sentence case that ends in a
    full stop ("We keep your data for two years."), or a very long one in sentence case.
    Titles in capitals or in title case, questions, a title closed by a full stop
    ("Sharing of data.", "How we use the data we hold."), a lead-in closed by a colon and
    a short statement without a stop ("When we share your data") stay titles: policies
    write headings so.
    """
    text = text.strip()
    if not text or _is_capitals_title(text):
        return False
    if _TWO_SENTENCES.search(text):
        return True
    words = len(text.split())
    if words < MIN_SENTENCE_WORDS or _is_title_case(text):
        return False
    if text[-1] in ".;!":
        return words >= MIN_LONG_SENTENCE_WORDS or _QUESTION_WORD.match(text) is None
    return text[-1] != ":" and words >= MIN_UNSTOPPED_SENTENCE_WORDS


def _run_in_label(text: str) -> re.Match[str] | None:
    """The run-in label at the head of a numbered paragraph ("Retention: We keep ..."), if any.

    The label is short, opens with a capital and is no statement itself ("We collect: ...");
    the text after it is a sentence of its own, not a subtitle in title case. A label closed
    by a full stop must be in title case ("Sharing Data. We ..."): "The app. It ..." are two
    sentences, not a label.
    """
    match = _RUN_IN_LABEL.match(text)
    if match is None:
        return None
    label = match.group(1).strip()
    if not label[:1].isupper() or len(label.split()) > MAX_RUN_IN_LABEL_WORDS or _STATEMENT.match(label):
        return None
    body = text[match.end() :].rstrip()
    body_words = len(body.split())
    if body_words < MIN_RUN_IN_BODY_WORDS or not (body[-1] in ".;:!?)" or body_words >= MIN_SENTENCE_WORDS):
        return None
    if _is_title_case(body):
        # "Cookies: What They Are and How We Use Them": a title with a subtitle.
        return None
    if match.group(2) == "." and not (_is_title_case(label) and body[:1].isupper() and len(label) > 3):
        return None
    return match


def _is_contact_block(lines: list[Line], run: list[int], last_text: dict[str, int]) -> bool:
    """True when a run of short lines is an address or contact block, not a table of contents.

    Name, role, department and street lines look like a list of titles, and a policy often
    prints its address twice ("write to:" in one section, "contact us at:" at the end), so
    the lines come back later as a table of contents' entries do. Two things tell them
    apart: the block (with the lines around it, up to a blank line) holds a street, a
    postcode, a post-office box, a telephone number or an e-mail address; or the entries
    come back as one block again, each right after the other, where the entries of a table
    of contents come back one by one, each followed by its section's text.
    """
    first, last = run[0], run[-1]
    low = first
    while low > 0 and first - low < ADDRESS_CONTEXT_LINES and _is_content(lines[low - 1]):
        low -= 1
    high = last
    while high + 1 < len(lines) and high - last < ADDRESS_CONTEXT_LINES and _is_content(lines[high + 1]):
        high += 1
    for i in range(low, high + 1):
        text = lines[i].text.strip()
        if len(text) <= MAX_ADDRESS_LINE_CHARS and _ADDRESS_LINE.search(text):
            return True
    if any(lines[i].numbering is not None for i in run):
        return False
    later = [last_text.get(_toc_key(lines[i]), -1) for i in run]
    return all(b == a + 1 for a, b in pairwise(later))


def _toc_words(line: Line) -> frozenset[str]:
    return frozenset(_toc_key(line).split())


def _toc_key(line: Line) -> str:
    text = line.text[line.numbering.end :] if line.numbering is not None else line.text
    # Entries of a table of contents often carry page numbers or leader dots.
    return " ".join(text.rstrip(" .0123456789").casefold().split())


def _numbered_run(lines: list[Line], next_content: list[int], index: int) -> list[int]:
    first = lines[index].numbering
    if first is None or first.glued or not _is_title_like(lines[index].text[first.end :], 200):
        return []
    run = [index]
    previous = first
    j = next_content[index]
    while j >= 0:
        numbering = lines[j].numbering
        if numbering is None or not _is_title_like(lines[j].text[numbering.end :], 200):
            break
        # Sub-entries ("4.1" under "4") may sit between the entries of the top level.
        if not (
            numbering.follows(previous)
            or numbering.value[:-1] == previous.value
            or (len(numbering.value) < len(previous.value) and numbering.style.startswith("decimal"))
        ):
            break
        run.append(j)
        previous = numbering
        j = next_content[j]
    return run


def _unnumbered_run(lines: list[Line], index: int) -> list[int]:
    """Consecutive short title-like lines (no blank line between them)."""
    run: list[int] = []
    j = index
    while j < len(lines) and _is_content(lines[j]):
        text = lines[j].text
        if len(text) > MAX_UNNUMBERED_CHARS or not text[:1].isupper() or _SENTENCE_END.search(text):
            return run if len(run) >= MIN_TOC_LINES else []
        run.append(j)
        j += 1
    return run if len(run) >= MIN_TOC_LINES else []


def _text_style(text: str, lower_words: Container[str] | None = None) -> tuple[str, ...]:
    """The look of an unnumbered heading: its case and its final punctuation.

    A capitalised word that the text never writes in lower case ("Zoho", "Google") is a
    name, and says nothing about the case of the heading; a heading whose only
    capitals are its first word and names reads as title case and as sentence case
    alike ("Cookies", "Interactions with Zoho"), and gets the case "word".
    A question ends in "?": questions and labels of one case are different looks.
    """
    end = text[-1] if text[-1:] in ".:?" else ""
    if _mostly_capitals(text):
        return ("plain", "caps", end)
    # Title case leaves the short function words in lower case ("Use of Cookies").
    words = [w for w in text.split() if w[0].isalpha() and not (w.islower() and w in _MINOR_WORDS)]
    if lower_words is not None:
        rest = [w for w in words[1:] if not (w[0].isupper() and _word_key(w) not in lower_words)]
        if not rest:
            return ("plain", "word", end)
        words = words[:1] + rest
    if words and sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words):
        return ("plain", "title", end)
    return ("plain", "sentence", end)


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def _word_key(word: str) -> str:
    match = _WORD.search(word)
    return match.group(0).casefold() if match else word.casefold()


def _lower_case_words(text: str) -> LowerCaseWords:
    """Words the text writes in lower case somewhere: common words, not names (looked
    up one by one when asked: a heading check asks about few words)."""
    return LowerCaseWords(text)


def _mark_furniture(lines: list[Line], ranges: list[tuple[int, int]]) -> None:
    """Flag the lines inside any of `ranges`; one merged walk over lines and ranges."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    r = 0
    for line in lines:
        while r < len(merged) and merged[r][1] < line.end:
            r += 1
        if r == len(merged):
            return
        if merged[r][0] <= line.start:
            line.furniture = True


class SectionSegmenter:
    """Turns normalised text (plus heading hints) into a tree of `HeadingNode`s."""

    def segment(
        self,
        text: str,
        hints: list[HeadingHint],
        furniture: list[FurnitureSpan],
    ) -> Segmentation:
        lines = split_lines(text)
        _mark_furniture(lines, [(f.start, f.end) for f in furniture])
        for line in lines:
            if _is_content(line):
                line.numbering = parse_numbering(line.text)
        next_content = _next_content_index(lines)
        hint_by_line = self._hints_by_line(lines, hints)
        toc = _table_of_contents(lines, next_content) if not hint_by_line else []
        toc = [span for span in toc if not self._holds_hint(lines, hint_by_line, span)]
        new_furniture = [FurnitureSpan(start, end, "table_of_contents") for start, end in toc]
        if toc:
            _mark_furniture(lines, toc)
            next_content = _next_content_index(lines)

        candidates = self._candidates(text, lines, hint_by_line, next_content)
        leading_title = self._leading_title(lines, candidates, next_content)
        if leading_title is not None:
            candidates = candidates[1:]
        _mark_bodies(lines, candidates)
        _resolve_word_case(candidates)
        _mark_rare_looks(candidates)
        _mark_ended_levels(candidates)
        roots = self._nest(candidates, len(text))
        heading_starts = {c.start for c in candidates}
        list_items = [
            (line.start, line.end)
            for line in lines
            if line.numbering is not None and not line.furniture and line.start not in heading_starts
        ]
        title = self._title(lines, candidates)
        title_is_heading = False
        if leading_title is not None:
            title, title_is_heading = (leading_title.start, leading_title.heading_end), True
        elif title is None:
            wrapper = self._title_heading(lines, roots)
            if wrapper is not None:
                # "Privacy Policy" heading over the whole document: the title, not a section.
                title, title_is_heading = (wrapper.start, wrapper.heading_end), True
                roots = wrapper.children
                _shift_levels(roots, -1)
        return Segmentation(roots, new_furniture, title, list_items, title_is_heading)

    @staticmethod
    def _leading_title(lines: list[Line], candidates: list[HeadingNode], next_content: list[int]) -> HeadingNode | None:
        """A first heading that names the document: "Privacy Policy" with no body of its own, or a bare name."""
        if len(candidates) < 2 or candidates[0].numbering is not None or candidates[0].title is None:
            return None
        first = candidates[0]
        index = next((i for i, line in enumerate(lines) if _is_content(line)), -1)
        if index < 0 or lines[index].start != first.start:
            return None
        if not first.title:
            return None
        if candidates[0].style[0] == "plain" and _DOCUMENT_NAME.match(first.title):
            # "Acme Privacy Policy" on the first line names the document even when an
            # introduction follows it: the sections below are the document's, not its.
            return first
        following = next_content[index]
        if following < 0 or lines[following].start != candidates[1].start:
            return None
        return first if _DOCUMENT_TITLE.search(first.title) else None

    @staticmethod
    def _title_heading(lines: list[Line], roots: list[HeadingNode]) -> HeadingNode | None:
        """The one unnumbered top heading that opens the text and holds every other section."""
        if len(roots) != 1 or not roots[0].children or roots[0].numbering is not None:
            return None
        wrapper = roots[0]
        if wrapper.title is None or len(wrapper.title) > 120:
            return None
        first_content = next((line for line in lines if _is_content(line)), None)
        return wrapper if first_content is not None and first_content.start == wrapper.start else None

    @staticmethod
    def _holds_hint(lines: list[Line], hint_by_line: dict[int, int], span: tuple[int, int]) -> bool:
        return any(span[0] <= lines[i].start < span[1] for i in hint_by_line)

    @staticmethod
    def _hints_by_line(lines: list[Line], hints: list[HeadingHint]) -> dict[int, int]:
        """Line index -> heading level, for lines the input marked as headings."""
        if not hints:
            return {}
        starts = [line.start for line in lines]
        out: dict[int, int] = {}
        for hint in hints:
            index = bisect_right(starts, hint.start) - 1
            if index >= 0 and lines[index].text.strip() and not lines[index].furniture:
                out.setdefault(index, hint.level)
        return out

    def _candidates(
        self, text: str, lines: list[Line], hint_by_line: dict[int, int], next_content: list[int]
    ) -> list[HeadingNode]:
        # Unnumbered title-like lines are headings in plain text only: HTML marks its own.
        # In a policy with numbered headings they are taken only inside a numbered section
        # (the lines before the first number are the title and the preamble).
        detect_unnumbered = not hint_by_line
        # `text` is the lines joined by their line breaks (see `split_lines`).
        lower_words = _lower_case_words(text) if detect_unnumbered else None
        numbered_seen = False
        numbered_policy = self._count_numbered_headings(lines) >= 3
        open_numbers: list[Numbering] = []  # innermost last; for sequence checks
        out: list[HeadingNode] = []
        previous_heading = -2
        for index, line in enumerate(lines):
            if not _is_content(line):
                continue
            numbering = line.numbering
            level = hint_by_line.get(index)
            if level is not None:
                title_start = line.start + (numbering.end if numbering else 0)
                title = _clean_title(line.text[numbering.end :] if numbering else line.text)
                out.append(
                    HeadingNode(
                        line.start,
                        line.end,
                        title_start,
                        numbering.label if numbering else None,
                        title,
                        ("html", str(level)),
                        numbering,
                    )
                )
                open_numbers = [numbering] if numbering else []
                continue
            markdown = _MARKDOWN_HEADING.match(line.text)
            if markdown:
                body = line.text[markdown.end() :]
                inner = parse_numbering(body)
                title = body[inner.end :] if inner else body
                out.append(
                    HeadingNode(
                        line.start,
                        line.end,
                        line.start + markdown.end() + (inner.end if inner else 0),
                        inner.label if inner else None,
                        _clean_title(title),
                        ("html", str(len(markdown.group(1)))),
                        inner,
                    )
                )
                previous_heading = index
                continue
            if numbering is not None and not numbering.glued:
                accepted = self._accept_numbered(lines, index, numbering, open_numbers, next_content)
                if accepted is not None:
                    numbering = accepted
                    title, heading_end = _numbered_title(line, numbering)
                    out.append(
                        HeadingNode(
                            line.start,
                            heading_end,
                            line.start + numbering.end,
                            numbering.label,
                            title,
                            (numbering.style,),
                            numbering,
                        )
                    )
                    numbered_seen = True
                    previous_heading = index
                    continue
                if numbered_policy or hint_by_line:
                    continue
            if (
                detect_unnumbered
                and (numbered_seen or not numbered_policy)
                # The look of the line first: it rules out most lines, and the list
                # look-back is dearer.
                and self._is_unnumbered_heading(lines, index, next_content, previous_heading == index - 1)
                and not (_in_colon_list(lines, index) and not _has_body(lines, index, next_content))
            ):
                text = line.text.strip()
                style = _text_style(text, lower_words)
                if not style[2] and (_TRAILING_DASH.search(text) or _continues_title(lines, index, next_content)):
                    style = (*style[:2], ":")
                out.append(HeadingNode(line.start, line.end, line.start, None, text, style, None))
                previous_heading = index
        return out

    @staticmethod
    def _count_numbered_headings(lines: list[Line]) -> int:
        return sum(
            1
            for line in lines
            if line.numbering is not None
            and not line.furniture
            and not line.numbering.glued
            and _is_title_like_or_capitals(_after_lead(line.text[line.numbering.end :]))
        )

    @staticmethod
    def _accept_numbered(
        lines: list[Line],
        index: int,
        numbering: Numbering,
        open_numbers: list[Numbering],
        next_content: list[int],
    ) -> Numbering | None:
        """The numbering if this numbered line is a heading (updating the open stack), else None."""
        line = lines[index]
        rest = _after_lead(line.text[numbering.end :])
        if rest[:1].islower():
            # "6.1 if it is necessary ...;": a clause of a sentence, not a heading.
            return None
        depth = len(numbering.value)
        if depth > 1 and numbering.style.startswith("decimal"):
            # "4.1" belongs under an open "4"; "9.3" follows "9.2".
            for position in range(len(open_numbers) - 1, -1, -1):
                other = open_numbers[position]
                if not other.style.startswith("decimal"):
                    continue
                if other.value == numbering.value[:-1] or numbering.follows(other):
                    if len(rest) > MAX_SUBCLAUSE_CHARS and not _is_title_like(rest):
                        return None
                    keep = position + 1 if other.value == numbering.value[:-1] else position
                    del open_numbers[keep:]
                    open_numbers.append(numbering)
                    return numbering
            return None
        if not _is_title_like_or_capitals(rest):
            return None
        following_index = next_content[index]
        if following_index < 0:
            return None
        following = lines[following_index].numbering
        if following is not None and (following.follows(numbering) or _alpha_follows(following, numbering)):
            # The next line is the next item of the same list: this is a list, not a heading.
            return None
        for candidate in (numbering, _as_alpha(numbering)):
            if candidate is None:
                continue
            for position in range(len(open_numbers) - 1, -1, -1):
                other = open_numbers[position]
                if other.style == candidate.style:
                    if candidate.follows(other):
                        del open_numbers[position:]
                        open_numbers.append(candidate)
                        return candidate
                    break
        if not numbering.is_first or any(other.style == numbering.style for other in open_numbers):
            return None
        open_numbers.append(numbering)
        return numbering

    @staticmethod
    def _is_unnumbered_heading(lines: list[Line], index: int, next_content: list[int], after_heading: bool) -> bool:
        """A short title-like line standing alone before a paragraph (or a sub-heading)."""
        line = lines[index]
        if len(line.text) > MAX_UNNUMBERED_CHARS and not (line.text[0].isspace() or line.text[-1].isspace()):
            return False  # too long even stripped, without copying a paragraph to strip it
        text = line.text.strip()
        if len(text) > MAX_UNNUMBERED_CHARS or _BULLET.match(text):
            return False
        first = text.lstrip("\"'(")[:1]
        if not (first.isupper() or first.isdigit()):
            return False
        end = text[-1] if text[-1] in "?:." else ""
        if text[-1] in ";,!" or len(text.split()) > MAX_UNNUMBERED_WORDS[end]:
            return False
        if _TWO_SENTENCES.search(text) or _ENDS_IN_CONJUNCTION.search(text):
            return False
        if end == "." and (after_heading or _STATEMENT.match(text)):
            # "We collect your email address." right under a heading is its body, and a
            # line that opens with "We/You/Our ..." plus a verb is a statement, not a title.
            return False
        previous = lines[index - 1] if index > 0 else None
        if previous is not None and _is_content(previous) and not after_heading:
            # A heading stands after a blank line (or right after another heading).
            return False
        following_index = next_content[index]
        if following_index < 0:
            return False
        following = lines[following_index].text
        if (
            end == ":"
            and len(text.split()) > 1
            and not _is_paragraph(following)
            and following_index + 1 < len(lines)
            and _is_content(lines[following_index + 1])
        ):
            # "We collect:" before a list is a lead-in to the list, not a heading.
            return False
        if following_index == index + 1:
            # No blank line: the next line must be the paragraph this heading opens, not
            # the next item of a list of short lines.
            return _is_paragraph(following) and not end
        return True

    @staticmethod
    def _nest(candidates: list[HeadingNode], text_length: int) -> list[HeadingNode]:
        roots: list[HeadingNode] = []
        stack: list[HeadingNode] = []
        previous: HeadingNode | None = None
        # A first plain heading that only names the document ("Privacy Statement" under a
        # page title that was taken as the title) heads all of it, as an <h1> would:
        # later headings nest under it, not beside it.
        first = candidates[0] if candidates else None
        wrapper = first if first is not None and first.style[0] == "plain" and _names_document(first) else None
        for node in candidates:
            cut: int | None = None
            if (
                node.numbering is not None
                and len(node.numbering.value) > 1
                and node.numbering.style.startswith("decimal")
            ):
                # "4.1" goes under the open "4" (or after "4.0"), whatever level its markup had.
                parent = node.numbering.value[:-1]
                cut = next(
                    (
                        i + 1
                        for i in range(len(stack) - 1, -1, -1)
                        if (open_number := stack[i].numbering) is not None
                        and open_number.value == parent
                        and open_number.style.startswith("decimal")
                    ),
                    None,
                )
                if cut is None:
                    cut = next((i for i, open_node in enumerate(stack) if _same_rank(open_node, node)), None)
            elif node.style[0] == "html":
                level = int(node.style[1])
                cut = next(
                    (
                        i
                        for i, open_node in enumerate(stack)
                        if (open_node.style[0] == "html" and int(open_node.style[1]) >= level)
                        or (open_node.style[0] != "html" and _is_decimal(open_node) and _is_decimal(node))
                    ),
                    None,
                )
            elif node.style[0] == "plain":
                cut = _plain_cut(stack, node, previous)
            else:
                cut = next((i for i, open_node in enumerate(stack) if _same_rank(open_node, node)), None)
            if cut == 0 and wrapper is not None and stack and stack[0] is wrapper:
                cut = 1
            if cut is not None:
                del stack[cut:]
            node.level = len(stack) + 1
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            previous = node
        _close(roots, text_length)
        return roots

    @staticmethod
    def _title(lines: list[Line], candidates: list[HeadingNode]) -> tuple[int, int] | None:
        first_heading = candidates[0].start if candidates else None
        for line in lines:
            if not _is_content(line):
                continue
            if first_heading is not None and line.start >= first_heading:
                return None
            text = line.text.strip()
            if len(text) <= 120 and not text.endswith((".", ",", ";", ":")) and line.numbering is None:
                return line.start, line.end
            return None
        return None


def _resolve_word_case(candidates: list[HeadingNode]) -> None:
    """Give a heading that reads as title and sentence case alike the case most headings of the text have."""
    counts = {"title": 0, "sentence": 0}
    for node in candidates:
        if node.style[0] == "plain" and node.style[1] in counts:
            counts[node.style[1]] += 1
    majority = "title" if counts["title"] > counts["sentence"] else "sentence"
    for node in candidates:
        if node.style[0] == "plain" and node.style[1] == "word":
            node.style = ("plain", majority, node.style[2])


def _mark_rare_looks(candidates: list[HeadingNode]) -> None:
    """Looks that a policy uses too rarely to be a level of their own rank as plain labels.

    Questions rank above labels only where the policy is written as a series of them;
    a lone heading in capitals ("API", "CALIFORNIA RESIDENTS" among title-case headings)
    is an acronym or an emphasis, and ranks as title case.
    """
    questions = [node for node in candidates if node.style[0] == "plain" and node.style[2] == "?"]
    if len(questions) < MIN_QUESTION_SERIES:
        for node in questions:
            node.question_series = False
    capitals = [node for node in candidates if node.style[0] == "plain" and node.style[1] == "caps"]
    if len(capitals) == 1:
        capitals[0].style = ("plain", "title", capitals[0].style[2])


def _mark_ended_levels(candidates: list[HeadingNode]) -> None:
    """Set `ended_levels` on the plain headings that follow the last heading of a level above them.

    Numbered headings, headings in capitals and a series of questions each rank above
    the plain headings of a policy. Plain sub-sections of such sections come between
    their headings as well as after the last one ("2. Sharing", "Service providers",
    "3. Rights", "Access", ...). Where no plain heading comes between them and the first
    plain heading after the last one names a main topic of a policy (a new part, not a
    detail of the last section), the plain headings after the last one head sections of
    their own: the upper headings were one list of sub-sections, or that part of the
    policy has ended ("1.", "2.", "3.", then "How we use it", "Contact us"). Run-in
    labels stay under the last upper heading: they rarely head a section of their own.
    Two walks per level.
    """
    for rank, level in enumerate(_UPPER_LEVELS):
        upper = [i for i, node in enumerate(candidates) if _upper_level(node) == level]
        if len(upper) < MIN_UPPER_RUN:
            continue
        first, last = upper[0], upper[-1]
        if any(_is_below(node, rank) for node in candidates[first:last]):
            continue
        after = [node for node in candidates[last + 1 :] if _is_below(node, rank)]
        if not after or not _names_main_topic(after[0]):
            # "3. Your rights", then "Access", "Erasure": details of the last section.
            continue
        for node in after:
            node.ended_levels = (*node.ended_levels, level)


# The levels above plain headings, most prominent first (see `_rank`).
_UPPER_LEVELS = ("numbered", "capitals", "questions")


def _upper_level(node: HeadingNode) -> str | None:
    """Which of the levels above plain headings the heading heads, if any."""
    if node.style[0] == "html":
        return None
    if node.style[0] != "plain":
        return "numbered"
    if node.style[1] == "caps":
        return "capitals"
    if node.style[2] == "?" and node.question_series:
        return "questions"
    return None


def _is_below(node: HeadingNode, rank: int) -> bool:
    """A plain-text heading, no run-in label, of a level below the `rank`-th of `_UPPER_LEVELS`."""
    if node.style[0] != "plain" or node.style[2] in (".", ":"):
        return False
    level = _upper_level(node)
    return level is None or _UPPER_LEVELS.index(level) > rank


def _mark_bodies(lines: list[Line], candidates: list[HeadingNode]) -> None:
    """Set `has_body` on each heading: is there a content line before the next heading? One walk."""
    index = 0
    for position, node in enumerate(candidates):
        limit = candidates[position + 1].start if position + 1 < len(candidates) else None
        while index < len(lines) and lines[index].start <= node.start:
            index += 1
        probe = index
        # A numbered paragraph's sentence, after its number or run-in label, is its body.
        own = lines[index - 1] if index > 0 else None
        node.has_body = (
            own is not None and node.heading_end < own.end and bool(own.text[node.heading_end - own.start :].strip())
        )
        while not node.has_body and probe < len(lines) and (limit is None or lines[probe].start < limit):
            if _is_content(lines[probe]) and lines[probe].start >= node.heading_end:
                node.has_body = True
                break
            probe += 1
        index = probe
        if position > 0:
            before = candidates[position - 1]
            before.opens_group = not before.has_body and node.has_body


def _plain_cut(stack: list[HeadingNode], node: HeadingNode, previous: HeadingNode | None) -> int:
    """`_cut_by_look`, corrected by what the heading says.

    1. A heading naming a main topic of a policy is no sub-section of another. When the
       look makes the heading a sibling of an open heading that names no main topic
       ("Account data") while an outer open heading of the same look names one
       ("Information we collect"), the heading ("How we use your information") is a
       sibling of the outer one: policies that write two levels of headings alike put
       the main topics on top. Nor is it a sub-section of an open heading that names
       no main topic and looks no more prominent than it (a bodiless "Account and
       profile" line, then "How we use your information"): that heading was a label.
    2. A heading worded like an outer open heading of its look, not like the one the
       look makes it a sibling of, is the outer one's sibling: "Information from third
       parties" after "Information you provide" and its "Contact details" sub-section.
    """
    cut = _cut_by_look(stack, node, previous)
    if node.ended_levels:
        ended = (i for i, open_node in enumerate(stack) if _upper_level(open_node) in node.ended_levels)
        cut = min(cut, next(ended, cut))
    if cut < len(stack) and stack[cut].style == node.style and _names_main_topic(node):
        if not _names_main_topic(stack[cut]):
            for i in range(cut - 1, -1, -1):
                if stack[i].style == node.style:
                    return i if _names_main_topic(stack[i]) else cut
    if _names_main_topic(node):
        while (
            cut > 0
            and stack[cut - 1].style[0] == "plain"
            and not _names_main_topic(stack[cut - 1])
            and _rank(stack[cut - 1]) >= _rank(node)
        ):
            cut -= 1
    if cut < len(stack) and stack[cut].style == node.style and not _worded_alike(stack[cut], node):
        for i in range(cut - 1, -1, -1):
            if stack[i].style[0] != "plain":
                break
            if stack[i].style == node.style and _worded_alike(stack[i], node):
                return i
    return cut


def _parallel(previous: HeadingNode, node: HeadingNode) -> bool:
    """Two headings of one look that open with the same two words: items of one list.

    "Right to object" with no text of its own, then "Right to erasure" with text: an
    item whose text is missing, not a group whose first sub-section is the next item.
    Questions are left out: a series of them opens with the same words ("How do we ...")
    whatever their nesting.
    """
    return previous.style == node.style and node.style[2] != "?" and _worded_alike(previous, node)


def _worded_alike(open_node: HeadingNode, node: HeadingNode) -> bool:
    """Two headings that open with the same two words: parallel headings of one list."""
    first = _WORD.findall((open_node.title or "").casefold())[:2]
    return len(first) == 2 and first == _WORD.findall((node.title or "").casefold())[:2]


def _names_document(node: HeadingNode) -> bool:
    return node.title is not None and _DOCUMENT_NAME.match(node.title) is not None


def _names_main_topic(node: HeadingNode) -> bool:
    return node.title is not None and _title_names_main_topic(node.title)


@lru_cache(maxsize=4096)
def _title_names_main_topic(title: str) -> bool:
    # Asked again for the same open headings at every heading that follows them; the
    # case-insensitive search tries each of its alternatives at every character.
    return _MAIN_TOPIC.search(title) is not None


def _cut_by_look(stack: list[HeadingNode], node: HeadingNode, previous: HeadingNode | None) -> int:
    """How many open sections an unnumbered plain-text heading leaves open (its parent is the last kept).

    0. A heading that opens a group (no text of its own, then a sub-section with text) is
       a sibling of an open heading of the same look that opened one too: "What we
       collect", its sub-sections, then "How we share it" and its own; the sub-sections
       in between often look the same as their parents.
    1. A heading with no text of its own opens a section whose first sub-section is the
       heading right after it ("Information we collect" then "Things you provide to
       us" and a paragraph), unless both are bodiless labels of one look (a run of
       labels), or it ends in ":" or "." (a run-in label).
    2. Otherwise the innermost open heading of the same look is its sibling: the
       children of such a bodiless heading usually look like their parent. Numbered
       headings opened since are closed with it.
    3. Otherwise headings nest by how prominent they look: an open heading that looks
       as prominent or less is closed; numbered and marked-up ones stay open.
    """
    if node.opens_group:
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].style[0] != "plain":
                break
            if stack[i].style == node.style and stack[i].opens_group:
                return i
    if previous is not None and stack and stack[-1] is previous and not previous.has_body:
        run_in = previous.style[0] == "plain" and previous.style[2] in (".", ":")
        label_run = previous.style == node.style and not node.has_body
        if not run_in and not label_run and not _parallel(previous, node):
            return len(stack)
    for i in range(len(stack) - 1, -1, -1):
        if stack[i].style[0] != "plain":
            if stack[i].style[0] == "html":
                break
            # A numbered heading (or a numbered line taken for one) under a plain heading
            # of this look closes with it: "SECURITY" after "DATA WE COLLECT" and its "1.".
            continue
        if stack[i].style == node.style:
            return i
    cut = len(stack)
    while cut > 0 and stack[cut - 1].style[0] == "plain" and _rank(stack[cut - 1]) >= _rank(node):
        cut -= 1
    return cut


def _shift_levels(nodes: list[HeadingNode], delta: int) -> None:
    stack = list(nodes)
    while stack:
        node = stack.pop()
        node.level += delta
        stack.extend(node.children)


def _is_decimal(node: HeadingNode) -> bool:
    return node.numbering is not None and node.numbering.style.startswith("decimal")


def _same_rank(open_node: HeadingNode, node: HeadingNode) -> bool:
    """Siblings: the same numbering style, or the same look of an unnumbered heading."""
    return open_node.style == node.style


def _rank(node: HeadingNode) -> int:
    """How prominent an unnumbered heading looks, 0 = most.

    Capitals head a policy's top sections; questions, when the policy is written as a
    series of them, head sections whose sub-sections are labels (a question or two among
    labels ranks as a label); title case and sentence case rank alike, as policies mix
    them among sibling headings more often than they nest one under the other (they stay
    different looks, so a title-case heading under a bodiless title-case parent is still
    a sibling of the other children); a line ending in ":" or "." is a run-in label, the
    lowest.
    """
    case, end = node.style[1], node.style[2]
    if case == "caps":
        return 0
    if end == "?" and node.question_series:
        return 1
    if end and end != "?":
        return 4
    return 2


def _as_alpha(numbering: Numbering) -> Numbering | None:
    """A single Roman letter read as a letter ("I." after "H." is the ninth item)."""
    if not numbering.style.startswith("roman") or len(numbering.label) != 1:
        return None
    letter = numbering.label
    punct = numbering.style[-1] if numbering.style[-1] in ".)" else ""
    style = ("alpha_lower" if letter.islower() else "alpha_upper") + punct
    return Numbering(style, (ord(letter.lower()) - 96,), letter, numbering.end)


def _alpha_follows(following: Numbering, numbering: Numbering) -> bool:
    alpha = _as_alpha(following)
    return alpha is not None and alpha.follows(numbering)


def text_or_none(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def _close(roots: list[HeadingNode], end: int) -> None:
    """Set each section's end: the start of its next sibling, or its parent's end.

    An explicit stack instead of recursion, so a deeply nested document cannot overflow.
    """
    stack: list[tuple[list[HeadingNode], int]] = [(roots, end)]
    while stack:
        nodes, limit = stack.pop()
        for i, node in enumerate(nodes):
            node.end = nodes[i + 1].start if i + 1 < len(nodes) else limit
            if node.children:
                stack.append((node.children, node.end))
