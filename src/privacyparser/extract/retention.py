"""Retention statements: how long data is kept, or until when.

A sentence with a retention cue (keep, retain, delete, expire, ...) is read once; the
first rule of rules/retention.json that matches classifies it. A duration is only a
retention period when the sentence is not about an age, a notice or response period or a
look-back window ("not_a_period"); "keep your password safe" is not retention either
("not_keeping", checked before the catch-all unspecified rule).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.durations import iso_duration
from privacyparser.models import Retention
from privacyparser.rules import RuleTableError


@dataclass(frozen=True)
class RetentionVetoes:
    not_a_period: re.Pattern[str]
    not_keeping: re.Pattern[str]


@lru_cache(maxsize=1)
def retention_vetoes() -> RetentionVetoes:
    """The sentence-level vetoes of retention.json (loaded once)."""
    table = json.loads(resources.files("privacyparser.rules").joinpath("retention.json").read_text(encoding="utf-8"))
    try:
        return RetentionVetoes(re.compile(table["not_a_period"]), re.compile(table["not_keeping"]))
    except (KeyError, re.error) as exc:
        raise RuleTableError(f"retention.json vetoes: {exc}") from exc


def _trigger(ctx: DocumentContext, sentence: str, sentence_start: int, index: int) -> str | None:
    for rule in ctx.rules.retention_triggers:
        if rule.pattern.search(sentence):
            return rule.trigger
    # "If you want to delete your information, contact us ... It will be deleted within
    # 90 days": the request that starts the clock is in the sentence before.
    if index > 0:
        prev_start, prev_end = ctx.sentence(index - 1)
        if ctx.same_paragraph(prev_start, sentence_start) and ctx.rules.deletion_request_context.search(
            ctx.lower[prev_start:prev_end]
        ):
            return "deletion request"
    return None


def extract_retention(ctx: DocumentContext) -> list[Retention]:
    rules = ctx.rules
    vetoes = retention_vetoes()
    records: list[Retention] = []
    seen: set[int] = set()
    for match in rules.retention_cue.finditer(ctx.lower):
        # Several cues can fall in one sentence; it is read once.
        index = ctx.sentence_index(match.start())
        if index in seen:
            continue
        seen.add(index)
        start, end = ctx.sentence(index)
        if ctx.in_furniture(start) or ctx.in_heading(start, end):
            continue
        sentence = ctx.lower[start:end]
        not_a_period: bool | None = None
        for rule in rules.retention:
            found = rule.pattern.search(sentence)
            if found is None:
                continue
            duration = None
            if rule.kind == "stated_period":
                if not_a_period is None:
                    not_a_period = vetoes.not_a_period.search(sentence) is not None
                if not_a_period:
                    continue
                duration = iso_duration(found.group("amount"), found.group("unit"))
                if duration is None:
                    continue
            elif rule.kind in ("unspecified", "limited") and vetoes.not_keeping.search(sentence):
                continue
            records.append(
                Retention(
                    **ctx.evidence(start, end, rule.id),
                    kind=rule.kind,
                    duration=duration,
                    trigger=_trigger(ctx, sentence, start, index),
                )
            )
            break
    return records
