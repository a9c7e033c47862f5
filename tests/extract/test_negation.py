"""Negated practices ("we do not sell your data") against conditions and restrictions that only look negated."""

from __future__ import annotations

import pytest

import privacyparser as pp

PARSER = pp.PolicyParser()


def _negated(text: str, category: str) -> set[bool]:
    return {d.negated for d in PARSER.parse(text, format="text").data_categories if d.category == category}


@pytest.mark.parametrize(
    ("text", "category", "negated"),
    [
        ("We do not sell your personal information.", "personal_information", True),
        ("We never collect your precise location.", "precise_location", True),
        ("We don't store your credit card number.", "payment_card", True),
        ("We do not knowingly collect personal information from children.", "personal_information", True),
        ("The app does not access your contacts or your calendar.", "calendar", True),
        # Conditions on the user are not negations of the practice.
        ("If you do not provide your email address, we cannot create your account.", "email_address", False),
        ("If you don't give us your phone number, we will contact you by post.", "phone_number", False),
        # Restrictions: the practice happens, within limits.
        ("We will not share your email address without your consent.", "email_address", False),
        ("We do not keep your IP address longer than necessary.", "ip_address", False),
        ("We do not share your email address except as described in this policy.", "email_address", False),
        # A new clause ends the negation's reach.
        ("We do not sell data, but we collect your email address to send receipts.", "email_address", False),
        # Idioms.
        ("We collect information including, but not limited to, your IP address.", "ip_address", False),
        # More practice verbs.
        ("We do not save your credit card number on our servers.", "payment_card", True),
        ("We will never distribute the email address that we collect.", "email_address", True),
        ("We use your phone number to log in and will not pass your email address on.", "email_address", True),
        # The term as the subject of a negated passive.
        ("Your precise location is never stored on our servers.", "precise_location", True),
        ("No email address is collected by the app.", "email_address", True),
        ("Your email address will not be sold unless the law requires it.", "email_address", False),
        ("We check your login to ensure that your email address is not disclosed.", "email_address", False),
        ("You can turn it off so no precise location is collected.", "precise_location", False),
        ("With the exception of your friends, your email address is not shared.", "email_address", False),
        # A condition or restriction before the negation, in its clause.
        ("However, without your consent, we will not transfer your email address to partners.", "email_address", False),
        ("If the user declines, the app does not collect the precise location.", "precise_location", False),
        # A restriction between the negation and the term.
        ("We will not share, without your prior consent, your email address with partners.", "email_address", False),
        # A clause of its own between the negation and the term.
        ("We do not sell any data, and we use your email address to send receipts.", "email_address", False),
        ("We do not sell data, and if we find we collected an email address, we delete it.", "email_address", False),
        # What the company is not responsible for, or what a text does not cover.
        ("This notice does not cover the collection of your email address by partner sites.", "email_address", False),
        # Obligations of the user, choices and rights, effects of a withdrawal.
        ("You may not use the email address of another person to register.", "email_address", False),
        ("A withdrawal will not affect the processing of your email address before it.", "email_address", False),
        ("We do not need your consent to share your email address with a court.", "email_address", False),
        # A hedged negation is not a statement that the practice is never done.
        ("We generally do not transfer your email address to other countries.", "email_address", False),
        # Verbs of use and handing over: "utilise", "employ", "give".
        ("We do not give your email address to partners so that they can send you advertising.", "email_address", True),
        ("If you do not give us your email address so that we can send receipts, none arrive.", "email_address", False),
        ("We give your email address to partners so that they can send you advertising.", "email_address", False),
        # A contrast without a verb of its own: "..., but not your name".
        ("We read your age and postal code but not your email address.", "email_address", True),
        ("We read your email address, and not whether or not your phone number is shown.", "email_address", False),
        # Optional data and restrictions on consent are no negations.
        ("You do not have to give us your email address to read the articles.", "email_address", False),
        ("We will not sell data without prior approval or give partners your email address.", "email_address", False),
    ],
)
def test_negation(text: str, category: str, negated: bool) -> None:
    assert _negated(text, category) == {negated}


