"""The spaCy pipeline: `spacy.blank("en")` plus privacyparser's registered components.

Components (also exposed through the `spacy_factories` entry point):
`policy_sections` (section tree), `policy_sentences` (sentence boundaries),
`policy_clauses` (vocabulary matchers).
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers the factories with spaCy.
from privacyparser.pipeline import clauses, sections, sentences  # noqa: F401

COMPONENTS = ("policy_sections", "policy_sentences", "policy_clauses")


def build_pipeline() -> Language:
    """A blank English pipeline with every privacyparser component, built once."""
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    # Policies can be long; the limit is enforced by the parser, not by spaCy.
    nlp.max_length = 10**9
    return nlp


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
