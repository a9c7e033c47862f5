"""spaCy component `policy_clauses`: the vocabulary matchers (data categories, purposes).

One `PhraseMatcher` on lower-cased tokens holds every term of the data-category and
purpose tables; it is built once per pipeline and runs in C over each Doc. Plural
forms of the data terms are added here, so the tables list singulars.
"""

from __future__ import annotations

from operator import itemgetter
from typing import cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from privacyparser.pipeline import keys
from privacyparser.pipeline.sentences import parser_only
from privacyparser.rules import load_rules

DATA = "data_category"
PURPOSE = "purpose"


def plural_forms(term: str) -> list[str]:
    """The term and its plural ("cookie" -> "cookies", "history" -> "histories")."""
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    already_plural = last.endswith("s") and not last.endswith("ss")
    if not last or not last[-1].isalpha() or already_plural:
        return [term]
    if last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return [term, prefix + plural]


class PolicyClauses:
    """Marks every vocabulary term; extractors decide in context what each one means."""

    def __init__(self, nlp: Language) -> None:
        rules = load_rules()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kind_of: dict[int, tuple[str, str]] = {}
        # The same, as `__call__` asks it for every match: a set and a plain map.
        self._purpose_ids: set[int] = set()
        self._rule_of: dict[int, str] = {}
        for category in rules.data_categories:
            self._add(nlp, DATA, category.rule_id, [form for t in category.terms for form in plural_forms(t)])
        for purpose in rules.purposes:
            self._add(nlp, PURPOSE, purpose.id, list(purpose.phrases))

    def _add(self, nlp: Language, kind: str, rule_id: str, phrases: list[str]) -> None:
        key = f"{kind}|{rule_id}"
        match_id = nlp.vocab.strings.add(key)
        self.kind_of[match_id] = (kind, rule_id)
        self._rule_of[match_id] = rule_id
        if kind == PURPOSE:
            self._purpose_ids.add(match_id)
        # Tokenise each phrase as written and lower-cased: the tokenizer splits some
        # words by case ("ID" stays whole, "id" becomes "i d" as in "I'd").
        unique = sorted({form for p in phrases if p.strip() for form in (p.strip(), p.strip().lower())})
        tokenizer = cast(Tokenizer, nlp.tokenizer)
        self.matcher.add(key, list(tokenizer.pipe(unique)))

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        # In text order; the matcher finds them so, and a stable sort keeps matches with
        # the same start in the order found (which `_filter_matches` breaks ties by).
        matches.sort(key=itemgetter(1))
        purpose_ids = self._purpose_ids
        by_kind = {
            DATA: [match for match in matches if match[0] not in purpose_ids],
            PURPOSE: [match for match in matches if match[0] in purpose_ids],
        }
        clauses: list[tuple[str, str, int, int]] = []
        spans: list[Span] = []
        # The parser reads only the clauses: its own Docs get no Spans (see PARSER_ONLY).
        make_spans = not parser_only(doc)
        rule_of = self._rule_of
        for kind, kind_matches in by_kind.items():
            # The longest match wins: "email address" over "email", "IP address" over "address".
            for match_id, start, end in _filter_matches(kind_matches):
                rule_id = rule_of[match_id]
                if make_spans:
                    span = Span(doc, start, end, label=kind, span_id=rule_id)
                    spans.append(span)
                    clauses.append((kind, rule_id, span.start_char, span.end_char))
                    continue
                # Character offsets straight from the tokens: a Span per match costs more.
                first = doc[start]
                start_char = first.idx
                last = first if end - start == 1 else doc[end - 1]
                clauses.append((kind, rule_id, start_char, last.idx + len(last)))
        clauses.sort(key=itemgetter(2))
        if make_spans:
            doc.spans["clauses"] = spans
        doc.user_data[keys.CLAUSES] = clauses
        return doc


def _filter_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """`spacy.util.filter_spans` on (match_id, start, end) triples sorted by start, without
    making Spans: longest first (then leftmost, then first in `matches`), no token claimed
    twice, in order.

    Matches overlap only within a run of matches each of which begins before the run so
    far ends; the choice inside one run does not depend on the others, and most runs
    hold a single match, which is kept as it is.
    """
    kept: list[tuple[int, int, int]] = []
    run: list[tuple[int, int, int]] = []
    run_end = -1
    for match in matches:
        if match[1] >= run_end:
            if len(run) == 1:
                kept.append(run[0])
            elif run:
                kept += _longest_first(run)
            run = [match]
            run_end = match[2]
        else:
            run.append(match)
            run_end = max(run_end, match[2])
    if len(run) == 1:
        kept.append(run[0])
    elif run:
        kept += _longest_first(run)
    return kept


def _longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The greedy choice among overlapping matches, in order of their starts."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        _, start, end = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=itemgetter(1))


@Language.factory("policy_clauses", assigns=["doc.spans"], default_config={})
def make_policy_clauses(nlp: Language, name: str) -> PolicyClauses:
    return PolicyClauses(nlp)
