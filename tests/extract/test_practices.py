"""The data-practice gate: which vocabulary matches become DataCategory and Purpose records."""

from __future__ import annotations

import pytest

import privacyparser as pp

PARSER = pp.PolicyParser()


def _categories(text: str) -> set[str]:
    return {d.category for d in PARSER.parse(text, format="text").data_categories if not d.negated}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Specific terms need only a practice cue somewhere in the sentence.
        ("Our servers record the IP address of each request.", "ip_address"),
        ("The app reads the device model and operating system version.", "device_model"),
        # Generic terms need a collection verb that governs them.
        ("We collect personal information when you open an account.", "personal_information"),
        ("The personal data you provide to us is stored in Ireland.", "personal_data"),
        # Tracking mechanisms need something that uses them.
        ("We use cookies to keep you signed in.", "cookies"),
        ("Pixel tags help us count how many people open a message.", "pixels"),
        # Ambiguous words read as data after a possessive or in a list of data.
        ("We ask for your email so that we can send you a receipt.", "email_address"),
        ("We collect your name, email and phone number.", "email_address"),
        ("To verify your age we ask for your date of birth.", "age"),
        ("We collect User location to show nearby shops.", "location"),
        # A list line inherits the practice of the sentence that introduces the list.
        ("We collect the following information:\nUser name\nPhone number\nPhotos and album", "phone_number"),
        ("We collect the following information:\nUser name\nPhone number\nPhotos and album", "username"),
        # "Saving" is a practice cue like "save" and "store".
        ("You may opt in to saving your name and email address in cookies.", "full_name"),
        # A short intro without a verb leans on the sentence before it.
        (
            "We collect the categories of information listed below. The categories are:\n"
            "Identifiers, like your phone number or email address.",
            "phone_number",
        ),
        # A verb inside a data term is no cue, unless an object follows it.
        ("Our web server logs your browser type.", "browser_type"),
    ],
)
def test_practice_is_found(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Generic terms without a collection verb: security, rights, retention, sharing.
        ("We protect your personal information with encryption.", "personal_information"),
        ("You may request a copy of the personal data in your account.", "personal_data"),
        # Definitions say what a thing is, not that it is collected.
        ("Cookies are small text files stored on your device.", "cookies"),
        ('"Personal data" means any information relating to an identified person.', "personal_data"),
        ("Most browsers accept cookies automatically.", "cookies"),
        # Word-sense traps.
        ("We do not offer the service to anyone under the age of 13.", "age"),
        ("We may update this policy from time to time and will record the date of each change.", "visit_time"),
        ("These reports help us get a complete picture of how the app performs.", "photos"),
        ("In weighing our interests we give weight to your expectations and use them.", "fitness_data"),
        # Contact-us sentences are the provider's channels, not the user's data.
        ("You can email us at privacy@example.com with any questions.", "email_address"),
        ("If you have questions, contact us by email or phone.", "email_address"),
        ("Our postal address is printed at the end of this notice.", "postal_address"),
        ("We will use email to send you a receipt.", "email_address"),
        # A term that modifies another noun is not the data.
        ("Please read our cookie policy, which we update often.", "cookies"),
        ("CCTV notices are displayed at every entrance.", "videos"),
        # Umbrella terms that a sentence expands: the items are recorded instead.
        ("Usage data may include the pages you visit and the time spent on them.", "usage_data"),
        # Password advice is not a practice.
        ("Never share your password with anyone.", "password"),
    ],
)
def test_non_practice_is_rejected(text: str, category: str) -> None:
    assert category not in _categories(text)


def test_umbrella_items_are_kept() -> None:
    found = _categories("Usage data may include the pages you visit and the time spent on them.")
    assert {"pages_visited", "visit_time"} <= found


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("We use your data for product recommendations and personalized service.", "personalization"),
        ("Survey answers help us develop new features.", "analytics_research"),
        ("We use your address for order management.", "basic_service"),
    ],
)
def test_purpose_is_found(text: str, purpose: str) -> None:
    assert purpose in {p.category for p in PARSER.parse(text, format="text").purposes}


