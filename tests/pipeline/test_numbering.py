"""Numbering styles at the start of a line, and which number follows which."""

from __future__ import annotations

import pytest

from privacyparser.pipeline.numbering import parse_numbering, roman_value


@pytest.mark.parametrize(
    ("line", "style", "value", "label"),
    [
        ("1. Introduction", "decimal1", (1,), "1"),
        ("1 Introduction", "decimal1", (1,), "1"),
        ("4.1 Other measures", "decimal2", (4, 1), "4.1"),
        ("4.1.2 Encryption", "decimal3", (4, 1, 2), "4.1.2"),
        ("(1) Log information", "paren_digit", (1,), "(1)"),
        ("2) Sharing", "digit_paren", (2,), "2"),
        ("a. Cookies", "alpha_lower.", (1,), "a"),
        ("B) Partners", "alpha_upper)", (2,), "B"),
        ("(a) Cookies", "paren_alpha_lower", (1,), "(a)"),
        ("(iv) Portability", "paren_roman_lower", (4,), "(iv)"),
        ("ii. Use", "roman_lower.", (2,), "ii"),
        ("IV. YOUR CHOICES", "roman_upper.", (4,), "IV"),
        ("Article 3 Rights", "article", (3,), "Article 3"),
        ("Section 2. Data", "section", (2,), "Section 2"),
        ("Part II - General", "part", (2,), "Part II"),
    ],
)
def test_numbering_is_parsed(line: str, style: str, value: tuple[int, ...], label: str) -> None:
    numbering = parse_numbering(line)
    assert numbering is not None
    assert (numbering.style, numbering.value, numbering.label) == (style, value, label)


@pytest.mark.parametrize(
    "line",
    [
        "2019 was a good year",  # a year
        "500 users signed up",  # a quantity
        "1.5GB of storage",  # a quantity glued to its unit
        "Introduction",
        "",
        "(1)",  # nothing after the number
        "Sectional sofas",  # a word that starts like "Section"
    ],
)
def test_not_a_numbering(line: str) -> None:
    assert parse_numbering(line) is None


@pytest.mark.parametrize(
    ("first", "second", "follows"),
    [
        ("1. A", "2. B", True),
        ("1. A", "3. B", False),
        ("4.1 A", "4.2 B", True),
        ("4.1 A", "5.2 B", False),
        ("(1) A", "(2) B", True),
        ("(1) A", "2. B", False),
        ("a. A", "b. B", True),
        ("a. A", "b) B", False),
        ("IV. A", "V. B", True),
    ],
)
def test_follows(first: str, second: str, follows: bool) -> None:
    a, b = parse_numbering(first), parse_numbering(second)
    assert a is not None and b is not None
    assert b.follows(a) is follows


@pytest.mark.parametrize(("numeral", "value"), [("iv", 4), ("IX", 9), ("xii", 12), ("xl", 40), ("abc", 0)])
def test_roman_value(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value


def test_glued_number_is_marked() -> None:
    numbering = parse_numbering("1Significant changes in our service")
    assert numbering is not None and numbering.glued
