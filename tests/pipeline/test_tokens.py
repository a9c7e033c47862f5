from __future__ import annotations

import pytest
import spacy

from privacyparser.pipeline import build_pipeline


@pytest.fixture(scope="module")
def tokenizers() -> tuple[object, object]:
    return build_pipeline().tokenizer, spacy.blank("en").tokenizer


@pytest.mark.parametrize("attribute", ["prefix_search", "suffix_search", "infix_finditer"])
def test_affix_regexes_are_spacys(tokenizers: tuple[object, object], attribute: str) -> None:
    ours, spacys = tokenizers
    # A compiled pattern equals another only with the same source, flags and program.
    assert getattr(ours, attribute).__self__ == getattr(spacys, attribute).__self__


@pytest.mark.parametrize("attribute", ["rules", "token_match", "url_match"])
def test_other_settings_are_spacys(tokenizers: tuple[object, object], attribute: str) -> None:
    ours, spacys = tokenizers
    assert getattr(ours, attribute) == getattr(spacys, attribute)


@pytest.mark.parametrize(
    "text",
    [
        "We don't sell data (e.g. your e-mail) to third-parties.",
        "Visit https://example.org/privacy?lang=en or write to privacy@example.org!",
        "U.S. residents: 3.5% of users, $20, 10-12 days; see Sec. 4(b)...",
    ],
)
def test_tokens_are_spacys(tokenizers: tuple[object, object], text: str) -> None:
    ours, spacys = tokenizers
    assert [t.text for t in ours(text)] == [t.text for t in spacys(text)]