@pytest.mark.parametrize(
    "text",
    [
        "Registration is free and takes one minute.",
        "Our company was founded after a merger of two small firms.",
    ],
)
def test_purpose_without_practice_is_rejected(text: str) -> None:
    assert PARSER.parse(text, format="text").purposes == []


@pytest.mark.parametrize(
    ("text", "category", "kept"),
    [
        # A generic term gives way to the concrete data named in its sentence, unless the
        # document says nothing more general anywhere (the first such sentence is kept).
        (
            "We collect personal information when you register.\n\nWe ask for personal information such as your name.",
            "personal_information",
            1,
        ),
        # Generic terms in child, security and rights sentences are no category.
        ("If a child under 13 has provided us with personal information, we delete it.", "personal_information", 0),
        # A mechanism that gathers data is a category; a mechanism only used is the fallback.
        ("Cookies collect your IP address.\n\nWe use cookies to keep you signed in.", "cookies", 1),
        ("We use cookies to keep you signed in.\n\nWe use cookies to count visits.", "cookies", 1),
        # A retention statement says how long data is kept, not which data is held.
        ("We retain usage data for a shorter period of time.", "usage_data", 0),
        ("We keep your location history for as long as you choose.", "location_history", 1),
    ],
)
def test_document_level_gate(text: str, category: str, kept: int) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if not d.negated]
    assert sum(d.category == category for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A heading that names a kind of data, under a collection section, is that data.
        ("1. Information we collect\n\n1.1 Log Data\n\nWhen you visit, our servers record it.", "log_data"),
        # Place words are data next to other address data.
        ("We collect your street, city, state and postcode.", "region"),
    ],
)
def test_heading_and_list_words(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize(
    ("text", "item", "category"),
    [
        # An item the tables do not name, listed with kept data, takes its neighbour's category.
        ("We collect your name, title and email address.", "title", "full_name"),
        ("Our servers record the browser type and version.", "version", "browser_type"),
        # A term cut in two by a list joiner ("time and date of ...") does not end the list.
        ("We log the time and date of your use of the app, and other statistics.", "other statistics", "visit_time"),
        # An item that says what it is about is data, clause words and all.
        (
            "We collect your email address, phone number and information about your orders with us.",
            "information about your orders with us",
            "phone_number",
        ),
        # Items after an umbrella and "such as" take the umbrella's category.
        (
            "The watch records fitness data, such as heart rate, skin temperature and sleep duration.",
            "skin temperature",
            "fitness_data",
        ),
    ],
)
def test_enumeration_items_inherit_a_category(text: str, item: str, category: str) -> None:
    found = {(d.text, d.category) for d in PARSER.parse(text, format="text").data_categories if not d.negated}
    assert (item, category) in found, found


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # A verb joined to the data is no item; nor is a clause after the term.
        ("We use analytics to collect, monitor and analyze log data.", "monitor"),
        (
            "We may use your phone number to text you, for example about new features and special offers.",
            "special offers",
        ),
        # A label before a colon is no item, and neither is a negated list.
        ("Product Improvement and Marketing: we use your email address to improve the app.", "Product Improvement"),
        ("We do not collect your name, job title or email address.", "job title"),
        # Activities listed beside data are things done, not data.
        ("We collect your name, email address, fill out a survey and more.", "fill out a survey"),
        ("We collect your email address, complete a questionnaire and reply.", "complete a questionnaire"),
        ("We record your email address and adjusting your account settings.", "adjusting your account settings"),
        # An adverb is no item.
        ("You give us your phone number, email address or otherwise.", "otherwise"),
        # A gloss in parentheses is no item.
        ("We store a string created from your email address (also called a hash).", "also called a hash"),
        ("We keep email addresses, phone numbers (i.e. digitally scrambles) and names.", "digitally scrambles"),
        # An "information about ..." item is data; a verb before it, or a cut-short "about how", is not.
        ("We collect your IP address and store information about an app you open.", "store information about an app"),
        (
            "We collect your device type, language and information about how and when you open it.",
            "information about how",
        ),
        # The owner after a term that a parenthesis split off is no item.
        ("We collect the following: Address (home/office/other) of the User; phone number.", "of the User"),
        # A piece with a verb says what is done or what something is, not which data.
        (
            "Usage data: data collected automatically, such as your IP address and browser type.",
            "data collected automatically",
        ),
        ("Functional cookies: remember choices such as your language and your time zone.", "remember choices"),
        ("We collect your name, email address and enhance the sign-up experience.", "enhance the sign-up experience"),
        (
            "We receive your email address, your avatar and the assistant named Max, which answers questions.",
            "the assistant named Max",
        ),
        (
            "Each tool indicates any technology, such as device identifiers and cookies, that tracks users.",
            "Each tool indicates any technology",
        ),
    ],
)
def test_enumeration_items_rejected(text: str, item: str) -> None:
    assert item not in {d.text for d in PARSER.parse(text, format="text").data_categories if not d.negated}


