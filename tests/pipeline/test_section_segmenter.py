"""The section tree from plain text and heading hints: input -> outline of (level, number, title)."""

from __future__ import annotations

import pytest

from privacyparser.normalize.document import FurnitureSpan, HeadingHint
from privacyparser.pipeline.section_segmenter import HeadingNode, SectionSegmenter, Segmentation

Outline = list[tuple[int, str | None, str | None]]

BODY = "We collect the information you give us when you register, and we keep it safe for you."


def segment(
    text: str, hints: list[HeadingHint] | None = None, furniture: list[FurnitureSpan] | None = None
) -> Segmentation:
    return SectionSegmenter().segment(text, hints or [], furniture or [])


def outline(text: str, hints: list[HeadingHint] | None = None) -> Outline:
    out: Outline = []
    stack: list[HeadingNode] = list(reversed(segment(text, hints).sections))
    while stack:
        node = stack.pop()
        out.append((node.level, node.number, node.title))
        stack.extend(reversed(node.children))
    return out


def lines(*parts: str) -> str:
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            lines("1. Data", BODY, "2. Sharing", BODY, "3. Contact", BODY),
            [(1, "1", "Data"), (1, "2", "Sharing"), (1, "3", "Contact")],
            id="decimal",
        ),
        pytest.param(
            lines("1. Data", BODY, "1.1 Account data", BODY, "1.2 Log data", BODY, "2. Sharing", BODY),
            [(1, "1", "Data"), (2, "1.1", "Account data"), (2, "1.2", "Log data"), (1, "2", "Sharing")],
            id="decimal-sub",
        ),
        pytest.param(
            lines(
                "1. Security",
                BODY,
                "1.1 Measures",
                BODY,
                "1.1.1 Encryption",
                BODY,
                "1.2 Staff",
                BODY,
                "2. Rights",
                BODY,
            ),
            [
                (1, "1", "Security"),
                (2, "1.1", "Measures"),
                (3, "1.1.1", "Encryption"),
                (2, "1.2", "Staff"),
                (1, "2", "Rights"),
            ],
            id="decimal-three-levels",
        ),
        pytest.param(
            lines("1. Data", BODY, "(1) Account", BODY, "(2) Logs", BODY, "2. Sharing", BODY),
            [(1, "1", "Data"), (2, "(1)", "Account"), (2, "(2)", "Logs"), (1, "2", "Sharing")],
            id="paren-digit-under-decimal",
        ),
        pytest.param(
            lines("1) Data", BODY, "2) Sharing", BODY),
            [(1, "1", "Data"), (1, "2", "Sharing")],
            id="digit-paren",
        ),
        pytest.param(
            lines("1. Data", BODY, "a. Account", BODY, "b. Logs", BODY, "2. Sharing", BODY),
            [(1, "1", "Data"), (2, "a", "Account"), (2, "b", "Logs"), (1, "2", "Sharing")],
            id="alpha-dot",
        ),
        pytest.param(
            lines("1. Data", BODY, "(a) Account", BODY, "(b) Logs", BODY),
            [(1, "1", "Data"), (2, "(a)", "Account"), (2, "(b)", "Logs")],
            id="paren-alpha",
        ),
        pytest.param(
            lines("I. Introduction", BODY, "II. Data", BODY, "i. Account", BODY, "ii. Logs", BODY, "III. Rights", BODY),
            [(1, "I", "Introduction"), (1, "II", "Data"), (2, "i", "Account"), (2, "ii", "Logs"), (1, "III", "Rights")],
            id="roman",
        ),
        pytest.param(
            lines(
                "A. Access",
                BODY,
                "B. Erasure",
                BODY,
                "C. Objection",
                BODY,
                "D. Portability",
                BODY,
                "E. Consent",
                BODY,
                "F. Complaint",
                BODY,
                "G. Restriction",
                BODY,
                "H. Profiling",
                BODY,
                "I. Marketing",
                BODY,
            ),
            [
                (1, c, t)
                for c, t in zip(
                    "ABCDEFGHI",
                    [
                        "Access",
                        "Erasure",
                        "Objection",
                        "Portability",
                        "Consent",
                        "Complaint",
                        "Restriction",
                        "Profiling",
                        "Marketing",
                    ],
                    strict=True,
                )
            ],
            id="letter-i-after-h-is-a-letter",
        ),
        pytest.param(
            lines("Article 1 Scope", BODY, "Article 2 Data", BODY),
            [(1, "Article 1", "Scope"), (1, "Article 2", "Data")],
            id="article",
        ),
        pytest.param(
            lines("Section 1. Scope", BODY, "Section 2. Data", BODY),
            [(1, "Section 1", "Scope"), (1, "Section 2", "Data")],
            id="section",
        ),
        pytest.param(
            lines(
                "1. Rights",
                "You may ask us to delete your data when:",
                "1. you withdraw consent;",
                "2. the data is no longer needed;",
                "3. you object.",
                "2. Contact",
                BODY,
            ),
            [(1, "1", "Rights"), (1, "2", "Contact")],
            id="numbered-list-items-stay-list-items",
        ),
        pytest.param(
            lines("1. Rights", BODY, "6.1 if it is necessary to protect your data;", "2. Contact", BODY),
            [(1, "1", "Rights"), (1, "2", "Contact")],
            id="lowercase-clause-is-not-a-heading",
        ),
        pytest.param(
            lines(
                "Contents",
                "1. Data",
                "2. Sharing",
                "3. Contact",
                "",
                "1. Data",
                BODY,
                "2. Sharing",
                BODY,
                "3. Contact",
                BODY,
            ),
            [(1, "1", "Data"), (1, "2", "Sharing"), (1, "3", "Contact")],
            id="table-of-contents",
        ),
        pytest.param(
            lines(
                BODY,
                "",
                "INFORMATION WE COLLECT",
                "",
                BODY,
                "",
                "Information You Give Us",
                "",
                BODY,
                "",
                "Information from partners:",
                "",
                BODY,
                "",
                "HOW WE USE IT",
                "",
                BODY,
            ),
            [
                (1, None, "INFORMATION WE COLLECT"),
                (2, None, "Information You Give Us"),
                (3, None, "Information from partners:"),
                (1, None, "HOW WE USE IT"),
            ],
            id="unnumbered-caps-title-label",
        ),
        pytest.param(
            # A policy written as a series of questions (one per main topic): the labels
            # are their sub-sections.
            lines(
                *(
                    part
                    for heading in (
                        "Who are we?",
                        "What do we collect?",
                        "Information you give us",
                        "How do we use it?",
                        "Why may we use it?",
                        "Whom do we share it with?",
                        "Service providers",
                        "How long do we keep it?",
                        "How do we protect it?",
                        "What are your rights?",
                    )
                    for part in (heading, "", BODY, "")
                )
            ),
            [
                (1, None, "Who are we?"),
                (1, None, "What do we collect?"),
                (2, None, "Information you give us"),
                (1, None, "How do we use it?"),
                (1, None, "Why may we use it?"),
                (1, None, "Whom do we share it with?"),
                (2, None, "Service providers"),
                (1, None, "How long do we keep it?"),
                (1, None, "How do we protect it?"),
                (1, None, "What are your rights?"),
            ],
            id="unnumbered-questions",
        ),
        pytest.param(
            # A few questions among labels head sections of the labels' own level.
            lines(
                *(
                    part
                    for heading in (
                        "Who are we?",
                        "What do we collect?",
                        "Information you give us",
                        "How do we share it?",
                        "Service providers",
                        "How long do we keep it?",
                    )
                    for part in (heading, "", BODY, "")
                )
            ),
            [
                (1, None, "Who are we?"),
                (1, None, "What do we collect?"),
                (1, None, "Information you give us"),
                (1, None, "How do we share it?"),
                (1, None, "Service providers"),
                (1, None, "How long do we keep it?"),
            ],
            id="a-few-questions-among-labels",
        ),
        pytest.param(
            # A heading of the look of an open one closes the numbered headings opened under it.
            lines(
                "INFORMATION WE COLLECT",
                "",
                BODY,
                "",
                "1. Account",
                "",
                BODY,
                "",
                "2. Usage",
                "",
                BODY,
                "",
                "SECURITY",
                "",
                BODY,
            ),
            [(1, None, "INFORMATION WE COLLECT"), (2, "1", "Account"), (2, "2", "Usage"), (1, None, "SECURITY")],
            id="a-plain-heading-closes-numbered-ones-under-its-sibling",
        ),
        pytest.param(
            # A lone heading in capitals is an acronym or an emphasis, not a level above the others.
            lines("Information We Collect", "", BODY, "", "API", "", BODY, "", "How We Use It", "", BODY),
            [(1, None, "Information We Collect"), (1, None, "API"), (1, None, "How We Use It")],
            id="a-lone-capitals-heading-is-no-level",
        ),
        pytest.param(
            # A worded number with a dash before its title heads a part.
            lines(
                "Part I \u2013 Data we collect",
                "",
                BODY,
                "",
                "Account data",
                "",
                BODY,
                "",
                "Part II \u2013 Your rights",
                "",
                BODY,
                "",
                "Access",
                "",
                BODY,
            ),
            [
                (1, "Part I", "Data we collect"),
                (2, None, "Account data"),
                (1, "Part II", "Your rights"),
                (2, None, "Access"),
            ],
            id="worded-numbers-with-a-dash",
        ),
        pytest.param(
            # Numbered titles in capitals may end in a full stop; a numbered sentence is no heading.
            lines("I. DATA WE COLLECT", "", BODY, "", "II. HOW WE USE IT.", "", BODY, "", "III. CONTACT US.", "", BODY),
            [(1, "I", "DATA WE COLLECT"), (1, "II", "HOW WE USE IT."), (1, "III", "CONTACT US.")],
            id="numbered-capitals-with-a-full-stop",
        ),
        pytest.param(
            lines("1. Data", "", BODY, "", "2. We never sell it.", "", BODY),
            [(1, "1", "Data")],
            id="numbered-sentence-is-no-heading",
        ),
        pytest.param(
            # A question or two among labels is one more label.
            lines(
                "Who we are",
                "",
                BODY,
                "",
                "What do we collect?",
                "",
                BODY,
                "",
                "Cookies and similar files",
                "",
                BODY,
                "",
                "How to contact us",
                "",
                BODY,
            ),
            [
                (1, None, "Who we are"),
                (1, None, "What do we collect?"),
                (1, None, "Cookies and similar files"),
                (1, None, "How to contact us"),
            ],
            id="a-lone-question-among-labels",
        ),
        pytest.param(
            lines("Cookies", BODY, "", "Security", BODY),
            [(1, None, "Cookies"), (1, None, "Security")],
            id="unnumbered-heading-right-above-its-paragraph",
        ),
        pytest.param(
            lines("We collect:", "", "Your name", "Your email address", "Your IP address", "", BODY),
            [],
            id="list-items-are-not-headings",
        ),
        pytest.param(
            lines(
                "1. Why we need data",
                "",
                "If you do not agree, you might not enjoy the services we provide, including:",
                "",
                "User registration",
                "",
                "Order management",
                "",
                "Customer service",
                "",
                "2. Contact",
                "",
                BODY,
            ),
            [(1, "1", "Why we need data"), (1, "2", "Contact")],
            id="short-lines-after-a-colon-are-a-list",
        ),
        pytest.param(
            lines(
                "1. Data",
                "",
                "We collect two kinds of data when you use the service and its apps:",
                "",
                "Data you give us",
                "",
                BODY,
                "",
                "Data we collect automatically",
                "",
                BODY,
            ),
            [(1, "1", "Data"), (2, None, "Data you give us"), (2, None, "Data we collect automatically")],
            id="headings-with-bodies-after-a-colon-stay-headings",
        ),
        pytest.param(
            lines(
                "Who we are",
                "",
                BODY,
                "",
                "Information we collect",
                "",
                BODY,
                "",
                "Account data",
                "",
                "- when you sign up, we ask for your name and email address.",
                "",
                "Usage data",
                "",
                ": the pages you open and the time you spend on them.",
                "",
                "Device data",
                "",
                "such as the model of your phone and its language.",
                "",
                "Sharing",
                "",
                BODY,
            ),
            # A label whose line runs on into its paragraph is a run-in label: under the heading.
            [
                (1, None, "Who we are"),
                (1, None, "Information we collect"),
                (2, None, "Account data"),
                (2, None, "Usage data"),
                (2, None, "Device data"),
                (1, None, "Sharing"),
            ],
            id="run-in-labels-nest-under-a-heading",
        ),
        pytest.param(
            lines("Information we collect", "", "- your name", "- your email address", "", "Sharing", "", BODY),
            # A dash list under a heading is a list, not the continuation of a run-in label.
            [(1, None, "Information we collect"), (1, None, "Sharing")],
            id="dash-list-is-no-run-in",
        ),
        pytest.param(
            lines("Welcome. We collect data.", "", BODY),
            [],
            id="two-sentences-are-not-a-heading",
        ),
        pytest.param(
            lines("# Privacy", BODY, "## Data we collect", BODY, "### Cookies", BODY, "## Contact", BODY),
            # The heading over the whole document is its title, not a section.
            [(1, None, "Data we collect"), (2, None, "Cookies"), (1, None, "Contact")],
            id="markdown",
        ),
        pytest.param(
            lines("1. Data", BODY, "Account data", BODY, "2. Sharing", BODY, "3. Contact", BODY),
            [(1, "1", "Data"), (1, "2", "Sharing"), (1, "3", "Contact")],
            id="numbered-policy-ignores-glued-labels",
        ),
    ],
)
def test_outline_from_text(text: str, expected: Outline) -> None:
    assert outline(text) == expected


