"""Contacts: emails, phones in E.164, roles, and numbers that are not phones."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
        # Continental form: number after the street, postcode before the city.
        (
            "Our representative: Beispiel GmbH, Lindenstraße 4, 10969 Berlin, Germany.",
            ("postal_address", "Lindenstraße 4, 10969 Berlin"),
        ),
        (
            "Write to Esempio S.p.A., Via Garibaldi 7/B, 20121 Milano.",
            ("postal_address", "Via Garibaldi 7/B, 20121 Milano"),
        ),
        (
            "Post: Voorbeeld B.V., Prinsengracht 263, 1016 GV Amsterdam",
            ("postal_address", "Prinsengracht 263, 1016 GV Amsterdam"),
        ),
        # Written against address harvesters.
        ("Mail jane(at)example(dot)org with questions.", ("email", "jane@example.org")),
        ("Write to help {at} example.co.uk.", ("email", "help@example.co.uk")),
        ("Send it to team [at] mail [dot] example [dot] com.", ("email", "team@mail.example.com")),
        (
            "You may send an email to privacy-team @ example.com (remove the spaces).",
            ("email", "privacy-team@example.com"),
        ),
        # British addresses without a house number, found from the postcode.
        (
            "Write to: Data Team, Riverside House, Mill Lane, Oxford OX1 2AB, United Kingdom.",
            ("postal_address", "Riverside House, Mill Lane, Oxford OX1 2AB"),
        ),
        (
            "Privacy Office Elm Court Harbour Road Bristol BS1 6AA",
            ("postal_address", "Elm Court Harbour Road Bristol BS1 6AA"),
        ),
        # Toll-free numbers spelled in letters: keypad digits, letters past the seventh dropped.
        ("Call us at 1-800-FLOWERS.", ("phone", "+18003569377")),
        ("Call our line at 1-888-GO-SHIPS any day.", ("phone", "+18884674477")),
        ("Questions? Call 1-800-CONTACTS.", ("phone", "+18002668228")),
        # Printed the North American way in a policy that names no country.
        ("Please call us at 1.800.561.5161 or write to us.", ("phone", "+18005615161")),
        ("Our phone number is 707 887 1507.", ("phone", "+17078871507")),
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
        "We now count 800 ABC members and 888 XYZ groups.",
        "Reach us at 1-800-HELP.",
        "Our number of sites is 2023 555 1234 in total.",
    ],
)
def test_not_a_phone(text: str) -> None:
    assert not {v for k, v in _contacts(text) if k == "phone"}


@pytest.mark.parametrize(
    "text",
    [
        "This notice was last changed on March 5, 2018 The changes are listed below.",
        "We store backups in Frankfurt and serve 40 countries, 1200 Partners help us.",
        "See section Data Sharing 4, 2020 Edition for details.",
        "Your code is AB1 2CD. Main Street shops take it.",
        "The Park Road team ships. Order AB1 2CD arrives soon.",
    ],
)
def test_not_a_european_address(text: str) -> None:
    assert not [v for k, v in _contacts(text) if k == "postal_address"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Our Data Protection Officer can be reached at dpo@example.org.", "dpo"),
        ("You may complain to the supervisory authority at complaints@authority.example.", "authority"),
        ("For help with orders, contact customer service at help@example.com.", "support"),
        ("Office of the Attorney General\nPhone number: +1 804 786 2042", "authority"),
        ("You have the right to lodge a complaint with the regulator: casework@authority.example.", "authority"),
        # A complaint made to the company itself: the address is the company's own.
        (
            "If you wish to make a complaint about our handling of your data, email us at privacy@example.com.",
            "privacy",
        ),
        # A vendor the company hired: its address is not a way to reach the company.
        (
            "For fraud checks we have commissioned Beispiel GmbH, Lindenstraße 4, 10969 Berlin, as our vendor.",
            "third_party",
        ),
    ],
)
def test_contact_role(text: str, role: str) -> None:
    roles = {c.role for c in PARSER.parse(text, format="text").contacts}
    assert role in roles


# The finders search only where a match can be; they must give exactly what a scan of
# the whole text with each pattern gives. Texts mixing the pieces contacts are made of:
_PIECES = [
    "a", "B", "@", ".", "-", "_", "+", " ", "\n", "1", "0", "00", "(", ")", "/", "x.com", "co.uk", "info",
    "www.", "HTTP://", "https://", "Www.", "P", "PO Box 12", "P.O. Box 7", "12 Main Street", "Ave", "St",
    "Springfield", "12345", "AB1 2CD", "+1 (415) 555-0100", "tel", "é", "\u0663", "\u2022",
]  # fmt: skip


def _mixed_texts(count: int) -> list[str]:
    import random

    rnd = random.Random(11)
    texts = ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(count)]
    return [
        *texts,
        "a@" * 3000 + "x@y.com",
        "x" * 70 + "@example.com " + "b" * 5000 + "@@" + "c" * 3000 + "q@w.org",
        ("@" + "a" * 600) * 30 + " me@site.io",
        "Call 0800 123 4567 or (020) 7946-0958; " * 50 + "12 PO Box 3",
    ]


@pytest.mark.parametrize("text", _mixed_texts(400))
def test_finders_find_what_a_whole_text_scan_finds(text: str) -> None:
    from privacyparser.extract import contacts
    from privacyparser.extract.context import lower_same_length

    ascii_digits = contacts._only_ascii_digits(text)
    assert ascii_digits == (re.search(r"[^\W0-9_A-Za-z\D]", text) is None)

    def spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
        return [m.span() for m in matches]

    assert spans(contacts._emails(text)) == spans(contacts._EMAIL.finditer(text))
    assert spans(contacts._urls(text, lower_same_length(text))) == spans(contacts._URL.finditer(text))
    assert spans(contacts._phones(text, ascii_digits)) == spans(contacts._PHONE.finditer(text))
    assert spans(contacts._streets(text, ascii_digits)) == spans(contacts._STREET.finditer(text))


@pytest.mark.parametrize(
    "text",
    [
        "We met (at) the station and walked on (dot) by dot.",
        "Prices start (at) 5 dollars.",
        "Come and find us @ stand.com at the fair.",
    ],
)
def test_not_an_email(text: str) -> None:
    assert not [v for k, v in _contacts(text) if k == "email"]
