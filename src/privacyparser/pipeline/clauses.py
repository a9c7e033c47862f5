"""spaCy component `policy_clauses`: the vocabulary matchers (data categories, purposes).

One `PhraseMatcher` on lower-cased tokens holds every term of the data-category and
purpose tables; it is built once per pipeline and runs in C over each Doc. Plural
forms of the data terms are added here, so the tables list singulars.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import IDX, LENGTH
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
        for category in rules.data_categories:
            self._add(nlp, DATA, category.rule_id, [form for t in category.terms for form in plural_forms(t)])
        for purpose in rules.purposes:
            self._add(nlp, PURPOSE, purpose.id, list(purpose.phrases))

    def _add(self, nlp: Language, kind: str, rule_id: str, phrases: list[str]) -> None:
        key = f"{kind}|{rule_id}"
        self.kind_of[nlp.vocab.strings.add(key)] = (kind, rule_id)
        # Tokenise each phrase as written and lower-cased: the tokenizer splits some
        # words by case ("ID" stays whole, "id" becomes "i d" as in "I'd").
        unique = sorted({form for p in phrases if p.strip() for form in (p.strip(), p.strip().lower())})
        tokenizer = cast(Tokenizer, nlp.tokenizer)
        self.matcher.add(key, list(tokenizer.pipe(unique)))

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        by_kind: dict[str, list[tuple[int, int, int]]] = {DATA: [], PURPOSE: []}
        for match_id, start, end in matches:
            by_kind[self.kind_of[match_id][0]].append((start, end, match_id))
        clauses: list[tuple[str, str, int, int]] = []
        spans: list[Span] = []
        # The parser reads only the clauses: its own Docs get no Spans (see PARSER_ONLY),
        # and their character offsets are read off the token arrays.
        make_spans = not parser_only(doc)
        if matches and not make_spans:
            token_starts = doc.to_array(IDX)
            token_lengths = doc.to_array(LENGTH)
        for kind, kind_matches in by_kind.items():
            # The longest match wins: "email address" over "email", "IP address" over "address".
            for start, end, match_id in _filter_matches(kind_matches):
                rule_id = self.kind_of[match_id][1]
                if make_spans:
                    span = Span(doc, start, end, label=kind, span_id=rule_id)
                    spans.append(span)
                    clauses.append((kind, rule_id, span.start_char, span.end_char))
                else:
                    last = end - 1
                    end_char = int(token_starts[last]) + int(token_lengths[last])
                    clauses.append((kind, rule_id, int(token_starts[start]), end_char))
        clauses.sort(key=lambda c: c[2])
        if make_spans:
            doc.spans["clauses"] = spans
        doc.user_data[keys.CLAUSES] = clauses
        return doc


def _filter_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """`spacy.util.filter_spans` on (start, end, match_id) triples, without making Spans:
    longest first (then leftmost, then first found), no token claimed twice, in order."""
    ordered = sorted(matches, key=lambda m: (m[1] - m[0], -m[0]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        start, end, _ = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=lambda m: m[0])


@Language.factory("policy_clauses", assigns=["doc.spans"], default_config={})
def make_policy_clauses(nlp: Language, name: str) -> PolicyClauses:
    return PolicyClauses(nlp)
