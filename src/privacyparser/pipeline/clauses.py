"""spaCy component `policy_clauses`: the vocabulary matchers (data categories, purposes).

One `PhraseMatcher` on lower-cased tokens holds every term of the data-category and
purpose tables; it is built once per pipeline and runs in C over each Doc. Plural
forms of the data terms are added here, so the tables list singulars.
"""

from __future__ import annotations

from typing import cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from privacyparser.pipeline import keys
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
        by_kind: dict[str, list[Span]] = {DATA: [], PURPOSE: []}
        for match_id, start, end in matches:
            kind, rule_id = self.kind_of[match_id]
            by_kind[kind].append(Span(doc, start, end, label=kind, span_id=rule_id))
        clauses: list[tuple[str, str, int, int]] = []
        spans: list[Span] = []
        for kind, kind_spans in by_kind.items():
            # The longest match wins: "email address" over "email", "IP address" over "address".
            for span in filter_spans(kind_spans):
                spans.append(span)
                clauses.append((kind, span.id_, span.start_char, span.end_char))
        clauses.sort(key=lambda c: c[2])
        doc.spans["clauses"] = spans
        doc.user_data[keys.CLAUSES] = clauses
        return doc


@Language.factory("policy_clauses", assigns=["doc.spans"], default_config={})
def make_policy_clauses(nlp: Language, name: str) -> PolicyClauses:
    return PolicyClauses(nlp)