@pytest.mark.parametrize(
    ("text", "category", "kept"),
    [
        # Place words are data in a list of data or after a collection verb, not after a possessive alone.
        ("If your country requires parental consent, we ask for it.", "country", 0),
        ("Data may be stored outside your state, province or country.", "region", 0),
        ("We collect your street, city, state and postcode.", "region", 1),
        ("We record your country of residence.", "country", 1),
        # A naming is not a practice: the items named later are.
        ("We collect data on your phone called Log Data.", "log_data", 0),
        # The provider's contact details, and password advice.
        ("You can contact us using the contact details provided below.", "contact_details", 0),
        ("We recommend using strong, unique passwords.", "password", 0),
        # "Emails" are messages unless listed with data; "your friends" an audience unless data.
        ("All e-mails sent to you from our site let you opt out of further e-mail.", "email_address", 0),
        ("We keep the phone numbers and emails of our members.", "email_address", 1),
        ("You can share a recipe with your friends and family.", "friends_list", 0),
        ("With your permission we read your friends list.", "friends_list", 1),
        # A data term that names a service, survey data named as the occasion, a range of ages.
        ("We share data with service providers such as credit card processors.", "payment_card", 0),
        ("We collect your email address when you provide feedback.", "feedback", 0),
        ("We collect your email address when you provide feedback.", "email_address", 1),
        ("We collect your feedback and your email address.", "feedback", 1),
        ("Users between the ages of 13 and 16 need a parent's permission to register.", "age", 0),
        # The person acting on their own data: a right or a choice, not a collection.
        ("You may review and update your account information in the My Account area.", "account_information", 0),
        ("You can add or update details such as your email address on the settings page.", "email_address", 0),
        ("We use your email address to send receipts; you can update it at any time.", "email_address", 1),
        # The person's tastes as the aim of personalisation are a purpose; storing them is a practice.
        ("We show content that matches your interests.", "interests", 0),
        ("We use cookies to better understand your preferences.", "preferences", 0),
        ("Our cookies store your preferences on your device.", "preferences", 1),
        # Organisations' contact details, and the tail of a split network address, are not the person's.
        ("We disclose the names and addresses of all third parties we shared data with.", "postal_address", 0),
        ('We log your device Internet Protocol ("IP") address and device name.', "postal_address", 0),
        # The bracketed short form is part of the term's name: one record, not two.
        ('We log your device Internet Protocol ("IP") address and device name.', "ip_address", 1),
        # The notice's scope, the controller, the option not to give data: no second generic record.
        (
            "We collect personal information when you register. "
            "This privacy notice applies to personal information collected through the app.",
            "personal_information",
            1,
        ),
        # A negated generic statement does not stand in for the policy's collection.
        (
            "We do not collect personal information from children. "
            "You do not have to provide personal information to browse the site.",
            "personal_information",
            1,
        ),
        # A mechanism listed among data is data; a list of mechanisms alone is not.
        ("Personal Data processed: Cookies; Usage Data.", "cookies", 1),
        # Another party's practices, which the policy does not describe.
        ("Your interactions with such widgets fall under the privacy terms of the firm behind them.", "usage_data", 0),
        # A pointer to the provider's contact details.
        ("To use these rights, please write to the address provided in Section 12.", "postal_address", 0),
        # Advice to the person and Do-Not-Track disclosures are no practices.
        ("Please do not send us your credit card number by email.", "payment_card", 0),
        ("A Do Not Track setting tells websites you visit not to track your browsing.", "browsing_history", 0),
        # The ability to request access; a generic term in a sentence about children.
        ("Parents have the ability to request access to the email address of their child.", "email_address", 0),
        (
            "We collect personal information when you register. "
            "Kids must ask a parent for consent before they give out personal information online.",
            "personal_information",
            1,
        ),
        # A right of the person, unlike the provider's reserved right.
        ("Request correction of the email address that we hold about you.", "email_address", 0),
        ("You have the right to withdraw consent to the processing of your health data.", "health_data", 0),
        ("We reserve the right to use your email address for any lawful purpose.", "email_address", 1),
        # Opting out, unsubscribing and keeping one's secrets are the person's own acts.
        ("You may opt out of the collection of information through cookies.", "cookies", 0),
        ("To unsubscribe, enter your email address in the field provided.", "email_address", 0),
        ("Keep your user ID and password confidential.", "password", 0),
        ("We share your email address with partners; you can opt out at any time.", "email_address", 1),
        # Stopping, cancelling, disabling; and how data is encrypted in transit.
        ("To stop receiving emails, complete the form on our website.", "email_address", 0),
        ("To keep it from us, you can disable the GPS on your phone.", "precise_location", 0),
        ("We show only the last four digits of your credit card number; SSL encrypts the rest.", "payment_card", 0),
        ("We collect your credit card number and encrypt it with SSL.", "payment_card", 1),
        # What the person puts in a request or complaint is like a contact-us sentence.
        ("For all requests, please include your name, street address and phone number.", "phone_number", 0),
        # A definition that says its data is collected describes a practice.
        ("Usage Data refers to data collected automatically when you use the app.", "usage_data", 1),
        (
            "Usage Data refers to data collected automatically, for example the duration of a page visit.",
            "visit_time",
            1,
        ),
        ('"Usage Data" means the pages you open in the app.', "usage_data", 0),
        # Data that is kept, settings where a choice is made: no collection.
        ("The company will also retain usage data for internal analysis.", "usage_data", 0),
        ("You can turn this access on or off through your device settings.", "device_information", 0),
        # A generic term that is used, shared or kept, or the subject of what it does, is
        # no second record beside the collection that names it.
        (
            "We collect personal information when you register. "
            "We may use personal information collected through the app to improve it.",
            "personal_information",
            1,
        ),
        (
            "We collect personal data when you sign up. "
            "The personal data you provide can give you access to more features.",
            "personal_data",
            1,
        ),
        # A disclosure required by law, or a notice before a transfer, collects nothing.
        ("We may be required to disclose your personal data if required by law.", "personal_data", 0),
    ],
)
def test_round_three_gate(text: str, category: str, kept: int) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if not d.negated]
    assert sum(d.category == category for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "category", "negated", "kept"),
    [
        # A rule for children or minors names no data the service collects ...
        ("Nobody under 13 may sign up or post photos in our forums.", "photos", False, 0),
        ("Teenagers need a parent's permission before giving us their phone number.", "phone_number", False, 0),
        ("Parents and guardians should watch over the online activities of their kids.", "browsing_history", False, 0),
        # ... but its denial stays, as a negated record.
        ("We do not knowingly collect personal information from children under 13.", "personal_information", True, 1),
        # A children's service stating its own collection is a practice, audience and all.
        (
            "With a parent's consent, we collect the child's first name and email address to create the account.",
            "email_address",
            False,
            1,
        ),
        # Data about children outside such a rule is still collected.
        (
            "Parents may give us information about your children, such as their first names, when booking.",
            "full_name",
            False,
            1,
        ),
        # The data a security measure protects is not collected there; a gathering verb says it is.
        ("Our checkout uses SSL encryption, including for your credit card number.", "payment_card", False, 0),
        ("We collect your credit card number over an encrypted connection.", "payment_card", False, 1),
        # A generic term in a sentence about transfers abroad, policy changes or other sites.
        (
            "Your personal information may be stored and processed in the United States.",
            "personal_information",
            False,
            0,
        ),
        (
            "If we change this privacy policy, we will tell you how we use your personal information.",
            "personal_information",
            False,
            0,
        ),
        ("Other websites that you reach by a link may collect personal information.", "personal_information", False, 0),
    ],
)
def test_specific_audiences_and_asides(text: str, category: str, negated: bool, kept: int) -> None:
    records = PARSER.parse(text, format="text").data_categories
    found = [d for d in records if d.category == category and d.negated == negated]
    assert len(found) == kept, [(d.text, d.category, d.negated) for d in records]


