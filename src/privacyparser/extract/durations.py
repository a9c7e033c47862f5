"""Amounts and units of time in words, to ISO 8601 durations ("90 days" -> "P90D")."""

from __future__ import annotations

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "eighteen": 18, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "thirty-six": 36, "forty": 40, "forty-five": 45,
    "sixty": 60, "ninety": 90, "hundred": 100, "one hundred eighty": 180,
    "one hundred and eighty": 180,
}
_UNIT_DESIGNATORS = {"hour": ("T", "H"), "day": ("", "D"), "week": ("", "W"), "month": ("", "M"), "year": ("", "Y")}


def iso_duration(amount: str, unit: str) -> str | None:
    """ISO 8601 duration for an amount ("90", "twelve") and a unit ("days", "year").

    >>> iso_duration("90", "days")
    'P90D'
    >>> iso_duration("24", "hours")
    'PT24H'
    """
    amount = amount.strip().lower()
    value = int(amount) if amount.isdigit() else NUMBER_WORDS.get(amount)
    if value is None:
        return None
    designator = _UNIT_DESIGNATORS.get(unit.lower().rstrip("s"))
    if designator is None:
        return None
    time_part, letter = designator
    return f"P{time_part}{value}{letter}"