def blocks(*parts: str) -> str:
    """Blocks separated by blank lines, as the visible text of a web page reads."""
    return "\n\n".join(parts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            # A heading with no text of its own opens a section of sub-sections, even when
            # they look like it ("Information we collect" then "Things you provide to us").
            blocks(
                BODY,
                "Information we collect",
                "Things you provide to us",
                BODY,
                "Your activity",
                BODY,
                "HOW WE USE IT",
                BODY,
            ),
            [
                (1, None, "Information we collect"),
                (2, None, "Things you provide to us"),
                (2, None, "Your activity"),
                (1, None, "HOW WE USE IT"),
            ],
            id="bodiless-heading-opens-sub-sections",
        ),
        pytest.param(
            # Under a bodiless sentence-case heading, a sentence-case heading with a body is a
            # sibling of the last child, not of the parent.
            blocks(
                BODY,
                "How we share information",
                "With your consent",
                BODY,
                "With service providers",
                BODY,
                "For legal reasons",
                BODY,
            ),
            [
                (1, None, "How we share information"),
                (2, None, "With your consent"),
                (2, None, "With service providers"),
                (2, None, "For legal reasons"),
            ],
            id="children-of-a-bodiless-heading-stay-siblings",
        ),
        pytest.param(
            # Sub-sections that look like their parent; a heading naming a main topic of a
            # policy closes them, one that names none stays among them.
            blocks(
                BODY,
                "Information we collect",
                "Account data",
                BODY,
                "Payment details",
                BODY,
                "Session cookies",
                BODY,
                "How we use your information",
                BODY,
            ),
            # "Session cookies" is a kind of cookies, not the cookies topic.
            [
                (1, None, "Information we collect"),
                (2, None, "Account data"),
                (2, None, "Payment details"),
                (2, None, "Session cookies"),
                (1, None, "How we use your information"),
            ],
            id="a-main-topic-closes-sub-sections-of-its-look",
        ),
        pytest.param(
            blocks(
                BODY,
                "Account and profile",
                "Account data",
                BODY,
                "Payment details",
                BODY,
                "How we use your information",
                BODY,
            ),
            # The open parent names no main topic: the look alone decides.
            [
                (1, None, "Account and profile"),
                (2, None, "Account data"),
                (2, None, "Payment details"),
                (2, None, "How we use your information"),
            ],
            id="a-main-topic-under-a-plain-parent-follows-the-look",
        ),
        pytest.param(
            # A line with no text of its own before a heading naming a main topic is no
            # parent of it when it names none and looks no more prominent: a stray label.
            blocks(BODY, "Account and profile", "How we use your information", BODY, "Payment details", BODY),
            [
                (1, None, "Account and profile"),
                (1, None, "How we use your information"),
                (1, None, "Payment details"),
            ],
            id="a-main-topic-is-no-child-of-a-bodiless-plain-label",
        ),
        pytest.param(
            # A heading worded like an outer open heading of its look ("Data you give ...")
            # is that heading's sibling, not a sibling of its sub-sections.
            blocks(
                BODY,
                "Data you give us",
                "Contact details",
                BODY,
                "Payment details",
                BODY,
                "Data you give to partners",
                BODY,
                "Shipping details",
                BODY,
            ),
            [
                (1, None, "Data you give us"),
                (2, None, "Contact details"),
                (2, None, "Payment details"),
                (1, None, "Data you give to partners"),
                (1, None, "Shipping details"),
            ],
            id="a-heading-worded-like-an-outer-one-is-its-sibling",
        ),
        pytest.param(
            # Sub-sections worded alike among themselves stay siblings of one another.
            blocks(
                BODY,
                "Your rights",
                "Right to access",
                BODY,
                "Right to object",
                BODY,
            ),
            [(1, None, "Your rights"), (2, None, "Right to access"), (2, None, "Right to object")],
            id="sub-sections-worded-alike-stay-siblings",
        ),
        pytest.param(
            # Two headings that each open a group of sub-sections of their own look are siblings.
            blocks(
                BODY,
                "What we collect",
                "Things you give us",
                BODY,
                "Things we observe",
                BODY,
                "How we share it",
                "With service providers",
                BODY,
                "With the authorities",
                BODY,
            ),
            [
                (1, None, "What we collect"),
                (2, None, "Things you give us"),
                (2, None, "Things we observe"),
                (1, None, "How we share it"),
                (2, None, "With service providers"),
                (2, None, "With the authorities"),
            ],
            id="headings-opening-groups-are-siblings",
        ),
        pytest.param(
            # A bodiless run-in label ("Partners:") does not open sub-sections.
            blocks(BODY, "Partners:", "Service providers", BODY, "Advertisers", BODY),
            [(1, None, "Partners:"), (1, None, "Service providers"), (1, None, "Advertisers")],
            id="bodiless-run-in-label-opens-nothing",
        ),
        pytest.param(
            # Bodiless labels of one look in a row are a run of labels, not a staircase.
            blocks("Service providers:", "Payment processors:", "Analytics providers:", BODY),
            [(1, None, "Service providers:"), (1, None, "Payment processors:"), (1, None, "Analytics providers:")],
            id="run-of-bodiless-labels-are-siblings",
        ),
        pytest.param(
            # "Cookies" and "Interactions with Zoho" read as title and as sentence case (Zoho
            # is a name: the text never writes it in lower case); they take the case most
            # headings of the text have, so they stay siblings of the sentence-case ones.
            blocks(
                "Information we collect",
                BODY,
                "Account signup",
                BODY,
                "Cookies",
                BODY,
                "Interactions with Zoho",
                BODY,
                "Payment processing",
                BODY,
                "We never sell the data that Zoho users give us, and we keep it safe for them.",
            ),
            [
                (1, None, "Information we collect"),
                (1, None, "Account signup"),
                (1, None, "Cookies"),
                (1, None, "Interactions with Zoho"),
                (1, None, "Payment processing"),
            ],
            id="names-do-not-make-title-case",
        ),
        pytest.param(
            # Title case and sentence case mix among siblings: the case alone nests nothing.
            blocks(
                "Information We Collect", BODY, "Account signup", BODY, "Payment details", BODY, "How We Use It", BODY
            ),
            [
                (1, None, "Information We Collect"),
                (1, None, "Account signup"),
                (1, None, "Payment details"),
                (1, None, "How We Use It"),
            ],
            id="title-case-and-sentence-case-rank-alike",
        ),
        pytest.param(
            # A numbered list of three ways data comes in, then unnumbered headings: no
            # unnumbered heading came between the numbered ones, so the numbering is over and
            # the headings after it are no sub-sections of its last item.
            blocks(
                "1. Data you give us",
                BODY,
                "2. Data from your device",
                BODY,
                "3. Data from partners",
                BODY,
                "How we use your data",
                BODY,
                "Contact us",
                BODY,
            ),
            [
                (1, "1", "Data you give us"),
                (1, "2", "Data from your device"),
                (1, "3", "Data from partners"),
                (1, None, "How we use your data"),
                (1, None, "Contact us"),
            ],
            id="unnumbered-headings-after-the-numbering-head-their-own-sections",
        ),
        pytest.param(
            # Counter-example: unnumbered sub-sections between the numbered headings show that
            # those after the last one are its sub-sections too.
            blocks(
                "1. Data we collect",
                BODY,
                "Account data",
                BODY,
                "2. Sharing",
                BODY,
                "Service providers",
                BODY,
                "Advertisers",
                BODY,
            ),
            [
                (1, "1", "Data we collect"),
                (2, None, "Account data"),
                (1, "2", "Sharing"),
                (2, None, "Service providers"),
                (2, None, "Advertisers"),
            ],
            id="unnumbered-sub-sections-after-the-last-numbered-heading",
        ),
        pytest.param(
            # Counter-example: run-in labels after the last numbered heading stay under it.
            blocks("1. Collection", BODY, "2. Your rights", BODY, "Access:", BODY, "Deletion:", BODY),
            [(1, "1", "Collection"), (1, "2", "Your rights"), (2, None, "Access:"), (2, None, "Deletion:")],
            id="run-in-labels-after-the-last-numbered-heading",
        ),
        pytest.param(
            # Counter-example: headings after the last numbered one that name no main topic
            # of a policy are details of the last section, even with none between the others.
            blocks(
                "1. Who we are",
                BODY,
                "2. What we collect",
                BODY,
                "3. Your rights",
                BODY,
                "Access",
                BODY,
                "Erasure",
                BODY,
                "Portability",
                BODY,
            ),
            [
                (1, "1", "Who we are"),
                (1, "2", "What we collect"),
                (1, "3", "Your rights"),
                (2, None, "Access"),
                (2, None, "Erasure"),
                (2, None, "Portability"),
            ],
            id="details-of-the-last-numbered-section",
        ),
        pytest.param(
            # The same for headings in capitals: two capitals headings with only labels
            # between them, then plain headings that head sections of their own.
            blocks(
                "WHAT WE COLLECT",
                BODY,
                "Account details:",
                BODY,
                "WHAT WE SHARE",
                BODY,
                "How we keep your data safe",
                BODY,
                "Talking to us",
                BODY,
            ),
            [
                (1, None, "WHAT WE COLLECT"),
                (2, None, "Account details:"),
                (1, None, "WHAT WE SHARE"),
                (1, None, "How we keep your data safe"),
                (1, None, "Talking to us"),
            ],
            id="plain-headings-after-the-capitals-head-their-own-sections",
        ),
        pytest.param(
            # Counter-example: a plain sub-section between the capitals headings shows that
            # the plain headings after the last one are its sub-sections.
            blocks(
                "WHAT WE COLLECT",
                BODY,
                "Account details",
                BODY,
                "WHAT WE SHARE",
                BODY,
                "Payment partners",
                BODY,
                "Delivery partners",
                BODY,
            ),
            [
                (1, None, "WHAT WE COLLECT"),
                (2, None, "Account details"),
                (1, None, "WHAT WE SHARE"),
                (2, None, "Payment partners"),
                (2, None, "Delivery partners"),
            ],
            id="plain-sub-sections-after-the-last-capitals-heading",
        ),
        pytest.param(
            # A series of questions with nothing but their bodies between them, then plain
            # headings: these head sections of their own, not the last question's.
            blocks(
                *(
                    part
                    for heading in (
                        "Who are we?",
                        "What do we collect?",
                        "How do we use it?",
                        "Why may we use it?",
                        "Whom do we share it with?",
                        "How long do we keep it?",
                        "How do we protect it?",
                        "What are your rights?",
                        "Contact details",
                        "Changes to this notice",
                    )
                    for part in (heading, BODY)
                )
            ),
            [
                (1, None, "Who are we?"),
                (1, None, "What do we collect?"),
                (1, None, "How do we use it?"),
                (1, None, "Why may we use it?"),
                (1, None, "Whom do we share it with?"),
                (1, None, "How long do we keep it?"),
                (1, None, "How do we protect it?"),
                (1, None, "What are your rights?"),
                (1, None, "Contact details"),
                (1, None, "Changes to this notice"),
            ],
            id="plain-headings-after-a-question-series-head-their-own-sections",
        ),
        pytest.param(
            # An item of a list of parallel headings whose own text is missing does not
            # open a group: the next item, worded alike, is its sibling.
            blocks(
                BODY,
                "Right to access",
                BODY,
                "Right to object",
                "Right to erasure",
                BODY,
                "Right to complain",
                BODY,
            ),
            [
                (1, None, "Right to access"),
                (1, None, "Right to object"),
                (1, None, "Right to erasure"),
                (1, None, "Right to complain"),
            ],
            id="parallel-items-with-a-missing-body-are-siblings",
        ),
        pytest.param(
            # Counter-example: questions open with the same words whatever their nesting.
            blocks(BODY, "How do we use it?", "How do we use cookies?", BODY, "Contact details", BODY),
            [
                (1, None, "How do we use it?"),
                (2, None, "How do we use cookies?"),
                (1, None, "Contact details"),
            ],
            id="questions-worded-alike-still-nest",
        ),
        pytest.param(
            # After a page title, a first heading that only names the document heads all of it.
            blocks(
                "Privacy and Cookie Notice",
                "Privacy Statement",
                BODY,
                "Information we collect",
                BODY,
                "Contact us",
                BODY,
            ),
            [
                (1, None, "Privacy Statement"),
                (2, None, "Information we collect"),
                (2, None, "Contact us"),
            ],
            id="first-heading-naming-the-document-wraps-it",
        ),
        pytest.param(
            # Counter-example: a first heading about a topic (not the document's name) is a
            # section like the others.
            blocks(
                "Privacy and Cookie Notice",
                "Scope of this statement",
                BODY,
                "Information we collect",
                BODY,
            ),
            [
                (1, None, "Scope of this statement"),
                (1, None, "Information we collect"),
            ],
            id="first-heading-naming-a-topic-wraps-nothing",
        ),
        pytest.param(
            # A heading naming the reader's rights goes back to the top after the
            # sub-sections of a bodiless heading of another case.
            blocks(
                BODY,
                "Other Web Sites",
                "Links to other sites",
                BODY,
                "Embedded players",
                BODY,
                "User rights",
                BODY,
            ),
            [
                (1, None, "Other Web Sites"),
                (2, None, "Links to other sites"),
                (2, None, "Embedded players"),
                (1, None, "User rights"),
            ],
            id="rights-heading-returns-to-the-top",
        ),
        pytest.param(
            # Counter-example: a detail in the look of the sub-sections stays one of them.
            blocks(
                BODY,
                "Other Web Sites",
                "Links to other sites",
                BODY,
                "Embedded players",
                BODY,
                "Comment widgets",
                BODY,
            ),
            [
                (1, None, "Other Web Sites"),
                (2, None, "Links to other sites"),
                (2, None, "Embedded players"),
                (2, None, "Comment widgets"),
            ],
            id="detail-heading-stays-a-sub-section",
        ),
        pytest.param(
            # A list entry that runs on with "; and" is no heading, nor a statement that
            # opens with a contraction ("We've ...").
            blocks(
                "Information we collect",
                BODY,
                "The pages you open; and",
                BODY,
                "We've listed the details below.",
                BODY,
                "Choice and consent",
                BODY,
            ),
            [
                (1, None, "Information we collect"),
                (1, None, "Choice and consent"),
            ],
            id="lines-running-on-or-stating-are-no-headings",
        ),
    ],
)
def test_nesting_of_unnumbered_headings(text: str, expected: Outline) -> None:
    assert outline(text) == expected


