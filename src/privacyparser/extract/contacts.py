"""Contacts: email addresses, phone numbers, URLs and postal addresses, with a role.

Finders are linear-time regexes with bounded quantifiers; phone candidates are
confirmed by `phonenumbers`, which also gives the E.164 form.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import phonenumbers

from privacyparser.extract.context import DocumentContext
from privacyparser.models import Contact, ContactKind

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}\b"
)
_GLUED_WORD = re.compile(r"[a-z][A-Z]")
_URL = re.compile(r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>\"'()\[\]]{2,2000}", re.IGNORECASE)
# Digits with the separators phone numbers are printed with; confirmed by phonenumbers.
_PHONE = re.compile(r"(?<![\w+./-])(?:\+|00)?\(?\d[\d ()./-]{5,22}\d(?![\w/-])")
_PHONE_CUE = re.compile(r"\b(?:phone|telephone|tel|call|fax|mobile|hotline|toll[- ]free|contact|number)\b", re.I)
# A label right before the digits that says they are a phone number ("Tel:", "By phone: "):
# such a number is kept as printed even when `phonenumbers` cannot place it.
_PHONE_LABEL = re.compile(
    r"\b(?:phone|telephone|tel|fax|mobile|hotline|call us)\b(?: (?:number|no))?\.?\s*(?:\([^)]{0,20}\)\s*)?:?\s*$", re.I
)
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
    # Only the part of the sentence near the contact is read, so that a sentence listing
    # thousands of addresses costs linear time.
    windows = (
        ctx.lower[max(sentence_start, start - ROLE_WINDOW) : min(sentence_end, end + ROLE_WINDOW)],
        ctx.lower[max(block_start, start - 300) : start],
        ctx.section_titles(start),
    )
    for window in windows:
        for rule in ctx.rules.contact_roles:
            if rule.pattern.search(window):
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
    if re.search(r"\b(?:united states|california|u\.s\.|ccpa)\b", ctx.lower[:200000]):
        return "US"
    return None


def _phone_value(raw: str, region: str | None) -> str | None:
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
    for match in _EMAIL.finditer(text):
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
    for match in _URL.finditer(text):
        start, end = match.span()
        raw = match.group().rstrip(_TRAILING_PUNCTUATION)
        end = start + len(raw)
        if ctx.in_furniture(start) or start in taken:
            continue
        value = raw if raw.lower().startswith("http") else "https://" + raw
        taken.add(start, end)
        records.append(_contact(ctx, start, end, "url", value))
    region = _default_region(ctx, emails)
    for match in _PHONE.finditer(text):
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
        if phone is None and _PHONE_LABEL.search(context[-40:]):
            phone = _printed_digits(raw)
        if phone is None:
            continue
        value = phone
        taken.add(start, end)
        records.append(_contact(ctx, start, end, "phone", value))
    for match in _STREET.finditer(text):
        start, end = match.span()
        if ctx.in_furniture(start) or start in taken:
            continue
        value = " ".join(match.group().split()).rstrip(",;")
        records.append(_contact(ctx, start, end, "postal_address", value))
    records.sort(key=lambda r: r.start)
    return records
