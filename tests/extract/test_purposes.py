"""Purpose clauses: the evidence is the clause, the category comes from its phrases or its verb."""

from __future__ import annotations

import pytest

import privacyparser as pp
from privacyparser.rules import load_rules

PARSER = pp.PolicyParser()
RULES = load_rules()


def _purposes(text: str) -> list[tuple[str, str]]:
    return [(p.category, p.text) for p in PARSER.parse(text, format="text").purposes if not p.negated]


@pytest.mark.parametrize(
    ("text", "category", "evidence"),
    [
        ("We use your email address to send you order confirmations.", "basic_service", "send you order confirmations"),
        ("Location data is processed in order to show nearby stores.", "additional_service", "show nearby stores"),
        (
            "The information we collect is used for providing and improving the Service.",
            "analytics_research",
            "providing and improving the Service",
        ),
        ("To manage your account;", "basic_service", "manage your account"),
        (
            "Usage data is kept for the operation and maintenance of the service.",
            "basic_service",
            "operation and maintenance of the service",
        ),
        (
            "We use the data to process your payment and prevent fraud.",
            "security_operations",
            "prevent fraud",
        ),
        ("We use the data to process your payment and prevent fraud.", "basic_service", "process your payment"),
        (
            "Cookies help us understand how visitors use the site.",
            "analytics_research",
            "understand how visitors use the site",
        ),
        (
            "We may use your information to evaluate or conduct a merger.",
            "merger_acquisition",
            "evaluate or conduct a merger",
        ),
        (
            "We keep invoices to comply with our legal obligations.",
            "legal_requirement",
            "comply with our legal obligations",
        ),
        ("We use your address so that we can ship your order.", "basic_service", "ship your order"),
        ("For a better experience, we may ask you for your name.", "personalization", "a better experience"),
        ("Your data is used for marketing purposes.", "marketing", "marketing purposes"),
        # A generic verb ("provide", "manage", "deliver") takes the category of its object.
        (
            "We use cookies to help manage our advertising on partner sites.",
            "advertising",
            "help manage our advertising on partner sites",
        ),
        ("We use your email address to provide you with discounts.", "marketing", "provide you with discounts"),
        (
            "We use your viewing history to deliver content that is tailored to you.",
            "personalization",
            "deliver content that is tailored to you",
        ),
        # So does an unnamed "for ... purposes".
        (
            "We may share your email address with partners for cross-promotional purposes.",
            "marketing",
            "cross-promotional purposes",
        ),
        # Without such an object the verb's own category stands.
        ("We use your address to deliver your parcel.", "basic_service", "deliver your parcel"),
        # An item that spells out named purposes is one of them, unless its verb says more.
        (
            "We share logs for security purposes, such as providing records to auditors.",
            "security_operations",
            "providing records to auditors",
        ),
        (
            "We use the logs for internal purposes such as measuring load.",
            "analytics_research",
            "measuring load",
        ),
    ],
)
def test_purpose_clause_is_the_evidence(text: str, category: str, evidence: str) -> None:
    assert (category, evidence) in _purposes(text)


@pytest.mark.parametrize(
    "text",
    [
        "You have the right to object to processing.",
        "To exercise your rights, please contact us.",
        "We take appropriate measures to protect your personal data.",
        "You may be asked to provide your email address.",
        "You can opt out of marketing emails at any time.",
        "We strongly advise you to review the privacy policy of these websites.",
        "Service Provider means any person employed by the Company to facilitate the Service.",
        "For the purposes of this Privacy Policy, the following definitions apply.",
        "We engage with customers in sales, marketing, or events.",
        # "to" before a noun is no infinitive; the user's own requests are no purposes.
        "We pass your order to couriers and provide them with your address.",
        "You are entitled to access and correct the details we keep about you.",
        "Members can sign in to view and update their profile.",
    ],
)
def test_no_purpose(text: str) -> None:
    assert _purposes(text) == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A circumstance without a disclosure, or the recipient of one, is no purpose.
        ("Where required by law, we will ask for your consent.", "legal_requirement"),
        ("We may share your information with law enforcement agencies.", "legal_requirement"),
        ("When you create your account we ask for your email address.", "basic_service"),
    ],
)
def test_circumstance_is_not_a_purpose(text: str, absent: str) -> None:
    assert absent not in {category for category, _ in _purposes(text)}


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # OPP-115 files a disclosure required by law or legal process as a legal-requirement
        # purpose of the sharing; GDPR-200 as its recipients. One record per sentence.
        ("We may disclose your information where required by law.", "where required by law"),
        ("We may disclose personal data to public authorities in response to a lawful request.", "lawful request"),
    ],
)
def test_legal_disclosure_is_a_legal_requirement(text: str, evidence: str) -> None:
    assert _purposes(text) == [("legal_requirement", evidence)]


