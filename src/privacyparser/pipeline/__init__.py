"""The spaCy pipeline: `spacy.blank("en")` plus privacyparser's registered components.

Components (also exposed through the `spacy_factories` entry point):
`policy_sections` (section tree), `policy_sentences` (sentence boundaries),
`policy_clauses` (vocabulary matchers).
"""

from __future__ import annotations

import spacy
from spacy.language import Language

# Importing the modules registers the factories with spaCy.
from privacyparser.pipeline import clauses, sections, sentences  # noqa: F401
from privacyparser.pipeline.tokens import make_doc

__all__ = ["COMPONENTS", "build_pipeline", "make_doc"]

COMPONENTS = ("policy_sections", "policy_sentences", "policy_clauses")


def build_pipeline() -> Language:
    """A blank English pipeline with every privacyparser component, built once."""
    # spaCy's tokenizer, its regexes from `compile_regex` (see `tokens.create_tokenizer`).
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "privacyparser.tokenizer.v1"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    # Policies can be long; the limit is enforced by the parser, not by spaCy.
    nlp.max_length = 10**9
    return nlp
