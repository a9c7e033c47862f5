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
        # a limit given by an event, a need or the criteria behind it
        ("How long we keep your data depends on what kind of data it is.", ("limited", None, None)),
        ("We delete the scanned passport as soon as we have checked your age.", ("limited", None, None)),
        ("We will not keep card numbers for longer than is needed to take the payment.", ("limited", None, None)),
        ("We use your location only until the nearest branch has been found.", ("limited", None, None)),
        ("After that, we delete the imported contacts.", ("limited", None, None)),
        ("Uploaded photos are erased once the print order has shipped.", ("limited", None, None)),
        ("We only process your messages for as long as necessary to answer them.", ("limited", None, None)),
        ("To set the appropriate retention period we consider the nature of the data.", ("limited", None, None)),
        ("Some invoices may be retained for legal or accounting reasons.", ("limited", None, None)),
        # how data is kept (securely) does not hide until when it is kept
        (
            "When we no longer have a business need for your data we delete it or, where that is not possible, "
            "securely store it and isolate it from further use.",
            ("limited", None, None),
        ),
        # a child's data that is kept, not deleted, is still retention
        ("We keep a child's reading scores for as long as the parent's account is open.", ("limited", None, None)),
        # deletion after a request has been dealt with is a limit
        (
            "We delete the details sent through the contact form after your question has been answered.",
            ("limited", None, None),
        ),
        # never deleted
        ("Public posts are never deleted from our servers.", ("indefinite", None, None)),
        ("By default, your posts are not deleted from our servers ever.", ("indefinite", None, None)),
        # a kept address or message is kept data
        ("We don't keep or use your friend's email address for any other purpose.", ("unspecified", None, None)),
        # "no longer needed" in other words; an account event written noun first; "keep ... until"
        ("Your details are securely wiped once they are no longer needed.", ("limited", None, None)),
        ("Where we no longer need your data for these purposes, we delete it.", ("limited", None, None)),
        ("Records are kept only as it is necessary for the reasons we hold them.", ("limited", None, None)),
        (
            "After an account has been deleted, we remove the profile data within a reasonable time.",
            ("limited", None, "account deletion"),
        ),
        ("We hold your information until such time as you reactivate your profile.", ("limited", None, None)),
        ("We may retain certain information for legal compliance.", ("limited", None, None)),
        (
            "Deleted clips stay stored for a short period, should you change your mind.",
            ("limited", None, None),
        ),
        (
            "We will delete your data unless we are legally allowed or required to maintain it.",
            ("limited", None, None),
        ),
        ("Order records for electrical items are kept for 10.5 years.", ("stated_period", "P10.5Y", None)),
        ("We delete your data 30 days after your subscription expires.", ("stated_period", "P30D", "end of contract")),
        # the account event written noun first
        ("Logs are erased 30 days after your account is closed.", ("stated_period", "P30D", "account cancellation")),
        ("We remove your posts within 14 days of account deletion.", ("stated_period", "P14D", "account deletion")),
        # the event that ends "as long as ..."
        (
            "We retain the data we collect about you for as long as your account is active.",
            ("limited", None, "account cancellation"),
        ),
        ("We keep your profile for the lifetime of your account.", ("limited", None, "account cancellation")),
        ("We hold your details for as long as you use the app.", ("limited", None, "end of use")),
        # a named cookie's lifetime is how long what it holds is kept; minutes are a unit
        ("The login cookie we set lasts for two days.", ("stated_period", "P2D", None)),
        ("Temporary upload files are deleted after 15 minutes.", ("stated_period", "PT15M", None)),
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
        "We will erase the data within 30 days of your request.",
        "Password reset links expire after 24 hours.",
        "Your reward points expire 12 months after they are earned.",
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
        "Persistent cookies last for up to two years unless you delete them.",
        "Cookies can be session cookies, which expire when you leave, or persistent cookies.",
        '"Cookies" are small bits of text kept by your browser for the duration of a visit.',
        "A test cookie that contains no personal data is discarded when you close the browser.",
        "Our session cookies are not permanently stored on your device.",
        # retention as one noun in a list of processing
        "You consent to the collection, use, disclosure and retention of your information.",
        "We are not responsible for the retention or use of data by other websites.",
        # a shop, not storing
        "Offers in our online store are valid for 30 days.",
        # how fast a request is handled
        "We will remove you from the mailing list as soon as we can.",
        "We will work on your deletion request as soon as it reaches us and erase the account.",
        # deleting a child's data collected by mistake is a children's-privacy safeguard
        "If we learn that a child under 13 has sent us personal data, we will promptly delete it.",
        "A child under 13 may send us personal data. We will then delete it within a reasonable time.",
        # "keep a record of" is the idiom for recording, not for how long
        "If you phone us, we may keep a record of the call.",
        # the user's own action, and a right that lasts as long as the data
        "You can immediately delete any photo you upload.",
        "You have the right to inspect your records for as long as we maintain them.",
        # keeping a right, not data
        "You retain ownership of the content you upload.",
        # deletion when the user asks is the erasure right
        "We will delete your messages when you ask us to.",
        # describing the rights to erasure and restriction
        "You may request that we erase your details once they are no longer needed.",
        "You may have the processing of your personal data restricted when we no longer need it.",
        # keeping data safe, and a vendor's use limited to what is necessary
        "We use safeguards to preserve the integrity of your data.",
        "Our vendors may use such information only as necessary to help us and must maintain its confidentiality.",
        'Most cookies are "session cookies", which are deleted when you close the browser.',
        # possession, a kept right, "keep doing", and a pointer to where retention is explained
        "You have the right to access the personal data that we hold about you.",
        "We retain the right to change these terms.",
        "We may need to keep processing your data to defend a claim.",
        "For information about deletion and retention of data, see our help pages.",
        "A cookie is either persistent (it stays on your device until you clear it) or lasts for one visit.",
        # a copy kept when the user edits or deletes describes that feature
        "When you edit your profile, we may keep a copy of the earlier version.",
        "You can correct your details or delete them - unless we have to keep them for legal reasons.",
        # deletion steps listed below are no event
        "Personal data is deleted in accordance with the following procedures.",
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


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Under a section about children, deleting what should not have been collected is no retention rule.
        (
            "<h2>Children</h2><p>We do not knowingly collect data from children. If we learn that we have, "
            "we will delete it from our files within a reasonable time.</p>",
            [],
        ),
        # The same sentence elsewhere states a limit.
        (
            "<h2>Support requests</h2><p>Once your case is closed, we will delete the attachments from our files "
            "within a reasonable time.</p>",
            ["limited"],
        ),
    ],
)
def test_deleting_a_childs_data_by_section(html: str, expected: list[str]) -> None:
    assert [r.kind for r in PARSER.parse(html, format="html").retention] == expected