@pytest.mark.parametrize(
    "text",
    [
        "Users under 16 may not register to create an account with us.",
        "With a parent's consent, a child may use the chat to talk with friends.",
    ],
)
def test_rules_for_children_state_no_purpose(text: str) -> None:
    assert [p for p in PARSER.parse(text, format="text").purposes if not p.negated] == []


def _cuts_by_two_searches(lower: str) -> list[tuple[int, int, bool]]:
    """The enumeration cuts as two separate searches give them: the earlier match of
    the intro or the separator from the last cut, the intro on a tie."""
    rules = PARSER.rules
    cuts: list[tuple[int, int, bool]] = []
    pos = 0
    while True:
        intro = rules.enumeration_intro.search(lower, pos)
        sep = rules.enumeration_separator.search(lower, pos)
        found = min((m for m in (intro, sep) if m is not None), key=lambda m: m.start(), default=None)
        if found is None:
            return cuts
        cuts.append((found.start(), found.end(), found is intro))
        pos = found.end()


@pytest.mark.parametrize(
    "sentence",
    [
        "we collect your name, title and email address, such as: your work email (if any).",
        "data like age; gender & zip code, as well as photos etc. for example a profile picture",
        "information, including, but not limited to, your browsing history and/or device id",
        "we keep logs (i.e., records of access), namely the time, the page and the referrer",
        "no separator at all here",
        "  ,  such as  ( ) ; : or and ",
    ],
)
def test_one_scan_gives_the_enumeration_cuts(sentence: str) -> None:
    """`_cut_pattern` finds, in one scan, the cuts that searching each pattern found."""
    from privacyparser.extract.practices import _cut_pattern

    found = [(m.start(), m.end(), m.start("intro") >= 0) for m in _cut_pattern(PARSER.rules).finditer(sentence)]
    assert found == _cuts_by_two_searches(sentence)
    assert found or "," not in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "we collect your name, title and email address, such as: your work email (if any).",
        "data like age; gender & zip code, as well as photos etc. for example a profile picture",
        "information, including, but not limited to, your browsing history and/or device id",
        "  ,  such as  ( ) ; : or and ",
        "name ,\n and\t\u00a0 e-mail ;  or  phone",
    ],
)
@pytest.mark.parametrize("start", [0, 1, 5, 12])
def test_cuts_are_the_cut_pattern_scan(sentence: str, start: int) -> None:
    """`_cuts`, which searches without the leading whitespace and backs up over it, gives
    what `finditer` of `_cut_pattern` gives, from any start."""
    from privacyparser.extract.practices import _cut_pattern, _cuts

    expected = [
        (m.start(), m.end(), m.start("intro") >= 0)
        for m in _cut_pattern(PARSER.rules).finditer(sentence, start, len(sentence))
        if m.end() > m.start()
    ]
    assert _cuts(PARSER.rules, sentence, start, len(sentence)) == expected


