"""Purposes: why data is processed."""

from __future__ import annotations

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.negation import is_negated
from privacyparser.extract.practices import PracticeGate
from privacyparser.models import Purpose
from privacyparser.pipeline.clauses import PURPOSE


def extract_purposes(ctx: DocumentContext) -> list[Purpose]:
    gate = PracticeGate(ctx)
    purpose_rules = {p.id: p for p in ctx.rules.purposes}
    purposes: list[Purpose] = []
    for kind, rule_id, start, end in ctx.clauses:
        if kind != PURPOSE or ctx.in_furniture(start) or ctx.in_heading(start, end):
            continue
        index = ctx.sentence_index(start)
        if not gate.sentence_is_practice(index):
            continue
        sentence_start, sentence_end = ctx.sentence(index)
        purposes.append(
            Purpose(
                **ctx.evidence(start, end, rule_id),
                category=purpose_rules[rule_id].category,
                negated=is_negated(ctx, sentence_start, start, end, sentence_end),
            )
        )
    return purposes
