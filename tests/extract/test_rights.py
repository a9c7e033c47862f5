"""Rights: which kinds a text grants, which it does not, and response times."""

from __future__ import annotations

import pytest

import privacyparser as pp

PARSER = pp.PolicyParser()


def _kinds(text: str) -> set[str]:
    return {r.kind for r in PARSER.parse(text, format="text").rights}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You have the right to access the personal data we hold about you.", {"access"}),
        ("California residents have the right to know which categories of data we sold.", {"access"}),
        ("Members can ask for a copy of the data stored in their profile.", {"access"}),
        ("You may ask us to correct any details that are out of date.", {"rectification"}),
        ("If you think the information we keep on you is wrong, write to us.", {"rectification"}),
        ("Our app lets you wipe your account and everything in it from the settings page.", {"erasure"}),
        ("Our app may give you the means to delete some details about you from within it.", {"erasure"}),
        ("You may ask that we restrict the processing of your data while a dispute is open.", {"restriction"}),
        ("You can obtain your data in a structured, machine-readable format.", {"portability"}),
        ("You can object to processing based on our legitimate interests.", {"objection"}),
        ("If we start using your data for a new purpose, you may opt out of that new use.", {"objection"}),
        ("Where processing rests on consent, you can withdraw that consent at any time.", {"withdraw_consent"}),
        (
            "Withdrawing consent does not affect the lawfulness of processing before its withdrawal.",
            {"withdraw_consent"},
        ),
        ("You are free to lodge a complaint with the supervisory authority where you live.", {"complaint"}),
        ("We use automated decision-making, including profiling, to assess loan requests.", {"automated_decision"}),
        ("Users who exercise these rights will not be discriminated against.", {"non_discrimination"}),
        # an instruction that names a part of the app or the settings is no cross-reference
        ("Your rights\nCheck the privacy section of your account settings to delete your data.", {"erasure"}),
        ("You can opt out of these ads at any time; see the section below for how.", {"objection", "opt_out"}),
        (
            "Users hold rights of access, rectification, cancellation and opposition.",
            {"access", "rectification", "erasure", "objection"},
        ),
        # A pronoun object stands for the data named before it in the sentence.
        (
            "You may ask us for a copy of your data, ask us to correct or delete it, or object to direct marketing.",
            {"access", "rectification", "erasure", "objection"},
        ),
        ("You have the right, in certain cases, to obtain the erasure of your data.", {"erasure"}),
        # GDPR Art. 21 wording.
        (
            "You may object at any time to processing of personal data concerning you for direct marketing.",
            {"objection"},
        ),
        ("You can opt out of processing based on our legitimate interests.", {"objection"}),
        ("You may tell us to stop processing your details for direct marketing.", {"objection"}),
        ("Members can obtain the termination of processing for direct marketing purposes.", {"objection"}),
        # Withdrawing consent; opting out of marketing messages withdraws the consent they rest on.
        ("Consent can be withdrawn at any time by writing to us.", {"withdraw_consent"}),
        ("If you agreed to hear about offers and later change your mind, just tell us.", {"withdraw_consent"}),
        ("You can revoke your permission in the app settings.", {"withdraw_consent"}),
        ("Subscribers can opt out of our promotional emails whenever they like.", {"withdraw_consent"}),
        # The operator lets the user act: "we will let you delete" is the user's right.
        ("We will let you delete your account from the settings page.", {"erasure"}),
        # A user noun opening the sentence is not a company name acting on its own.
        ("Consumers may ask that a business disclose the categories of data it collected.", {"access"}),
        ("Residents may request deletion of the personal data we hold about them.", {"erasure"}),
        # An automated-decision right listed right after the right to object.
        (
            "You have a right to object, and a right not to be subject to automated decision-making.",
            {"objection", "automated_decision"},
        ),
        ("If you registered, you can change or update your member preferences or information.", {"rectification"}),
        # CCPA / US state-law wording
        ("You have a right to know which kinds of personal data we gather and share.", {"access"}),
        ("Do Not Sell or Share My Personal Information", {"opt_out"}),
        ("You may opt out of the sale or sharing of your personal information.", {"opt_out"}),
        ("Limit the Use of My Sensitive Personal Information", {"restriction"}),
        ("You will not receive discriminatory treatment for exercising your privacy rights.", {"non_discrimination"}),
        ("You have the right to be free from discrimination for exercising your rights.", {"non_discrimination"}),
        ("You have the right to equal service and price, even if you exercise your rights.", {"non_discrimination"}),
        ("A later revocation of the processing of your data will stop the service.", {"withdraw_consent"}),
        # "object to that processing": the determiner's noun, not a bare pronoun
        ("Where we rely on legitimate interests, you may object to that processing.", {"objection"}),
        ("Just ask us and we will stop sending you marketing texts.", {"withdraw_consent"}),
        ("You can turn off personalised ads in your account settings.", {"opt_out"}),
        (
            "If you have consented to our sharing your data with partners, you can change your mind.",
            {"withdraw_consent"},
        ),
    ],
)
def test_text_grants_rights(text: str, expected: set[str]) -> None:
    assert expected <= _kinds(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Our payment processors have access to your personal information to handle refunds.", "access"),
        ("I want to tell users that these partners have access to your personal data.", "access"),
        ("You can switch off the app's access to this information in your device settings.", "access"),
        ("Intruders might access, steal or change your information despite our safeguards.", "rectification"),
        ("We reserve the right to update this notice at any time.", "rectification"),
        ("We delete inactive accounts after two years.", "erasure"),
        ("Acme will stop using and delete your personal information after you cancel your account.", "erasure"),
        ("Acme will stop using and delete your personal information after you cancel your account.", "objection"),
        ("Delete your personal data", "erasure"),
        ("Your browser lets you remove cookies whenever you like.", "erasure"),
        ("We do not use automated decision-making or profiling.", "automated_decision"),
        ("Please read the privacy policy of each advertiser for more information.", "access"),
        ("If the game crashes, tell us and we will fix it.", "rectification"),
        ("If you spot a typo in a level, we will remove it.", "erasure"),
        ("Subscribers can opt out of our promotional emails whenever they like.", "objection"),
        ("You may opt out of the sale of your personal information.", "objection"),
        ("Your data is kept until the data subject withdraws consent.", "withdraw_consent"),
        # "see/view/access" whose agent is someone else, or that is a means to another end
        ("When you post, people in your circle on the partner network may see your name and profile.", "access"),
        ("You can end the renewal by accessing your account settings after purchase.", "access"),
        ("A tracking file does not give us access to your phone or any data on it.", "access"),
        ("We log how you access the service and the data you enter.", "access"),
        ("It also explains your options and how you can access and update this information.", "access"),
        ("It also explains your options and how you can access and update this information.", "rectification"),
        ("You can enable or disable access to this information in your device settings.", "access"),
        # the operator acts on its own, after learning of a child's data
        ("If we find out that a child under 13 sent us personal data, we will take steps to delete it.", "erasure"),
        ("We will make reasonable efforts to delete your data once the trial ends.", "erasure"),
        # ... also at the end of a list of its own actions
        ("Your rights\n\nWhere it makes sense, we may archive, anonymise, and delete older data.", "erasure"),
        # "update our records", "complete transactions", marketing preferences
        ("We may buy address lists from brokers to update our records.", "rectification"),
        ("We use payment data to complete transactions and send you receipts.", "rectification"),
        ("If you do not want our newsletter, please update your preferences.", "rectification"),
        # browsing anonymously, pointers to other sections, the operator never looking
        ("Visitors may browse and read the articles on this site without providing any personal data.", "access"),
        ("To find out which data we process, you can read the section titled Data We Collect.", "access"),
        ("We will never access your account information or your files.", "access"),
        ("We are not obligated to provide or delete information that is de-identified.", "erasure"),
        ("Collection of this data is completed on behalf of our business customers.", "rectification"),
        # the operator (named) accessing data; staff with a business reason; revoking an app's access
        ("Acme may access and use any information from your linked account.", "access"),
        ("Staff need a legitimate business reason to obtain access to the information you give us.", "access"),
        ("You can revoke the game studio's access to your data in your account settings.", "access"),
        ("As you can see, protecting your personal information matters to us.", "access"),
        ('For details, see "How we share your information" below.', "access"),
        # a page's address is no statement
        ("Complaints can be filed online at https://regulator.example.gov/file-complaint/ today.", "complaint"),
        # HIPAA, business transfers and messages to other people are no data portability
        ("We handle health data as the Health Insurance Portability and Accountability Act requires.", "portability"),
        ("In a merger, we may transfer our assets, including user data, to another company.", "portability"),
        ("The app lets you send messages to another person through the service.", "portability"),
        # profiling as what the user objects to
        (
            "Object to the processing of your data for direct marketing or for processing based on profiling;",
            "automated_decision",
        ),
        # conditions and purposes, not rights
        ("We use your details to build or modify your profile and keep the app running.", "rectification"),
        ("You can change your email preferences in your account at any time.", "rectification"),
        ("We have no duty to publish, remove or edit any of your comments.", "erasure"),
        ("You may request that we limit how we disclose your health information.", "access"),
        ("Opening a link makes your browser send a request to access (i.e., load) the page.", "access"),
        ("We may amend this notice now and then.", "rectification"),
        # a statement of practice is no opt-out link
        ("We do not sell or share your personal information.", "opt_out"),
        ("We limit the use of sensitive data to staff who need it.", "restriction"),
        # seeing ads or content, pointers "for further information", the operator's reserved rights
        ("You may still see ads after you log in to your account.", "access"),
        ("For choices about cookies, see Your Rights and Choices for further information.", "access"),
        ("We reserve the right to use, share and provide access to all information we receive about you.", "access"),
        # de-duplication and what cannot be removed are no erasure rights
        ("Our contractors help us by removing repetitive information from customer lists.", "erasure"),
        ("Your information may not be completely removed from our backups.", "erasure"),
        # a condition of erasure, a negated choice, security staff, refusing an app access
        (
            "Erasure applies where you have withdrawn your consent and no other legal ground remains.",
            "withdraw_consent",
        ),
        ("When contacted, you will not be given the choice to have your data deleted.", "erasure"),
        ("We use access controls so that only authorized personnel have rights to access user information.", "access"),
        ("You can stop location collection by refusing access to the information on your phone.", "access"),
        # "correct" as an adjective; staff access rights; access requests by governments
        ("It matters to us that we have your correct contact information.", "rectification"),
        ("A limited number of staff holding special access rights can reach your data.", "access"),
        ("Records kept abroad can face access requests from governments or courts there.", "access"),
        # a cross-reference to the section that states the right
        ("Please see the Your Choices section below for ways to opt out of these ads.", "objection"),
        ("Your opt-out options for marketing e-mail are described below.", "withdraw_consent"),
        ("Your rights\nCheck the section on your rights to learn how to correct or delete your details.", "erasure"),
    ],
)
def test_text_grants_no_such_right(text: str, absent: str) -> None:
    assert absent not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind", "duration"),
    [
        ("Your rights\nYou may request access to your data. We will respond within 15 days.", "access", "P15D"),
        (
            "Your rights\nYou can ask us to delete your data. We will reply within one month of your request.",
            "erasure",
            "P1M",
        ),
        (
            "Your rights\nYou may correct your details. "
            "We will handle requests no later than thirty (30) days after receipt.",
            "rectification",
            "P30D",
        ),
        ("Your rights\nYou may request access to your data.", "access", None),
    ],
)
def test_response_time_applies_to_rights_of_the_section(text: str, kind: str, duration: str | None) -> None:
    rights = [r for r in PARSER.parse(text, format="text").rights if r.kind == kind]
    assert rights
    assert {r.response_time for r in rights} == {duration}


def test_items_after_a_lead_in_are_rights() -> None:
    text = "Your options\nYou have the right to:\n- Update or correct your information;\n- Object to marketing."
    kinds = _kinds(text)
    assert {"rectification", "objection"} <= kinds


def test_a_paragraph_taken_for_a_heading_is_read_as_text() -> None:
    html = (
        "<h2>7. Your rights</h2><h3>7.2 Correction</h3><p>7.2.1 You can ask for access.</p>"
        "<p>7.2.3 Where any of your personal data is wrong, you may request at any time that it is corrected "
        "or completed.</p>"
    )
    assert "rectification" in {r.kind for r in PARSER.parse(html, format="html").rights}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The lead-in holds no rule's wording: it is still read as one (the rules are
        # skipped there, not the lead-in).
        (
            "Account\nAt any time you may:\n- Correct the information we hold about you;\n- Delete your account.",
            {"rectification", "erasure"},
        ),
        ("Account\nAt any time:\n- Correct the information we hold about you;\n- Delete your account.", set()),
    ],
)
def test_a_lead_in_without_rule_wording_opens_a_list(text: str, expected: set[str]) -> None:
    assert _kinds(text) == expected
