"""Contacts: email addresses, phone numbers, URLs and postal addresses, with a role.

Finders are linear-time regexes with bounded quantifiers; phone candidates are
confirmed by `phonenumbers`, which also gives the E.164 form.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

import numpy

from privacyparser.extract.context import DocumentContext
from privacyparser.models import Contact, ContactKind
from privacyparser.prefilter import may_match

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}\b"
)
_GLUED_WORD = re.compile(r"[a-z][A-Z]")
# An address written against harvesters: "jane(at)example(dot)com", "jane [at] example.org".
# Only bracketed "at"/"dot": a bare " @ " or " at " reads too often as prose ("follow us @ ...").
# Scanned from its "t" and closing bracket, a literal `re` skips to quickly, once per case
# (5 ms -> 3 ms over the OPP-115 texts; "[tT]" as a class took 10 ms); the opening
# bracket and "a" are checked after.
_OBFUSCATED_AT = (re.compile(r"t[)\]}]"), re.compile(r"T[)\]}]"))
_OBFUSCATED_AT_OPEN = re.compile(r"[(\[{][aA]")
_OBFUSCATED_DOT = r"(?:\.| ?[(\[{]dot[)\]}] ?)"
_OBFUSCATED_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<local>[A-Za-z0-9][\w.+-]{0,63}) ?[(\[{]at[)\]}] ?"
    rf"(?P<domain>[A-Za-z0-9][A-Za-z0-9-]{{0,62}}(?:{_OBFUSCATED_DOT}[A-Za-z0-9-]{{1,63}}){{0,6}})"
    rf"{_OBFUSCATED_DOT}(?P<tld>[A-Za-z]{{2,24}})\b",
    re.IGNORECASE,
)
_OBFUSCATED_DOT_SPLIT = re.compile(_OBFUSCATED_DOT, re.IGNORECASE)
_OBFUSCATED_WINDOW = 600
# "privacy-team @ example.com (remove the spaces)": spaces around "@" are another guard
# against harvesters. Taken only after an email cue ("email us at ..."), as a bare
# " @ " also stands for "at" in prose ("find us @ the fair.com stand").
_SPACED_AT = re.compile(" @ ")
_SPACED_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<local>[A-Za-z0-9][\w.+-]{0,63}) @ "
    r"(?P<domain>[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24})\b"
)
_EMAIL_CUE = re.compile(r"\be-?mail", re.IGNORECASE)
_URL = re.compile(r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>\"'()\[\]]{2,2000}", re.IGNORECASE)
# Digits with the separators phone numbers are printed with; confirmed by phonenumbers.
_PHONE = re.compile(r"(?<![\w+./-])(?:\+|00)?\(?\d[\d ()./-]{5,22}\d(?![\w/-])")
_PHONE_CUE = re.compile(r"\b(?:phone|telephone|tel|call|fax|mobile|hotline|toll[- ]free|contact|number)\b", re.I)
# A label right before the digits that says they are a phone number ("Tel:", "By phone: "):
# such a number is kept as printed even when `phonenumbers` cannot place it.
_PHONE_LABEL = re.compile(
    r"\b(?:phone|telephone|tel|fax|mobile|hotline|call us)\b(?: (?:number|no))?\.?\s*(?:\([^)]{0,20}\)\s*)?:?\s*$", re.I
)
# A North American toll-free number spelled in letters ("1-800-FLOWERS", "1-888-GO-SHIPS"):
# the keypad gives its digits. Searched only when "800"-style codes are followed by a capital.
_VANITY_HINT = re.compile(r"8(?:00|88|77|66|55|44|33)\)?[-. ]?[A-Z]")
_VANITY = re.compile(
    r"(?<![\w+-])(?:1[-. ]?)?\(?(?P<area>8(?:00|88|77|66|55|44|33))\)?[-. ]?"
    r"(?P<subscriber>[A-Z0-9]{2,9}(?:-[A-Z0-9]{2,7}){0,2})(?![\w-])"
)
_KEYPAD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
# Ten digits grouped 3-3-4 with a North American area and exchange code ("707 887 1507",
# "1.800.561.5161", "(212) 555-0199"): read in the US plan when the policy names no region.
_NANP_PRINTED = re.compile(r"(?:\+?1[-. ]?)?(?:\([2-9]\d\d\) ?|[2-9]\d\d[-. ])[2-9]\d\d[-. ]\d{4}")
# Numbers that are not phones: company, registration, tax and postal numbers.
_NOT_A_PHONE = re.compile(
    r"\b(?:company|registration|registered|reg|vat|tax|ein|abn|acn|hrb|hra|zip|postal|post code|postcode|"
    r"p\.?\s?o\.? box|licen[cs]e|account|order|case|reference|ref|invoice|id)\b\.?\s*(?:number|no|n°|#)?\.?\s*:?\s*$",
    re.I,
)
_STREET = re.compile(
    r"\b(?:\d{1,5}[A-Za-z]? (?:[A-Z][A-Za-z.'-]{0,30} ){1,5}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Square|Sq|"
    r"Highway|Hwy|Terrace|Circle|Plaza|Strasse|Straße|Building|Tower)\b\.?|P\.? ?O\.? Box \d{1,6})"
    r"[^\n]{0,150}?(?:\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{4,6}\b|(?=\n)|$)"
)
_TRAILING_PUNCTUATION = ".,;:!?)]}'\""
# Continental European addresses put the house number after the street's name and the
# postcode before the city: "Musterstraße 12a, 10115 Berlin", "Via Roma 10, 00184 Roma".
# Found from the postcode (a cheap literal scan), then the street is read backwards in
# a short window: its name must end in a street word or open with one, so dates
# ("March 5, 2018 The ...") never qualify.
_EU_POSTCODE = re.compile(r", (?:[A-Z]{1,2}-)?\d{4,5} (?=[A-ZÄÖÜÉ])")
_EU_STREET = re.compile(
    r"(?:\b(?:Via|Viale|Piazza|Piazzale|Corso|Calle|Avenida|Rua|Rue|Paseo|Plaza|Largo|Carrer|Strada|Ulica)"
    r"(?: [\w.'-]+){1,4}"
    r"|\b[A-ZÄÖÜ][\w'-]{0,40}(?:strasse|straße|str\.|weg|gasse|platz|allee|damm|ufer|laan|straat|gracht|"
    r"plein|kade|singel|vej|gade|gatan|vägen|veien|katu|utca)(?: [\w.'-]+){0,2}?)"
    r" \d{1,4}[a-zA-Z]?(?:[-/](?:\d{1,4}[a-zA-Z]?|[A-Za-z]))?\Z"
)
_EU_CITY = re.compile(r"[^\n,.;:()]{1,40}")
# British addresses often have no house number ("Riverside House, Mill Lane, Oxford OX1 2AB"):
# found from the postcode, with a street word among the words just before it. The words
# of the street's name are not those that end an organisation's name ("Privacy Office").
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")
_UK_STREET = re.compile(
    r"\b(?:(?!(?:Office|Team|Limited|Ltd|Group|Privacy|Building|Department|Dept|Plc|PLC|Inc|LLC|ICO)\b)"
    r"[A-Z][\w'’-]{1,30} ){1,2}(?:Street|Road|Lane|Place|Way|Avenue|Drive|Square|Court|Close|Crescent|"
    r"Gardens|Park|Quay|Row|Walk|Hill|Terrace|Boulevard|Wharf|Yard|Mews|House)\b"
)
_UK_STREET_WINDOW = 100
_SENTENCE_BREAK = re.compile(r"[.;!?:](?=\s)|\n")
_EU_STREET_WINDOW = 80

# The finders above open with look-behinds or classes of common characters, so `re`
# tries them at every character of the document: together they cost more than all the
# rest of contact extraction. Each is run only where a match can be, found first by a
# scan `re` does fast (a literal, or a class as the first item): see `_emails`,
# `_urls`, `_phones`, `_streets`. They yield the very matches `finditer` would.
_AT = re.compile("@")
# Longest text an _EMAIL match spans: 64 + 1 + 63 + 6 * 64 + 1 + 24 characters.
_EMAIL_MAX = 537
_EMAIL_WINDOW = 4096
# Two literal scans (fast in `re`) beat one scan for either.
_URL_STARTS = (re.compile("http"), re.compile(r"www\."))
# From the first character a phone can start with, the rest of a run of its characters.
_PHONE_RUN = re.compile(r"[\d+(][\d ()./+-]{6,}")
# The first character of a street address and what must follow it (a look-ahead, so
# that a start inside it, "12 PO Box 3", is still seen).
_STREET_START = re.compile(r"[\dP](?<!\w.)(?=(?<=\d)\d{0,4}[A-Za-z]? [A-Z]|(?<=P)\.? ?O\.? Box)")

_COUNTRY_CODE_BY_TLD = {
    "cn": "CN",
    "hk": "HK",
    "uk": "GB",
    "de": "DE",
    "fr": "FR",
    "au": "AU",
    "ca": "CA",
    "in": "IN",
    "jp": "JP",
    "sg": "SG",
    "ie": "IE",
    "nl": "NL",
    "es": "ES",
    "it": "IT",
    "br": "BR",
    "nz": "NZ",
}


# Characters around a contact read for its role.
ROLE_WINDOW = 300


def _class_table(classes: dict[str, str]) -> bytes:
    table = bytearray(b" " * 256)
    for chars, cls in classes.items():
        for ch in chars:
            table[ord(ch)] = ord(cls)
    return bytes(table)


# A text whose only digits are 0-9 (the usual case) is read as one byte per character,
# each byte its character's class; `re` finds a literal in bytes far faster than it
# tries a class or a look-behind at every character of a str.
# Phones: "d" a digit, "x" another character a phone is printed with.
_PHONE_CLASSES = _class_table({"0123456789": "d", " ()./+-": "x"})
_PHONE_CORE = re.compile(rb"d[dx]{5,}d")
# Streets: "d" a digit, "w" an ASCII letter or "_", " " anything else; a box from its "P".
_STREET_CLASSES = _class_table({"0123456789": "d", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_": "w"})
_STREET_FIRST_DIGIT = re.compile(rb" d")
_PO_BOX = re.compile(r"P(?=\.? ?O\.? Box)")
# British postcodes: the space and inward part (" 2AB") found in the class bytes, where a
# scan for \b before a capital took 21 ms over the OPP-115 texts.
_POSTCODE_CLASSES = _class_table(
    {"0123456789": "d", "ABCDEFGHIJKLMNOPQRSTUVWXYZ": "U", "abcdefghijklmnopqrstuvwxyz_": "l", " ": "s"}
)
_POSTCODE_INWARD = re.compile(rb"sdUU(?![dUl])")


def _classes(text: str, table: bytes) -> bytes:
    # "replace" keeps one byte per character; a character outside ASCII becomes "?".
    return text.encode("ascii", "replace").translate(table)


def _only_ascii_digits(text: str) -> bool:
    """True when every digit `\\d` can match in `text` is one of 0-9."""
    if text.isascii():
        return True
    # The distinct characters from U+0660 (the first digit outside ASCII) on, in numpy:
    # a set of every character of the text cost more than the scans it saves.
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    others = numpy.unique(codes[codes >= 0x660])
    return not any(chr(code).isdecimal() for code in others.tolist())


def _emails(text: str) -> Iterator[re.Match[str]]:
    """`_EMAIL.finditer(text)`, searched only near each "@" (every match holds one).

    A match holding the "@" at `a` starts at or after `a - 64`. Searching a window that
    ends `_EMAIL_MAX` characters past a match's start reads, for every start tried up
    to it, exactly the characters the whole text would show: the same match.
    """
    pos = 0
    length = len(text)
    for at in _AT.finditer(text):
        a = at.start()
        if a <= pos:
            continue
        while True:
            begin = max(pos, a - 64)
            endpos = min(length, begin + _EMAIL_WINDOW)
            match = _EMAIL.search(text, begin, endpos)
            if match is not None and (endpos == length or match.start() + _EMAIL_MAX < endpos):
                yield match
                pos = match.end()
                break
            if match is None:
                # No match starts before endpos - _EMAIL_MAX (the attempts there were exact).
                pos = max(pos, endpos - _EMAIL_MAX - 1) if endpos < length else length
                break
            # A match near the window's end may read past it: search without a window.
            match = _EMAIL.search(text, begin)
            if match is not None:
                yield match
                pos = match.end()
            else:
                pos = length
            break


def _urls(text: str, lower: str) -> Iterator[re.Match[str]]:
    """`_URL.finditer(text)`: a match starts with "http" or "www." in any case."""
    pos = 0
    starts = sorted(found.start() for pattern in _URL_STARTS for found in pattern.finditer(lower))
    for start in starts:
        if start < pos:
            continue
        match = _URL.match(text, start)
        if match is not None:
            yield match
            pos = match.end()


def _phones(text: str, ascii_digits: bool) -> Iterator[re.Match[str]]:
    """`_PHONE.finditer(text)`, searched only in runs of the characters phones are printed with.

    A match lies inside a run of 7 or more of those characters. The search stops one
    character past the run, so that the closing look-ahead reads the character after
    it as in the whole text.
    """
    pos = 0
    length = len(text)
    for start, end in _phone_runs(text) if ascii_digits else ((m.start(), m.end()) for m in _PHONE_RUN.finditer(text)):
        if end <= pos:
            continue
        endpos = min(length, end + 1)
        match = _PHONE.search(text, max(pos, start), endpos)
        while match is not None:
            yield match
            pos = match.end()
            match = _PHONE.search(text, pos, endpos)


def _phone_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of phone characters holding a digit, 5 or more, and a
    digit (every match's core); the run is widened to the left over phone characters."""
    classes = _classes(text, _PHONE_CLASSES)
    for core in _PHONE_CORE.finditer(classes):
        start = core.start()
        while start > 0 and classes[start - 1] != 32:  # not b" ": a phone character
            start -= 1
        yield start, core.end()


