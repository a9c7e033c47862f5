"""Rights the user is told they have, with the response time where one is stated."""

from __future__ import annotations

import re

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.durations import iso_duration
from privacyparser.models import Right

_WITHIN = re.compile(
    r"\bwithin\s+(?P<amount>\d{1,4}|a|an|one|two|three|four|five|six|seven|ten|fourteen|fifteen|twenty|thirty|forty-five|sixty|ninety)"
    r"\s*(?:\(\d{1,4}\)\s*)?(?:business |calendar |working )?(?P<unit>hours?|days?|weeks?|months?)\b"
)
# A right is something the user can do; "we may delete your account" is not one.
_WE_SUBJECT = re.compile(r"^(?:\W{0,3})(?:we|our|the company|they)\b")


def _response_time(ctx: DocumentContext, sentence: str) -> str | None:
    if not ctx.rules.response_time.search(sentence):
        return None
    found = _WITHIN.search(sentence)
    if found is None:
        return None
    return iso_duration(found.group("amount"), found.group("unit"))


def extract_rights(ctx: DocumentContext) -> list[Right]:
    rules = ctx.rules
    found: list[tuple[int, int, str, str]] = []  # (start, end, kind, rule id)
    response_by_section: dict[str | None, tuple[int, str]] = {}
    for index in range(ctx.sentence_count()):
        start, end = ctx.sentence(index)
        if end <= start or ctx.in_furniture(start):
            continue
        sentence = ctx.lower[start:end]
        duration = _response_time(ctx, sentence)
        if duration is not None:
            response_by_section.setdefault(ctx.section_id(start), (start, duration))
        heading = ctx.in_heading(start, end)
        if not heading and not rules.right_user_cues.search(sentence):
            continue
        if _WE_SUBJECT.match(sentence) and "right" not in sentence and "you" not in sentence:
            continue
        kinds_here: set[str] = set()
        for rule in rules.rights:
            if rule.kind in kinds_here:
                continue
            match = rule.pattern.search(sentence)
            if match is None:
                continue
            kinds_here.add(rule.kind)
            found.append((start + match.start(), start + match.end(), rule.kind, rule.id))
    records: list[Right] = []
    for start, end, kind, rule_id in found:
        section = ctx.section_id(start)
        response = response_by_section.get(section)
        records.append(
            Right(
                **ctx.evidence(start, end, rule_id),
                kind=kind,  # type: ignore[arg-type]
                response_time=response[1] if response else None,
            )
        )
    return records