def test_law_enforcement_is_not_the_law() -> None:
    # "required by law" is not the phrase when its last word begins "law enforcement".
    found = _purposes("The shop may disclose your details to others as required by law enforcement officers.")
    assert ("legal_requirement", "as required by law") not in found


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # "user data" is data, not a user who is able to do something.
        ("We process the user data named above in order to be able to ship your parcel.", "ship your parcel"),
        # The goal of people, or of a company's own purpose, still counts.
        ("We use cookies to understand our readers' interests.", "understand our readers' interests"),
        ("The app keeps working so that we can continue to send you reminders.", "continue to send you reminders"),
    ],
)
def test_purpose_kept_next_to_the_new_vetoes(text: str, evidence: str) -> None:
    assert evidence in [e for _, e in _purposes(text)]


def test_merger_circumstance_gives_one_record_per_sentence() -> None:
    found = _purposes("If we are involved in a merger, acquisition or asset sale, your data may be transferred.")
    assert [c for c, _ in found] == ["merger_acquisition"]


@pytest.mark.parametrize(
    ("rule_id", "example"),
    [
        pytest.param(p.id, example, id=f"{p.id}:{i}")
        for p in RULES.purposes
        for i, example in enumerate(p.counter_examples)
    ],
)
def test_counter_example_gives_no_purpose_of_its_category(rule_id: str, example: str) -> None:
    category = next(p.category for p in RULES.purposes if p.id == rule_id)
    assert category not in {c for c, _ in _purposes(example)}


@pytest.mark.parametrize("example", RULES.purpose_clauses.examples)
def test_clause_example_gives_a_purpose(example: str) -> None:
    assert _purposes(example)


@pytest.mark.parametrize("example", RULES.purpose_clauses.counter_examples)
def test_clause_counter_example_gives_no_purpose(example: str) -> None:
    assert _purposes(example) == []