def _streets(text: str, ascii_digits: bool) -> Iterator[re.Match[str]]:
    """`_STREET.finditer(text)`: a match starts with a digit or "P" after a non-word character."""
    pos = 0
    if ascii_digits:
        # Every such digit (and a few more, after letters of other scripts), every "PO Box".
        firsts = [m.start() + 1 for m in _STREET_FIRST_DIGIT.finditer(_classes(text, _STREET_CLASSES))]
        if text[:1].isdigit():
            firsts.insert(0, 0)
        boxes = [m.start() for m in _PO_BOX.finditer(text)]
        if boxes:
            firsts = sorted(firsts + boxes)
    else:
        firsts = [m.start() for m in _STREET_START.finditer(text)]
    for first in firsts:
        if first < pos:
            continue
        match = _STREET.match(text, first)
        if match is not None:
            yield match
            pos = match.end()


def _european_streets(text: str) -> Iterator[tuple[int, int]]:
    """Spans of "Street-name 12, 12345 City" addresses (see `_EU_STREET`)."""
    for anchor in _EU_POSTCODE.finditer(text):
        # The house number ends at most a letter or "/B" before the comma.
        if not any(ch.isdigit() for ch in text[max(0, anchor.start() - 3) : anchor.start()]):
            continue
        window_start = max(0, anchor.start() - _EU_STREET_WINDOW)
        street = _EU_STREET.search(text[window_start : anchor.start()])
        city = _EU_CITY.match(text, anchor.end())
        if street is None or city is None:
            continue
        yield window_start + street.start(), city.end() - (len(city.group()) - len(city.group().rstrip()))


