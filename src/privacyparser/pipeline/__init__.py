"""The spaCy pipeline: `spacy.blank("en")` plus privacyparser's registered components.

Components (also exposed through the `spacy_factories` entry point):
`policy_sections` (section tree), `policy_sentences` (sentence boundaries),
`policy_clauses` (vocabulary matchers).
"""

from __future__ import annotations

from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

# Importing the modules registers the factories with spaCy.
from privacyparser.pipeline import clauses, sections, sentences  # noqa: F401
from privacyparser.pipeline.tokens import make_doc

__all__ = ["COMPONENTS", "build_pipeline", "make_doc"]

COMPONENTS = ("policy_sections", "policy_sentences", "policy_clauses")

# How many whitespace-separated pieces the tokenizer remembers the split of. spaCy's
# default, 10,000, is fewer than the distinct pieces of a few dozen policies (about
# 13,000 in the 80 OPP-115 texts): once it is full, every new piece is split again with
# the affix regexes each time it is met, about half of the tokenizer's time. An entry
# costs about 200 bytes, so the cache stays near 10 MiB however many policies are parsed.
TOKENIZER_CACHE_PIECES = 50_000


def build_pipeline() -> Language:
    """A blank English pipeline with every privacyparser component, built once."""
    # spaCy's tokenizer, its regexes from `compile_regex` (see `tokens.create_tokenizer`).
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "privacyparser.tokenizer.v1"}}})
    cast(Tokenizer, nlp.tokenizer).max_cache_size = TOKENIZER_CACHE_PIECES
    for name in COMPONENTS:
        nlp.add_pipe(name)
    # Policies can be long; the limit is enforced by the parser, not by spaCy.
    nlp.max_length = 10**9
    return nlp