@pytest.mark.parametrize(
    ("text", "category", "kept"),
    [
        # The items of a list introduced by the person's right name what they may ask about ...
        (
            "Your rights\n\nYou have the right to know:\n\n- The categories of personal data we collected about you\n"
            "- The specific pieces of personal data we hold about you\n",
            "personal_data",
            0,
        ),
        # ... unlike the items of a list introduced by a collection.
        (
            "What we collect\n\nWe collect the following:\n\n- The personal data you enter in the sign-up form\n",
            "personal_data",
            1,
        ),
        # Locations where data is processed or moved to are places, not the person's location.
        (
            "We process your data at our offices and any other locations where our processors are located.",
            "location",
            0,
        ),
        ("We collect your location when you open the map.", "location", 1),
        # The address a notice is sent to is a channel; the address collected at sign-up is data.
        (
            "If we change this policy, we will notify you through the email address you have provided.",
            "email_address",
            0,
        ),
        (
            "We may also give notice to you in other ways, such as through contact information you have provided.",
            "contact_details",
            0,
        ),
        ("We collect the email address you give us when you register.", "email_address", 1),
        # An ambiguous term owned by the person ("of the user") reads as data, like after "your" ...
        ("We collect the location of each user who enables the map feature.", "location", 1),
        ("We ask for the address of the user when an order is placed.", "postal_address", 1),
        # ... but not when another person owns it.
        ("A notice must include a physical signature of the person authorized to act for the owner.", "signature", 0),
        # Advice to the person about what to upload is not a practice.
        ("If you post photos, you should avoid uploading images that show your home address.", "photos", 0),
        ("You may upload photos to your profile page and we store them.", "photos", 1),
    ],
)
def test_round_four_gate(text: str, category: str, kept: int) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if not d.negated]
    assert sum(d.category == category for d in records) == kept, [(d.text, d.category) for d in records]


