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
from privacyparser.pipeline.sentences import doc_text, parser_only
from privacyparser.pipeline.tokens import line_docs
from privacyparser.rules import load_rules

DATA = "data_category"
PURPOSE = "purpose"

# A match: (match_id, start token, end token, start char, end char); the characters are
# filled in only where the tokens alone do not say them.
_Match = tuple[int, int, int, int, int]


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
        self.nlp = nlp
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
        if any("\n" in p for p in phrases):
            # `clauses_by_line` finds every match within a line.
            raise ValueError(f"{rule_id}: a vocabulary phrase holds a line break")
        # Tokenise each phrase as written and lower-cased: the tokenizer splits some
        # words by case ("ID" stays whole, "id" becomes "i d" as in "I'd").
        unique = sorted({form for p in phrases if p.strip() for form in (p.strip(), p.strip().lower())})
        tokenizer = cast(Tokenizer, nlp.tokenizer)
        self.matcher.add(key, list(tokenizer.pipe(unique)))

    def __call__(self, doc: Doc) -> Doc:
        if parser_only(doc):
            # The parser's own Docs carry no tokens (see PARSER_ONLY): the text is
            # matched line by line, which tokenises faster, and gets no Spans.
            doc.user_data[keys.CLAUSES] = self.clauses_by_line(doc_text(doc))
            return doc
        matches = [(match_id, start, end, 0, 0) for match_id, start, end in self.matcher(doc)]
        clauses: list[tuple[str, str, int, int]] = []
        spans: list[Span] = []
        for kind, rule_id, (_, start, end, _, _) in self._kept(matches):
            span = Span(doc, start, end, label=kind, span_id=rule_id)
            spans.append(span)
            clauses.append((kind, rule_id, span.start_char, span.end_char))
        clauses.sort(key=itemgetter(2))
        doc.spans["clauses"] = spans
        doc.user_data[keys.CLAUSES] = clauses
        return doc

    def clauses_by_line(self, text: str) -> list[tuple[str, str, int, int]]:
        """The clauses `__call__` finds in a Doc of `text`, found in the Docs of its lines.

        No vocabulary term holds a line break, so every match lies within a line. The
        token indexes of a line's matches are shifted past those of the lines before it
        (and one more, for the break), so that matches keep their order and overlaps.
        """
        matches: list[_Match] = []
        first_token = 0
        for offset, line in line_docs(self.nlp, text):
            for match_id, start, end in self.matcher(line):
                # Character offsets straight from the tokens: a Span per match costs more.
                first = line[start]
                last = first if end - start == 1 else line[end - 1]
                start_char, end_char = offset + first.idx, offset + last.idx + len(last)
                matches.append((match_id, first_token + start, first_token + end, start_char, end_char))
            first_token += len(line) + 1
        clauses = [(kind, rule_id, match[3], match[4]) for kind, rule_id, match in self._kept(matches)]
        clauses.sort(key=itemgetter(2))
        return clauses

    def _kept(self, matches: list[_Match]) -> list[tuple[str, str, _Match]]:
        """(kind, rule id, match) of the matches kept: per kind, the longest wins
        ("email address" over "email", "IP address" over "address"); data first."""
        # In text order; the matcher finds them so, and a stable sort keeps matches with
        # the same start in the order found (which `_filter_matches` breaks ties by).
        matches.sort(key=itemgetter(1))
        purpose_ids = self._purpose_ids
        rule_of = self._rule_of
        by_kind = {
            DATA: [match for match in matches if match[0] not in purpose_ids],
            PURPOSE: [match for match in matches if match[0] in purpose_ids],
        }
        return [
            (kind, rule_of[match[0]], match)
            for kind, kind_matches in by_kind.items()
            for match in _filter_matches(kind_matches)
        ]


def _filter_matches(matches: list[_Match]) -> list[_Match]:
    """`spacy.util.filter_spans` on matches (match_id, start, end, ...) sorted by start, without
    making Spans: longest first (then leftmost, then first in `matches`), no token claimed
    twice, in order.

    Matches overlap only within a run of matches each of which begins before the run so
    far ends; the choice inside one run does not depend on the others, and most runs
    hold a single match, which is kept as it is.
    """
    kept: list[_Match] = []
    run: list[_Match] = []
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


def _longest_first(matches: list[_Match]) -> list[_Match]:
    """The greedy choice among overlapping matches, in order of their starts."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        start, end = match[1], match[2]
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=itemgetter(1))


@Language.factory("policy_clauses", assigns=["doc.spans"], default_config={})
def make_policy_clauses(nlp: Language, name: str) -> PolicyClauses:
    return PolicyClauses(nlp)