def _hints(text: str, levels: dict[str, int]) -> list[HeadingHint]:
    out = []
    for heading, level in levels.items():
        start = text.index(heading)
        out.append(HeadingHint(start, start + len(heading), level))
    return sorted(out, key=lambda h: h.start)


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        pytest.param(
            {"Privacy": 1, "Data": 3, "Cookies": 4, "Contact": 2},
            [(1, None, "Data"), (2, None, "Cookies"), (1, None, "Contact")],
            id="skipped-levels",
        ),
        pytest.param(
            {"1. Data": 2, "1.1 Account": 2, "1.2 Logs": 2, "2. Contact": 2},
            [(1, "1", "Data"), (2, "1.1", "Account"), (2, "1.2", "Logs"), (1, "2", "Contact")],
            id="one-level-numbered-by-decimals",
        ),
        pytest.param(
            {"Part I - General": 2, "Scope": 3},
            [(1, "Part I", "General"), (2, None, "Scope")],
            id="worded-number-separator-dropped",
        ),
    ],
)
def test_outline_from_hints(headings: dict[str, int], expected: Outline) -> None:
    text = "\n".join(f"{heading}\n{BODY}" for heading in headings)
    assert outline(text, _hints(text, headings)) == expected


def test_table_of_contents_is_furniture() -> None:
    text = lines("1. Data", "2. Sharing", "3. Contact", "", "1. Data", BODY, "2. Sharing", BODY, "3. Contact", BODY)
    result = segment(text)
    assert [(f.kind, text[f.start : f.end]) for f in result.furniture] == [
        ("table_of_contents", "1. Data\n2. Sharing\n3. Contact")
    ]


