"""Negated data practices: "we do not sell your personal information".

A practice is negated when a negated practice verb governs the term in its own clause.
Three kinds of sentence look negated but are not negations of the practice:

- conditions on the user: "if you do not provide your email, you cannot register";
- restrictions: "we will not share your data without your consent", "we do not keep it
  longer than necessary", "we do not sell it except as described here" (the practice
  happens, within limits);
- idioms: "including but not limited to", "not only".

The first and last are `negation_exceptions` before the term; restrictions are read in
the rest of the clause after the term (`negation_restriction` in cues.json).
"""

from __future__ import annotations

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.prefilter import factored_by_first_letter, may_match

# Where a new clause starts: what precedes it does not govern the term.
_CLAUSE_BOUNDARIES = (";", ":", " but ", " however", " except ", " whereas ", " although ", " while ")
_AFTER_LIMIT = 120


NEGATION_WINDOW = 300


def is_negated(
    ctx: DocumentContext,
    sentence_start: int,
    term_start: int,
    term_end: int | None = None,
    sentence_end: int | None = None,
) -> bool:
    """True when the clause before the term negates a practice verb, with no restriction after it.

    Only the part of the sentence before the term, back to the last clause boundary, is
    read for the negation: in "we do not sell data, but we collect your email" the
    email is not negated because a "but" clause intervenes.
    """
    # A negation governs the words just after it; a bounded look-back keeps a sentence
    # with thousands of terms linear.
    prefix = ctx.lower[max(sentence_start, term_start - NEGATION_WINDOW) : term_start]
    # The clause read is the end of this window: most windows (five in six) hold none of
    # the cue's literals, and are done with before the clause is cut out.
    if not may_match(ctx.rules.negation, prefix):
        return False
    for boundary in _CLAUSE_BOUNDARIES:
        cut = prefix.rfind(boundary)
        if cut >= 0:
            prefix = prefix[cut + len(boundary) :]
    if not may_match(ctx.rules.negation, prefix):
        return False
    match = None
    # Looked up by the cue's identity (see `prefilter.remembered`).
    for found in factored_by_first_letter(ctx.rules.negation).finditer(prefix):
        match = found
    if match is None:
        return False
    if ctx.rules.negation_exceptions.search(prefix[max(0, match.start() - 20) :]) is not None:
        return False
    if ctx.rules.conditional.search(prefix[max(0, match.start() - 25) : match.start() + 4]) is not None:
        return False
    if term_end is not None:
        end = min(sentence_end if sentence_end is not None else len(ctx.lower), term_end + _AFTER_LIMIT)
        rest = ctx.lower[term_end:end]
        for boundary in (";", ". ", " but ", " however"):
            cut = rest.find(boundary)
            if cut >= 0:
                rest = rest[:cut]
        if ctx.rules.negation_restriction.search(rest):
            return False
    return True
