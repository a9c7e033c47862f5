"""Negated data practices: "we do not sell your personal information".

A practice is negated when a negated practice verb governs the term in its own clause,
when the term is the subject of a negated passive ("your location is never stored"), or
when a contrast names it as what is not done ("for billing, not for advertising", "your
age but not your name"; `negation_contrast`, read at the end of the clause before it).
Several kinds of sentence look negated but are not negations of the practice:

- conditions on the user: "if you do not provide your email, you cannot register",
  "if you decline, we will not collect your location";
- restrictions: "we will not share your data without your consent", "we do not keep it
  longer than necessary", "we do not sell it except as described here" (the practice
  happens, within limits);
- negations of something else: what the company is not responsible for or a notice does
  not cover, what the user may not do, rights to ask "us not to sell", what a withdrawal
  does not affect, consent that is not needed, hedges ("we generally do not");
- a new clause between the negation and the term: "we do not sell data, and we use
  your email to ...";
- idioms: "including but not limited to", "not only".

`negation_exceptions` are read around the negation, `negation_qualifier` anywhere before
it in its clause, `negation_new_clause` and `negation_restriction` between it and the
term, and restrictions also in the rest of the clause after the term (cues.json).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from privacyparser.extract.context import DocumentContext
from privacyparser.first_chars import skipping_search
from privacyparser.prefilter import factored_by_first_letter, literal_checks, may_match, remembered

# Where a new clause starts: what precedes it does not govern the term.
_CLAUSE_BOUNDARIES = (";", ":", " but ", " however", " except ", " whereas ", " although ", " while ")
_AFTER_LIMIT = 120
# How far before a negated passive's subject its purpose or condition is looked for.
_LEAD_LIMIT = 40
# How far before the term a contrast ("..., but not for the purposes of your ") may begin.
_CONTRAST_LIMIT = 40


NEGATION_WINDOW = 300


class _CueIndex:
    """Where the negation cue's literals occur in a document, to tell in a binary search
    whether a window holds one: the same answer as `may_match` on the window's text,
    which scanned a window of up to 300 characters for every term (19k times over the
    OPP-115 texts, five in six of them for nothing)."""

    def __init__(self, lower: str, scans: list[re.Pattern[str]] | None) -> None:
        self.everywhere = scans is None
        spans: list[tuple[int, int]] = []
        for scan in scans or ():
            # Each occurrence of the first character is tried, so overlapping
            # occurrences are all found; the shortest literal there ends first.
            spans += [(found.start(), found.end(1)) for found in scan.finditer(lower)]
        spans.sort()
        self.starts = [start for start, _ in spans]
        # The least end among the occurrences from each one on.
        self.least_end = [end for _, end in spans]
        for i in range(len(spans) - 2, -1, -1):
            if self.least_end[i + 1] < self.least_end[i]:
                self.least_end[i] = self.least_end[i + 1]

    def holds(self, start: int, end: int) -> bool:
        """True when `lower[start:end]` holds one of the literals (or none are known)."""
        if self.everywhere:
            return True
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.least_end[i] <= end

    def reach(self, start: int) -> int:
        """The least end of the literals that begin at or after `start` (0 when none are
        known): `holds(start, end)` is false for every `end` before it."""
        if self.everywhere:
            return 0
        i = bisect_left(self.starts, start)
        return self.least_end[i] if i < len(self.starts) else 1 << 62


def _literal_scans(cue: re.Pattern[str]) -> list[re.Pattern[str]] | None:
    """One scan per first character of the cue's literals: `re` jumps from one
    occurrence of the character to the next (see `prefilter.SentenceFilter`)."""
    checks = literal_checks(cue)
    if checks is None:
        return None
    by_first: dict[str, list[str]] = {}
    for literal in checks:
        by_first.setdefault(literal[0], []).append(literal[1:])
    return [
        re.compile(re.escape(first) + "(?=(" + "|".join(map(re.escape, sorted(rests, key=len))) + "))")
        for first, rests in sorted(by_first.items())
    ]


def _cue_index(ctx: DocumentContext) -> _CueIndex:
    key = (_CueIndex, id(ctx.rules.negation))
    index = ctx.shared.get(key)
    if not isinstance(index, _CueIndex):
        scans = remembered(ctx.rules.negation, "cue_scans", lambda: _literal_scans(ctx.rules.negation))
        index = ctx.shared[key] = _CueIndex(ctx.lower, scans)
    return index


def negation_reach(ctx: DocumentContext, sentence_start: int) -> int:
    """Where the first literal of the negation cue at or after `sentence_start` ends: no
    negation before a term of the sentence that starts earlier (most terms: three in
    four of the terms read lie in sentences without one)."""
    return _cue_index(ctx).reach(sentence_start)


def is_negated(
    ctx: DocumentContext,
    sentence_start: int,
    term_start: int,
    term_end: int | None = None,
    sentence_end: int | None = None,
    reach: int = 0,
) -> bool:
    """True when the clause before the term negates a practice verb, or the term is the
    subject of a negated passive ("your location is never stored"), with no restriction
    after it.

    Only the part of the sentence before the term, back to the last clause boundary, is
    read for the negation: in "we do not sell data, but we collect your email" the
    email is not negated because a "but" clause intervenes.

    `reach` is `negation_reach(ctx, sentence_start)` when the caller asks it once for
    the terms of a sentence: a term that starts before it has no negation before it.
    """
    if not (term_start >= reach and _negated_before(ctx, sentence_start, term_start)) and not (
        term_end is not None and _negated_after(ctx, sentence_start, term_start, term_end)
    ):
        return False
    if term_end is not None:
        end = min(sentence_end if sentence_end is not None else len(ctx.lower), term_end + _AFTER_LIMIT)
        # The term itself may hold the restriction ("purposes other than those listed").
        rest = ctx.lower[term_start:end]
        for boundary in (";", ". ", " but ", " however"):
            cut = rest.find(boundary)
            if cut >= 0:
                rest = rest[:cut]
        if ctx.rules.negation_restriction.search(rest):
            return False
    return True


def _negated_after(ctx: DocumentContext, sentence_start: int, term_start: int, term_end: int) -> bool:
    """The term is the subject of a negated passive: "your location is never stored",
    "no location data is collected"; not in a purpose or a consequence ("to ensure that
    your data is not disclosed", "you can turn it off so no location is collected")."""
    if ctx.rules.negation_after.match(ctx.lower, term_end) is not None:
        negated = True
    else:
        negated = (
            ctx.lower.endswith("no ", 0, term_start)
            and ctx.rules.negation_after_no.match(ctx.lower, term_end) is not None
        )
    if not negated:
        return False
    lead = ctx.lower[max(sentence_start, term_start - _LEAD_LIMIT) : term_start]
    if ctx.rules.negation_after_blocked.search(lead) is not None:
        return False
    # Conditions and exceptions put first ("with the exception of ..., your email is not
    # shared") qualify it as they qualify a negation before the term.
    clause = ctx.lower[max(sentence_start, term_start - NEGATION_WINDOW) : term_start]
    return ctx.rules.negation_qualifier.search(clause) is None


def _negated_before(ctx: DocumentContext, sentence_start: int, term_start: int) -> bool:
    # A negation governs the words just after it; a bounded look-back keeps a sentence
    # with thousands of terms linear.
    window_start = max(sentence_start, term_start - NEGATION_WINDOW)
    # The clause read is the end of this window: most windows (five in six) hold none of
    # the cue's literals, and are done with before the clause is cut out.
    cue_index = _cue_index(ctx)
    if not cue_index.holds(window_start, term_start):
        return False
    prefix = ctx.lower[window_start:term_start]
    for boundary in _CLAUSE_BOUNDARIES:
        cut = prefix.rfind(boundary)
        if cut >= 0:
            prefix = prefix[cut + len(boundary) :]
    # A contrast names what is not done, with no verb of its own: "for billing, not for
    # advertising", "to count visits and never to identify you". It ends the clause, so
    # only its last characters are read.
    contrast_start = max(0, len(prefix) - _CONTRAST_LIMIT)
    contrast = ctx.rules.negation_contrast
    # Its literals ("not", "never") tested first: the search tried every position.
    if may_match(contrast, prefix[contrast_start:]) and contrast.search(prefix, contrast_start) is not None:
        return True
    # The clause ends the window: the index answers `may_match(ctx.rules.negation, prefix)`.
    if not cue_index.holds(term_start - len(prefix), term_start):
        return False
    match = _last_negation(ctx.rules.negation, prefix)
    if match is None:
        return False
    match_start, match_end = match
    if ctx.rules.negation_exceptions.search(prefix[max(0, match_start - 20) :]) is not None:
        return False
    # A condition or a restriction anywhere before the negation in its clause qualifies
    # it too: "without your consent, we will not share ...", "if the user declines, ...".
    if ctx.rules.negation_qualifier.search(prefix, 0, match_start) is not None:
        return False
    if ctx.rules.conditional.search(prefix[max(0, match_start - 25) : match_start + 4]) is not None:
        return False
    # A clause of its own between the negation and the term governs the term: "we do
    # not sell data, and we use your email to ...", "... if we learn that we collected".
    # It is looked for from the negation word on, since the cue's gap may span it ("it
    # cannot be provided and we use ...").
    if ctx.rules.negation_new_clause.search(prefix, prefix.find(" ", match_start)) is not None:
        return False
    return ctx.rules.negation_restriction.search(prefix, match_end) is None


def _last_negation(cue: re.Pattern[str], prefix: str) -> tuple[int, int] | None:
    """The span of the last match of `finditer(prefix)` of the negation cue."""
    # Looked up by the cue's identity (see `prefilter.remembered`).
    factored = factored_by_first_letter(cue)
    skipping = skipping_search(factored)
    if skipping is None:
        last: tuple[int, int] | None = None
        for found in factored.finditer(prefix):
            last = found.span()
        return last
    # The same matches, each searched from the end of the one before as `finditer` does
    # (none is empty): `re` skips the characters no negation word begins with.
    span: tuple[int, int] | None = None
    pos = 0
    while (step := skipping.search(prefix, pos)) is not None:
        span = step.span("at")
        pos = span[1]
    return span