def test_unnumbered_table_of_contents_is_furniture() -> None:
    titles = ["What We Collect", "How We Use It", "Who We Share It With"]
    text = lines(*titles, "", *[f"{t}\n\n{BODY}\n" for t in titles])
    result = segment(text)
    assert [f.kind for f in result.furniture] == ["table_of_contents"]
    assert [n.title for n in result.sections] == titles


def test_furniture_lines_are_not_headings() -> None:
    text = lines("1. Data", BODY, "Back to top", "2. Sharing", BODY)
    start = text.index("Back to top")
    result = segment(text, furniture=[FurnitureSpan(start, start + len("Back to top"), "navigation")])
    assert [n.title for n in result.sections] == ["Data", "Sharing"]


def test_sections_end_where_the_next_begins() -> None:
    text = lines("1. Data", BODY, "1.1 Logs", BODY, "2. Sharing", BODY)
    first, second = segment(text).sections
    assert first.end == second.start == text.index("2. Sharing")
    assert first.children[0].end == first.end
    assert second.end == len(text)


def test_many_blank_lines_and_deep_documents_stay_fast() -> None:
    # Thousands of blank lines between headings, and a long run of sub-numbers: linear passes only.
    text = ("\n" * 5000).join(f"{i}. Heading {i}\n{BODY}" for i in range(1, 200))
    text += "\n" + "\n".join(f"199.{i} Part {i}\n{BODY}" for i in range(1, 1000))
    result = segment(text)
    assert len(result.sections) == 199
    assert len(result.sections[-1].children) == 999


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            lines("Privacy Policy", "", "Data we collect", "", BODY, "", "Contact", "", BODY),
            "Privacy Policy",
            id="unnumbered-wrapper",
        ),
        pytest.param(
            lines("# Privacy Notice", BODY, "## Data", BODY, "## Contact", BODY),
            "# Privacy Notice",
            id="markdown-wrapper",
        ),
        pytest.param(
            lines("Acme Privacy Policy", "", BODY, "", "Data we collect", "", BODY, "", "Contact", "", BODY),
            "Acme Privacy Policy",
            id="document-name-with-an-introduction",
        ),
    ],
)
def test_heading_over_the_whole_document_is_the_title(text: str, title: str) -> None:
    result = segment(text)
    assert result.title is not None and result.title_is_heading
    assert text[result.title[0] : result.title[1]] == title
    assert all(node.level == 1 for node in result.sections)


