"""Data categories and purposes: vocabulary matches kept when their sentence is a data practice."""

from __future__ import annotations

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.negation import is_negated
from privacyparser.models import DataCategory, Purpose
from privacyparser.pipeline.clauses import DATA, PURPOSE
from privacyparser.rules import RuleSet

# A list item under "We collect the following:" is short and has no verb of its own.
_LIST_ITEM_WORDS = 25


class PracticeContext:
    """Caches, per sentence, whether it speaks about a data practice."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.rules: RuleSet = ctx.rules
        self._cache: dict[int, bool] = {}

    def sentence_is_practice(self, index: int) -> bool:
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        ctx = self.ctx
        start, end = ctx.sentence(index)
        sentence = ctx.lower[start:end]
        result = False
        if self.rules.practice_cue.search(sentence):
            result = not (self.rules.contact_us_cue.search(sentence) and "collect" not in sentence)
        elif len(sentence.split()) <= _LIST_ITEM_WORDS:
            # A list item or a short line: it inherits the practice of the sentence that
            # introduces it (same section) or of its section's title.
            if index > 0:
                prev_start, _ = ctx.sentence(index - 1)
                if ctx.section_id(prev_start) == ctx.section_id(start) and self.sentence_is_practice(index - 1):
                    result = True
            if not result and self.rules.section_practice_cue.search(ctx.section_titles(start)):
                result = True
        self._cache[index] = result
        return result


def extract_practices(ctx: DocumentContext) -> tuple[list[DataCategory], list[Purpose]]:
    practice = PracticeContext(ctx)
    groups = {c.rule_id: c for c in ctx.rules.data_categories}
    purpose_rules = {p.id: p for p in ctx.rules.purposes}
    data: list[DataCategory] = []
    purposes: list[Purpose] = []
    for kind, rule_id, start, end in ctx.clauses:
        if ctx.in_furniture(start) or ctx.in_heading(start, end):
            continue
        index = ctx.sentence_index(start)
        if not practice.sentence_is_practice(index):
            continue
        sentence_start, _ = ctx.sentence(index)
        negated = is_negated(ctx, sentence_start, start)
        if kind == DATA:
            category = groups[rule_id]
            # "email us at ..." uses the word as a verb about contacting, not data.
            after = ctx.lower[end : end + 4]
            if after.startswith((" us", " to ")) and category.group == "contact":
                continue
            data.append(
                DataCategory(
                    **ctx.evidence(start, end, rule_id),
                    category=category.key,
                    group=category.group,
                    negated=negated,
                )
            )
        elif kind == PURPOSE:
            purposes.append(
                Purpose(**ctx.evidence(start, end, rule_id), category=purpose_rules[rule_id].category, negated=negated)
            )
    return data, purposes