_DISCLOSURE_LIST = (
    "<h2>Categories of personal information we collected</h2>"
    "<p>In the last 12 months our company collected these categories of personal information:</p>"
    "<h3>D. Commercial information - NO</h3><p>Transaction information, purchase history and payment information</p>"
    "<h3>G. Geolocation data - YES</h3><p>Device location</p>"
)


@pytest.mark.parametrize(
    ("category", "negated"),
    [
        # A category that the disclosure list marks "NO" is not collected ...
        ("purchase_history", True),
        ("payment_information", True),
        # ... and one marked "YES" is.
        ("location", False),
    ],
)
def test_disclosure_list_marked_no(category: str, negated: bool) -> None:
    records = PARSER.parse(_DISCLOSURE_LIST, format="html").data_categories
    assert {d.negated for d in records if d.category == category} == {negated}, [
        (d.text, d.category, d.negated) for d in records
    ]


# A document whose first sentence keeps a generic term: a second sentence that mentions
# personal information only aside adds no record (the fallback is not needed).
_KEPT_FIRST = "Privacy Policy\n\nWe collect personal information when you open an account.\n\n"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Rights and requests: what a right is about, not what is collected ...
        ("Whenever you like, you may ask for a copy of the personal information we hold.", 1),
        ("We must verify your identity before we send you your personal information.", 1),
        ("For portability requests we send your personal information as a spreadsheet.", 1),
        # ... pointers to other text, transfers abroad, purpose-list intros ...
        ("Further details on the handling of personal information are given in section 9.", 1),
        ("Your personal information may be transferred to servers in other countries.", 1),
        ("We collect personal information for the following purposes:", 1),
        # ... the noun "collection", passing data on to others, and how long it is kept.
        ("This page explains our collection and use of personal information in the app.", 1),
        ("We may provide personal information to our business partners.", 1),
        ("Your personal information stays with us while your account remains open.", 1),
        # Counter-examples: a collection stated outright is a record of its own.
        ("We also collect personal information from the forms you fill in.", 2),
        ("The personal information you send us through the chat is collected by our staff.", 2),
        ("We ask you to provide personal information to us when you enter a contest.", 2),
    ],
)
def test_generic_term_mentioned_aside(text: str, kept: int) -> None:
    records = [d for d in PARSER.parse(_KEPT_FIRST + text, format="text").data_categories if not d.negated]
    assert sum(d.category == "personal_information" for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "category", "kept"),
    [
        # A section about the person's rights, choices, deletion, links, transfers or
        # changes names data as what a right or a change is about ...
        ("Your rights\n\nYou can ask us to correct your email address or phone number.", "phone_number", 0),
        ("Deleting your account\n\nYour username and photos are removed within 30 days.", "photos", 0),
        ("Changes to this policy\n\nWe announce changes by email to your email address.", "email_address", 0),
        ("Links to other sites\n\nThose sites may ask for your name and home address.", "postal_address", 0),
        ("Embedded content\n\nPages may embed maps whose owners record your IP address.", "ip_address", 0),
        # ... unlike a section about collected data, whatever else its title says.
        ("Information we collect and your rights\n\nWe collect your phone number at sign-up.", "phone_number", 1),
        ("Account data\n\nWe collect your phone number at sign-up.", "phone_number", 1),
        # A negation there is still read ("we never collect ..." in a rights section).
    ],
)
def test_sections_about_something_else(text: str, category: str, kept: int) -> None:
    records = [d for d in PARSER.parse("Privacy Policy\n\n" + text, format="text").data_categories if not d.negated]
    assert sum(d.category == category for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Mechanisms listed only with one another are used, not data ...
        ("We use cookies and similar technologies to remember your settings.", 0),
        # ... but one listed with data is an item of that data.
        ("Personal data processed: cookies and IP address.", 1),
        # In a section about cookies the mechanism is the topic, not an item of data ...
        ("Cookies\n\nWe place cookies on your device to collect statistics about visits.", 0),
        # ... unless it is listed with data there too.
        ("Cookies\n\nThe data we read this way: cookies, IP address and browser type.", 1),
    ],
)
def test_mechanisms_listed_together(text: str, kept: int) -> None:
    # The first sentence keeps a mechanism, so the second is judged on its own.
    first = "Privacy Policy\n\nOur cookies collect your IP address and the pages you visit, to count readers.\n\n"
    records = [d for d in PARSER.parse(first + text, format="text").data_categories if not d.negated]
    assert sum(d.category in ("cookies", "tracking_technologies") for d in records) == 1 + kept, [
        (d.text, d.category) for d in records
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Asking for or answering opinions is a purpose ...
        ("We use your email address to request feedback on your latest order.", 0),
        ("We read your messages to respond to customer feedback quickly.", 0),
        # ... while opinions that are sent in are data.
        ("We collect the feedback you send us through the contact form.", 1),
        ("We store your feedback together with your account number.", 1),
    ],
)
def test_feedback_as_a_purpose(text: str, kept: int) -> None:
    records = [d for d in PARSER.parse("Privacy Policy\n\n" + text, format="text").data_categories if not d.negated]
    assert sum(d.category == "feedback" for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bracketed short form belongs to the term before it: one record over both.
        ('Our logs keep your Internet Protocol ("IP") address.', ['Internet Protocol ("IP")']),
        ("We read the unique device identifier (UDID) of the phone.", ["unique device identifier (UDID)"]),
        # A bracketed term of another category is an item of its own.
        ("We read a device identifier (IDFA) from your phone.", ["device identifier", "IDFA"]),
    ],
)
def test_bracketed_short_forms(text: str, expected: list[str]) -> None:
    texts = [d.text for d in PARSER.parse(text, format="text").data_categories]
    assert [t for t in texts if t in expected or "(" in t] == expected, texts


