"""A second legal document on the policy's page (terms of use, a user agreement): kept in the
text, reported as furniture of kind "other_document" with a warning; a policy's own short
"Terms of Use" section is never taken for one."""

from __future__ import annotations

import pytest

import privacyparser as pp

_POLICY_SECTIONS = [
    (
        "Information We Collect",
        "We collect the personal information you give us when you open an account, such as your name, "
        "your email address and your postal address. We also collect information about the device you use, "
        "the pages you visit and the searches you make on the service, so that we can keep it working. "
        "Our privacy practices apply to every app and website that links to this privacy policy.",
    ),
    (
        "How We Use Information",
        "We use personal information to deliver the orders you place, to answer your questions, to send you "
        "news about our products when you ask for it, and to find and stop fraud. We look at how visitors "
        "move through the service to learn which pages need work. We do not sell your personal information "
        "to anyone, and we tell you before we use it for a purpose that is new.",
    ),
    (
        "Sharing of Information",
        "We share information with companies that host our servers, carry our parcels and process payments "
        "for us. Each of them may use it only to do that work for us. We may also disclose information when "
        "a court orders us to, or to protect the safety of our customers. When we sell a part of the business, "
        "the buyer takes on this privacy policy for the information it receives.",
    ),
    (
        "Your Choices",
        "You can read, correct or delete the personal information in your account at any time from the "
        "settings page. You can ask us to stop sending you newsletters with the link at the foot of every "
        "message. You can refuse cookies in your browser settings, although some parts of the service may "
        "then stop working as they should. Write to us if you need help with any of this.",
    ),
    (
        "Keeping Information",
        "We keep personal information for as long as your account is open, and for two years after you close "
        "it, so that we can answer questions about past orders. After that we delete it or strip it of "
        "anything that could name you.",
    ),
]

_TERMS_SECTIONS = [
    (
        "Licence to Use the Service",
        "We grant you a personal licence to use the service for your own purposes. You may not copy, sell or "
        "modify any part of it, and the names and logos on the service are our trademarks. All content on "
        "the service is our intellectual property or that of the people who licensed it to us. We may end "
        "this licence if you break these rules, with or without telling you first.",
    ),
    (
        "Disclaimer of Warranties",
        "The service is provided as it stands. We disclaim all warranties, express or implied, including any "
        "promise that the service will be free of errors or always available. Some places do not allow such "
        "a disclaimer, so parts of this section may not apply to you. Nothing we tell you in writing or in "
        "person creates a warranty that this section does not already state in plain words.",
    ),
    (
        "Limitation of Liability",
        "To the extent the law allows, we will not be liable for any indirect or consequential loss that comes "
        "from your use of the service, even if we knew such a loss was possible. Our total liability to you "
        "for any claim is limited to the amount you paid us in the twelve months before the claim arose. "
        "You agree to indemnify us against claims that come from your own misuse of the service.",
    ),
    (
        "Governing Law",
        "These terms are governed by the laws of the state in which our head office stands, without regard to "
        "its rules on conflicts of law. Any dispute about these terms will be settled by arbitration before a "
        "single arbitrator, except that either of us may bring a small claim before a local court. If a court "
        "finds one of these terms unenforceable, the others stay in force as written.",
    ),
    (
        "Ending Your Account",
        "You may close your account at any time. We may suspend or close it if you break these terms, and the "
        "sections on liability and disputes survive the end of this agreement.",
    ),
]


def _text_page(sections: list[tuple[str, str]]) -> str:
    return "\n\n".join(f"{title}\n\n{body}" for title, body in sections) + "\n"


def _html_sections(sections: list[tuple[str, str]], level: int) -> str:
    return "".join(f"<h{level}>{title}</h{level}>\n<p>{body}</p>\n" for title, body in sections)


def _other_documents(policy: pp.PrivacyPolicy) -> list[str]:
    return [policy.text[f.start : f.end] for f in policy.furniture if f.kind == "other_document"]


def _assert_terms_marked(policy: pp.PrivacyPolicy, heading: str) -> None:
    others = _other_documents(policy)
    assert len(others) == 1
    assert others[0].startswith(heading)
    # The whole other document is taken, and nothing of the policy.
    assert "Governing Law" in others[0]
    assert "Your Choices" not in others[0]
    assert any("another document" in w and "other_document" in w for w in policy.warnings)
    # No record comes from the other document; the policy's records are still there.
    start = policy.text.index(heading)
    assert policy.data_categories
    assert all(q.start < start for record in policy.data_categories for q in [record])


def test_terms_after_policy_in_text() -> None:
    text = "Privacy Policy\n\n" + _text_page(_POLICY_SECTIONS) + "\nTERMS OF USE\n\n" + _text_page(_TERMS_SECTIONS)
    policy = pp.parse(text, format="text")
    _assert_terms_marked(policy, "TERMS OF USE")


def test_named_terms_document_after_policy_in_html() -> None:
    html = (
        "<html><body><h1>Privacy Policy and Terms</h1>"
        "<h2>Example Shop Privacy Policy</h2>"
        + _html_sections(_POLICY_SECTIONS, 3)
        + "<h2>Example Shop Terms of Use</h2>"
        "<p>These terms of use form an agreement between you and us. Read them before you use the service.</p>"
        + _html_sections(_TERMS_SECTIONS, 3)
        + "</body></html>"
    )
    policy = pp.parse(html, format="html")
    _assert_terms_marked(policy, "Example Shop Terms of Use")


def test_text_is_kept() -> None:
    text = "Privacy Policy\n\n" + _text_page(_POLICY_SECTIONS) + "\nTERMS OF USE\n\n" + _text_page(_TERMS_SECTIONS)
    policy = pp.parse(text, format="text")
    for _, body in _TERMS_SECTIONS:
        assert body in policy.text


_SHORT_TERMS_SECTION = (
    "Terms of Use",
    "Your use of the service is also governed by our Terms of Use, which you can read on the page linked at "
    "the foot of this page. Where the terms and this privacy policy differ on how we treat your information, "
    "this privacy policy wins.",
)
_AFTER = [
    (
        "Changes to This Policy",
        "We may change this policy from time to time. We will post the new version on this page and tell you "
        "by email before a change that matters takes effect.",
    ),
    ("Contact Us", "Write to our privacy team at privacy@example.com with any question about this policy."),
]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_policy_section_titled_terms_of_use_is_policy(fmt: str) -> None:
    sections = [*_POLICY_SECTIONS, _SHORT_TERMS_SECTION, *_AFTER]
    source = (
        "Privacy Policy\n\n" + _text_page(sections)
        if fmt == "text"
        else "<html><body><h1>Privacy Policy</h1>" + _html_sections(sections, 2) + "</body></html>"
    )
    policy = pp.parse(source, format=fmt)  # type: ignore[arg-type]
    assert _other_documents(policy) == []
    assert not any("another document" in w for w in policy.warnings)


def test_policy_that_cites_terms_wording_is_policy() -> None:
    # A policy section that borrows a little legal wording (governing law, "as is") is not terms.
    sections = [
        *_POLICY_SECTIONS,
        (
            "Terms and Conditions",
            "This privacy policy is part of our terms and conditions. It is governed by the laws of the "
            "country where we are based. We protect your information with care, but no service is free of "
            "risk, and the security of data sent over the internet cannot be promised.",
        ),
        *_AFTER,
    ]
    policy = pp.parse("Privacy Policy\n\n" + _text_page(sections), format="text")
    assert _other_documents(policy) == []


def test_terms_page_without_a_policy_is_left_alone() -> None:
    policy = pp.parse("TERMS OF USE\n\n" + _text_page(_TERMS_SECTIONS * 2), format="text")
    assert _other_documents(policy) == []


def _parts(introduction: str) -> list[tuple[str, str]]:
    return [
        ("I. Introduction", introduction),
        ("II. Rules of the Service", " ".join(body for _, body in _TERMS_SECTIONS)),
        ("III. Privacy Policy", " ".join(body for _, body in _POLICY_SECTIONS)),
    ]


