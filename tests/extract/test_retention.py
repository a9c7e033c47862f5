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
        (
            "When we have no ongoing legitimate business need to process your data, we delete it.",
            ("limited", None, None),
        ),
        ("Your coordinates are immediately deleted once the search returns.", ("limited", None, None)),
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
        "How long do we keep your information?",
        "6. HOW LONG WE KEEP YOUR DATA",
        "You can ask for a copy of any personal data held by us.",
        "We may access, preserve and disclose your information when the law requires it.",
        "We share data with service providers we have retained to perform services for us.",
        "Please allow 10 days for your address to be removed from our mailing list.",
        "We reserve the right to remove parts of this policy at any time.",
    ],
)
def test_not_a_retention_period(text: str) -> None:
    assert all(kind not in ("stated_period", "unspecified") for kind, _, _ in _records(text))


@pytest.mark.parametrize(
    "text",
    [
        # an age written with hyphens
        "If we find that data came from a child under 13 years-of-age, we act on it.",
        # one verb in a list of processing verbs
        "The office gathering, using and keeping the information is named below.",
        "This notice explains how we collect, use, share and retain personal data.",
        # possession, or the policy describing itself
        "We may be obliged to pass on records held by us to a court.",
        "Read this notice: it tells you which details we hold and why.",
        # the user keeps something; the operator is not liable; a cookie's function
        "We ask that you keep the contact details you gave us current.",
        "We cannot be held liable for data you publish yourself.",
        "Cookies are small files used to retain your display choices.",
        # what session cookies are, in general
        "Session cookies expire once the browser is shut.",
    ],
)
def test_not_a_retention_statement(text: str) -> None:
    assert _records(text) == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<h2>How long we keep it</h2><table><tr><th>Data</th><th>Retention period</th></tr>"
            "<tr><td>Order records</td><td>6 years after the order</td></tr>"
            "<tr><td>Support messages</td><td>24 months</td></tr>"
            "<tr><td>Newsletter subscription</td><td>Until you unsubscribe</td></tr></table>",
            [("stated_period", "P6Y"), ("stated_period", "P24M"), ("limited", None)],
        ),
        (
            "<h2>Data retention</h2><ul><li>Server logs: 30 days</li>"
            "<li>Account data: while your account is open</li></ul>",
            [("stated_period", "P30D"), ("limited", None)],
        ),
        # The same lines under another heading say nothing about keeping data.
        ("<h2>Your rights</h2><ul><li>Access: 30 days</li><li>Support: 24 hours</li></ul>", []),
    ],
)
def test_lines_under_a_retention_heading(html: str, expected: list[tuple[str, str | None]]) -> None:
    records = PARSER.parse(html, format="html").retention
    assert [(r.kind, r.duration) for r in records] == expected
