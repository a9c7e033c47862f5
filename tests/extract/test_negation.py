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
    from privacyparser.extract.prefilter import literal_checks

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
    from privacyparser.extract.prefilter import may_match

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
