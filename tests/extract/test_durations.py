"""Durations in words and digits to ISO 8601."""

from __future__ import annotations

import pytest

from privacyparser.extract.durations import DURATION, duration_after, iso_duration, parse_amount


@pytest.mark.parametrize(
    ("amount", "value"),
    [
        ("90", 90),
        ("ninety", 90),
        ("twelve (12)", 12),
        ("12 (twelve)", 12),
        ("thirty-six", 36),
        ("one hundred and eighty", 180),
        ("a", 1),
        ("forty five", 45),
        ("five (05)", 5),
        ("banana", None),
    ],
)
def test_parse_amount(amount: str, value: int | None) -> None:
    assert parse_amount(amount) == value


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("90 days", "P90D"),
        ("24 hours", "PT24H"),
        ("12 (twelve) months", "P12M"),
        ("thirty (30) days", "P30D"),
        ("six years", "P6Y"),
        ("two weeks", "P2W"),
        ("a month", "P1M"),
        ("5 business days", "P5D"),
        ("one hundred eighty days", "P180D"),
        ("7-year", "P7Y"),
        ("30 minutes", "PT30M"),
        ("fifteen-minute", "PT15M"),
        ("10.5 years", "P10.5Y"),
        ("1.50 hours", "PT1.5H"),
    ],
)
def test_duration_phrases(text: str, iso: str) -> None:
    found = DURATION.search(text)
    assert found is not None
    assert iso_duration(found.group("amount"), found.group("unit")) == iso


@pytest.mark.parametrize("text", ["version 2.0", "over 18", "zero days", "many years", "0.0 days", "v1.5 days"])
def test_not_a_duration(text: str) -> None:
    found = DURATION.search(text)
    assert found is None or iso_duration(found.group("amount"), found.group("unit")) is None


def test_duration_after_only_looks_near() -> None:
    text = "we reply within one month; logs are kept for 90 days"
    assert duration_after(text, text.index("within") + 6) == "P1M"
    assert duration_after(text, 0, reach=5) is None
