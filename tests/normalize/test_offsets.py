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


def _random_chain(seed: int) -> tuple[str, OffsetChain, str]:
    """A random source put through a few random rewrites (drops, replacements, insertions)."""
    import random

    rnd = random.Random(seed)
    source = "".join(rnd.choice("ab  \n&;xy") for _ in range(rnd.randint(0, 60)))
    chain = OffsetChain()
    text = source
    steps = [
        (r"&", lambda m: "and"),
        (r" {2,}", lambda m: " "),
        (r"\n", lambda m: ""),
        (r"(?<=a)(?=b)", lambda m: "\n"),
        (r"x+", lambda m: "X"),
        (r";", lambda m: None),
        (r"zzz", lambda m: "never"),
        (r"y", lambda m: "yy"),
    ]
    for _ in range(rnd.randint(1, 6)):
        pattern, replacement = rnd.choice(steps)
        text, offset_map = rewrite(text, re.compile(pattern), replacement)
        chain.append(offset_map)
    return source, chain, text


@pytest.mark.parametrize("seed", range(300))
def test_flattened_chain_maps_every_position_as_the_chain_does(seed: int) -> None:
    _source, chain, text = _random_chain(seed)
    flat = chain.flattened()
    assert len(flat.maps) <= 1
    for pos in range(len(text) + 1):
        assert flat.source_start(pos) == chain.source_start(pos)
        assert flat.source_end(pos) == chain.source_end(pos)
        for end in range(pos, min(len(text), pos + 4) + 1):
            assert flat.source_span(pos, end) == chain.source_span(pos, end)


def test_flattening_drops_rewrites_that_changed_nothing() -> None:
    source = "Hello&nbsp;world"
    first, map1 = rewrite(source, re.compile(r"zzz"), lambda m: "never")
    _second, map2 = rewrite(first, re.compile(r"&nbsp;"), lambda m: " ")
    assert map1.is_identity() and not map2.is_identity()
    flat = OffsetChain([map1, map2]).flattened()
    assert flat.maps == [map2]
    assert flat.source_span(6, 11) == (source.index("world"), len(source))
