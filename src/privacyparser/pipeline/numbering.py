"""Numbering styles of headings and list items: "4.1", "(1)", "1)", "a.", "(a)", "IV.", "Article 3".

A `Numbering` says what style a line's number has and its ordinal value, so that the
segmenter can tell the next sibling ("(2)" after "(1)") from a restarted list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(numeral: str) -> int:
    """Value of a Roman numeral ("iv" -> 4); 0 if it is not a well-formed one."""
    total = 0
    previous = 0
    for ch in reversed(numeral.lower()):
        value = _ROMAN.get(ch, 0)
        if not value:
            return 0
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


@dataclass(frozen=True)
class Numbering:
    """The number at the start of a line."""

    style: str  # e.g. "decimal1", "decimal2", "paren_digit", "alpha_dot", "roman_upper"
    value: tuple[int, ...]  # ordinal value(s): (4, 1) for "4.1", (2,) for "(b)"
    label: str  # as printed, without trailing punctuation: "4.1", "(1)", "IV"
    end: int  # offset in the line where the numbering (and its spaces) ends
    glued: bool = False  # "1Significant changes": number run into the word after it

    @property
    def is_first(self) -> bool:
        return self.value[-1] == 1

    def follows(self, other: Numbering) -> bool:
        """True when self is the next sibling of `other` in the same style."""
        if self.style != other.style:
            return False
        if len(self.value) > 1:
            return self.value[:-1] == other.value[:-1] and self.value[-1] == other.value[-1] + 1
        return self.value[0] == other.value[0] + 1


_DECIMAL = re.compile(r"(\d{1,3}(?:\.\d{1,3}){0,4})(\.?)(\)?)( *)")
_PAREN = re.compile(r"\((\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})\)( *)")
_LETTER = re.compile(r"([a-zA-Z]|[ivxlcIVXLC]{2,6})([.)])( +)")
_WORDED = re.compile(r"(?i)(article|section|chapter|part|clause|schedule)\s+(\d{1,3}|[ivxlc]{1,6})\b([.:]?)( *)")


def parse_numbering(line: str) -> Numbering | None:
    """The numbering at the start of `line`, or None.

    >>> parse_numbering("4.1 Other measures").label
    '4.1'
    """
    if not line:
        return None
    first = line[0]
    if first.isdigit():
        match = _DECIMAL.match(line)
        if match is None:
            return None
        digits, dot, paren, spaces = match.groups()
        rest = line[match.end() :]
        parts = tuple(int(p) for p in digits.split("."))
        if paren:
            if len(parts) > 1 or not rest:
                return None
            return Numbering("digit_paren", parts, digits, match.end())
        if not rest:
            return None
        if not spaces and not dot:
            # "1Significant changes": a list number glued to its text. A digit run followed
            # by a letter that starts a word ("2nd", "3D", "24h" are words, not numbers).
            if rest[0].isupper() and len(rest) > 3 and rest[1:2].islower() and len(digits) <= 2:
                return Numbering("decimal1", parts, digits, match.end(), glued=True)
            return None
        if not spaces and dot and not rest[0].isalpha():
            return None
        if len(parts) > 1 and not dot and not spaces:
            return None
        # A year or a quantity ("2019 was", "500 users") is not a number of a heading.
        if parts[0] > 200 or (len(parts) == 1 and not dot and parts[0] > 50):
            return None
        return Numbering(f"decimal{len(parts)}", parts, digits, match.end())
    if first == "(":
        match = _PAREN.match(line)
        if match is None or match.end() >= len(line):
            return None
        token = match.group(1)
        if token.isdigit():
            return Numbering("paren_digit", (int(token),), f"({token})", match.end())
        if len(token) > 1 or token in "ivxIVX":
            value = roman_value(token)
            if value:
                style = "paren_roman_lower" if token.islower() else "paren_roman_upper"
                return Numbering(style, (value,), f"({token})", match.end())
            if len(token) > 1:
                return None
        style = "paren_alpha_lower" if token.islower() else "paren_alpha_upper"
        return Numbering(style, (ord(token.lower()) - 96,), f"({token})", match.end())
    if first.isalpha():
        match = _LETTER.match(line)
        if match is not None and match.end() < len(line):
            token, punct = match.group(1), match.group(2)
            if len(token) > 1 or token in "IVXivx":
                value = roman_value(token)
                if value:
                    style = "roman_lower" if token.islower() else "roman_upper"
                    return Numbering(style + punct, (value,), token, match.end())
                if len(token) > 1:
                    return None
            style = ("alpha_lower" if token.islower() else "alpha_upper") + punct
            return Numbering(style, (ord(token.lower()) - 96,), token, match.end())
        match = _WORDED.match(line)
        if match is not None:
            word, number = match.group(1), match.group(2)
            value = int(number) if number.isdigit() else roman_value(number)
            if value:
                return Numbering(word.lower(), (value,), f"{word} {number}", match.end())
    return None
