"""Page furniture in plain text: breadcrumbs, repeated titles, navigation lines."""

from __future__ import annotations

import pytest

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
