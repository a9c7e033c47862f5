"""Page furniture in plain text: breadcrumbs, repeated titles, navigation lines."""

from __future__ import annotations

import re

import pytest

from privacyparser.normalize import furniture
from privacyparser.normalize.furniture import find_furniture, navigation_kind


@pytest.mark.parametrize(
    "line",
    [
        "Back to top",
        "« Back To Top »",
        "back to top of page",
        "Return to top",
        "Top of Page",
        "Skip to main content",
        "Print this page",
        "Advertisement - Continue Reading Below",
        "© 2014 Example.com, Inc. All rights reserved.",
        "Copyright 2020 Example Ltd",
        "Terms of Use | Privacy Policy | Contact Us",
        "Back to Top | Back to the Privacy Policy Index",
    ],
)
def test_navigation_line(line: str) -> None:
    assert navigation_kind(line) == "navigation"


@pytest.mark.parametrize(
    "line",
    [
        "Security",
        "Cookies",
        "We may print your name on the parcel.",
        "You can go back to the top of the settings page to change this at any time.",
        "Copyright infringement claims are handled under our terms, which explain in detail "
        "how we respond to notices from rights holders and what we do with the content and accounts involved.",
        "Name | Email",  # two cells of a table, not a menu
        "",
    ],
)
def test_not_a_navigation_line(line: str) -> None:
    assert navigation_kind(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Home > Legal > Privacy\nPrivacy Policy\nPrivacy Policy\nWe collect data.",
            [("breadcrumb", "Home > Legal > Privacy"), ("repeated_title", "Privacy Policy")],
        ),
        (
            "Privacy Policy\n\nWe collect data.\n\nBack to top\n\nWe share data.\n\n© 2020 Example Inc.",
            [("navigation", "Back to top"), ("navigation", "© 2020 Example Inc.")],
        ),
        ("Privacy Policy\n\nWe collect data when you print a page.", []),
    ],
)
def test_find_furniture(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.kind, text[f.start : f.end]) for f in find_furniture(text)] == expected


@pytest.mark.parametrize(
    "line",
    [
        # Several navigation phrases glued together by the scraper.
        "Learn MoreGo to top of pageTop of page",
        # Share widgets.
        "Share on Facebook",
        "Share via Email",
        "Share on Google Plus",
        "Email this article",
        "Resize Text",
        "Print Article",
        "More Options",
        # Widget labels.
        "We Recommend",
        "You May Also Like",
        "Download PDF version",
        "Hide examples",
        "Show more",
        "Quick Links",
        # Wiki and CMS page lines.
        "Jump to: navigation, search",
        "From Minecraft Wiki",
        'Retrieved from "http://wiki.example.com/index.php?title=Privacy_policy&oldid=406285"',
        "This page was last edited on 3 May 2019, at 14:15.",
        "Text is available under Creative Commons terms unless noted otherwise.",
        # Badge alt text and language switches.
        "TRUSTe online privacy certification",
        "Validate TRUSTe seal certification Validate TRUSTe seal certification",
        "Safe Harbor Logo",
        "En Español",
        "English | Français | Deutsch",
        # Account links.
        "Sign in | Register",
        "Log in or Sign up",
        "My Account / Cart",
        # Copyright lines.
        "Copyright © 2015 Example Media, Inc.",
        "Copyright 2014 Example",
        "Example Inc. All Rights Reserved.",
        # A footer naming the site before its © and year.
        "Example Daily, Springfield © 2015 Example Media Holdings. Powered by a CMS. [Terms | Privacy]",
        "The Example Almanac Copyright © 1998-2012 by A. Writer",
    ],
)
def test_more_navigation_lines(line: str) -> None:
    assert navigation_kind(line) == "navigation"


@pytest.mark.parametrize(
    "line",
    [
        # Headings that mention copyright but are not copyright notices.
        "Copyright Complaints:",
        # A sentence before a © is policy text, and a year after "(c)" or "copyright" alone
        # is no notice when words come first.
        "Unless we say otherwise, all the material on this website is © 2011 Example Museum.",
        "The rules in item (c) 2015 apply to accounts opened before then.",
        "We hold the copyright 2015 edition of the guide.",
        "Copyright Agent:",
        "Copyright Limits on Items in our Archive",
        "Copyright, Reuse and Permissions",
        # Headings that are short like menu entries.
        "Sharing Your Information",
        "Information We Collect",
        "Facebook",
        "Email",
        "Cookies",
        "Registration",
        "Contact Us",
        "Use of our Logo",
        "Social Media Features and Widgets",
        "Print and Online Subscriptions",
        # Sentences that mention furniture words.
        "We may share your information on Facebook if you ask us to.",
        "You can sign in or register to manage your account settings.",
        "This page was last modified to explain how we use cookies and similar technologies.",
        "Learn more about how we use your information by reading the sections below.",
    ],
)
def test_policy_lines_are_not_navigation(line: str) -> None:
    assert navigation_kind(line) is None


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find_furniture(text)]