@pytest.mark.parametrize(
    "text",
    [
        # The name of an opt-out link is not a statement that data is not sold.
        'California residents can use our "Do Not Sell My Personal Information" page.',
    ],
)
def test_link_names_are_not_negations(text: str) -> None:
    assert True not in _negated(text, "personal_information")


@pytest.mark.parametrize(
    "text",
    [
        # What the company is not responsible for, and rights to ask for a practice to stop.
        "We collect personal information. We are not responsible for the use of personal information by other sites.",
        "We collect personal information. You are entitled to tell us not to sell the personal information we hold.",
        "We collect personal information. Request that a business that sells data, not sell personal information.",
    ],
)
def test_responsibility_and_rights_are_not_negations(text: str) -> None:
    assert True not in _negated(text, "personal_information")


@pytest.mark.parametrize(
    "prefix",
    [
        "we do not ",
        "we never ",
        "we won't ever ",
        "we can't ",
        "we cannot ",
        "neither we nor our partners ",
        "we no longer ",
        "we do n't ",
        "without asking, we ",
        "we will ",
        "we knowingly ",
        "",
    ],
)
def test_cue_words_are_tested_before_the_negation_regex(prefix: str) -> None:
    # The regex is skipped when none of the checked strings is in the text: every text
    # it matches must hold one.
    from privacyparser.prefilter import literal_checks

    negation = PARSER.rules.negation
    checks = literal_checks(negation)
    assert checks is not None
    for verb in ("collect", "sell", "share your", "use the"):
        text = f"{prefix}{verb} data"
        if negation.search(text) is not None:
            assert any(check in text for check in checks)
    assert (negation.search(prefix + "sell it") is not None) == any(check in prefix for check in checks)


def test_cue_index_answers_as_a_scan_of_the_window() -> None:
    # The index must say exactly what a substring test of each window says, overlapping
    # and adjacent literals and empty or reversed windows included (offsets are never negative).
    import random

    from privacyparser.extract.negation import _CueIndex, _literal_scans
    from privacyparser.prefilter import may_match

    cue = PARSER.rules.negation
    words = ["we", "do", "not", "never", "nor", "no", "longer", "don't", "without", "can't", "nothing", "snort", " "]
    rng = random.Random(5)
    for _ in range(50):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 40)))
        index = _CueIndex(text, _literal_scans(cue))
        for _ in range(40):
            start, end = rng.randrange(-2, len(text) + 3), rng.randrange(0, len(text) + 3)
            start = max(0, start)
            assert index.holds(start, end) == may_match(cue, text[start:end]), (text, start, end)
    assert _CueIndex("anything", None).holds(3, 1)


def _purposes(text: str) -> set[tuple[str, bool]]:
    return {(p.category, p.negated) for p in PARSER.parse(text, format="text").purposes}


@pytest.mark.parametrize(
    ("text", "category", "negated"),
    [
        # A negation before the practice verb reaches the purpose that follows it.
        ("We do not directly utilize cookies to recognise individual visitors.", "personalization", True),
        ("We don't give your details to partners so that they can send you advertising.", "advertising", True),
        ("Our partners will not employ your answers to target advertising.", "advertising", True),
        # Counter-examples: a restriction or a clause of its own keeps the purpose.
        ("We utilize cookies to recognise returning visitors.", "personalization", False),
        ("We will not give your details to others except so they can deliver your order.", "basic_service", False),
        ("We give your details to partners so that they can send you advertising.", "advertising", False),
        # A contrast names the purpose that is not pursued: "for X, not for Y", "to X and never to Y".
        ("Your email address is used to send receipts, not for marketing.", "marketing", True),
        ("Your email address is used to send receipts, not for marketing.", "basic_service", False),
        ("We process your data for billing and never for advertising.", "advertising", True),
        ("Cookies help us count visits and not to identify you.", "analytics_research", False),
        # Counter-examples: no contrast, or "whether or not".
        ("We process your data for billing and for advertising.", "advertising", False),
        ("We send offers for marketing whether or not you bought from us.", "marketing", False),
    ],
)
def test_negated_purposes(text: str, category: str, negated: bool) -> None:
    assert (category, negated) in _purposes(text)
