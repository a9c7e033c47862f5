"""Retention statements: how long data is kept, or until when."""

from __future__ import annotations

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.durations import iso_duration
from privacyparser.models import Retention

# A duration in a sentence that speaks of age ("16 years old") or of notice periods is
# not a retention period.
_NOT_RETENTION = ("years old", "years of age", "age of", "aged ", "notice", "respond", "reply", "days' notice")


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
        for rule in rules.retention:
            found = rule.pattern.search(sentence)
            if found is None:
                continue
            duration = None
            if rule.kind == "stated_period":
                if any(marker in sentence for marker in _NOT_RETENTION):
                    continue
                duration = iso_duration(found.group("amount"), found.group("unit"))
                if duration is None:
                    continue
            records.append(
                Retention(
                    **ctx.evidence(start, end, rule.id),
                    kind=rule.kind,  # type: ignore[arg-type]
                    duration=duration,
                    trigger=_trigger(ctx, sentence, start, index),
                )
            )
            break
    return records
