"""Retention: kind, duration and trigger of a statement; what is not a retention statement."""

from __future__ import annotations

import pytest

import privacyparser as pp

PARSER = pp.PolicyParser()


def _records(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.kind, r.duration, r.trigger) for r in PARSER.parse(text, format="text").retention]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Server logs are kept for twelve (12) months.", ("stated_period", "P12M", None)),
        ("We erase chat transcripts after 30 days.", ("stated_period", "P30D", None)),
        ("Backups are overwritten every two weeks.", None),
        ("Invoices are retained for seven years to meet tax rules.", ("stated_period", "P7Y", None)),
        ("Session tokens expire after 24 hours.", ("stated_period", "PT24H", None)),
        ("We keep your profile until you delete your account.", ("limited", None, "account deletion")),
        ("We store your details only for as long as necessary to run the service.", ("limited", None, None)),
        ("Some records are archived as required by law.", ("limited", None, None)),
        ("Anonymous statistics may be retained indefinitely.", ("indefinite", None, None)),
        ("We may keep a copy of your messages for our records.", ("unspecified", None, None)),
        (
            "When you close your account we delete your data within 90 days.",
            ("stated_period", "P90D", "account cancellation"),
        ),
    ],
)
def test_retention_statement(text: str, expected: tuple[str, str | None, str | None] | None) -> None:
    records = _records(text)
    if expected is None:
        assert all(kind != "stated_period" for kind, _, _ in records)
    else:
        assert expected in records


@pytest.mark.parametrize(
    "text",
    [
        "You must be at least 16 years old to open an account.",
        "We will give you 30 days' notice before the change.",
        "We will confirm receipt of your request within 10 business days.",
        "You may ask what we collected about you in the past 12 months.",
        "Please keep your password safe and do not share it.",
        "Your data may be stored on servers in the United States.",
    ],
)
def test_not_a_retention_period(text: str) -> None:
    assert all(kind not in ("stated_period", "unspecified") for kind, _, _ in _records(text))
