"""LowerCaseWords answers as the set of the text's lower-case words would."""

from __future__ import annotations

import pytest

from privacyparser.pipeline.lower_words import WORD, LowerCaseWords

TEXTS = [
    "Our Cookies Page: we use cookies. Don't panic; it's five o'clock.",
    "The Help Centre explains help. ab'cd x'y and café, CAFÉ, Straße.",
    "Numbers a1 and b_c and ½word sit next to words.",
    "",
]
QUERIES = ["cookies", "page", "our", "t", "don't", "o'clock", "help", "centre", "cd", "ab", "y", "café", "a1", "b", "c"]


@pytest.mark.parametrize("text", TEXTS)
def test_same_answer_as_the_word_set(text: str) -> None:
    expected = {word for word in WORD.findall(text) if word.islower()}
    words = LowerCaseWords(text)
    for query in [*QUERIES, *(word.casefold() for word in WORD.findall(text))]:
        assert (query in words) == (query in expected), query
