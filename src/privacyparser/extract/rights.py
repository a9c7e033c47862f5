"""Rights the user is told they have, with the response time where one is stated.

A sentence is read for a right when it speaks to the user (a cue such as "you may",
"request", "you have the right"), when it is a heading, when its section is about the
user's rights or choices, or when it is an item of a list that such a sentence opens
("You have the right to:"). Each rule may also veto a match by what precedes it ("third
parties have access to"), by the matched text itself, or by the whole sentence; see
rules/rights.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from privacyparser.extract.context import DocumentContext
from privacyparser.extract.durations import duration_after
from privacyparser.extract.leading import with_leading_literals
from privacyparser.models import Right
from privacyparser.prefilter import remembered, top_alternatives
from privacyparser.regex_cache import compile_regex
from privacyparser.rules import PatternRule, RuleSet, RuleTableError

# A right is something the user can do; "we may delete your account" is not one.
_WE_SUBJECT = re.compile(r"^(?:\W{0,3})(?:we|our|the company|they)\b")
_NAMES_USER = re.compile(
    r"\b(?:you|your|users?|customers?|consumers?|members?|individuals?|rights?|data subjects?|requests?)\b"
)
# The verb of the match has the operator as its subject: "ESSA will stop using and delete
# your information", "we may then erase it", "we will take reasonable steps to delete it"
# describe what the company does, not a right.
_OPERATOR_DOES = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|then|so|that|where|when)\s+)"
    r"(?!(?:You|Your|Users?|Customers?|Consumers?|Members?|Residents?|Individuals?|Data|Parents?|Guardians?"
    r"|Visitors?|Clients?|Subscribers?|Patients?|Players?|Students?|Account|Please|If|To)\b)"
    r"(?:[Ww]e|[Tt]he [Cc]ompany|[Tt]hey|[A-Z][A-Za-z0-9&.-]{1,30}(?: [A-Z][A-Za-z0-9&.-]{1,30}){0,2})"
    r" (?:will|shall|would|may|might|can|must|is going to)(?: (?:also|then|immediately|automatically|promptly))?"
    r" (?:(?:take|make|use|do) (?:[a-z]+ ){0,3}(?:steps?|efforts?|measures|best) to )?"
    # "we will let you delete it", "we can help users correct it": the user acts.
    r"(?:(?!you\b|users?\b)[a-z]+,? ){0,2}(?:(?:and|or) )?$"
)
_OPERATOR_REACH = 80
# ... unless the company acts on the user's request: "if you ask, we will delete it".
_ON_REQUEST = re.compile(
    r"\b(?:if you (?:ask|request|want|wish|would like)|(?:up)?on (?:your )?request|at your request)"
)
# Kinds whose wording is also what a company does on its own (deleting, correcting,
# stopping, accessing: "Acme may access and use any information from your account");
# "we will not discriminate" or "we will disclose to you" stay rights.
_OPERATOR_ACTIONS = frozenset({"access", "erasure", "rectification", "objection", "restriction", "portability"})
# "within 15 days", "no later than one month", "in no more than 30 days".
_WITHIN = re.compile(r"\b(?:within|no later than|not later than|not exceeding|in no more than|up to)\b")
# How far before a match an `exclude_before` veto looks, unless its rule says otherwise.
_BEFORE_WINDOW = 60
# How many sentences after a lead-in ("You have the right to:") count as its list.
_LIST_REACH = 14
# A "heading" of more words than this is a paragraph the segmenter took for a heading
# ("7.2.3 Should your data be wrong, you can ask us to correct it. ..."): read as text.
_HEADING_MAX_WORDS = 14
_WORD = re.compile(r"\w+")
# "ask us to correct or delete it": a match that ends in a pronoun is a right over data
# only when the data is named before it, in its sentence or the one before.
_PRONOUN_OBJECT = re.compile(r"\b(?:it|them|this|these|those|that)$")
# A match inside a web address ("example.gov/file-complaint/", ".../#deleting-your-data")
# is a page's name, not a statement: the token before it holds a scheme, "www." or a domain.
_URL_MARK = re.compile(r"://|www\.|\.[a-z]{2,6}/")


@dataclass(frozen=True)
class RightFilters:
    """What a rights.json entry adds to its pattern: vetoes, and whether it needs a user cue."""

    needs_cue: bool
    in_headings: bool
    exclude_before: re.Pattern[str] | None
    # How far before the match `exclude_before` looks; some vetoes sit further back
    # ("object to processing for direct marketing or based on profiling").
    before_window: int
    exclude_match: re.Pattern[str] | None
    exclude_sentence: re.Pattern[str] | None


@dataclass(frozen=True)
class RightTables:
    filters: dict[str, RightFilters]
    section_cue: re.Pattern[str]
    pronoun_antecedent: re.Pattern[str]
    pointer_sentence: re.Pattern[str]


def _optional(entry: dict[str, object], key: str) -> re.Pattern[str] | None:
    pattern = entry.get(key)
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise RuleTableError(f"rights.json {entry.get('id')}: {key} must be a string")
    try:
        return compile_regex(pattern)
    except re.error as exc:
        raise RuleTableError(f"rights.json {entry.get('id')}: bad {key} regex: {exc}") from exc


@lru_cache(maxsize=1)
def right_tables() -> RightTables:
    """The per-rule filters and the section cue of rights.json (loaded once)."""
    table = json.loads(resources.files("privacyparser.rules").joinpath("rights.json").read_text(encoding="utf-8"))
    filters = {
        entry["id"]: RightFilters(
            needs_cue=bool(entry.get("needs_cue", True)),
            in_headings=bool(entry.get("in_headings", True)),
            exclude_before=_optional(entry, "exclude_before"),
            before_window=int(entry.get("before_window", _BEFORE_WINDOW)),
            exclude_match=_optional(entry, "exclude_match"),
            exclude_sentence=_optional(entry, "exclude_sentence"),
        )
        for entry in table["rights"]
    }
    try:
        section_cue = compile_regex(table["section_cue"])
        pronoun_antecedent = compile_regex(table["pronoun_antecedent"])
        pointer_sentence = compile_regex(table["pointer_sentence"])
    except (KeyError, re.error) as exc:
        raise RuleTableError(f"rights.json section_cue/pronoun_antecedent/pointer_sentence: {exc}") from exc
    return RightTables(filters, section_cue, pronoun_antecedent, pointer_sentence)


def response_time(ctx: DocumentContext, sentence: str, may_match: bool = True) -> str | None:
    """ISO duration of "we will respond within 15 days" in a lower-cased sentence, else None.

    `may_match` False says the literal scan found none of the cue's literals in the
    sentence: the cue cannot match there.
    """
    if not may_match:
        return None
    cue = ctx.rules.response_time.search(sentence)
    if cue is None:
        return None
    within = _WITHIN.search(sentence, cue.start())
    if within is None:
        return None
    return duration_after(sentence, within.end())


def _vetoed(
    filters: RightFilters, sentence: str, match: re.Match[str], antecedent: re.Pattern[str], before: str
) -> bool:
    if _PRONOUN_OBJECT.search(match.group()) and not (
        antecedent.search(sentence, 0, match.start()) or antecedent.search(before)
    ):
        return True
    if filters.exclude_match is not None and filters.exclude_match.search(match.group()):
        return True
    token_start = max(sentence.rfind(" ", 0, match.start()), sentence.rfind("\n", 0, match.start())) + 1
    if _URL_MARK.search(sentence, token_start, match.start()):
        return True
    if filters.exclude_before is not None:
        before = sentence[max(0, match.start() - filters.before_window) : match.start()]
        if filters.exclude_before.search(before):
            return True
    return False


def _rule_filters(
    rules: RuleSet, tables: RightTables
) -> list[tuple[PatternRule, RightFilters, re.Pattern[str] | None]]:
    """Each rule with its filters and the pattern that runs (`with_leading_literals`: the
    same matches), built once: asking the cache of `with_leading_literals` per document
    hashed every compiled rule pattern (its whole code) each time. The pattern is None
    until a sentence first runs the rule: a process's first policy runs about half of
    them, and compiling the others cost ~20 ms of its start-up."""
    return remembered(
        rules,
        "rights.rule_filters",
        # `right_tables()` is loaded once per process: the rule set alone decides the list.
        lambda: [(rule, tables.filters[rule.id], None) for rule in rules.rights],
    )


def _rule_pieces(rules: RuleSet) -> tuple[tuple[re.Pattern[str], ...], tuple[int, ...]]:
    """The rules' patterns split at their top-level `|` (`top_alternatives`) for the
    literal scan, and the bit of the rule of each piece. Over the OPP-115 texts the scan
    by whole rule let 6,351 rule runs through and 85% of them found nothing; by piece,
    3,422 (a long rule's alternatives each need their own words together, where
    the whole rule needed any one word of any of them)."""

    def build() -> tuple[tuple[re.Pattern[str], ...], tuple[int, ...]]:
        pieces: list[re.Pattern[str]] = []
        rule_bits: list[int] = []
        for bit, rule in enumerate(rules.rights):
            for piece in top_alternatives(rule.pattern):
                pieces.append(piece)
                rule_bits.append(1 << bit)
        return tuple(pieces), tuple(rule_bits)

    return remembered(rules, "rights.rule_pieces", build)


def extract_rights(ctx: DocumentContext) -> list[Right]:
    rules = ctx.rules
    tables = right_tables()
    found: list[tuple[int, int, str, str, str | None]] = []  # (start, end, kind, rule id, section)
    response_by_section: dict[str | None, str] = {}
    section_is_about_rights: dict[str | None, bool] = {}
    lead_in: tuple[str | None, int] | None = None  # (section, sentence index) of "You have the right to:"
    # Which rules (and the whole-sentence cues) can match in each sentence: the others
    # are not run there. One literal scan of the document serves them all. A rule's
    # sentence veto is read only once the rule has a match to keep (few sentences).
    pieces, rule_of_piece = _rule_pieces(rules)
    piece_count = len(pieces)
    masks = ctx.pattern_masks((*pieces, rules.response_time, rules.right_user_cues))
    response_bit, cue_bit = piece_count, piece_count + 1
    piece_bits = (1 << piece_count) - 1
    live_bits = piece_bits | 1 << response_bit | 1 << cue_bit
    rule_filters = _rule_filters(rules, tables)
    cue_rule_bits = sum(1 << bit for bit, (_, filters, _) in enumerate(rule_filters) if filters.needs_cue)
    for index, mask in enumerate(masks):
        if not mask & live_bits:
            # Neither a rule, the response-time cue nor a user cue can match here: most
            # sentences, skipped before their bounds are looked up.
            continue
        start, end = ctx.sentence(index)
        if end <= start or ctx.in_furniture(start):
            continue
        sentence = ctx.lower[start:end]
        section = ctx.section_id(start)
        duration = response_time(ctx, sentence, bool((mask >> response_bit) & 1))
        if duration is not None:
            response_by_section.setdefault(section, duration)
        if section not in section_is_about_rights:
            section_is_about_rights[section] = bool(tables.section_cue.search(ctx.section_titles(start)))
        piece_mask = mask & piece_bits
        if not piece_mask:
            # No rule can match here: the sentence matters only as a lead-in of a list.
            if sentence.rstrip().endswith(":") and (mask >> cue_bit) & 1 and rules.right_user_cues.search(sentence):
                lead_in = (section, index)
            continue
        # The rules of the pieces that may match here.
        rule_mask = 0
        while piece_mask:
            low = piece_mask & -piece_mask
            piece_mask ^= low
            rule_mask |= rule_of_piece[low.bit_length() - 1]
        heading = ctx.in_heading(start, end) and len(_WORD.findall(sentence)) <= _HEADING_MAX_WORDS
        in_list = lead_in is not None and lead_in[0] == section and index - lead_in[1] <= _LIST_REACH
        we_subject = _WE_SUBJECT.match(sentence) is not None and _NAMES_USER.search(sentence) is None
        lead_in_shape = sentence.rstrip().endswith(":")
        context = heading or in_list or section_is_about_rights[section]
        # The user cue is searched for only where it decides something: in a lead-in, or
        # for a rule that needs it when nothing else gives the context (and "we" is not
        # the subject, which rules those out whatever the cue).
        cue = (
            bool((mask >> cue_bit) & 1)
            and (lead_in_shape or (not context and not we_subject and rule_mask & cue_rule_bits != 0))
            and rules.right_user_cues.search(sentence) is not None
        )
        if cue and lead_in_shape:
            lead_in = (section, index)
        user_context = context or cue
        kinds_here: set[str] = set()
        # The sentence before, when in the same paragraph: read once a match is found.
        before: str | None = None
        # Whether the sentence is a cross-reference: read once a match is to be kept.
        pointer: bool | None = None
        while rule_mask:
            # The rules whose bit is set, in table order.
            low = rule_mask & -rule_mask
            rule_mask ^= low
            rule, filters, pattern = rule_filters[low.bit_length() - 1]
            if rule.kind in kinds_here:
                continue
            if filters.needs_cue and (not user_context or we_subject):
                continue
            if heading and not filters.in_headings:
                continue
            if pattern is None:
                pattern = with_leading_literals(rule.pattern)
                rule_filters[low.bit_length() - 1] = (rule, filters, pattern)
            for match in pattern.finditer(sentence):
                head = ctx.text[max(start, start + match.start() - _OPERATOR_REACH) : start + match.start()]
                if rule.kind in _OPERATOR_ACTIONS and _OPERATOR_DOES.search(head) and not _ON_REQUEST.search(sentence):
                    continue
                if before is None:
                    previous_start, previous_end = _previous_sentence(ctx, index)
                    open_before = previous_end >= 0 and ctx.same_paragraph(previous_end, start)
                    before = ctx.lower[previous_start:previous_end] if open_before else ""
                if not _vetoed(filters, sentence, match, tables.pronoun_antecedent, before):
                    # The sentence veto rules the whole rule out here, whichever match.
                    if filters.exclude_sentence is None or filters.exclude_sentence.search(sentence) is None:
                        if pointer is None:
                            pointer = tables.pointer_sentence.search(sentence) is not None
                        if pointer:
                            # "See the Your Choices section below for how to opt out": the
                            # right is read where that section states it, not here.
                            rule_mask = 0
                            break
                        kinds_here.add(rule.kind)
                        found.append((start + match.start(), start + match.end(), rule.kind, rule.id, section))
                    break
    records: list[Right] = []
    for start, end, kind, rule_id, section in found:
        records.append(
            Right(
                **ctx.evidence(start, end, rule_id),
                kind=kind,
                response_time=_response_for(ctx, section, start, response_by_section),
            )
        )
    return records


def _previous_sentence(ctx: DocumentContext, index: int) -> tuple[int, int]:
    """Bounds of the last non-empty sentence before `index` outside furniture, (-1, -1)
    when there is none: the antecedent of "delete it" may be there. Looked up only once a
    rule has a match; each walk back stops at the sentence before, so all of them together
    visit each sentence at most once."""
    for before in range(index - 1, -1, -1):
        start, end = ctx.sentence(before)
        if end > start and not ctx.in_furniture(start):
            return start, end
    return -1, -1


def _response_for(ctx: DocumentContext, section: str | None, start: int, known: dict[str | None, str]) -> str | None:
    """The response time stated in the right's section, else in the nearest enclosing one."""
    if section in known:
        return known[section]
    info = ctx.section_at(start)
    while info is not None:
        if info.id in known:
            return known[info.id]
        info = info.parent
    return None
