"""Tokenising policies with spaCy's tokenizer: whole (`make_doc`) or line by line (`line_docs`).

Both give every token exactly as `nlp.make_doc(text)` would, except inside runs of
more than LONG_RUN_CHARS characters without a space (cut into pieces; see `make_doc`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from privacyparser.regex_cache import compile_regex

# spaCy's tokenizer splits affixes off a token one character at a time, so a single
# run of thousands of symbols without a space ("$$$$...", a pasted URL list) costs time
# quadratic in its length. Runs longer than this are cut into pieces of this size.
LONG_RUN_CHARS = 100
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN_CHARS + 1},}}")
# `re` tries `_LONG_RUN` at every character (most of the cost of a policy's normalising).
# A byte per character, "x" for every character `\S` may match (those outside ASCII
# included), finds where such a run may be with one substring search.
_NON_SPACE = bytes(ord(" ") if re.match(r"\s", chr(c)) else ord("x") for c in range(128)) + b"x" * 128
_LONG_RUN_BYTES = b"x" * (LONG_RUN_CHARS + 1)
# Lines are tokenised in runs of up to this many characters (a longer line alone).
RUN_CHARS = 800
# What joins the lines of a run: whitespace, as "\n" is, but not one of the tokenizer's
# special cases ("\n" is), which would stop its caching for the rest of the run.
_LINE_BREAK = "\x0b"


def _has_long_run(text: str) -> bool:
    if _LONG_RUN_BYTES not in text.encode("ascii", "replace").translate(_NON_SPACE):
        return False
    return _LONG_RUN.search(text) is not None


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, in linear time even for very long runs without spaces.

    The Doc's text is exactly `text`; only tokens inside an over-long run differ (they
    are cut every LONG_RUN_CHARS characters).
    """
    if not _has_long_run(text):
        return nlp.make_doc(text)
    return _make_doc_cutting_runs(nlp, text)


def _make_doc_cutting_runs(nlp: Language, text: str) -> Doc:
    pieces: list[str] = []
    pos = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > pos:
            pieces.append(text[pos : match.start()])
        run = match.group()
        pieces.extend(run[i : i + LONG_RUN_CHARS] for i in range(0, len(run), LONG_RUN_CHARS))
        pos = match.end()
    if pos < len(text):
        pieces.append(text[pos:])
    docs = [nlp.make_doc(piece) for piece in pieces]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - a guard: offsets must index `text`
        return nlp.make_doc(text)
    return doc


def line_docs(nlp: Language, text: str) -> Iterator[tuple[int, Doc]]:
    """(offset, Doc) of runs of whole lines of `text`, in order: each Doc holds the tokens
    `make_doc(nlp, text)` has in `text[offset : offset + len(doc.text)]`, its text that
    slice with every line break a vertical tab (so a token's `idx` plus `offset` is its
    place in `text`). A run starts and ends on a line that is not empty.

    A line's tokens are those `make_doc(nlp, text)` has there: the tokenizer cuts the
    text at whitespace and tokenises each piece alone, and its special cases never
    reach over a line break (a whitespace token; a vertical tab is one too, and no
    special case holds one). Called once per line or run, the tokenizer is two to three
    times faster than on a whole policy: once it has met a special case ("e.g.",
    "don't", and the line break "\n" itself) it stops caching how it split pieces, for the
    rest of that call (spaCy issue #13950: `has_special` is never reset), and re-splits every
    later word with its affix regexes; each call starts afresh. Short lines (headings,
    list items) are tokenised RUN_CHARS characters at a time: a Doc costs about as much
    to make as a short line's tokens (a quarter of the tokenizer's time, one Doc a line).
    """
    # `nlp.make_doc` is the tokenizer behind a length check the parser makes itself
    # (`max_length` is set out of reach): called straight, thousands of calls a policy
    # save a Python frame each.
    tokenizer = nlp.tokenizer
    offset = 0
    if _has_long_run(text):
        for line in text.split("\n"):
            if line:
                yield offset, make_doc(nlp, line)
            offset += len(line) + 1
        return
    start = -1  # where the run being gathered starts
    end = 0  # where its last line ends
    for line in text.split("\n"):
        if line:
            if start >= 0 and offset + len(line) - start > RUN_CHARS:
                yield start, tokenizer(text[start:end].replace("\n", _LINE_BREAK))
                start = -1
            if start < 0:
                start = offset
            end = offset + len(line)
        offset += len(line) + 1
    if start >= 0:
        yield start, tokenizer(text[start:end].replace("\n", _LINE_BREAK))


def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer (`spacy.Tokenizer.v1`), its affix regexes made by
    `compile_regex`: the same regexes (spaCy's `compile_*_regex` expressions), without
    compiling their ~30,000 characters in every process."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefix = _affix_regex(defaults.prefixes, "^", "", compile_prefix_regex)
        suffix = _affix_regex(defaults.suffixes, "", "$", compile_suffix_regex)
        infix = _affix_regex(defaults.infixes, "", "", compile_infix_regex)
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=prefix.search if prefix is not None else None,
            suffix_search=suffix.search if suffix is not None else None,
            infix_finditer=infix.finditer if infix is not None else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory


registry.tokenizers.register("privacyparser.tokenizer.v1", func=create_tokenizer)


def _affix_regex(
    pieces: Sequence[str | re.Pattern[str]] | None,
    before: str,
    after: str,
    spacy_compile: Callable[[Sequence[str | re.Pattern[str]]], re.Pattern[str]],
) -> re.Pattern[str] | None:
    """The regex spaCy's `compile_*_regex` makes of `pieces` (its very expression)."""
    if not pieces:
        return None
    strings = [piece for piece in pieces if isinstance(piece, str)]
    if len(strings) != len(pieces):
        return spacy_compile(pieces)  # as spaCy does it, whatever that is
    return compile_regex("|".join(before + piece + after for piece in strings if piece.strip()))