def test_numbered_paragraphs_read_as_text() -> None:
    # Numbered paragraphs may come out of the segmenter as headings; their sentences still count.
    html = (
        "<h2>9. Data retention and account deletion</h2>"
        "<p>9.4 A paused account can be switched on again from the settings. While it is paused, we do not "
        "erase your details but store them for you until you switch the account back on.</p>"
        "<p>9.5 Once you close your account, we erase the details linked to it.</p>"
    )
    kinds = [r.kind for r in PARSER.parse(html, format="html").retention]
    assert kinds == ["limited", "limited"]


def _literal_gate_cases() -> list[tuple[str, str]]:
    from privacyparser.rules import load_rules

    rules = load_rules()
    sentences = [example.lower() for rule in rules.retention for example in (*rule.examples, *rule.counter_examples)]
    sentences += ["we keep it for 30 days.", "how long do we keep your data?", "nothing about storage here."]
    return [(rule.id, sentence) for rule in rules.retention for sentence in sentences]


@pytest.mark.parametrize(("rule_id", "sentence"), _literal_gate_cases())
def test_literal_gate_gives_the_regex_result(rule_id: str, sentence: str) -> None:
    from privacyparser.extract.retention import _search
    from privacyparser.rules import load_rules

    pattern = next(rule.pattern for rule in load_rules().retention if rule.id == rule_id)
    found, expected = _search(pattern, sentence), pattern.search(sentence)
    assert (found and found.span()) == (expected and expected.span())
    assert (found and found.groupdict()) == (expected and expected.groupdict())


def test_literal_gate_gives_the_regex_result_for_vetoes() -> None:
    """The vetoes run through the same gate and lookahead: the same match everywhere."""
    import dataclasses

    from privacyparser.extract.retention import _search, retention_vetoes

    sentences = sorted({sentence for _, sentence in _literal_gate_cases()})
    vetoes = retention_vetoes()
    for field in dataclasses.fields(vetoes):
        pattern = getattr(vetoes, field.name)
        for sentence in sentences:
            found, expected = _search(pattern, sentence), pattern.search(sentence)
            assert (found and found.span()) == (expected and expected.span()), (field.name, sentence)


def test_scanned_retention_cue_keeps_every_match() -> None:
    """The cue is scanned by the letters its alternatives open with: the same spans as the
    table's cue, on every example and counter-example of the retention rules."""
    import json
    from importlib import resources

    from privacyparser.extract.retention import _retention_cues
    from privacyparser.prefilter import _leading_letter_scans
    from privacyparser.rules import load_rules

    rules = load_rules()
    assert _leading_letter_scans(rules.retention_cue) is not None
    table = json.loads(resources.files("privacyparser.rules").joinpath("retention.json").read_text(encoding="utf-8"))
    sentences = [s.lower() for rule in table["rules"] for s in (*rule["examples"], *rule["counter_examples"])]
    text = " ".join(sentences)
    assert len(sentences) > 20
    for sentence in [*sentences, text]:
        assert [m.span() for m in _retention_cues(rules, sentence)] == [
            m.span() for m in rules.retention_cue.finditer(sentence)
        ]
