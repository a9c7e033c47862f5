"""Rule tables (JSON data checked into this package) and their loader.

Vocabulary lives in the tables; mechanisms live in `privacyparser.pipeline` and
`privacyparser.extract`. Every rule has a stable id that reaches a record's `rule`.
Tables are loaded and validated once per process (`load_rules()` is cached).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from privacyparser.models import DataGroup, PurposeCategory, RetentionKind, RightKind
from privacyparser.regex_cache import compile_regex


@dataclass(frozen=True)
class DataCategoryRule:
    key: str
    group: DataGroup
    description: str
    terms: tuple[str, ...]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    # How much context a match needs to count as a data practice: "specific" terms (an
    # IP address) need a practice cue anywhere in the sentence; the others name a gate
    # of cues.json whose verb must govern the term itself ("generic": "we collect
    # personal information"; "mechanism": "we use cookies").
    gate: str = "specific"
    # Terms with an everyday sense besides the data ("email" the channel, "age" in "under
    # the age of 13"): they count only next to other data terms or after "your".
    ambiguous_terms: frozenset[str] = frozenset()
    # Terms that name data only beside other data in a list ("street, city, state and
    # postcode") or after a collection verb ("we record your country"); a possessive is
    # not enough ("your country requires parental consent").
    list_only_terms: frozenset[str] = frozenset()

    @property
    def rule_id(self) -> str:
        return f"data_category.{self.key}"


@dataclass(frozen=True)
class PurposeRule:
    id: str
    category: PurposeCategory
    phrases: tuple[str, ...]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    # Phrases that name an event or a recipient as much as a purpose ("merger", "law
    # enforcement"): kept only inside a purpose clause ("to evaluate a merger").
    needs_clause: bool = False


@dataclass(frozen=True)
class PurposeClauseRules:
    """How purpose clauses are written (purposes.json `clauses`; extract/purposes.py)."""

    # Verbs that head a purpose clause ("to improve ...", "for improving ..."), with the
    # category a clause falls back to when none of its phrases names one.
    verbs: dict[str, str] = field(default_factory=dict)
    # Nouns that head a purpose after "for (the)" ("for the operation of the service").
    nominals: tuple[str, ...] = ()
    context: re.Pattern[str] = re.compile(r"(?!)")
    not_before: re.Pattern[str] = re.compile(r"(?!)")
    instruction: re.Pattern[str] = re.compile(r"(?!)")
    user_goal: re.Pattern[str] = re.compile(r"(?!)")
    user_choice: re.Pattern[str] = re.compile(r"(?!)")
    reject_clause: re.Pattern[str] = re.compile(r"(?!)")
    generic_purposes: re.Pattern[str] = re.compile(r"(?!)")
    definition: re.Pattern[str] = re.compile(r"(?!)")
    circumstance_before: re.Pattern[str] = re.compile(r"(?!)")
    single_word_before: re.Pattern[str] = re.compile(r"(?!)")
    list_purpose_intro: re.Pattern[str] = re.compile(r"(?!)")
    list_purpose_heading: re.Pattern[str] = re.compile(r"(?!)")
    # Words before "to" that make the clause a commitment or a description, not a
    # purpose ("we take reasonable measures to", "information used to identify you");
    # the vocabulary inside such a clause is no purpose either.
    no_purpose_before: re.Pattern[str] = re.compile(r"(?!)")
    # Subjects of a plain-verb statement that are not the provider ("you may send").
    not_subject: re.Pattern[str] = re.compile(r"(?!)")
    # Verbs that describe what the service does rather than why data is used ("we may
    # offer tools", "we may allow you to"): no plain-verb statement.
    not_plain_verb: re.Pattern[str] = re.compile(r"(?!)")
    # Section titles under which plain-verb statements state purposes ("How we use").
    use_heading: re.Pattern[str] = re.compile(r"(?!)")
    # Section titles under which imperative list items are not purposes (rights, choices).
    not_purpose_heading: re.Pattern[str] = re.compile(r"(?!)")
    # Section titles about the user's rights or choices ("Your privacy rights", "Right to
    # object"): what is done with data is said in other sections; here it qualifies a right.
    rights_heading: re.Pattern[str] = re.compile(r"(?!)")
    security_heading: re.Pattern[str] = re.compile(r"(?!)")
    # Section titles about reaching the provider or about updates of the notice ("Contact
    # us", "Changes to this policy"): what is done with data is said elsewhere.
    no_purpose_section: re.Pattern[str] = re.compile(r"(?!)")
    # The end of a list intro that tells what the user can do ("To close your account,
    # you can:"): its items are the user's steps, not purposes ("so that you can:" opens
    # what the processing lets the user do, which is a purpose).
    user_steps_intro: re.Pattern[str] = re.compile(r"(?!)")
    # What a clause headed by a generic verb ("provide", "send", "help") is about, when
    # no phrase inside it names a category: "provide advertisements" is advertising. One
    # named group per category; the first match in the clause names it.
    object_category: re.Pattern[str] = re.compile(r"(?!)")
    # Circumstances of a disclosure that OPP-115 files as a legal-requirement purpose
    # ("if required by law", "in response to a subpoena").
    legal_disclosure: re.Pattern[str] = re.compile(r"(?!)")
    # Words before a phrase that make it the recipient ("disclose to law enforcement").
    recipient_before: re.Pattern[str] = re.compile(r"(?!)")
    # A sentence describing security measures ("we have put in place safeguards to ..."):
    # the goals of the measures are no purposes of processing.
    commitment: re.Pattern[str] = re.compile(r"(?!)")
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class PatternRule:
    """A regex rule on lower-cased sentences (rights and retention)."""

    id: str
    kind: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@dataclass(frozen=True)
class TriggerRule:
    pattern: re.Pattern[str]
    trigger: str


@dataclass(frozen=True)
class RoleRule:
    role: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class TermGate:
    """A verb that must govern the term: `before` ends where the term starts, `after` starts where it ends."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    # A negated statement may use a wider set of verbs: "we do not sell personal data".
    negated_before: re.Pattern[str] | None = None
    negated_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class SenseTrap:
    """A phrase in which a vocabulary term has another sense ("under the age of 13")."""

    id: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class RuleSet:
    data_categories: tuple[DataCategoryRule, ...]
    purposes: tuple[PurposeRule, ...]
    rights: tuple[PatternRule, ...]
    right_user_cues: re.Pattern[str]
    response_time: re.Pattern[str]
    retention: tuple[PatternRule, ...]
    retention_cue: re.Pattern[str]
    retention_triggers: tuple[TriggerRule, ...]
    deletion_request_context: re.Pattern[str]
    contact_roles: tuple[RoleRule, ...]
    email_local_roles: tuple[RoleRule, ...]
    practice_cue: re.Pattern[str]
    section_practice_cue: re.Pattern[str]
    contact_us_cue: re.Pattern[str]
    negation: re.Pattern[str]
    negation_exceptions: re.Pattern[str]
    # Data-practice gate (extract/practices.py); see cues.json for what each one is.
    term_gates: dict[str, TermGate] = field(default_factory=dict)
    sense_traps: tuple[SenseTrap, ...] = ()
    possessive: re.Pattern[str] = _NEVER
    definition_sentence: re.Pattern[str] = _NEVER
    user_request: re.Pattern[str] = _NEVER
    owner: re.Pattern[str] = _NEVER
    owner_groups: frozenset[str] = frozenset()
    modifier_head: re.Pattern[str] = _NEVER
    list_joiner: re.Pattern[str] = _NEVER
    list_intro: re.Pattern[str] = _NEVER
    conditional: re.Pattern[str] = _NEVER
    negation_restriction: re.Pattern[str] = _NEVER
    negation_new_clause: re.Pattern[str] = _NEVER
    negation_qualifier: re.Pattern[str] = _NEVER
    negation_after: re.Pattern[str] = _NEVER
    negation_after_no: re.Pattern[str] = _NEVER
    negation_after_blocked: re.Pattern[str] = _NEVER
    negation_contrast: re.Pattern[str] = _NEVER
    purpose_clauses: PurposeClauseRules = field(default_factory=PurposeClauseRules)
    generic_veto: re.Pattern[str] = _NEVER
    specific_audience: re.Pattern[str] = _NEVER
    security_measure: re.Pattern[str] = _NEVER
    gathering_verb: re.Pattern[str] = _NEVER
    mechanism_collects: re.Pattern[str] = _NEVER
    retention_statement: re.Pattern[str] = _NEVER
    collection_verb: re.Pattern[str] = _NEVER
    # Enumerations of data (cues.json `enumeration`; extract/practices.py).
    enumeration_intro: re.Pattern[str] = _NEVER
    enumeration_separator: re.Pattern[str] = _NEVER
    enumeration_clause_word: re.Pattern[str] = _NEVER
    enumeration_filler: frozenset[str] = frozenset()


