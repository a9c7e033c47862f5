from __future__ import annotations

import re

import pytest

from privacyparser.normalize.offsets import OffsetChain, TextBuilder, rewrite


@pytest.mark.parametrize(
    ("source", "pattern", "replacement", "expected"),
    [
        ("a&amp;b", r"&amp;", "&", "a&b"),
        ("one\r\ntwo\rthree", r"\r\n?", "\n", "one\ntwo\nthree"),
        ("x  y   z", r" {2,}", " ", "x y z"),
        ("zero\u200bwidth", "\u200b", "", "zerowidth"),
    ],
)
def test_rewrite_maps_every_character_back(source: str, pattern: str, replacement: str, expected: str) -> None:
    text, offset_map = rewrite(source, re.compile(pattern), lambda m: replacement)
    assert text == expected
    for i, ch in enumerate(text):
        start, end = offset_map.source_start(i), offset_map.source_end(i + 1)
        piece = source[start:end]
        # A verbatim character maps to itself; a replaced one to the whole span it replaced.
        assert piece == ch or re.fullmatch(pattern, piece)


def test_chain_composes_stages() -> None:
    source = "Hello&nbsp;&nbsp;world"
    first, map1 = rewrite(source, re.compile(r"&nbsp;"), lambda m: " ")
    second, map2 = rewrite(first, re.compile(r" {2,}"), lambda m: " ")
    chain = OffsetChain([map1, map2])
    assert second == "Hello world"
    start = second.index("world")
    assert chain.source_span(start, start + 5) == (source.index("world"), len(source))
    assert source[slice(*chain.source_span(5, 6))] == "&nbsp;&nbsp;"


def test_inserted_text_maps_to_an_empty_range() -> None:
    builder = TextBuilder("TitleBody")
    builder.copy(0, 5)
    builder.insert("\n", 5)
    builder.copy(5, 9)
    text, offset_map = builder.finish()
    assert text == "Title\nBody"
    assert (offset_map.source_start(5), offset_map.source_end(6)) == (5, 5)
    assert offset_map.source_start(6) == 5
    assert offset_map.output_position(5) == 6


def test_output_position_maps_forward() -> None:
    source = "a&amp;b c"
    text, offset_map = rewrite(source, re.compile(r"&amp;"), lambda m: "&")
    assert text == "a&b c"
    assert offset_map.output_position(0) == 0
    assert offset_map.output_position(1) == 1  # the entity
    assert offset_map.output_position(6) == 2  # "b"
    assert offset_map.output_position(len(source)) == len(text)


def test_contiguous_copies_merge_into_one_piece() -> None:
    builder = TextBuilder("x" * 1000)
    for i in range(0, 1000, 10):
        builder.copy(i, i + 10)
    _, offset_map = builder.finish()
    assert len(offset_map) == 1