def _british_streets(text: str) -> Iterator[tuple[int, int]]:
    """Spans of "Mill Lane, Oxford OX1 2AB" addresses (see `_UK_POSTCODE`)."""
    for inward in _POSTCODE_INWARD.finditer(_classes(text, _POSTCODE_CLASSES)):
        # The outward part ("OX1", "EC1V") before the space.
        postcode = _UK_POSTCODE.search(text, max(0, inward.start() - 4), inward.end())
        if postcode is None or postcode.end() != inward.end():
            continue
        window_start = max(0, postcode.start() - _UK_STREET_WINDOW)
        # The address starts after the last sentence break before the postcode.
        for found in _SENTENCE_BREAK.finditer(text, window_start, postcode.start()):
            window_start = found.end()
        street = _UK_STREET.search(text, window_start, postcode.start())
        if street is not None:
            yield street.start(), postcode.end()


def _role(ctx: DocumentContext, start: int, end: int, value: str, kind: str) -> str:
    index = ctx.sentence_index(start)
    sentence_start, sentence_end = ctx.sentence(index)
    # The lines just above (at most three): a contact block often names its owner on
    # the line before the number ("Office of the Attorney General\nPhone: ...").
    block_start = start
    floor = max(0, start - ROLE_WINDOW)
    for _ in range(4):
        block_start = ctx.text.rfind("\n", floor, max(floor, block_start - 1)) + 1
        if block_start <= floor:
            block_start = floor
            break

    def windows() -> Iterator[str]:
        # Each window is cut only when the ones before it name no role. Only the part of
        # the sentence near the contact is read, so that a sentence listing thousands of
        # addresses costs linear time.
        yield ctx.lower[max(sentence_start, start - ROLE_WINDOW) : min(sentence_end, end + ROLE_WINDOW)]
        yield ctx.lower[max(block_start, start - 300) : start]
        yield ctx.section_titles(start)

    for window in windows():
        for rule in ctx.rules.contact_roles:
            if may_match(rule.pattern, window) and rule.pattern.search(window):
                return rule.role
    if kind == "email":
        local = value.split("@", 1)[0]
        for rule in ctx.rules.email_local_roles:
            if rule.pattern.search(local):
                return rule.role
    return "unknown"