def test_parts_before_the_privacy_part_are_the_user_agreement() -> None:
    intro = "This User Agreement and Privacy Policy applies to every service we run. Please read it with care."
    policy = pp.parse(_text_page(_parts(intro)), format="text")
    others = _other_documents(policy)
    assert len(others) == 1
    assert others[0].startswith("I. Introduction")
    assert "III. Privacy Policy" not in others[0]
    assert any("'User Agreement'" in w for w in policy.warnings)


def test_parts_without_another_document_named_are_policy() -> None:
    intro = "This document explains how we run the service and how we treat what you tell us."
    policy = pp.parse(_text_page(_parts(intro)), format="text")
    assert _other_documents(policy) == []


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        ("<header><h2>Privacy Policy</h2></header>", True),
        ('<div class="unit-header"><p><strong>Privacy Policy</strong></p></div>', True),
        ('<header><a href="/">Home</a> <a href="/shop">Shop</a> <h2>Privacy Policy</h2></header>', False),
    ],
)
def test_header_of_a_part_is_kept(header: str, kept: bool) -> None:
    # A short header without links before a block of text heads a part of the document; a
    # header with links is the site's.
    html = (
        "<html><body><div><p>"
        + _POLICY_SECTIONS[0][1]
        + "</p></div><div>"
        + header
        + "".join(f"<p>{body}</p>" for _, body in _POLICY_SECTIONS[1:])
        + "</div></body></html>"
    )
    policy = pp.parse(html, format="html")
    assert ("Privacy Policy" in policy.text) is kept


def test_roman_parts_outside_the_tree_in_html() -> None:
    # Part headings in bold paragraphs, sub-sections in <h3>: the tree holds only the <h3>s,
    # and the parts are read from their lines.
    intro = "This User Agreement and Privacy Policy applies to every service we run. Please read it with care."
    html = (
        "<html><body><h1>User Agreement and Privacy Policy</h1>"
        f"<p><strong>I.Introduction</strong></p><p>{intro}</p>"
        "<p><strong>II.Rules of the Service</strong></p>" + _html_sections(_TERMS_SECTIONS, 3) + ""
        "<p><strong>III.Privacy Policy</strong></p>" + _html_sections(_POLICY_SECTIONS, 3) + "</body></html>"
    )
    policy = pp.parse(html, format="html")
    others = _other_documents(policy)
    assert len(others) == 1
    assert others[0].startswith("I.Introduction")
    assert "Information We Collect" not in others[0]


def _lines_page(sections: list[tuple[str, str]]) -> str:
    # One paragraph a line, no blank lines: few of the headings are found by the section tree.
    return "\n".join(f"{title}\n{body}" for title, body in sections) + "\n"


def test_terms_heading_line_in_a_text_of_one_paragraph_a_line() -> None:
    text = _lines_page(_POLICY_SECTIONS) + _lines_page([("Terms of Use", " ".join(b for _, b in _TERMS_SECTIONS))])
    policy = pp.parse(text, format="text")
    others = _other_documents(policy)
    assert len(others) == 1
    assert others[0].startswith("Terms of Use")


def test_terms_heading_line_before_policy_sections_is_policy() -> None:
    # "Terms of Use" on a line of its own, then sections that call the document "this policy".
    text = _lines_page([*_POLICY_SECTIONS[:2], _SHORT_TERMS_SECTION, *_POLICY_SECTIONS[2:], *_AFTER])
    policy = pp.parse(text, format="text")
    assert _other_documents(policy) == []


def test_site_header_with_a_logo_is_not_a_part_header() -> None:
    html = (
        "<html><body><div id='header'><a href='/'><img src='logo.png' alt=''></a>"
        "<p>Fresh ideas every day.</p></div><div>"
        + "".join(f"<p>{body}</p>" for _, body in _POLICY_SECTIONS)
        + "</div></body></html>"
    )
    policy = pp.parse(html, format="html")
    assert "Fresh ideas" not in policy.text


def test_teaser_feed_under_the_policy_is_furniture() -> None:
    html = (
        "<html><body><div>"
        + "".join(f"<p>{body}</p>" for _, body in _POLICY_SECTIONS)
        + "</div><div class='landing-feed-container'><p>Ten recipes for a rainy weekend</p></div></body></html>"
    )
    policy = pp.parse(html, format="html")
    assert "rainy weekend" not in policy.text