def test_list_items_under_a_purpose_intro() -> None:
    text = "We use your information for the following purposes:\nPlacing and managing orders\nCustomer service\n"
    found = _purposes(text)
    assert ("basic_service", "Placing and managing orders") in found
    assert ("basic_service", "Customer service") in found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # Names, table labels and kinds of data listed under a purpose intro are no purposes.
        (
            "We use your information for the following purposes:\nGoogle Tag Manager\nPhone number\n"
            "Retention period: two years\nCustomer service\n",
            [("basic_service", "Customer service")],
            ["Google Tag Manager", "Phone number", "Retention period"],
        ),
        # Imperative list items state purposes, wherever their list is introduced.
        (
            "How we use your data\nWe rely on the following:\nComply with a legal obligation\ncompile statistics;\n",
            [("legal_requirement", "Comply with a legal obligation"), ("analytics_research", "compile statistics")],
            [],
        ),
        # ... but not in a list of the user's rights, nor when the verb begins a data term.
        ("Your rights\nYou may:\nAccess your data\nDelete your account\n", [], ["Access your data"]),
        ("Data we collect\nWe collect:\nContact information\nOperating system\n", [], ["Contact information"]),
        # A list number that mixes digits and letters ("4.2.b.1") is no part of the item.
        (
            "How we use data\n4.2 We use your details for these purposes:\n4.2.b.1 Running your account;\n"
            "4.2.b.2 Answering your messages;\n",
            [("basic_service", "Running your account"), ("basic_service", "Answering your messages")],
            [],
        ),
    ],
)
def test_list_items(text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    found = _purposes(text)
    for item in expected:
        assert item in found
    assert not [evidence for _, evidence in found if evidence in absent]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plain-verb statement under a heading about uses states a purpose.
        (
            "How We Use Your Information\nWe may also send you updates and important notifications about the app.\n",
            [("basic_service", "send you updates and important notifications about the app")],
        ),
        # Outside such a section it is a description of the service.
        ("About the app\nWe may also send you updates and important notifications about the app.\n", []),
        # The user is not the provider.
        ("How We Use Your Information\nYou may send us feedback at any time.\n", []),
    ],
)
def test_plain_verb_statements(text: str, expected: list[tuple[str, str]]) -> None:
    assert _purposes(text) == expected


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # A conjunction followed by a new subject ends the clause.
        (
            "We may collect information to process your request and the agent will need to sign a form.",
            "process your request",
        ),
        ("We use cookies to remember your cart as you move through the site.", "remember your cart"),
        # "and are obliged ...": a duty of the subject follows the purpose.
        (
            "Our contractors see your data only to perform these tasks for us and are obliged not to use it otherwise.",
            "perform these tasks for us",
        ),
    ],
)
def test_clause_ends_before_a_new_subject(text: str, evidence: str) -> None:
    assert evidence in [e for _, e in _purposes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A purpose word before "providers", "service", "companies" names a recipient or a tool.
        ("We let outside firms, such as analytics providers, collect details about your visits.", []),
        ("StatsBox is a web analytics service that counts the visitors of a site.", []),
        # A phrase that awaits its noun ("to operate our") is still read before "Service".
        ("We use session cookies to operate our Service.", [("basic_service", "operate our Service")]),
        ("We use your details for analytics and to operate our Service.", [("analytics_research", "analytics")]),
    ],
)
def test_recipients_and_tools_are_no_purposes(text: str, expected: list[tuple[str, str]]) -> None:
    found = _purposes(text)
    assert all(item in found for item in expected)
    if not expected:
        assert found == []


