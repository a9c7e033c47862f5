"""Contacts: emails, phones in E.164, roles, and numbers that are not phones."""

from __future__ import annotations

import pytest

import privacyparser as pp

PARSER = pp.PolicyParser()


def _contacts(text: str) -> set[tuple[str, str]]:
    return {(c.kind, c.value) for c in PARSER.parse(text, format="text").contacts}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Questions? Write to Privacy@Example.org.", ("email", "privacy@example.org")),
        ("Mail info@example.comBy post we answer slower.", ("email", "info@example.com")),
        ("Call our hotline on 00852 35005170.", ("phone", "+85235005170")),
        ("Phone: +44 20 7946 0958", ("phone", "+442079460958")),
        ("By phone number: 77143463", ("phone", "77143463")),
        ("Tel: 0175/1156455", ("phone", "01751156455")),
        (
            "Send letters to 420 Fifth Avenue, New York, NY 10018.",
            ("postal_address", "420 Fifth Avenue, New York, NY 10018"),
        ),
    ],
)
def test_contact_is_found(text: str, expected: tuple[str, str]) -> None:
    assert expected in _contacts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Registered in England with company number 11659211.",
        "Our VAT number: 123456789.",
        "The policy was updated in 2023 after 12 345 visits.",
    ],
)
def test_not_a_phone(text: str) -> None:
    assert not {v for k, v in _contacts(text) if k == "phone"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Our Data Protection Officer can be reached at dpo@example.org.", "dpo"),
        ("You may complain to the supervisory authority at complaints@authority.example.", "authority"),
        ("For help with orders, contact customer service at help@example.com.", "support"),
        ("Office of the Attorney General\nPhone number: +1 804 786 2042", "authority"),
    ],
)
def test_contact_role(text: str, role: str) -> None:
    roles = {c.role for c in PARSER.parse(text, format="text").contacts}
    assert role in roles