@pytest.mark.parametrize(
    "first",
    ["Scope of this Privacy Policy", "Changes to our Privacy Policy", "About Acme"],
)
def test_a_first_section_about_the_policy_is_no_title(first: str) -> None:
    result = segment(lines(first, "", BODY, "", "Data we collect", "", BODY, "", "Contact", "", BODY))
    assert [node.title for node in result.sections] == [first, "Data we collect", "Contact"]


@pytest.mark.parametrize(
    ("following", "run_in"),
    [
        ("- when you sign up, we ask for your name.", True),
        ("\u2013 we record the pages you open.", True),
        (": the pages you open and when.", True),
        ("and similar files stored by your browser.", True),
        (BODY, False),
        ("- your name\n- your email address", False),
    ],
)
def test_a_label_running_on_into_its_paragraph_is_a_run_in_label(following: str, run_in: bool) -> None:
    result = segment(lines("Who we are", "", BODY, "", "Usage data", "", following, "", "Contact", "", BODY))
    nodes = [*result.sections, *(child for node in result.sections for child in node.children)]
    label = next(node for node in nodes if node.title == "Usage data")
    assert (label.style[-1] == ":") is run_in


@pytest.mark.parametrize(
    ("title", "run_in"),
    [
        ("Delivery partners -", True),
        ("Payment processors \u2013", True),
        ("Delivery partners", False),
        ("Opt-out", False),
    ],
)
def test_a_label_ending_in_a_dash_is_a_run_in_label(title: str, run_in: bool) -> None:
    result = segment(lines("Who we are", "", BODY, "", title, "", BODY, "", "Contact", "", BODY))
    nodes = [*result.sections, *(child for node in result.sections for child in node.children)]
    label = next(node for node in nodes if node.title == title)
    assert (label.style[-1] == ":") is run_in