def _default_region(ctx: DocumentContext, emails: list[str]) -> str | None:
    """A region to read national phone numbers in, from the policy's own email domains."""
    for email in emails:
        tld = email.rsplit(".", 1)[-1]
        if tld in _COUNTRY_CODE_BY_TLD:
            return _COUNTRY_CODE_BY_TLD[tld]
    # Tried where one of its words occurs: `re` cannot skip ahead to a pattern that opens
    # with \b, and scanned the whole text for it.
    lower = ctx.lower
    limit = min(len(lower), 200_000)
    for word in _US_WORDS:
        at = lower.find(word, 0, limit)
        while at >= 0:
            if _US.match(lower, at, limit):
                return "US"
            at = lower.find(word, at + 1, limit)
    return None


_US = re.compile(r"\b(?:united states|california|u\.s\.|ccpa)\b")
_US_WORDS = ("united states", "california", "u.s.", "ccpa")


def _phone_value(raw: str, region: str | None) -> str | None:
    # Imported where a phone candidate is read (a quarter of policies): its metadata
    # cost about 50 ms of every process's start-up.
    import phonenumbers

    digits = re.sub(r"\D", "", raw)
    if len(digits) < 7 or len(digits) > 15:
        return None
    candidate = raw.strip()
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:].lstrip()
    try:
        number = phonenumbers.parse(candidate, None if candidate.startswith("+") else region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number is not None and phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _nanp_value(raw: str) -> str | None:
    """The E.164 form of a number printed the North American way, when the policy names no region.

    Only a valid number: with no region named, a merely possible one (the reserved
    555-01xx of examples) is not enough evidence."""
    if _NANP_PRINTED.fullmatch(raw.strip()) is None:
        return None
    import phonenumbers

    number = phonenumbers.parse(raw, "US")
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _vanity_value(area: str, subscriber: str) -> str | None:
    """The E.164 form of "800" + "NYTIMES": letters by the keypad, letters past the seventh dropped."""
    letters = subscriber.replace("-", "")
    if letters.isdigit() or not 7 <= len(letters) <= 9:
        return None
    digits = letters.translate(_KEYPAD)[:7]
    import phonenumbers

    number = phonenumbers.parse("+1" + area + digits, None)
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _obfuscated_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, address) of each "name(at)example(dot)com": read near each bracketed "at"."""
    pos = 0
    ends = sorted(found.end() for pattern in _OBFUSCATED_AT for found in pattern.finditer(text))
    for end in ends:
        at = end - 4
        if at < pos or not _OBFUSCATED_AT_OPEN.match(text, at):
            continue
        match = _OBFUSCATED_EMAIL.search(text, max(pos, at - 70), min(len(text), end + _OBFUSCATED_WINDOW))
        if match is None or match.start("local") > at:
            continue
        domain = ".".join(_OBFUSCATED_DOT_SPLIT.split(match.group("domain")))
        yield match.start(), match.end(), f"{match.group('local')}@{domain}.{match.group('tld')}".lower()
        pos = match.end()


def _spaced_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, address) of each "name @ example.com" that follows an email cue."""
    for at in _SPACED_AT.finditer(text):
        match = _SPACED_EMAIL.search(text, max(0, at.start() - 64), min(len(text), at.end() + _EMAIL_MAX))
        if match is None or match.end("local") != at.start():
            continue
        if not _EMAIL_CUE.search(text, max(0, match.start() - 60), match.start()):
            continue
        yield match.start(), match.end(), f"{match.group('local')}@{match.group('domain')}".lower()