@pytest.mark.parametrize(
    "text",
    [
        "We use reasonable safeguards to protect the security of your personal details.",
        "The app uses third-party services that may collect information used to identify you.",
        "We may ask for more information to verify your identity before processing your request.",
        "We implement security protocols to maintain the confidentiality and integrity of student data.",
        "It is our policy to answer every claim that material posted on the service infringes copyright.",
        # An example in parentheses restates the purpose before it.
        "(for example, if we are required to retain your data to comply with applicable laws)",
    ],
)
def test_commitments_and_descriptions_state_no_purpose(text: str) -> None:
    assert _purposes(text) == []


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # The text after a purpose label restates the purpose, with no practice cue of its own.
        (
            "How we use data\n- To inform You: to notify You by email or text message about changes to the app.\n",
            "notify You by email or text message about changes to the app",
        ),
        # "The reason is to ..." states why data is shared.
        (
            "These vendors can see your details. The reason is to perform the jobs we give them on our behalf.",
            "perform the jobs we give them on our behalf",
        ),
        # Data needed for a purpose: a passive "is needed to" is the provider's purpose.
        (
            "This device data is mainly needed to maintain the stability and operation of the app.",
            "maintain the stability and operation of the app",
        ),
        # Tracking technologies state a purpose; only security technologies are a commitment.
        (
            "We use cookies and similar tracking technologies to measure the reach of our campaigns.",
            "measure the reach of our campaigns",
        ),
        # An adverb between "to" and the verb.
        ("We use the notes you send us to further develop the editor.", "develop the editor"),
        ("(c) to continually improve the lessons and exercises;", "improve the lessons and exercises"),
        # "in order to" marks a purpose whatever its verb.
        (
            "We ask for your postcode in order to make the delivery slots available to you.",
            "make the delivery slots available to you",
        ),
        # "aid X in doing", "serves the purpose of".
        (
            "Aggregated figures are sent to outside tools to aid the developer in improving the app.",
            "improving the app",
        ),
        ("Every cookie we set serves the purpose of keeping you signed in.", "keeping you signed in"),
        # "These tools help us ...": the cue is "help us" itself.
        ("These tools allow us to manage access to the members area.", "manage access to the members area"),
        # Enumerated purposes inside a sentence.
        (
            "We may disclose data when needed to (1) comply with a court order; (2) protect our property.",
            "protect our property",
        ),
        # A list inline after "for the following purposes:".
        (
            "Partners may see your details for the following purposes: process your bookings, send you receipts.",
            "process your bookings",
        ),
        # The provider's reserved right is no choice of the user.
        (
            "We reserve the right to transfer your details if our business is acquired by another firm.",
            "business is acquired",
        ),
        # "provide the ..." is the provider's service unless the user provides the data.
        (
            "We rely on your answers to provide the best tutoring we can to you.",
            "provide the best tutoring we can to you",
        ),
        # A request for a service is no request about the user's rights.
        ("We use your email address to respond to your request for a quote.", "respond to your request for a quote"),
        # Precautions against liability are a legal purpose, not a security measure.
        (
            "We may disclose details when necessary to take precautions against liability or to investigate claims.",
            "investigate claims",
        ),
        # Polls and surveys study the users.
        ("We may contact you to poll your views on new lessons.", "poll your views on new lessons"),
        # In a list of purposes the intro is the cue of a clause after a condition.
        (
            "We use your information for the following purposes:\n- Subject to local rules, to improve the lessons.\n",
            "improve the lessons",
        ),
        (
            "We use your information for the following purposes:\n- To permit members to book courts.\n",
            "permit members to book courts",
        ),
        # A purpose noun after "for" may have a word before it.
        ("We use this photo for the app functionality.", "app functionality"),
        # "to be able to" before the verb.
        ("We keep your phone number to be able to contact you about a delivery.", "contact you about a delivery"),
        # A report is an analysis of use.
        ("The vendor reads the logs to prepare reports on reading habits.", "prepare reports on reading habits"),
        # A purpose verb joined by "and" to an infinitive whose verb names no purpose.
        ("Some plug-ins use cookies to gather usage figures and improve their widgets.", "improve their widgets"),
        ("We transcode the clips to cut storage costs and improve playback on phones.", "improve playback on phones"),
        # The items that spell out named purposes ("such as", "including").
        (
            "We use the logs for internal purposes such as blocking spam bots, detecting bugs and measuring load.",
            "blocking spam bots",
        ),
        (
            "We use the logs for internal purposes such as blocking spam bots, detecting bugs and measuring load.",
            "detecting bugs",
        ),
        ("Data is kept for security purposes, including investigating break-ins.", "investigating break-ins"),
        # "our rights or to ...": a second infinitive, not the user's "right to".
        ("We may disclose your details to protect our rights or to improve the app.", "improve the app"),
        # An aside between "to" and its verb.
        ("We may share counts with partners to, for example, show trends in use.", "show trends in use"),
        # "better" may be the verb after "in order to", not an adverb before "our".
        ("We hire vendors in order to better our services.", "better our services"),
        # Named purposes of five words.
        (
            "We keep these logs to run the app, for fixing faults, and for our own statistics and reporting purposes.",
            "our own statistics and reporting purposes",
        ),
        # A label, a colon, and what the thing is for.
        ("Cookies we set\n\nSESSID: To identify your session on the site.\n", "identify your session on the site"),
        # A bulleted item is a list item however long it is.
        (
            "How we use data\n\nWe use the data for the following purposes:\n\n"
            "● Assessing the reach of and improving the adverts, offers and other promotions that we show on our "
            "own pages and apps when you follow one of our official accounts.\n",
            "Assessing the reach",
        ),
    ],
)
def test_purpose_clause_found(text: str, evidence: str) -> None:
    assert evidence in [e for _, e in _purposes(text)]