@pytest.mark.parametrize(
    ("text", "item", "kept"),
    [
        # An umbrella that opens an enumeration is listed data too, as annotators read it.
        ("We record your phone model and network details, such as carrier and signal.", "network details", 1),
        ("We keep your email address and delivery records (courier and parcel number).", "delivery records", 1),
    ],
)
def test_umbrella_of_an_enumeration_is_an_item(text: str, item: str, kept: int) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if not d.negated]
    assert sum(d.text == item for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The browser's handling of cookies is no use of them ...
        ("Your browser can be set up to accept cookies or to warn you when one is sent.", 0),
        ("You can set your browser to block cookies at any time.", 0),
        # ... while a provider that sets or uses them is.
        ("We set cookies on your device when you sign in.", 1),
        ("We use cookies to keep you signed in.", 1),
    ],
)
def test_browser_handling_of_cookies(text: str, kept: int) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if not d.negated]
    assert sum(d.category == "cookies" for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "category", "negated"),
    [
        # What an aside leaves out is not handled ...
        ("Ad partners may use data (not including your name or phone number) about your visits.", "phone_number", True),
        ("We keep your contact details, excluding your home address, for billing.", "postal_address", True),
        # ... while what follows the aside, or an "including" list, is.
        ("We keep your contact details, excluding your fax line, and your email address.", "email_address", False),
        ("We collect your profile, including your phone number, when you register.", "phone_number", False),
    ],
)
def test_data_left_out_by_an_aside(text: str, category: str, negated: bool) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if d.category == category]
    assert records and all(d.negated == negated for d in records), [(d.text, d.negated) for d in records]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A quoted label in brackets names what came before; it is no item of the list.
        ('We collect the names and email addresses of your guests ("Invitees"), including their age.', "Invitees"),
        ('We record your tax number (collectively, "Fiscal IDs") and phone number.', "Fiscal IDs"),
    ],
)
def test_defined_label_is_no_item(text: str, label: str) -> None:
    texts = [d.text for d in PARSER.parse(text, format="text").data_categories]
    assert label not in texts and len(texts) >= 2, texts