@pytest.mark.parametrize(
    "block",
    [
        pytest.param(["Pat Example", "Privacy Officer", "Example Legal Department", "100 Harbor Road"], id="street"),
        pytest.param(["Example Widgets Ltd", "Privacy Team", "Riverside House", "Leeds LS1 4AB"], id="uk-postcode"),
        pytest.param(["Customer Care", "Mail Stop 42", "Springfield", "United States"], id="mail-stop"),
        pytest.param(["Data Officer", "Example Holdings", "Compliance Desk", "Phone: 555-010-0199"], id="phone"),
        pytest.param(["Privacy Office", "Example Group", "Member Services", "privacy@example.org"], id="email"),
    ],
)
def test_an_address_block_printed_twice_is_no_table_of_contents(block: list[str]) -> None:
    # The address comes back later (in "Contact us"), as the entries of a table of contents do.
    text = lines(
        "Requests",
        "",
        "To make a request, write to:",
        "",
        *block,
        "",
        "Contact Us",
        "",
        "If you have questions about this policy, write to:",
        "",
        *block,
        "",
    )
    assert segment(text).furniture == []


def test_name_lines_repeated_as_one_block_are_no_table_of_contents() -> None:
    # No postal cue in the lines taken, but they come back together, each right after the other.
    block = ["Pat Example", "Privacy Coordinator", "Example Legal Department"]
    text = lines("Requests", "", "Write to:", "", *block, "", BODY, "", "Contact Us", "", "Write to:", "", *block, "")
    assert segment(text).furniture == []