@pytest.mark.parametrize(
    "text",
    [
        # An instruction to the user, and what follows from it, is no purpose of processing.
        "If your child has sent us an email address, please write to us so that we can take the right steps.",
        "Please read the notices of those sites to understand how they handle what you share.",
        "You should check their terms and ask them to answer your questions.",
        # The user's duty.
        "You are responsible for keeping the password of your account secret.",
        # Words of the notice itself.
        "This page is used to inform app users regarding our policies on the use of their information.",
        # Recipients, not a corporate transaction.
        "Our affiliates include our parent company, subsidiaries and joint venture partners.",
        # The user's goals after "so that you" or "in order to".
        "We will post any change on this page so that you will always know what we gather.",
        "You are asked for a few details in order to use a paid plan.",
        # The notice's own purpose.
        "We might update this notice every so often in order to reflect new features.",
        # A California request for the disclosures made for direct marketing is a right.
        "Residents may request information about our disclosure of personal data to others for direct marketing.",
        # A description of security measures: its goals are no purposes of processing.
        "To prevent loss and misuse, we have put in place technical and organisational safeguards.",
        "We cannot guarantee the security of our servers or of the data you send us.",
        "Only staff who need the data to do their job have access to it, to keep it safe.",
        # The user's preferences and the time a request takes.
        "If you do not want us to personalise the ads you see, please change your settings.",
        "It may take up to ten days to process your request.",
        # A pointer to another text.
        "For more information about how we use cookies to improve the site, please see our cookie notice.",
        # What the user provides, and the user's action.
        "To provide the details requested, fill in the form below.",
        "It may be necessary for you to provide a copy of an invoice.",
        "For these partners, we recommend that you read their notices so you can see how they treat your details.",
        # Handling a request about the user's rights is no purpose of processing.
        "We will respond to your request within thirty days.",
        "No fee is charged for us to process or answer a verifiable consumer request you send.",
        "Members have the right, at any time, to learn if records about them are kept and to check them.",
        # The user's exercise of rights, and what data can no longer be.
        "We will not treat you differently for exercising your privacy rights.",
        "We may anonymise your records so that they can no longer be linked to you.",
        # The law a role is for names no purpose.
        "Our representative in the union for data protection purposes is a law firm in Berlin.",
        # The user's control of cookies.
        "Most browsers allow you to block and delete cookies.",
        "You can set your browser to warn you before cookies are set, or to refuse all cookies.",
        # Purposes that name no purpose.
        "We may share aggregated figures for any commercially reasonable purpose.",
        "In the past year we have disclosed identifiers to vendors for a business purpose.",
        "A resident who is away for a temporary or transitory purpose is still a resident.",
        # An attempt or an aim, not a use of data; and a growth plan before a merger clause.
        "Once we receive a complaint from you, the shop will attempt to contact you directly to talk it through.",
        "We always seek to reply within two working days.",
        "As we continue to develop our business, we might sell one of our shops.",
        # What a system or a contract is built for describes it; it is no use of data.
        "Our contracts with vendors are designed to help keep your details safe.",
        # Where to read about a partner's own use of data is the reader's goal.
        "The ad network belongs to a partner. To understand the partner's use of data, read its notice.",
    ],
)
def test_instructions_and_duties_state_no_purpose(text: str) -> None:
    assert _purposes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Under a title about the user's rights, the purpose words qualify a right or
        # describe how a request is handled: no purpose of processing.
        ("Your privacy rights\nWe will respond to your request within one month.\n", []),
        ("Right to object\nYou may object where we process your data for direct marketing purposes.\n", []),
        ("Exercising your rights\nWe may ask for a copy of an ID document to verify your identity.\n", []),
        ("Your choices\nWe give you choices about how we use your address for marketing.\n", []),
        # A list whose intro makes its items purposes still names them.
        (
            "Right to erasure\nWe may keep your data where it is necessary for us to:\n"
            "Comply with a legal obligation;\n",
            [("legal_requirement", "Comply with a legal obligation")],
        ),
        # A title about uses is no title about rights.
        (
            "How we use your data\nWe use your address to send you order confirmations.\n",
            [("basic_service", "send you order confirmations")],
        ),
    ],
)
def test_rights_sections_state_no_purposes(text: str, expected: list[tuple[str, str]]) -> None:
    assert _purposes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Identifiers for advertising" names a kind of data (the advertising ID).
        ("We collect your device identifiers for advertising, such as the advertising ID of your phone.", []),
        # What an identifier is recorded for is a purpose.
        (
            "We may record the identifier of your phone for marketing purposes.",
            [("marketing", "marketing purposes")],
        ),
    ],
)
def test_identifiers_for_advertising_name_data(text: str, expected: list[tuple[str, str]]) -> None:
    found = _purposes(text)
    assert all(item in found for item in expected)
    if not expected:
        assert found == []