@pytest.mark.parametrize(
    ("text", "category", "kept"),
    [
        # What the collection depends on is a condition, not collected data ...
        ("The details we gather depend on the features you use and the plan you pick.", "usage_data", 0),
        ("Depending on your location, your data may be transferred to another country.", "location", 0),
        # ... up to the comma after a fronted condition, a clause of ours, or a "but".
        ("Depending on the plan you choose we may ask for your phone number.", "phone_number", 1),
        ("What we hold depends on the plan you use, but we always collect your phone number.", "phone_number", 1),
        ("Depending on the plan, we collect your phone number.", "phone_number", 1),
    ],
)
def test_conditions_of_the_collection(text: str, category: str, kept: int) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if not d.negated]
    assert sum(d.category == category for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "category", "kept"),
    [
        # The person's duties towards their own data say nothing of what is collected ...
        ("You must keep your login, password and account details secure at all times.", "password", 0),
        ("You are in charge of the secrecy of your username and password.", "username", 0),
        ("You are responsible for the accuracy of your data, such as your contact details.", "contact_details", 0),
        # ... unlike the provider's own handling of the same data.
        ("When you register we collect your username and password.", "password", 1),
        ("We keep your contact details up to date for billing.", "contact_details", 1),
    ],
)
def test_duties_of_the_person(text: str, category: str, kept: int) -> None:
    records = [d for d in PARSER.parse(text, format="text").data_categories if not d.negated]
    assert sum(d.category == category for d in records) == kept, [(d.text, d.category) for d in records]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A bare name in a list of personal data, or alone on a list line, is a person's name ...
        ("We collect names, phone numbers and email addresses.", 1),
        ("When you sign up we collect:\nName\nEmail address\nPhone number", 1),
        # ... but not the name of a thing, nor the provider's own.
        ("We record the app name, screen size and your device model.", 0),
        ("We may publish our name and logo beside your review, and collect your email address.", 0),
        ("We list the names of the providers we use and collect your email address.", 0),
    ],
)
def test_bare_names(text: str, kept: int) -> None:
    records = [d for d in PARSER.parse("Privacy Policy\n\n" + text, format="text").data_categories if not d.negated]
    assert sum(d.category == "full_name" for d in records) == kept, [(d.text, d.category) for d in records]


def test_rejected_name_does_not_end_a_list() -> None:
    text = "We ask for details such as name, shop name, billing code and phone number."
    texts = [d.text for d in PARSER.parse(text, format="text").data_categories]
    assert "name" in texts and "billing code" in texts and "phone number" in texts, texts


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A line that labels its list as personal data states what is handled ...
        # (a line too long to be read as a list item)
        (
            "Personal Data: app opens; app updates; device information; first launches; in-app purchases; "
            "number of sessions; operating systems; session duration; crash reports; screen views; region; "
            "button taps; scroll depth; time on page",
            1,
        ),
        # ... a label over plain prose does not.
        ("Personal Data: our team reads every message with care and answers it within a week", 0),
    ],
)
def test_lists_labelled_personal_data(text: str, kept: int) -> None:
    records = PARSER.parse("Analytics\n\n" + text, format="text").data_categories
    assert (len(records) > 0) == bool(kept), [(d.text, d.category) for d in records]