_BODY = "We collect the information you give us when you register, and we use it to run the service.\n\n"
# Thirty different paragraphs: a long policy body.
_LONG_BODY = "".join(f"Paragraph {n}: we keep your data only as long as we need it.\n\n" for n in range(30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One share button a line: the bare names count only next to share lines.
        (
            "Privacy Policy\n\nShare\nTweet\nPin\nE-mail\n\n" + _BODY,
            [("navigation", "Share"), ("navigation", "Tweet"), ("navigation", "Pin"), ("navigation", "E-mail")],
        ),
        # A site menu above the policy's title.
        (
            "Home\nNews\nSports\nWeather\nClassifieds\nPrivacy Policy\n\n" + _BODY,
            [
                ("navigation", "Home"),
                ("navigation", "News"),
                ("navigation", "Sports"),
                ("navigation", "Weather"),
                ("navigation", "Classifieds"),
            ],
        ),
        # A cookie banner: its sentence and its buttons.
        (
            "This site uses cookies to improve your experience.\nAccept\nManage settings\nPrivacy Policy\n\n" + _BODY,
            [
                ("navigation", "This site uses cookies to improve your experience."),
                ("navigation", "Accept"),
                ("navigation", "Manage settings"),
            ],
        ),
        # A table of contents label; a page number between paragraphs.
        (
            "Privacy Policy\n\nTable of Contents:\n\n" + _BODY + "6\n" + _BODY,
            [("table_of_contents", "Table of Contents:"), ("navigation", "6")],
        ),
        # The page header printed again as the page footer.
        (
            "Example News\nPrivacy Policy\n\n" + _LONG_BODY + "Example News\n",
            [("navigation", "Example News")],
        ),
    ],
)
def test_furniture_by_position(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Headings one after another under the title are the policy, not a menu.
        "Privacy Policy\n\nIntroduction\n\nScope\n\nDefinitions\n\nYour Rights\n\n" + _BODY,
        # A title, then short headings with their bodies.
        "Privacy Policy\n\nInformation We Collect\n\n" + _BODY + "Cookies\n\n" + _BODY + "Contact Us\n\n" + _BODY,
        # A bare network name in the policy, away from any share line.
        "Privacy Policy\n\nSocial plug-ins\n\nFacebook\n\n" + _BODY,
        # A contact block near the top and again at the end is policy text.
        "Privacy Policy\n\n" + _BODY + "Jane Doe\nPrivacy Officer\n\n" + _LONG_BODY + "Jane Doe\nPrivacy Officer\n",
        # The number of a heading printed on the line above its title.
        "Privacy Policy\n\n1\nInformation We Collect\n\n" + _BODY,
        # A sentence about cookies that is not next to a banner button.
        "Privacy Policy\n\nWe use cookies to remember your settings.\n\n" + _BODY,
    ],
)
def test_policy_text_is_not_furniture(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "You shall Indemnify us. Any dispute goes to ARBITRATION. At our sole discretion.",
        "you shall indemnify us. any dispute goes to arbitration. Provided “as is”.",
        # Characters that match a letter only case-blind: no substring test may rule them out.
        "You shall \u0130NDEMNIFY us. Any dispute goes to arb\u0131tration at our \u017fole discretion.",
        "Nothing here reads as terms of use, only as a short policy text.",
    ],
)
def test_terms_kinds_as_the_markers_count_them(text: str) -> None:
    # The literal pre-test of `_has_terms_kinds` never changes its answer.
    found = sum(1 for marker in furniture._TERMS_MARKERS if marker.search(text))
    for needed in range(1, 5):
        assert furniture._has_terms_kinds(text, needed) is (found >= needed)


@pytest.mark.parametrize(
    ("pattern", "bound"),
    [
        (furniture._SHARE_BUTTON, furniture._MAX_SHARE_BUTTON_CHARS),
        (furniture._TOC_LABEL, furniture._MAX_LABEL_CHARS),
        (furniture._LONE_NUMBER, furniture._MAX_LABEL_CHARS),
    ],
)
def test_whole_line_patterns_match_no_longer_text_than_their_bound(pattern: re.Pattern[str], bound: int) -> None:
    # Lines longer than the bound are not tried; the regex parser's widest match says so.
    from re import _parser

    assert _parser.parse(pattern.pattern, pattern.flags).getwidth()[1] <= bound


@pytest.mark.parametrize(
    "line",
    [
        "Back to top",
        "Safe Harbor Logo",
        "safe harbor logo",
        "© 2019 Example",
        "All Rights Reserved.",
        "Sign in | Register",
        "From Example Wiki",
        "We collect your e-mail address.",
        "Copyright Complaints",
        "Contact",
        "",
    ],
)
def test_navigation_line_pattern_is_any_of_its_parts(line: str) -> None:
    parts = (
        furniture._NAVIGATION,
        furniture._PAGE_META,
        furniture._LOGO,
        furniture._COPYRIGHT,
        furniture._ALL_RIGHTS,
        furniture._ACCOUNT,
    )
    expected = any(part.fullmatch(line) for part in parts)
    assert (furniture._NAVIGATION_LINE.fullmatch(line) is not None) == expected
