"""Amounts and units of time in words, to ISO 8601 durations ("90 days" -> "P90D").

Amounts are digits ("90"), words ("ninety", "twenty-four", "one hundred and eighty"),
or both in either order ("thirty (30)", "12 (twelve)"); units are minutes, hours, days,
weeks, months and years, optionally qualified ("business days", "calendar months").
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "and", "a", "an"], key=len, reverse=True))

#: Number words a sentence may spell an amount with (kept for callers that list them).
NUMBER_WORDS = {**_UNITS, **_TENS, "hundred": 100}

# One amount: digits or number words, with an optional restatement in brackets.
_WORDS = rf"(?:{_NUMBER_WORD})(?:[ -](?:{_NUMBER_WORD})){{0,4}}"
# Digits may carry a decimal fraction ("10.5 years"), read whole so that it is not "5 years".
_DIGITS = r"\d{1,4}(?:\.\d{1,2})?"
AMOUNT = rf"(?:{_DIGITS}|{_WORDS})(?:\s*\((?:{_DIGITS}|{_WORDS})\))?"
UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?)"
_QUALIFIER = r"(?:full |calendar |business |working |consecutive |additional |more |further )?"

#: "90 days", "twelve (12) months", "one hundred and eighty days"; groups `amount`, `unit`.
DURATION = re.compile(rf"(?<![\d.])\b(?P<amount>{AMOUNT})\s*(?:-\s*)?{_QUALIFIER}(?P<unit>{UNIT})\b")

_UNIT_DESIGNATORS = {
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "week": ("", "W"),
    "month": ("", "M"),
    "year": ("", "Y"),
}


def parse_amount(amount: str) -> int | None:
    """The integer an amount spells: "90", "ninety", "thirty (30)", "one hundred and eighty".

    >>> parse_amount("twelve (12)")
    12
    >>> parse_amount("one hundred and eighty")
    180
    """
    text = amount.strip().lower()
    digits = re.search(r"\d{1,4}", text)
    if digits is not None:
        return int(digits.group())
    text = text.split("(", 1)[0]
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[ -]+", text.strip()):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            return None
        seen = True
    total += current
    return total if seen else None


_DECIMAL = re.compile(r"\d{1,4}\.\d{1,2}")


def iso_duration(amount: str, unit: str) -> str | None:
    """ISO 8601 duration for an amount ("90", "twelve") and a unit ("days", "year").

    >>> iso_duration("90", "days")
    'P90D'
    >>> iso_duration("24", "hours")
    'PT24H'
    >>> iso_duration("10.5", "years")
    'P10.5Y'
    """
    digits = _DECIMAL.search(amount)
    if digits is not None:
        # ISO 8601 allows a decimal fraction in the (only) component: "P10.5Y".
        value: int | str | None = digits.group().rstrip("0").rstrip(".")
        if not value or float(str(value)) == 0:
            return None
    else:
        value = parse_amount(amount)
        if value is None or value == 0:
            return None
    designator = _UNIT_DESIGNATORS.get(unit.lower().rstrip("s"))
    if designator is None:
        return None
    time_part, letter = designator
    return f"P{time_part}{value}{letter}"


def duration_after(text: str, pos: int, reach: int = 40) -> str | None:
    """The ISO duration of the first amount and unit that starts within `reach` characters of `pos`.

    >>> duration_after("we will reply within one month of your request", 14)
    'P1M'
    """
    found = DURATION.search(text, pos, min(len(text), pos + reach + 40))
    if found is None or found.start() - pos > reach:
        return None
    return iso_duration(found.group("amount"), found.group("unit"))
