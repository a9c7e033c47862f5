"""spaCy component `policy_sentences`: sentence boundaries for policies."""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from privacyparser.pipeline import keys
from privacyparser.pipeline.sentence_splitter import sentence_starts

#: `Doc.user_data` key where the parser leaves the text it made the Doc from: `Doc.text`
#: rebuilds the string token by token in Python, 5-10% of the cost of tokenising it.
DOC_TEXT = "privacyparser.text"
#: `Doc.user_data` key the parser sets on the Docs it makes for itself: the components
#: then skip the outputs only spaCy users read (`Token.is_sent_start`, `doc.spans`),
#: and leave in `user_data` what the extractors read. Such a Doc never leaves the parser
#: and holds no tokens: its text is under DOC_TEXT, and `policy_clauses` tokenises it
#: line by line (faster than whole, see `tokens.line_docs`).
PARSER_ONLY = "privacyparser.parser_only"


def parser_only(doc: Doc) -> bool:
    """True for a Doc the parser made for itself (see `PARSER_ONLY`)."""
    return doc.user_data.get(PARSER_ONLY) is True


def doc_text(doc: Doc) -> str:
    """`doc.text`, taken from `doc.user_data` when the parser left it there."""
    text = doc.user_data.get(DOC_TEXT)
    if isinstance(text, str) and (
        parser_only(doc) or (len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text))
    ):
        return text
    return str(doc.text)


class PolicySentences:
    """Sets `Token.is_sent_start` from `sentence_starts`, vectorised over the Doc."""

    def __call__(self, doc: Doc) -> Doc:
        starts = sentence_starts(doc_text(doc))
        doc.user_data[keys.SENTENCE_STARTS] = starts
        if len(doc) == 0 or parser_only(doc):
            return doc
        token_starts = doc.to_array([IDX]).reshape(-1)
        flags = numpy.full(len(doc), -1, dtype="int32")
        # A sentence starting inside a token (rare: "consent.You") starts at that token.
        indexes = numpy.searchsorted(token_starts, numpy.frombuffer(starts, dtype="int64"), side="right") - 1
        flags[numpy.clip(indexes, 0, len(doc) - 1)] = 1
        flags[0] = 1
        # spaCy's stubs ask for thinc's Ints2d; a 2-d numpy array of uint64 is what it takes.
        doc.from_array([SENT_START], cast(Any, flags.astype("uint64").reshape(-1, 1)))
        return doc


@Language.factory("policy_sentences", assigns=["token.is_sent_start"], default_config={})
def make_policy_sentences(nlp: Language, name: str) -> PolicySentences:
    return PolicySentences()