def _printed_digits(raw: str) -> str | None:
    """The digits of a labelled number `phonenumbers` cannot resolve ("0175/1156455" -> "01751156455")."""
    digits = re.sub(r"\D", "", raw)
    if not 7 <= len(digits) <= 15:
        return None
    return ("+" if raw.lstrip().startswith("+") else "") + digits


def _contact(ctx: DocumentContext, start: int, end: int, kind: ContactKind, value: str) -> Contact:
    """A Contact record for text[start:end], with its rule id and role."""
    return Contact(
        **ctx.evidence(start, end, f"contact.{kind}"),
        kind=kind,
        value=value,
        role=_role(ctx, start, end, value, kind),
    )


class _TakenRanges:
    """Ranges already claimed by a contact; membership by bisect, not by a linear scan."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        index = bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        index = bisect_right(self._starts, pos) - 1
        return index >= 0 and pos < self._ends[index]


def extract_contacts(ctx: DocumentContext) -> list[Contact]:
    text = ctx.text
    records: list[Contact] = []
    taken = _TakenRanges()
    emails: list[str] = []
    for match in _emails(text):
        start, end = match.span()
        if ctx.in_furniture(start):
            continue
        # A word glued to the address ("info@example.comBy email") shows as a case change
        # inside the top-level domain: the address ends where the capital starts.
        glued = _GLUED_WORD.search(match.group(), match.group().rfind(".") + 1)
        if glued is not None:
            end = start + glued.start() + 1
        value = text[start:end].lower()
        emails.append(value)
        taken.add(start, end)
        records.append(_contact(ctx, start, end, "email", value))
    for start, end, value in (*_obfuscated_emails(text), *_spaced_emails(text)):
        if ctx.in_furniture(start) or start in taken:
            continue
        emails.append(value)
        taken.add(start, end)
        records.append(_contact(ctx, start, end, "email", value))
    for match in _urls(text, ctx.lower):
        start, end = match.span()
        raw = match.group().rstrip(_TRAILING_PUNCTUATION)
        end = start + len(raw)
        if ctx.in_furniture(start) or start in taken:
            continue
        value = raw if raw.lower().startswith("http") else "https://" + raw
        taken.add(start, end)
        records.append(_contact(ctx, start, end, "url", value))
    region = _default_region(ctx, emails)
    ascii_digits = _only_ascii_digits(text)
    for match in _phones(text, ascii_digits):
        start, end = match.span()
        raw = match.group()
        # Trim a dangling "(" or ")" the pattern took at the edges.
        while raw and raw[-1] in "(.-":
            raw = raw[:-1]
            end -= 1
        if ctx.in_furniture(start) or start in taken:
            continue
        context = text[max(0, start - 80) : start]
        if _NOT_A_PHONE.search(context[-40:]):
            continue
        has_cue = bool(_PHONE_CUE.search(context)) or raw.lstrip().startswith(("+", "00", "("))
        if not has_cue:
            continue
        phone = _phone_value(raw, region)
        if phone is None and region is None:
            phone = _nanp_value(raw)
        if phone is None and _PHONE_LABEL.search(context[-40:]):
            phone = _printed_digits(raw)
        if phone is None:
            continue
        value = phone
        taken.add(start, end)
        records.append(_contact(ctx, start, end, "phone", value))
    if _VANITY_HINT.search(text):
        for match in _VANITY.finditer(text):
            start, end = match.span()
            if ctx.in_furniture(start) or start in taken:
                continue
            if not _PHONE_CUE.search(text[max(0, start - 80) : start]):
                continue
            phone = _vanity_value(match.group("area"), match.group("subscriber"))
            if phone is None:
                continue
            taken.add(start, end)
            records.append(_contact(ctx, start, end, "phone", phone))
    for match in _streets(text, ascii_digits):
        start, end = match.span()
        if ctx.in_furniture(start) or start in taken:
            continue
        value = " ".join(match.group().split()).rstrip(",;")
        taken.add(start, end)
        records.append(_contact(ctx, start, end, "postal_address", value))
    for start, end in (*_european_streets(text), *_british_streets(text)):
        # A British address may open with a building name before a numbered street found above.
        if ctx.in_furniture(start) or start in taken or end - 1 in taken:
            continue
        records.append(_contact(ctx, start, end, "postal_address", " ".join(text[start:end].split())))
    records.sort(key=lambda r: r.start)
    return records