class RuleTableError(ValueError):
    """A rule table is malformed: a packaging bug, reported with the table and entry."""


def _read(name: str) -> dict[str, Any]:
    data = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    table = json.loads(data)
    if not isinstance(table, dict):
        raise RuleTableError(f"{name}: expected a JSON object")
    return table


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return compile_regex(pattern)
    except re.error as exc:
        raise RuleTableError(f"{where}: bad regex: {exc}") from exc


def _tuple(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(entry.get(key) or ())


def _unique(ids: list[str], table: str) -> None:
    seen: set[str] = set()
    for rule_id in ids:
        if rule_id in seen:
            raise RuleTableError(f"{table}: duplicate id {rule_id!r}")
        seen.add(rule_id)


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """Load and validate every rule table (once per process)."""
    data = _read("data_categories.json")
    categories = tuple(
        DataCategoryRule(
            key=entry["key"],
            group=entry["group"],
            description=entry.get("description", ""),
            terms=_tuple(entry, "terms"),
            examples=_tuple(entry, "examples"),
            counter_examples=_tuple(entry, "counter_examples"),
            gate=entry.get("gate", "specific"),
            ambiguous_terms=frozenset(t.lower() for t in entry.get("ambiguous_terms") or ()),
            list_only_terms=frozenset(t.lower() for t in entry.get("list_only_terms") or ()),
        )
        for entry in data["categories"]
    )
    _unique([c.key for c in categories], "data_categories.json")
    for category in categories:
        stray = (category.ambiguous_terms | category.list_only_terms) - {t.lower() for t in category.terms}
        if stray:
            raise RuleTableError(
                f"data_categories.json {category.key}: ambiguous or list-only terms not in terms: {sorted(stray)}"
            )

    purposes_table = _read("purposes.json")
    purposes = tuple(
        PurposeRule(
            id=entry["id"],
            category=entry["category"],
            phrases=_tuple(entry, "phrases"),
            examples=_tuple(entry, "examples"),
            counter_examples=_tuple(entry, "counter_examples"),
            needs_clause=bool(entry.get("needs_clause", False)),
        )
        for entry in purposes_table["purposes"]
    )
    _unique([p.id for p in purposes], "purposes.json")
    purpose_clauses = _purpose_clauses(purposes_table.get("clauses") or {})

    rights_table = _read("rights.json")
    rights = _pattern_rules(rights_table, "rights", "rights.json")

    retention_table = _read("retention.json")
    retention = _pattern_rules(retention_table, "rules", "retention.json")

    contacts_table = _read("contacts.json")
    cues = _read("cues.json")
    return RuleSet(
        data_categories=categories,
        purposes=purposes,
        rights=rights,
        right_user_cues=_compile(rights_table["user_cues"], "rights.json user_cues"),
        response_time=_compile(rights_table["response_time"]["pattern"], "rights.json response_time"),
        retention=retention,
        retention_cue=_compile(retention_table["cue"], "retention.json cue"),
        retention_triggers=tuple(
            TriggerRule(_compile(t["pattern"], f"retention.json trigger {t['trigger']}"), t["trigger"])
            for t in retention_table["triggers"]
        ),
        deletion_request_context=_compile(
            retention_table["deletion_request_context"], "retention.json deletion_request_context"
        ),
        contact_roles=tuple(
            RoleRule(r["role"], _compile(r["pattern"], f"contacts.json {r['role']}")) for r in contacts_table["roles"]
        ),
        email_local_roles=tuple(
            RoleRule(r["role"], _compile(r["pattern"], f"contacts.json email {r['role']}"))
            for r in contacts_table["email_local_roles"]
        ),
        practice_cue=_compile(cues["practice"], "cues.json practice"),
        section_practice_cue=_compile(cues["section_practice"], "cues.json section_practice"),
        contact_us_cue=_compile(cues["contact_us"], "cues.json contact_us"),
        term_gates={
            name: TermGate(
                _compile(gate["before"], f"cues.json gates.{name}.before"),
                _compile(gate["after"], f"cues.json gates.{name}.after"),
                _compile(gate["negated_before"], f"cues.json gates.{name}.negated_before")
                if "negated_before" in gate
                else None,
                _compile(gate["negated_after"], f"cues.json gates.{name}.negated_after")
                if "negated_after" in gate
                else None,
            )
            for name, gate in cues["gates"].items()
        },
        sense_traps=tuple(
            SenseTrap(t["id"], _compile(t["pattern"], f"cues.json sense_traps {t['id']}"), _tuple(t, "examples"))
            for t in cues["sense_traps"]
        ),
        owner_groups=frozenset(cues["owner_groups"]),
        purpose_clauses=purpose_clauses,
        **_cue_patterns(cues),
        **_enumeration(cues.get("enumeration") or {}),
    )


def _pattern_rules(table: dict[str, Any], key: str, name: str) -> tuple[PatternRule, ...]:
    """The id/kind/pattern entries of a table (rights and retention share this shape)."""
    rules = tuple(
        PatternRule(
            id=entry["id"],
            kind=entry["kind"],
            pattern=_compile(entry["pattern"], f"{name} {entry['id']}"),
            examples=_tuple(entry, "examples"),
            counter_examples=_tuple(entry, "counter_examples"),
        )
        for entry in table[key]
    )
    _unique([r.id for r in rules], name)
    return rules


# RuleSet fields read as one regex each from the cues.json key of the same name; those
# marked optional fall back to a pattern that never matches.
_CUE_PATTERNS = (
    "negation",
    "negation_exceptions",
    "possessive",
    "definition_sentence",
    "user_request",
    "owner",
    "modifier_head",
    "list_joiner",
    "list_intro",
    "conditional",
    "negation_restriction",
    "retention_statement",
    "collection_verb",
)
_OPTIONAL_CUE_PATTERNS = (
    "generic_veto",
    "specific_audience",
    "security_measure",
    "gathering_verb",
    "mechanism_collects",
    "negation_new_clause",
    "negation_qualifier",
    "negation_after",
    "negation_after_no",
    "negation_after_blocked",
    "negation_contrast",
)


def _cue_patterns(cues: dict[str, Any]) -> dict[str, Any]:
    patterns: dict[str, Any] = {name: _compile(cues[name], f"cues.json {name}") for name in _CUE_PATTERNS}
    for name in _OPTIONAL_CUE_PATTERNS:
        patterns[name] = _compile(cues[name], f"cues.json {name}") if name in cues else _NEVER
    return patterns


def _enumeration(table: dict[str, Any]) -> dict[str, Any]:
    if not table:
        return {}
    return {
        "enumeration_intro": _compile(table["intro"], "cues.json enumeration.intro"),
        "enumeration_separator": _compile(table["separator"], "cues.json enumeration.separator"),
        "enumeration_clause_word": _compile(table["clause_word"], "cues.json enumeration.clause_word"),
        "enumeration_filler": frozenset(table.get("filler") or ()),
    }


def _purpose_clauses(table: dict[str, Any]) -> PurposeClauseRules:
    verbs: dict[str, str] = {}
    for category, words in (table.get("verbs") or {}).items():
        if category not in PURPOSE_CATEGORIES:
            raise RuleTableError(f"purposes.json clauses.verbs: unknown category {category!r}")
        for word in words:
            if word in verbs:
                raise RuleTableError(f"purposes.json clauses.verbs: {word!r} listed twice")
            verbs[word] = category
    patterns = {
        name: _compile(table[name], f"purposes.json clauses.{name}")
        for name in (
            "context",
            "not_before",
            "instruction",
            "user_goal",
            "user_choice",
            "reject_clause",
            "generic_purposes",
            "definition",
            "circumstance_before",
            "single_word_before",
            "list_purpose_intro",
            "list_purpose_heading",
            "no_purpose_before",
            "not_subject",
            "not_plain_verb",
            "use_heading",
            "not_purpose_heading",
            "rights_heading",
            "security_heading",
            "no_purpose_section",
            "user_steps_intro",
            "object_category",
            "legal_disclosure",
            "recipient_before",
            "commitment",
        )
        if name in table
    }
    objects = patterns.get("object_category")
    unknown = set(objects.groupindex) - set(PURPOSE_CATEGORIES) if objects is not None else set()
    if unknown:
        raise RuleTableError(f"purposes.json clauses.object_category: unknown categories {sorted(unknown)}")
    return PurposeClauseRules(
        verbs=verbs,
        nominals=_tuple(table, "nominals"),
        examples=_tuple(table, "examples"),
        counter_examples=_tuple(table, "counter_examples"),
        **patterns,
    )


# Kinds as the models name them, for the tests that validate the tables.
RIGHT_KINDS: tuple[RightKind, ...] = RightKind.__args__  # type: ignore[attr-defined]
RETENTION_KINDS: tuple[RetentionKind, ...] = RetentionKind.__args__  # type: ignore[attr-defined]
PURPOSE_CATEGORIES: tuple[PurposeCategory, ...] = PurposeCategory.__args__  # type: ignore[attr-defined]
