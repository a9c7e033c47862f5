"""HTML or plain text: only real markup counts as HTML."""

from __future__ import annotations

import pytest

from privacyparser.normalize.detect import detect_format


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><title>x</title>", "html"),
        ("  \n<html><body>Policy</body></html>", "html"),
        ("<HTML>\n<BODY BGCOLOR=white>Old page", "html"),
        ("<body>\nWe collect data.", "html"),
        ("<p>We collect your <b>email</b>.</p>", "html"),
        ("<h1>Privacy</h1>\n<div>Intro</div>", "html"),
        ("Line one<br>\nline two<br>\nline three<br>\nline four<br>", "html"),
        ("Privacy Policy\n\nWe collect your email address.", "text"),
        ("Contact us at <privacy@example.com> or <dpo@example.com>.", "text"),
        ("<The Privacy Policy of ESSA>\n\n1. Introduction", "text"),
        ("If a < b and c > d then we keep data.", "text"),
        ("Write to <email> and mention <your name>.", "text"),
        ("We strip markup such as <p> from messages you send.", "text"),
        ("", "text"),
        ("x" * 1_000_000 + "<p>late</p>", "text"),
    ],
)
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected
