"""Retention statements: how long data is kept, or until when.

A sentence with a retention cue (keep, retain, delete, expire, ...) is read once; the
first rule of rules/retention.json that matches classifies it. A duration is only a
retention period when the sentence is not about an age, a notice or response period or a
look-back window ("not_a_period"); "keep your password safe", "we will process your request
as soon as we can" and a description of the right to erasure are not retention either
("not_keeping", checked before the limited and unspecified rules); "How long do we keep your
data?" asks, it states nothing ("not_a_statement"). A bare "retain" with no period names
retention only when it is the sentence's point: not in a list of processing verbs or nouns
("we collect, retain and process", "collection, use and retention"), not as possession ("data
held by us"), not in the policy's table of contents, not a section named in quotes, not where
or how data is stored ("on servers in Ireland", "securely"), not "keep a record of" (that is
recording): "not_unspecified", checked before the unspecified rule. How cookies behave in
general ("Session cookies expire when you close the browser", "Cookies are small text files")
is not how long this service keeps data: "not_data", checked before every rule; a named
cookie's lifetime ("The login cookie lasts two days") is kept, as it is how long what the
cookie holds is kept. Deleting what was collected from a child by mistake is a
children's-privacy safeguard, not a retention rule ("children" and "deleting" without
"keeping", with a child named in the sentence, the one before it or the innermost section
title); a stated period still counts.

Under a section whose title is about keeping data ("How long we keep it"), a line with no
cue of its own is read by the stated_period and limited rules as well: a table row
"Order records | 6 years after the order" or a list item "Logs: 30 days" is a retention
statement whose verb is the heading's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from privacyparser.extract.context import DocumentContext, SectionInfo
from privacyparser.extract.durations import iso_duration
from privacyparser.extract.leading import with_leading_literals
from privacyparser.models import Retention
from privacyparser.prefilter import finditer_by_leading_letter, literal_checks, remembered, trie_regex
from privacyparser.regex_cache import compile_regex
from privacyparser.rules import RuleSet, RuleTableError


@dataclass(frozen=True)
class RetentionVetoes:
    not_a_period: re.Pattern[str]
    not_keeping: re.Pattern[str]
    not_a_statement: re.Pattern[str]
    not_unspecified: re.Pattern[str]
    section_cue: re.Pattern[str]
    not_data: re.Pattern[str]
    children: re.Pattern[str]
    deleting: re.Pattern[str]
    keeping: re.Pattern[str]


@lru_cache(maxsize=1)
def retention_vetoes() -> RetentionVetoes:
    """The sentence-level vetoes of retention.json (loaded once)."""
    table = json.loads(resources.files("privacyparser.rules").joinpath("retention.json").read_text(encoding="utf-8"))
    try:
        return RetentionVetoes(
            compile_regex(table["not_a_period"]),
            compile_regex(table["not_keeping"]),
            compile_regex(table["not_a_statement"]),
            compile_regex(table["not_unspecified"]),
            compile_regex(table["section_cue"]),
            compile_regex(table["not_data"]),
            compile_regex(table["children"]),
            compile_regex(table["deleting"]),
            compile_regex(table["keeping"]),
        )
    except (KeyError, re.error) as exc:
        raise RuleTableError(f"retention.json vetoes: {exc}") from exc


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, skipped when `text` holds none of the pattern's literals:
    most cue sentences match few of the rules and vetoes, and one scan for those
    literals says so before the regex scans the sentence. The pattern runs behind a
    lookahead of the strings its matches begin with (`with_leading_literals`): the same
    match, found sooner in the longest rules and vetoes."""
    # Looked up by the pattern's identity: a cache keyed by the pattern itself hashes its
    # whole compiled code, 1-5 us per call here. One lookup gives both the literal scan
    # and the pattern that runs: the search is asked about 4,000 times a pass over OPP-115.
    literals, fast = remembered(pattern, "retention.search", lambda: _searcher(pattern))
    if literals is not None and literals.search(text) is None:
        return None
    return fast.search(text)


def _searcher(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
    """What `_search` asks of `pattern`: a scan for its literals and the pattern that runs.

    The literals as one regex factored by common prefixes: over the OPP-115 cue
    sentences it rules a sentence out sooner than a substring test per literal (49 for
    the "indefinitely" rule), and it still works for a rule of hundreds of literals
    ("as long as necessary", 280), for which those tests cost more than the rule.
    """
    literals = literal_checks(pattern)
    scan = None if literals is None else compile_regex(trie_regex(literals))
    return scan, with_leading_literals(pattern)


def _deletes_childrens_data(ctx: DocumentContext, vetoes: RetentionVetoes, sentence: str, index: int) -> bool:
    """True for "if we learn that we collected data from a child, we delete it": a children's-privacy
    safeguard for data that should never have been collected, not how long data is kept."""
    # "We keep a child's records for as long as the account is open" keeps; only deleting is vetoed.
    if _search(vetoes.deleting, sentence) is None or _search(vetoes.keeping, sentence) is not None:
        return False
    if _search(vetoes.children, sentence) is not None:
        return True
    start = ctx.sentence(index)[0]
    # "If we learn that a child under 13 has sent us data, we act. We delete such data at once."
    if index > 0:
        prev_start, prev_end = ctx.sentence(index - 1)
        if ctx.same_paragraph(prev_start, start) and vetoes.children.search(ctx.lower[prev_start:prev_end]):
            return True
    # The innermost section only: "Children's privacy", not a whole "Privacy policy for kids' apps".
    return vetoes.children.search(ctx.section_titles(start).split(" | ", 1)[0]) is not None


def _trigger(ctx: DocumentContext, sentence: str, sentence_start: int, index: int) -> str | None:
    for rule in ctx.rules.retention_triggers:
        if _search(rule.pattern, sentence):
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


def _classify(
    ctx: DocumentContext, vetoes: RetentionVetoes, index: int, kinds: tuple[str, ...] | None = None
) -> Retention | None:
    """The record of sentence `index` by the first rule that matches it (of `kinds` when given)."""
    start, end = ctx.sentence(index)
    sentence = ctx.lower[start:end]
    # The sentence vetoes are read once a rule matches: most cue sentences match none.
    vetoed: bool | None = None
    not_a_period: bool | None = None
    for rule in ctx.rules.retention:
        if kinds is not None and rule.kind not in kinds:
            continue
        found = _search(rule.pattern, sentence)
        if found is None:
            continue
        if vetoed is None:
            vetoed = bool(_search(vetoes.not_a_statement, sentence) or _search(vetoes.not_data, sentence))
        if vetoed:
            return None
        duration = None
        if rule.kind == "stated_period":
            if not_a_period is None:
                not_a_period = _search(vetoes.not_a_period, sentence) is not None
            if not_a_period:
                continue
            duration = iso_duration(found.group("amount"), found.group("unit"))
            if duration is None:
                continue
        elif rule.kind in ("unspecified", "limited") and _search(vetoes.not_keeping, sentence):
            continue
        if rule.kind != "stated_period" and _deletes_childrens_data(ctx, vetoes, sentence, index):
            return None
        if rule.kind == "unspecified" and _search(vetoes.not_unspecified, sentence):
            continue
        return Retention(
            **ctx.evidence(start, end, rule.id),
            kind=rule.kind,
            duration=duration,
            trigger=_trigger(ctx, sentence, start, index),
        )
    return None


def _is_line(ctx: DocumentContext, start: int, end: int) -> bool:
    """True when [start, end) is a line of its own: a table row or a list item."""
    text = ctx.text
    # Look back over spaces only, so that a long one-line document stays linear.
    before = start - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    return (before < 0 or text[before] == "\n") and (end >= len(text) or "\n" in text[end - 1 : end + 1])


def _titles(info: SectionInfo) -> str:
    """`ctx.section_titles` of a position in section `info`."""
    titles = []
    section: SectionInfo | None = info
    while section is not None:
        titles.append(section.title_lower)
        section = section.parent
    return " | ".join(titles)


def _retention_cues(rules: RuleSet, lower: str) -> Iterator[re.Match[str]]:
    """The retention cue's matches in the whole document, found by one scan per letter
    its alternatives open with (`finditer_by_leading_letter`): over the OPP-115 texts
    18 ms a pass where its alternation grouped by first letter (`factored_by_first_letter`)
    took 28 ms, a lookahead of the words a cue begins with (`with_leading_literals`) more,
    and the cue alone 45 ms. The same matches."""
    return finditer_by_leading_letter(rules.retention_cue, lower)


def extract_retention(ctx: DocumentContext) -> list[Retention]:
    vetoes = retention_vetoes()
    by_index: dict[int, Retention | None] = {}
    for match in _retention_cues(ctx.rules, ctx.lower):
        # Several cues can fall in one sentence; it is read once.
        index = ctx.sentence_index(match.start())
        if index in by_index:
            continue
        start, end = ctx.sentence(index)
        if ctx.in_furniture(start) or ctx.in_heading(start, end):
            by_index[index] = None
            continue
        by_index[index] = _classify(ctx, vetoes, index)
    # Lines under a retention heading: the heading supplies the verb. Most policies
    # have no such heading, and then no sentence needs its section looked up.
    if not any(vetoes.section_cue.search(_titles(info)) for info in ctx.sections):
        return [record for _, record in sorted(by_index.items()) if record is not None]
    about_keeping: dict[str | None, bool] = {}
    for index in range(ctx.sentence_count()):
        if index in by_index:
            continue
        start, end = ctx.sentence(index)
        if end <= start:
            continue
        section = ctx.section_id(start)
        if section is None:
            continue
        if section not in about_keeping:
            about_keeping[section] = vetoes.section_cue.search(ctx.section_titles(start)) is not None
        if not about_keeping[section] or ctx.in_furniture(start) or ctx.in_heading(start, end):
            continue
        if _is_line(ctx, start, end):
            by_index[index] = _classify(ctx, vetoes, index, ("stated_period", "limited", "indefinite"))
    return [record for _, record in sorted(by_index.items()) if record is not None]
