"""Negated data practices: "we do not sell your personal information"."""

from __future__ import annotations

from privacyparser.extract.context import DocumentContext


def is_negated(ctx: DocumentContext, sentence_start: int, term_start: int) -> bool:
    """True when the clause before the term negates a practice verb.

    Only the part of the sentence before the term, back to the last clause boundary
    (";" or ":"), is read: in "we do not sell data, but we collect your email" the
    email is not negated because a "but" clause intervenes.
    """
    prefix = ctx.lower[sentence_start:term_start]
    for boundary in (";", ":", " but ", " however", " except "):
        cut = prefix.rfind(boundary)
        if cut >= 0:
            prefix = prefix[cut + len(boundary) :]
    match = None
    for match in ctx.rules.negation.finditer(prefix):
        pass
    if match is None:
        return False
    return ctx.rules.negation_exceptions.search(prefix[max(0, match.start() - 20) :]) is None