def test_a_long_heading_is_read_as_a_paragraph() -> None:
    html = (
        "<h1>Privacy</h1><h2>Overview: we read the entries you make in the diary to show you charts of your "
        "sleep over the past month and the past year.</h2><p>We keep them for a year.</p>"
    )
    found = [(p.category, p.text) for p in PARSER.parse(html, format="html").purposes]
    assert any("show you charts of your sleep" in evidence for _, evidence in found)


def test_data_protection_in_a_title_names_the_notice_not_security_measures() -> None:
    # A long gerund item is read as a purpose where imperative items are; a section
    # about security measures is not such a place, a "Data Protection Notice" is.
    html = (
        "<h1>Shop</h1><h2>Data Protection Notice for Customers</h2><p>Effective 1 May.</p>"
        "<h3>Collection and Use of Personal Data</h3><p>We may use your personal data for these purposes:</p>"
        "<ul><li>performing obligations in connection with the lessons and the trips you book with us or our "
        "partners;</li><li>verifying your age;</li></ul>"
    )
    found = [p.text for p in PARSER.parse(html, format="html").purposes]
    assert any(evidence.startswith("performing obligations") for evidence in found)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Under a heading about keeping data safe, the goals of the measures are no purposes.
        (
            "<h1>Notice</h1><h2>Account security</h2><p>If a breach happens, we will act fast "
            "to stop it from spreading and to notify you by email.</p>",
            [],
        ),
        (
            "<h1>Notice</h1><h2>How we protect your information</h2><p>We keep a copy of every "
            "record offline to restore your account after a fault.</p>",
            [],
        ),
        # A "Security" subheading under a heading about uses names a purpose.
        (
            "<h1>Notice</h1><h2>How we use your data</h2><h3>Security</h3><p>We use your "
            "login records to detect fraud.</p>",
            [("security_operations", "detect fraud")],
        ),
        # A heading that names security among other things is not about measures only.
        (
            "<h1>Notice</h1><h2>Security and investigations</h2><p>We use your login records to detect fraud.</p>",
            [("security_operations", "detect fraud")],
        ),
    ],
)
def test_security_sections(html: str, expected: list[tuple[str, str]]) -> None:
    found = [(p.category, p.text) for p in PARSER.parse(html, format="html").purposes if not p.negated]
    assert found == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Sections about reaching the provider or about updates of the notice state no purposes.
        ("Contact us", []),
        ("12. Changes to this privacy notice", []),
        # Nor do sections about other sites the service links to: their practices are theirs.
        ("Links to other websites", []),
        ("7. Third-party sites", []),
        # Nor do the rules for the user's own use of the service.
        ("Prohibited uses", []),
        ("5. Acceptable use", []),
        # A section about uses of contact details does.
        ("How we use contact information", ["answer your questions about the app"]),
        ("Links to other websites and how we use the clicks", ["answer your questions about the app"]),
    ],
)
def test_contact_and_changes_sections_state_no_purposes(title: str, expected: list[str]) -> None:
    html = (
        f"<h1>Privacy</h1><h2>{title}</h2><p>We read the messages you send us to answer your questions "
        "about the app.</p>"
    )
    assert [p.text for p in PARSER.parse(html, format="html").purposes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence that opens with "in order to", whatever its verb, states its purpose
        # when the main clause after it states a practice.
        (
            "In order to make the booking page available to you, we collect your name and phone number.",
            [("basic_service", "make the booking page available to you")],
        ),
        # The main clause is the user's: the goal is the user's too.
        ("In order to buy tickets, or to sign in, you may be required to create an account with us.", []),
        ("In order to make a request, please write to our support team.", []),
        # Contractors carrying out their own tasks state no purpose of the provider's.
        ("Our contractors receive your data only to perform their assigned functions for us.", []),
        ("Our couriers see your address only to carry out their work for us.", []),
        ("Our contractor receives your data only to carry out his tasks for us.", []),
        ("We use your data to carry out our tasks for you.", [("basic_service", "carry out our tasks for you")]),
        ("We use your data to perform our contract with you.", [("basic_service", "perform our contract with you")]),
        # "so that" opens a purpose of its own: the clause before it ends there.
        (
            "We use cookies to count visits to each page so that we can improve our app.",
            [("analytics_research", "count visits to each page"), ("analytics_research", "improve our app")],
        ),
        # "We recommend you contact ..." is advice to the user; "recommend you products" is not.
        (
            "We use your purchase history to recommend you products you may like.",
            [("personalization", "recommend you products you may like")],
        ),
    ],
)
def test_opening_purposes_and_contractors(text: str, expected: list[tuple[str, str]]) -> None:
    assert _purposes(text) == expected