def test_a_table_of_contents_next_to_the_contact_section_stays_furniture() -> None:
    titles = ["Information We Collect", "How We Use It", "Contact Us"]
    text = lines(*titles, "", *[f"{t}\n\n{BODY}\n" for t in titles], "Example Inc., 12 Main Street, Springfield")
    result = segment(text)
    assert [f.kind for f in result.furniture] == ["table_of_contents"]
    assert [n.title for n in result.sections] == titles


@pytest.mark.parametrize(
    ("paragraph", "title", "body"),
    [
        pytest.param(
            "1.2 If you close your account, we keep your order history for six years.",
            None,
            "If you close your account, we keep your order history for six years.",
            id="sentence",
        ),
        pytest.param(
            "1.2 We store your messages on servers in Ireland. We delete them after a year.",
            None,
            "We store your messages on servers in Ireland. We delete them after a year.",
            id="two-sentences",
        ),
        pytest.param(
            "1.2 Storage period: As long as your account is open we keep the photos you upload.",
            "Storage period",
            "As long as your account is open we keep the photos you upload.",
            id="run-in-colon",
        ),
        pytest.param(
            "1.2 Payment Details. We pass your card number to our payment processor only.",
            "Payment Details",
            "We pass your card number to our payment processor only.",
            id="run-in-full-stop",
        ),
        pytest.param(
            "1.2 Sending newsletters and offers to the members who asked for them when they opened an account",
            None,
            "Sending newsletters and offers to the members who asked for them when they opened an account",
            id="long-clause",
        ),
    ],
)
def test_a_numbered_paragraph_is_a_section_whose_sentence_is_its_body(
    paragraph: str, title: str | None, body: str
) -> None:
    text = lines("1. Storage", BODY, "1.1 Where we store data", BODY, paragraph, "1.3 Deletion", BODY)
    (section,) = segment(text).sections
    assert [(c.number, c.title) for c in section.children] == [
        ("1.1", "Where we store data"),
        ("1.2", title),
        ("1.3", "Deletion"),
    ]
    node = section.children[1]
    # The sentence lies after the heading, inside the section: extractors read it as text.
    assert text[node.heading_end : node.end].strip().startswith(body)
    assert node.has_body


@pytest.mark.parametrize(
    "heading",
    [
        "How we use the data we hold.",
        "Sharing of Data with Service Providers and Partners.",
        "Your rights and your choices",
        "When we share your data with other companies",
        "The data we collect about you when you register an account:",
        "Retention: how long we keep data",
        "Cookies: What They Are and How We Use Them.",
        "SECURITY OF THE DATA YOU GIVE US.",
    ],
)
def test_a_numbered_title_stays_the_heading(heading: str) -> None:
    text = lines("1. Storage", BODY, "1.1 Where we store data", BODY, f"1.2 {heading}", BODY)
    node = segment(text).sections[0].children[1]
    assert (node.number, node.title) == ("1.2", heading)
    assert node.heading_end == text.index(heading) + len(heading)