def test_advice_to_contact_someone_is_no_purpose() -> None:
    html = (
        "<h1>Privacy</h1><h2>How we use your information</h2>"
        "<p>If a parcel is late, we recommend you contact the courier directly.</p>"
    )
    assert [p.text for p in PARSER.parse(html, format="html").purposes if not p.negated] == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # An item that opens a list of its own inside a list of purposes: its items are purposes.
        (
            "<p>We use your data to:</p><ul><li>Run your staff account, including for:<ul>"
            "<li>staff training;</li><li>the management of holiday requests;</li></ul></li></ul>",
            ["Run your staff account", "staff training", "the management of holiday requests"],
        ),
        # A nested list under a list of data names data.
        (
            "<p>We collect:</p><ul><li>Contact details, including:<ul>"
            "<li>staff training;</li><li>the management of holiday requests;</li></ul></li></ul>",
            [],
        ),
        # An infinitive that opens an item of a list of purposes is one, whatever its verb.
        (
            "<p>We use your data for the following purposes:</p><ul>"
            "<li>To scout young players for the club's teams and invite the best ones to trials.</li>"
            "<li>To our partners, where you agreed.</li></ul>",
            ["scout young players for the club's teams and invite the best ones to trials"],
        ),
    ],
)
def test_nested_lists_and_infinitive_items(html: str, expected: list[str]) -> None:
    found = [p.text for p in PARSER.parse(html, format="html").purposes if not p.negated]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What someone "will continue to" do is a statement, not why data is processed ...
        ("A buyer of the shop will continue to operate our services under its own notice.", []),
        # ... but "to continue to improve" is a purpose.
        (
            "We use your feedback to continue to improve our lessons.",
            [("analytics_research", "improve our lessons")],
        ),
        (
            "We use your e-mail address to tell you about new features of the app.",
            [("basic_service", "tell you about new features of the app")],
        ),
        ("We keep order records to resolve a dispute with you.", [("basic_service", "resolve a dispute with you")]),
        # Handling complaints about the processing is no purpose of it.
        ("We cooperate with the supervisory authority to resolve any complaints you raise.", []),
        # A verb and its object end a clause before the next verb; verbs that share one object do not.
        (
            "We keep these records to comply with our legal obligations, resolve disputes, and enforce our agreements.",
            [
                ("legal_requirement", "comply with our legal obligations"),
                ("legal_requirement", "resolve disputes"),
                ("security_operations", "enforce our agreements"),
            ],
        ),
        (
            "We use your data to provide, operate and improve the app.",
            [("analytics_research", "provide, operate and improve the app")],
        ),
        # An opening "in order to" clause that no comma closes is not read.
        ("In order to credit the right partner we share a code with the network, which is deleted after a month.", []),
    ],
)
def test_continued_actions_complaints_and_verb_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert _purposes(text) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # An item of a purpose list that names no purpose as a whole may hold a clause.
        (
            "<p>We use the data we collect:</p><ul><li>For developing new products and services;</li></ul>",
            ["developing new products and services"],
        ),
        # A label inside a table of purposes ("Legal grounds:") opens no list of purposes.
        (
            "<p>Purposes of processing:</p><ul><li>Legal grounds for processing:<ul>"
            "<li>Fulfilment of a contract</li></ul></li></ul>",
            [],
        ),
    ],
)
def test_items_and_labels_of_purpose_lists(html: str, expected: list[str]) -> None:
    found = [p.text for p in PARSER.parse(html, format="html").purposes if not p.negated]
    assert found == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A section about handling the user's requests reads like one about rights.
        ("How we respond to your requests", []),
        ("Verifying your request", []),
        # A section about uses still states them.
        ("How we use your requests", ["enable them to act on it too"]),
    ],
)
def test_sections_about_handling_requests_state_no_purposes(title: str, expected: list[str]) -> None:
    html = (
        f"<h1>Privacy</h1><h2>{title}</h2><p>We may ask for more details to match them with the records we hold, "
        "and we share your request with our processors in order to enable them to act on it too.</p>"
    )
    assert [p.text for p in PARSER.parse(html, format="html").purposes if not p.negated] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the user uses a tool for is the user's goal.
        ("When you use our watch app to sync your steps, we store the step counts under your account.", []),
        ("We use the details you give us to book a table for you.", [("basic_service", "book a table for you")]),
    ],
)
def test_what_the_user_uses_something_for(text: str, expected: list[tuple[str, str]]) -> None:
    assert _purposes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clause states the legal purpose that a label or a circumstance would only name.
        (
            "Legal obligations: we may disclose your details where this is needed to comply with the law.",
            [("legal_requirement", "comply with the law")],
        ),
        (
            "If we receive a court order, we may disclose your details to comply with the law.",
            [("legal_requirement", "comply with the law")],
        ),
        # Without such a clause the circumstance of a disclosure is its legal purpose.
        ("We may disclose your details in answer to a court order.", [("legal_requirement", "court order")]),
    ],
)
def test_legal_circumstances_beside_a_legal_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert _purposes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # How cookies work is no purpose: sending or setting the cookie is the means.
        ("When you use the map, we may send one or more cookies to your device.", []),
        ("Every web shop can send its own cookie to your browser.", []),
        # The goal after it still is.
        ("We send cookies to your browser to remember your cart.", ["remember your cart"]),
        # Matching details against records is how a request is verified, not a purpose.
        ("These checks require us to ask you for details so that we can match them with the records we keep.", []),
    ],
)
def test_means_are_no_purposes(text: str, expected: list[str]) -> None:
    html = f"<h1>Privacy</h1><h2>How we use cookies</h2><p>{text}</p>"
    assert [p.text for p in PARSER.parse(html, format="html").purposes] == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A rights heading left in emphasis marks ("_..._") is still about rights.
        ("_Exercising your rights_", []),
        ("Exercising your rights", []),
        ("How we use your data", ["verify your identity"]),
    ],
)
def test_rights_heading_in_emphasis_marks(title: str, expected: list[str]) -> None:
    html = f"<h1>Privacy</h1><h2>{title}</h2><p>We may ask for your name and email address to verify your identity.</p>"
    assert [p.text for p in PARSER.parse(html, format="html").purposes] == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Items of a list whose intro says what the user can do are the user's steps.
        (
            "<h2>Your account</h2><p>To change the details of your profile, you can:</p><ul>"
            "<li>Log in to your account settings and change your details.</li>"
            "<li>Write to our support team.</li></ul>",
            [],
        ),
        (
            "<h2>Your account</h2><p>If you wish to close your profile, you may:</p><ul>"
            "<li>Log in to your account and pick the close option.</li></ul>",
            [],
        ),
        # What the user can do thanks to the processing is a purpose of it.
        (
            "<h2>How we use your data</h2><p>We process these details so that you can:</p><ul>"
            "<li>Log in to your account from any device.</li></ul>",
            ["Log in to your account"],
        ),
        (
            "<h2>How we use your data</h2><p>We use your details to:</p><ul>"
            "<li>Manage your account and send you receipts.</li></ul>",
            ["Manage your account", "send you receipts"],
        ),
    ],
)
def test_items_under_what_the_user_can_do(html: str, expected: list[str]) -> None:
    found = [p.text for p in PARSER.parse(html, format="html").purposes if not p.negated]
    assert found == expected


def test_rules_for_the_users_conduct_state_no_purposes() -> None:
    html = (
        "<h1>Terms</h1><h2>Prohibited uses</h2><p>Members may not do any of the following.</p><ul>"
        "<li>To send spam or any other promotional material to other members.</li>"
        "<li>To run automated tools that monitor or copy the pages of the app.</li></ul>"
        "<h2>How we use your data</h2><p>We use your email address to send you receipts.</p>"
    )
    found = [p.text for p in PARSER.parse(html, format="html").purposes if not p.negated]
    assert found == ["send you receipts"]
