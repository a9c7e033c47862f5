"""Score privacyparser's records against the annotated GDPR-200, OPP-115 and GoPPC-150 corpora.

    python benchmarks/evaluate.py --gdpr200 CORPORA/gdpr200-dev --opp115 CORPORA/opp115-dev
    python benchmarks/evaluate.py --gdpr200 CORPORA/gdpr200-dev --errors gdpr.rights.passage
    python benchmarks/evaluate.py --goppc150 CORPORA/goppc150-dev --errors goppc.rights.paragraph

Each policy is rebuilt as one HTML document from the corpus' own passages (see
corpora.py), parsed once with `privacyparser.PolicyParser().parse(html, format="html")`,
and every record is traced back to the passage or segment it came from through its
`source_start`. The script prints precision / recall / F1 with TP/FP/FN per measure;
`--errors MEASURE` prints sampled false positives and false negatives with the rule ids
involved; `--json OUT` writes every figure. A policy that fails to parse is reported and
scored as if it had produced no records.

GoPPC-150 (`--goppc150`) is a held-out second check: its policies are rebuilt as HTML by
the same renderer structure.py uses (titles as `<hN>`, `<p>`, lists) and scored per
`<paragraph>` element against the paragraph's own topic codes (corpora README): rights
4.2-4.9 and 7 per paragraph and per policy, retention period 16.1, data categories 8,
purposes 11, controller/DPO contact 1.2/3.2. The printed legend says what each gold is.

Corpus files are read from the paths given and never copied into the repository.
"""

from __future__ import annotations

import argparse
import fnmatch
import html as htmlmod
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from corpora import (
    GdprPassage,
    GdprPolicy,
    GoppcPolicy,
    OppPolicy,
    gdpr200_files,
    goppc150_files,
    load_gdpr200_policy,
    load_goppc_policy,
    load_opp115_policy,
    opp115_files,
)

if TYPE_CHECKING:
    import privacyparser as pp

# A scoring unit: a passage or segment index, an email or phone, or None for the policy.
Unit = int | str | None
Key = tuple[Unit, str | None]  # (unit, label)


# --------------------------------------------------------------------------- vocabularies

GDPR_RIGHTS = {
    "Right to Access": "access",
    "Right to Rectification": "rectification",
    "Right to Erasure": "erasure",
    "Right to Restrict": "restriction",
    "Right to Object": "objection",
    "Right to Portability": "portability",
    "Right to Withdraw Consent": "withdraw_consent",
    "Right to Lodge Complaint": "complaint",
    "Automated Decision-Making": "automated_decision",
}
GDPR_CONTACT = {"Controller Contact", "DPO Contact"}
GDPR_RETENTION = {"Data Retention Period"}
GDPR_DATA_CATEGORIES = {"Data Categories"}
GDPR_PURPOSES = {"Processing Purpose", "Legitimate Interests for Processing"}

# OPP-115 attribute values (compared lower-cased: the CSVs spell some two ways,
# "User Profile" / "User profile") -> contract vocabulary.
OPP_GROUPS = {
    "contact": "contact",
    "location": "location",
    "demographic": "demographic",
    "financial": "financial",
    "health": "health",
    "personal identifier": "personal_identifier",
    "user online activities": "online_activity",
    "user profile": "user_profile",
    "social media data": "social_media",
    "ip address and device ids": "device_identifier",
    "cookies and tracking elements": "cookies_tracking",
    "computer information": "computer_information",
    "survey data": "survey",
    "generic personal information": "generic",
    "other": "other",
}
OPP_PURPOSES = {
    "basic service/feature": "basic_service",
    "additional service/feature": "additional_service",
    "advertising": "advertising",
    "marketing": "marketing",
    "analytics/research": "analytics_research",
    "personalization/customization": "personalization",
    "service operation and security": "security_operations",
    "legal requirement": "legal_requirement",
    "merger/acquisition": "merger_acquisition",
    "other": "other",
}
OPP_PRACTICES = {"First Party Collection/Use", "Third Party Sharing/Collection"}
OPP_RETENTION = "Data Retention"
OPP_ACCESS = "User Access, Edit and Deletion"
OPP_CONTACT = "Privacy contact information"  # an "Other Type" value of category "Other"
# Right kinds that OPP-115's "User Access, Edit and Deletion" covers (View, Export,
# Edit information, Deactivate/Delete account).
OPP_ACCESS_RIGHTS = {"access", "rectification", "erasure", "portability"}
# URLs are left out of contact segments: policies link to opt-out pages and partners
# everywhere, and annotators did not label those as privacy contact information.
OPP_CONTACT_KINDS = {"email", "phone", "postal_address"}

# GoPPC-150 topic codes (corpora README) -> contract vocabulary. A code also covers its
# sub-codes ("8.1" is a kind of "8").
GOPPC_RIGHTS = {
    "4.2": "access",
    "4.3": "rectification",
    "4.4": "erasure",
    "4.5": "restriction",
    "4.6": "objection",
    "4.7": "portability",
    "4.8": "automated_decision",
    "4.9": "withdraw_consent",  # "withdraw consent / opt-out"
    "7": "complaint",
}
# Right kinds the parser may report for a GoPPC right kind.
GOPPC_RIGHT_RECORDS = {kind: kind for kind in GOPPC_RIGHTS.values()} | {"opt_out": "withdraw_consent"}
GOPPC_CONTACT = ("1.2", "3.2")  # controller contact, DPO contact
GOPPC_DATA_CATEGORIES = ("8",)
GOPPC_PURPOSES = ("11",)
GOPPC_RETENTION = ("16.1",)  # retention period
# Contacts of these roles are not the controller's or DPO's (a supervisory authority,
# a partner); like OPP-115, URLs are left out: links to settings pages are everywhere.
GOPPC_CONTACT_KINDS = OPP_CONTACT_KINDS
GOPPC_NOT_CONTACT_ROLES = {"authority", "third_party"}

# Function words never count as content. The second tier (words every policy uses for
# "personal data") is dropped too, unless that would leave nothing, so that
# "your personal information" still matches "personal information we hold".
# fmt: off
STOPWORDS = frozenset(
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
        "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
        "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "e", "each", "eg", "etc", "few", "for", "from",
        "further", "g", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "i", "ie", "if", "in", "include",
        "includes", "including", "into", "is", "it", "its", "itself", "just", "like", "may",
        "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "of",
        "off", "on", "once", "only", "or", "other", "others", "our", "ours", "ourselves",
        "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "within", "would", "you", "your",
        "yours", "yourself", "yourselves",
    }
)
GENERIC_WORDS = frozenset(
    {
        "certain", "collect", "collected", "data", "detail", "details", "identifiable",
        "information", "other", "personal", "use", "used",
    }
)
# fmt: on
PLURAL_EXCEPTIONS = {"cookies": "cookie", "movies": "movie"}
ELISION = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]|\s(?:\.\.\.|…)\s")
WORD = re.compile(r"[a-z0-9]+")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w@.])(?:\+|\(\+?)?\d[\d \t().\-/]{5,}\d(?![\w@])")
NOT_A_PHONE = re.compile(r"(?i)(company|registration|reg\.|vat|tax|zip|postal|postcode)[\w .:#]*$")
TAG = re.compile(r"<[^>]*>")


def stem(word: str) -> str:
    """Strip a plural ending: "cookies" -> "cookie", "addresses" -> "address"."""
    if word in PLURAL_EXCEPTIONS:
        return PLURAL_EXCEPTIONS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> frozenset[str]:
    words = [stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS]
    specific = frozenset(w for w in words if w not in GENERIC_WORDS)
    return specific or frozenset(words)


def words_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when the two share at least half of the shorter one's content words."""
    shared = len(a & b)
    return shared > 0 and 2 * shared >= min(len(a), len(b))


def quote_fragments(quote: str) -> list[frozenset[str]]:
    """Content words of each part of a quote ("[...]" marks an elision)."""
    return [words for part in ELISION.split(quote) if (words := content_words(part))]


def normalise_email(value: str) -> str:
    value = value.strip().lower()
    return value.removeprefix("mailto:").rstrip(".")


def phone_digits(text: str) -> list[str]:
    """Digit strings (8 to 15 digits) of the phone numbers written in a text.

    Seven-digit runs are mostly postal codes ("101-0021"); company and VAT numbers are
    recognised by the words before them.
    """
    out = []
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 8 <= len(digits) <= 15 and not NOT_A_PHONE.search(text[max(0, match.start() - 30) : match.start()]):
            out.append(digits)
    return out


def same_phone(a: str, b: str) -> bool:
    """Digit strings name the same number when one ends with the other (>= 7 digits)."""
    a, b = a.lstrip("0"), b.lstrip("0")
    short, long = sorted((a, b), key=len)
    return len(short) >= 7 and long.endswith(short)


def visible_text(markup: str) -> str:
    return " ".join(htmlmod.unescape(TAG.sub(" ", markup)).split())


def snippet(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Rec:
    """One extracted record, flattened: what the scorer needs from any record type."""

    type: str  # data_category, purpose, retention, contact, right
    label: str  # group, category or kind
    detail: str  # fine category, duration, contact value, ...
    negated: bool
    role: str
    text: str
    rule: str
    source_start: int
    source_end: int

    @property
    def kind_given(self) -> bool:
        return self.type == "retention" and self.label != "unspecified"

    def describe(self) -> dict[str, str]:
        label = self.label + (f"/{self.detail}" if self.detail else "")
        return {
            "text": self.text,
            "rule": self.rule,
            "label": label + (" NEGATED" if self.negated else "") + (f" role={self.role}" if self.role else ""),
        }


RECORD_FIELDS = {
    "data_categories": ("data_category", "group", "category"),
    "purposes": ("purpose", "category", ""),
    "retention": ("retention", "kind", "duration"),
    "contacts": ("contact", "kind", "value"),
    "rights": ("right", "kind", "response_time"),
}


def flatten_records(policy: object) -> list[Rec]:
    out = []
    for attribute, (kind, label_field, detail_field) in RECORD_FIELDS.items():
        for record in getattr(policy, attribute, None) or []:
            out.append(
                Rec(
                    type=kind,
                    label=str(getattr(record, label_field, "") or ""),
                    detail=str(getattr(record, detail_field, "") or "") if detail_field else "",
                    negated=bool(getattr(record, "negated", False)),
                    role=str(getattr(record, "role", "") or ""),
                    text=str(getattr(record, "text", "")),
                    rule=str(getattr(record, "rule", "?")),
                    source_start=int(getattr(record, "source_start", -1)),
                    source_end=int(getattr(record, "source_end", -1)),
                )
            )
    return out


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    """Counts for one measure. `tp` counts gold items found (recall); `ok` counts
    predictions judged correct (precision). They differ only for fuzzy quote matching."""

    tp: int = 0
    fn: int = 0
    ok: int = 0
    fp: int = 0

    def add(self, tp: int = 0, fn: int = 0, ok: int = 0, fp: int = 0) -> None:
        self.tp += tp
        self.fn += fn
        self.ok += ok
        self.fp += fp

    @property
    def precision(self) -> float | None:
        return self.ok / (self.ok + self.fp) if self.ok + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, float | int | None]:
        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        out = {
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
        }
        out.update(tp=self.tp, fp=self.fp, fn=self.fn)
        if self.ok != self.tp:
            out["tp_predicted"] = self.ok
        return out


@dataclass
class Measure:
    name: str
    title: str
    unit: str
    note: str = ""
    overall: Score = field(default_factory=Score)
    per_label: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    examples: list[dict[str, Any]] = field(default_factory=list)

    def count(self, label: str | None, **counts: int) -> None:
        self.overall.add(**counts)
        if label is not None:
            self.per_label[label].add(**counts)

    def example(
        self,
        error: str,
        policy: str,
        where: str,
        label: str | None,
        text: str,
        gold: Iterable[str] = (),
        records: Iterable[Rec] = (),
    ) -> None:
        self.examples.append(
            {
                "error": error,
                "policy": policy,
                "where": where,
                "label": label,
                "text": snippet(text),
                "gold": list(gold),
                "records": [r.describe() for r in records],
            }
        )

    def compare_sets(
        self,
        policy: str,
        gold: dict[Key, list[str]],
        predicted: dict[Key, list[Rec]],
        context: Callable[[Unit], tuple[str, str, list[Rec]]],
    ) -> None:
        """Score exact matches of (unit, label) keys.

        `gold` maps a key to its annotated evidence, `predicted` to the records behind it;
        `context(unit)` gives (where, text, records there) for error examples.
        """
        for key in sorted(gold.keys() | predicted.keys(), key=repr):
            unit, label = key
            if key in gold and key in predicted:
                self.count(label, tp=1, ok=1)
                continue
            where, text, nearby = context(unit)
            if key in gold:
                self.count(label, fn=1)
                self.example("FN", policy, where, label, text, gold[key], nearby)
            else:
                self.count(label, fp=1)
                self.example("FP", policy, where, label, text, [], predicted[key])


class Scoreboard:
    """The measures of one corpus, in the order they are printed."""

    def __init__(self, corpus: str) -> None:
        self.corpus = corpus
        self.measures: dict[str, Measure] = {}
        self.policies = 0
        self.units = 0
        self.records = 0
        self.unplaced = 0  # records whose source offsets fall outside every passage
        self.offset_mismatch = 0  # records whose source range does not hold their text
        self.failures: list[tuple[str, str]] = []
        self.parse_seconds = 0.0
        self.gold_counts: Counter[str] = Counter()
        self.name_width = 28  # of the measure column in the printed table

    def add(self, name: str, title: str, unit: str, note: str = "") -> Measure:
        self.measures[name] = Measure(name, title, unit, note)
        return self.measures[name]

    def __getitem__(self, name: str) -> Measure:
        return self.measures[name]


# The normaliser may straighten typographic quotes and dashes; that is not an offset error.
TYPOGRAPHY = str.maketrans(
    {"\u201a": "'", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def comparable(text: str) -> str:
    return " ".join(text.translate(TYPOGRAPHY).split()).casefold()


def check_offsets(board: Scoreboard, html: str, records: list[Rec]) -> None:
    """Count records whose `source_start:source_end` does not show their `text`."""
    for rec in records:
        if comparable(rec.text) != comparable(visible_text(html[rec.source_start : rec.source_end])):
            board.offset_mismatch += 1


# --------------------------------------------------------------------------- GDPR-200


def gdpr_scoreboard() -> Scoreboard:
    board = Scoreboard("gdpr200")
    board.add(
        "gdpr.rights.policy",
        "rights granted, per policy",
        "policy x kind",
        "gold: a performed:true annotation of the right; predicted: a Right record of that kind",
    )
    board.add("gdpr.rights.passage", "rights, per passage", "passage x kind")
    board.add(
        "gdpr.retention.passage",
        "retention passages",
        "passage",
        'gold: "Data Retention Period" annotations; predicted: Retention records',
    )
    board.add(
        "gdpr.retention_period.passage",
        "retention passages, kind given",
        "passage",
        "as gdpr.retention.passage, counting only Retention records whose kind is not unspecified",
    )
    board.add(
        "gdpr.contact.email",
        "controller/DPO emails",
        "policy x email",
        "recall: emails in Controller/DPO Contact quotes; precision: email records "
        "found in any annotated quote or contact passage",
    )
    board.add(
        "gdpr.contact.phone",
        "controller/DPO phones",
        "policy x phone",
        "as emails; numbers compared by trailing digits",
    )
    board.add(
        "gdpr.contact.email_in_text",
        "every email in the text",
        "policy x email",
        "extraction only: gold = every email address written in a passage",
    )
    board.add(
        "gdpr.data_categories.quote",
        "data category quotes",
        "quote / record",
        "a quote and a record in the same passage match when they share half of the shorter one's content words",
    )
    board.add("gdpr.purposes.quote", "purpose quotes (+ legit. interests)", "quote / record")
    board.add(
        "gdpr.negated.passage",
        "negative statements",
        "passage",
        "gold: performed:false annotations (any requirement); predicted: negated DataCategory/Purpose records",
    )
    # The same measures over passages whose text no other policy of the corpus repeats.
    # Template boilerplate recurs across many app policies and its copies are labelled
    # unevenly; text written once is what an unseen policy looks like.
    board.add(
        "gdpr.rights.passage.own_text",
        "rights, passages written once",
        "passage x kind",
        "*.own_text: the measure over passages whose text (lower-cased, punctuation dropped) "
        "is in no other policy of the corpus",
    )
    board.add("gdpr.data_categories.quote.own_text", "data quotes, passages written once", "quote / record")
    board.add("gdpr.purposes.quote.own_text", "purpose quotes, passages written once", "quote / record")
    return board


def passage_key(text: str) -> str:
    """A passage's text as compared across policies: lower-cased, punctuation and spacing dropped."""
    return " ".join(re.findall(r"\w+", text.lower()))


class _Locates(Protocol):
    def locate(self, start: int, end: int) -> int | None: ...


def place_records(board: Scoreboard, policy: _Locates, records: list[Rec]) -> dict[int, list[Rec]]:
    """The records of each unit (passage, segment, paragraph) by the unit's index; a record
    no unit holds is counted in `board.unplaced`."""
    placed: dict[int, list[Rec]] = defaultdict(list)
    for rec in records:
        index = policy.locate(rec.source_start, rec.source_end)
        if index is None:
            board.unplaced += 1
        else:
            placed[index].append(rec)
    return placed


def score_gdpr_policy(
    board: Scoreboard, policy: GdprPolicy, records: list[Rec], repeated: Collection[str] = frozenset()
) -> None:
    """Score one policy; `repeated` holds the passage keys that other policies share."""
    name = policy.name
    passages = policy.passages
    placed = place_records(board, policy, records)

    def passage_context(unit: Unit) -> tuple[str, str, list[Rec]]:
        if not isinstance(unit, int):
            return "policy", "", []
        return (
            f"passage {unit} ({passages[unit].kind})",
            passages[unit].text,
            placed.get(unit, []),
        )

    # Rights.
    gold_policy: dict[Key, list[str]] = defaultdict(list)
    gold_passage: dict[Key, list[str]] = defaultdict(list)
    for p in passages:
        for a in p.annotations:
            kind = GDPR_RIGHTS.get(a.requirement)
            if kind and a.performed:
                gold_policy[(None, kind)].append(f"[passage {p.index}] {a.value}")
                gold_passage[(p.index, kind)].append(a.value)
    pred_policy: dict[Key, list[Rec]] = defaultdict(list)
    pred_passage: dict[Key, list[Rec]] = defaultdict(list)
    for rec in records:
        if rec.type == "right" and rec.label in GDPR_RIGHTS.values():
            pred_policy[(None, rec.label)].append(rec)
    for index, recs in placed.items():
        for rec in recs:
            if rec.type == "right" and rec.label in GDPR_RIGHTS.values():
                pred_passage[(index, rec.label)].append(rec)
    board["gdpr.rights.policy"].compare_sets(name, gold_policy, pred_policy, passage_context)
    board["gdpr.rights.passage"].compare_sets(name, gold_passage, pred_passage, passage_context)
    own_text = {p.index for p in passages if passage_key(p.text) not in repeated}
    board["gdpr.rights.passage.own_text"].compare_sets(
        name,
        {key: v for key, v in gold_passage.items() if key[0] in own_text},
        {key: v for key, v in pred_passage.items() if key[0] in own_text},
        passage_context,
    )
    board.gold_counts["rights granted (policy x kind)"] += len(gold_policy)

    def gold_passages(quotes: Callable[[GdprPassage], list[str]]) -> dict[Key, list[str]]:
        return {(p.index, None): found for p in passages if (found := quotes(p))}

    def predicted_passages(accept: Callable[[Rec], bool]) -> dict[Key, list[Rec]]:
        return {(i, None): found for i, recs in placed.items() if (found := [r for r in recs if accept(r)])}

    # Retention passages.
    gold = gold_passages(lambda p: [a.value for a in p.annotations if a.requirement in GDPR_RETENTION])
    board["gdpr.retention.passage"].compare_sets(
        name, gold, predicted_passages(lambda r: r.type == "retention"), passage_context
    )
    board["gdpr.retention_period.passage"].compare_sets(
        name, gold, predicted_passages(lambda r: r.kind_given), passage_context
    )
    board.gold_counts["retention passages"] += len(gold)

    # Negative statements.
    gold = gold_passages(lambda p: [f"{a.requirement}: {a.value}" for a in p.annotations if not a.performed])
    board["gdpr.negated.passage"].compare_sets(
        name,
        gold,
        predicted_passages(lambda r: r.negated and r.type in ("data_category", "purpose")),
        passage_context,
    )
    board.gold_counts["negative-statement passages"] += len(gold)

    score_gdpr_contacts(board, policy, records)
    score_gdpr_quotes(
        board["gdpr.data_categories.quote"],
        policy,
        placed,
        GDPR_DATA_CATEGORIES,
        "data_category",
    )
    score_gdpr_quotes(board["gdpr.purposes.quote"], policy, placed, GDPR_PURPOSES, "purpose")
    score_gdpr_quotes(
        board["gdpr.data_categories.quote.own_text"],
        policy,
        placed,
        GDPR_DATA_CATEGORIES,
        "data_category",
        own_text,
    )
    score_gdpr_quotes(board["gdpr.purposes.quote.own_text"], policy, placed, GDPR_PURPOSES, "purpose", own_text)


def score_contact_values(
    measure: Measure,
    policy_name: str,
    gold: list[str],
    annotated: Collection[str],
    predicted: dict[str, list[Rec]],
    same: Callable[[str, str], bool],
    contact_values: list[str],
) -> None:
    """Recall against the gold values; precision against every value written in annotated text."""
    for value in gold:
        if any(same(value, p) for p in predicted):
            measure.count(None, tp=1)
        else:
            measure.count(None, fn=1)
            found = [r for recs in predicted.values() for r in recs]
            measure.example("FN", policy_name, "policy", None, value, contact_values, found)
    for value, recs in sorted(predicted.items()):
        if any(same(value, a) for a in annotated):
            measure.count(None, ok=1)
        else:
            measure.count(None, fp=1)
            measure.example("FP", policy_name, "policy", None, value, [], recs)


def score_gdpr_contacts(board: Scoreboard, policy: GdprPolicy, records: list[Rec]) -> None:
    contact_values = [a.value for p in policy.passages for a in p.annotations if a.requirement in GDPR_CONTACT]
    annotated = [a.value for p in policy.passages for a in p.annotations]
    annotated += [p.text for p in policy.passages if any(a.requirement in GDPR_CONTACT for a in p.annotations)]
    annotated_text = "\n".join(annotated)

    gold_emails = {normalise_email(e) for v in contact_values for e in EMAIL.findall(v)}
    annotated_emails = {normalise_email(e) for e in EMAIL.findall(annotated_text)}
    pred_emails: dict[str, list[Rec]] = defaultdict(list)
    for rec in records:
        if rec.type == "contact" and rec.label == "email":
            pred_emails[normalise_email(rec.detail or rec.text)].append(rec)
    score_contact_values(
        board["gdpr.contact.email"],
        policy.name,
        sorted(gold_emails),
        annotated_emails,
        pred_emails,
        str.__eq__,
        contact_values,
    )
    board.gold_counts["controller/DPO emails"] += len(gold_emails)

    all_text = "\n".join(p.text for p in policy.passages)
    written = {normalise_email(e) for e in EMAIL.findall(all_text)}
    measure = board["gdpr.contact.email_in_text"]
    measure.compare_sets(
        policy.name,
        {(e, None): [e] for e in written},
        {(e, None): recs for e, recs in pred_emails.items()},
        lambda unit: ("policy", str(unit), []),
    )

    gold_phones = sorted({d for v in contact_values for d in phone_digits(v)})
    annotated_phones = phone_digits(annotated_text)
    pred_phones: dict[str, list[Rec]] = defaultdict(list)
    for rec in records:
        if rec.type == "contact" and rec.label == "phone":
            digits = re.sub(r"\D", "", rec.detail or rec.text)
            if digits:
                pred_phones[digits].append(rec)
    score_contact_values(
        board["gdpr.contact.phone"], policy.name, gold_phones, annotated_phones, pred_phones, same_phone, contact_values
    )
    board.gold_counts["controller/DPO phones"] += len(gold_phones)


def score_gdpr_quotes(
    measure: Measure,
    policy: GdprPolicy,
    placed: dict[int, list[Rec]],
    requirements: set[str],
    record_type: str,
    only: Collection[int] | None = None,
) -> None:
    """Fuzzy-match annotated quotes against non-negated records in the same passage
    (of the passages whose index is in `only`, when given)."""
    for p in policy.passages:
        if only is not None and p.index not in only:
            continue
        quotes = [a.value for a in p.annotations if a.requirement in requirements and a.performed]
        fragments = [quote_fragments(q) for q in quotes]
        kept = [(q, f) for q, f in zip(quotes, fragments, strict=True) if f]
        seen: set[tuple[int, int]] = set()
        recs: list[tuple[Rec, frozenset[str]]] = []
        for rec in placed.get(p.index, []):
            if rec.type == record_type and not rec.negated and (rec.source_start, rec.source_end) not in seen:
                seen.add((rec.source_start, rec.source_end))
                recs.append((rec, content_words(rec.text)))
        where = f"passage {p.index} ({p.kind})"
        for quote, frags in kept:
            if any(words_match(f, words) for f in frags for _, words in recs):
                measure.count(None, tp=1)
            else:
                measure.count(None, fn=1)
                measure.example(
                    "FN",
                    policy.name,
                    where,
                    None,
                    p.text,
                    [quote],
                    [r for r, _ in recs],
                )
        for rec, words in recs:
            if any(words_match(f, words) for _, frags in kept for f in frags):
                measure.count(None, ok=1)
            else:
                measure.count(None, fp=1)
                measure.example("FP", policy.name, where, None, p.text, quotes, [rec])


# --------------------------------------------------------------------------- OPP-115


def opp_scoreboard() -> Scoreboard:
    board = Scoreboard("opp115")
    board.add(
        "opp.data_groups.policy",
        "data groups, per policy",
        "policy x group",
        "gold: agreed Personal Information Type of 1st/3rd-party practices that are not "
        '"Does Not" ("Unspecified" ignored); predicted: non-negated DataCategory groups',
    )
    board.add("opp.data_groups.segment", "data groups, per segment", "segment x group")
    board.add(
        "opp.purposes.policy",
        "purposes, per policy",
        "policy x category",
        "gold: agreed Purpose of 1st/3rd-party practices; predicted: non-negated Purposes",
    )
    board.add("opp.purposes.segment", "purposes, per segment", "segment x category")
    board.add(
        "opp.data_practice.segment",
        "data-practice segments",
        "segment",
        "gold: agreed First Party Collection/Use or Third Party Sharing/Collection; "
        "predicted: a DataCategory or Purpose record",
    )
    board.add(
        "opp.retention.segment",
        "retention segments",
        "segment",
        'gold: agreed "Data Retention"; predicted: Retention records',
    )
    board.add(
        "opp.access.segment",
        "access/edit/deletion segments",
        "segment",
        'gold: agreed "User Access, Edit and Deletion"; predicted: Right records of kind '
        + "/".join(sorted(OPP_ACCESS_RIGHTS)),
    )
    board.add(
        "opp.contact.segment",
        "privacy contact segments",
        "segment",
        'gold: agreed Other Type "Privacy contact information"; predicted: Contact records '
        "of kind " + "/".join(sorted(OPP_CONTACT_KINDS)) + " (URLs left out)",
    )
    return board


def opp_gold_labels(policy: OppPolicy) -> dict[tuple[int, tuple[str, str]], list[str]]:
    """Labels at least two of the three annotators gave a segment, with their quotes.

    Labels: ("category", name), ("group", contract group), ("purpose", contract
    category), ("other", Other Type).
    """
    annotators: dict[tuple[int, tuple[str, str]], set[str]] = defaultdict(set)
    evidence: dict[tuple[int, tuple[str, str]], list[str]] = defaultdict(list)

    def note(segment: int, label: tuple[str, str], who: str, quotes: list[str]) -> None:
        annotators[(segment, label)].add(who)
        for quote in quotes:
            if quote not in evidence[(segment, label)]:
                evidence[(segment, label)].append(quote)

    for a in policy.annotations:
        note(a.segment, ("category", a.category), a.annotator, a.selected_text())
        if a.category == "Other" and a.value("Other Type"):
            note(
                a.segment,
                ("other", a.value("Other Type") or ""),
                a.annotator,
                a.selected_text(),
            )
        if a.category in OPP_PRACTICES and a.value("Does/Does Not") != "Does Not":
            group = OPP_GROUPS.get((a.value("Personal Information Type") or "").lower())
            if group:
                note(
                    a.segment,
                    ("group", group),
                    a.annotator,
                    a.selected_text("Personal Information Type"),
                )
            purpose = OPP_PURPOSES.get((a.value("Purpose") or "").lower())
            if purpose:
                note(
                    a.segment,
                    ("purpose", purpose),
                    a.annotator,
                    a.selected_text("Purpose"),
                )
    return {key: evidence[key] for key, who in annotators.items() if len(who) >= 2}


def score_opp_policy(board: Scoreboard, policy: OppPolicy, records: list[Rec]) -> None:
    name = policy.name
    segments = policy.segments
    placed = place_records(board, policy, records)
    gold_labels = opp_gold_labels(policy)

    def segment_context(unit: Unit) -> tuple[str, str, list[Rec]]:
        if not isinstance(unit, int):
            return "policy", "", []
        return f"segment {unit}", segments[unit].text, placed.get(unit, [])

    def gold_where(select: Callable[[tuple[str, str]], str | None], per_segment: bool) -> dict[Key, list[str]]:
        out: dict[Key, list[str]] = defaultdict(list)
        for (segment, label), quotes in sorted(gold_labels.items()):
            value = select(label)
            if value is not None:
                unit = segment if per_segment else None
                prefix = "" if per_segment else f"[segment {segment}] "
                out[(unit, value if value else None)].extend(prefix + q for q in quotes[:3])
                if not quotes and not out[(unit, value if value else None)]:
                    out[(unit, value if value else None)].append(prefix + snippet(segments[segment].text, 120))
        return out

    def pred_where(accept: Callable[[Rec], str | None], per_segment: bool) -> dict[Key, list[Rec]]:
        out: dict[Key, list[Rec]] = defaultdict(list)
        pool = placed.items() if per_segment else [(None, records)]
        for unit, recs in pool:
            for rec in recs:
                value = accept(rec)
                if value is not None:
                    out[(unit, value if value else None)].append(rec)
        return out

    def group_label(label: tuple[str, str]) -> str | None:
        return label[1] if label[0] == "group" else None

    def group_record(rec: Rec) -> str | None:
        return rec.label if rec.type == "data_category" and not rec.negated else None

    def purpose_label(label: tuple[str, str]) -> str | None:
        return label[1] if label[0] == "purpose" else None

    def purpose_record(rec: Rec) -> str | None:
        return rec.label if rec.type == "purpose" and not rec.negated else None

    for per_segment, suffix in ((False, "policy"), (True, "segment")):
        board[f"opp.data_groups.{suffix}"].compare_sets(
            name,
            gold_where(group_label, per_segment),
            pred_where(group_record, per_segment),
            segment_context,
        )
        board[f"opp.purposes.{suffix}"].compare_sets(
            name,
            gold_where(purpose_label, per_segment),
            pred_where(purpose_record, per_segment),
            segment_context,
        )

    def segment_measure(
        measure: str,
        is_gold: Callable[[tuple[str, str]], bool],
        is_pred: Callable[[Rec], bool],
    ) -> int:
        gold = gold_where(lambda label: "" if is_gold(label) else None, True)
        pred = pred_where(lambda rec: "" if is_pred(rec) else None, True)
        board[measure].compare_sets(name, gold, pred, segment_context)
        return len(gold)

    board.gold_counts["data-practice segments"] += segment_measure(
        "opp.data_practice.segment",
        lambda label: label[0] == "category" and label[1] in OPP_PRACTICES,
        lambda rec: rec.type in ("data_category", "purpose"),
    )
    board.gold_counts["retention segments"] += segment_measure(
        "opp.retention.segment",
        lambda label: label == ("category", OPP_RETENTION),
        lambda rec: rec.type == "retention",
    )
    board.gold_counts["access segments"] += segment_measure(
        "opp.access.segment",
        lambda label: label == ("category", OPP_ACCESS),
        lambda rec: rec.type == "right" and rec.label in OPP_ACCESS_RIGHTS,
    )
    board.gold_counts["contact segments"] += segment_measure(
        "opp.contact.segment",
        lambda label: label == ("other", OPP_CONTACT),
        lambda rec: rec.type == "contact" and rec.label in OPP_CONTACT_KINDS,
    )
    board.gold_counts["data groups (policy x group)"] += len(
        {label for (_, label) in gold_labels if label[0] == "group"}
    )
    board.gold_counts["purposes (policy x category)"] += len(
        {label for (_, label) in gold_labels if label[0] == "purpose"}
    )


# --------------------------------------------------------------------------- GoPPC-150


def goppc_scoreboard() -> Scoreboard:
    board = Scoreboard("goppc150")
    board.name_width = 33
    board.add(
        "goppc.rights.policy",
        "rights, per policy",
        "policy x kind",
        "gold: a paragraph or title with topic code 4.2-4.9 or 7 (4.9 = withdraw consent / "
        "opt-out, 7 = complaint); predicted: a Right record of that kind (opt_out counts as 4.9)",
    )
    board.add(
        "goppc.rights.paragraph",
        "rights, per paragraph",
        "paragraph x kind",
        "as goppc.rights.policy, per <paragraph> element and its own codes; titles are not "
        "scored here (their records count as outside any paragraph)",
    )
    board.add(
        "goppc.retention.paragraph",
        "retention-period paragraphs",
        "paragraph",
        "gold: topic code 16.1 (retention period); predicted: Retention records",
    )
    board.add(
        "goppc.retention_period.paragraph",
        "retention paragraphs, kind given",
        "paragraph",
        "as goppc.retention.paragraph, counting only Retention records whose kind is not unspecified",
    )
    board.add(
        "goppc.data_categories.paragraph",
        "data-category paragraphs",
        "paragraph",
        "gold: topic code 8 (data categories); predicted: non-negated DataCategory records",
    )
    board.add(
        "goppc.purposes.paragraph",
        "purpose paragraphs",
        "paragraph",
        "gold: topic code 11 (purposes); predicted: non-negated Purpose records",
    )
    board.add(
        "goppc.contact.paragraph",
        "controller/DPO contact paragraphs",
        "paragraph",
        "gold: topic code 1.2 or 3.2 (controller / DPO contact); predicted: Contact records of kind "
        + "/".join(sorted(GOPPC_CONTACT_KINDS))
        + " whose role is not "
        + "/".join(sorted(GOPPC_NOT_CONTACT_ROLES)),
    )
    return board


def has_topic(codes: Iterable[str], topics: Iterable[str]) -> bool:
    """True when a code is one of the topics or a sub-code of one ("8.1" under "8")."""
    wanted = tuple(topics)
    return any(code == t or code.startswith(t + ".") for code in codes for t in wanted)


def goppc_right_kinds(codes: Iterable[str]) -> set[str]:
    return {kind for topic, kind in GOPPC_RIGHTS.items() if has_topic(codes, (topic,))}


def score_goppc_policy(board: Scoreboard, policy: GoppcPolicy, records: list[Rec]) -> None:
    """Score one policy; units are its `<paragraph>` elements, gold their own topic codes."""
    name = policy.name
    paragraphs = policy.paragraphs
    placed = place_records(board, policy, records)

    def paragraph_context(unit: Unit) -> tuple[str, str, list[Rec]]:
        if not isinstance(unit, int):
            return "policy", "", []
        return f"paragraph {unit}", paragraphs[unit].text, placed.get(unit, [])

    def codes_note(codes: Iterable[str]) -> str:
        return "topic codes " + ",".join(sorted(codes))

    # Rights: the policy level also counts titles ("Right to erasure" coded 4.4).
    gold_policy: dict[Key, list[str]] = defaultdict(list)
    gold_paragraph: dict[Key, list[str]] = defaultdict(list)
    for p in paragraphs:
        for kind in goppc_right_kinds(p.codes):
            gold_policy[(None, kind)].append(f"[paragraph {p.index}] {snippet(p.text, 120)}")
            gold_paragraph[(p.index, kind)].append(codes_note(p.codes))
    for heading in policy.headings:
        for kind in goppc_right_kinds(heading.codes):
            gold_policy[(None, kind)].append(f"[title] {heading.title}")
    pred_policy: dict[Key, list[Rec]] = defaultdict(list)
    pred_paragraph: dict[Key, list[Rec]] = defaultdict(list)
    for rec in records:
        if rec.type == "right" and rec.label in GOPPC_RIGHT_RECORDS:
            pred_policy[(None, GOPPC_RIGHT_RECORDS[rec.label])].append(rec)
    for index, recs in placed.items():
        for rec in recs:
            if rec.type == "right" and rec.label in GOPPC_RIGHT_RECORDS:
                pred_paragraph[(index, GOPPC_RIGHT_RECORDS[rec.label])].append(rec)
    board["goppc.rights.policy"].compare_sets(name, gold_policy, pred_policy, paragraph_context)
    board["goppc.rights.paragraph"].compare_sets(name, gold_paragraph, pred_paragraph, paragraph_context)
    board.gold_counts["rights (policy x kind)"] += len(gold_policy)
    board.gold_counts["rights (paragraph x kind)"] += len(gold_paragraph)

    def paragraph_measure(
        measures: tuple[str, ...],
        gold_name: str,
        topics: tuple[str, ...],
        accepts: tuple[Callable[[Rec], bool], ...],
    ) -> None:
        gold: dict[Key, list[str]] = {
            (p.index, None): [codes_note(p.codes)] for p in paragraphs if has_topic(p.codes, topics)
        }
        for measure, accept in zip(measures, accepts, strict=True):
            predicted: dict[Key, list[Rec]] = {
                (i, None): found for i, recs in placed.items() if (found := [r for r in recs if accept(r)])
            }
            board[measure].compare_sets(name, gold, predicted, paragraph_context)
        board.gold_counts[gold_name] += len(gold)

    paragraph_measure(
        ("goppc.retention.paragraph", "goppc.retention_period.paragraph"),
        "retention paragraphs",
        GOPPC_RETENTION,
        (lambda r: r.type == "retention", lambda r: r.kind_given),
    )
    paragraph_measure(
        ("goppc.data_categories.paragraph",),
        "data-category paragraphs",
        GOPPC_DATA_CATEGORIES,
        (lambda r: r.type == "data_category" and not r.negated,),
    )
    paragraph_measure(
        ("goppc.purposes.paragraph",),
        "purpose paragraphs",
        GOPPC_PURPOSES,
        (lambda r: r.type == "purpose" and not r.negated,),
    )
    paragraph_measure(
        ("goppc.contact.paragraph",),
        "contact paragraphs",
        GOPPC_CONTACT,
        (lambda r: r.type == "contact" and r.label in GOPPC_CONTACT_KINDS and r.role not in GOPPC_NOT_CONTACT_ROLES,),
    )


# --------------------------------------------------------------------------- running


def parse_records(parser: pp.PolicyParser, board: Scoreboard, name: str, html: str) -> list[Rec]:
    started = time.perf_counter()
    try:
        policy = parser.parse(html, format="html")
        records = flatten_records(policy)
    # Any failure, a library bug included, is counted against the policy, never fatal.
    except Exception as exc:
        board.failures.append((name, f"{type(exc).__name__}: {snippet(str(exc), 160)}"))
        records = []
    board.parse_seconds += time.perf_counter() - started
    board.records += len(records)
    check_offsets(board, html, records)
    return records


def run_gdpr(parser: pp.PolicyParser, folder: Path, limit: int | None) -> Scoreboard:
    board = gdpr_scoreboard()
    policies: list[GdprPolicy] = []
    for path in gdpr200_files(folder)[:limit]:
        try:
            policies.append(load_gdpr200_policy(path))
        except (OSError, ValueError, KeyError) as exc:
            board.failures.append((path.name, f"could not load: {exc}"))
    # How many policies hold each passage text, for the *.own_text measures.
    holders = Counter(key for policy in policies for key in {passage_key(p.text) for p in policy.passages})
    repeated = {key for key, n in holders.items() if n > 1}
    for policy in policies:
        board.policies += 1
        board.units += len(policy.passages)
        score_gdpr_policy(board, policy, parse_records(parser, board, policy.name, policy.html), repeated)
    return board


def run_opp(parser: pp.PolicyParser, folder: Path, limit: int | None) -> Scoreboard:
    board = opp_scoreboard()
    files, annotations = opp115_files(folder)
    for path in files[:limit]:
        try:
            policy = load_opp115_policy(path, annotations)
        except (OSError, ValueError) as exc:
            board.failures.append((path.name, f"could not load: {exc}"))
            continue
        board.policies += 1
        board.units += len(policy.segments)
        score_opp_policy(board, policy, parse_records(parser, board, policy.name, policy.html))
    return board


def run_goppc(parser: pp.PolicyParser, folder: Path, limit: int | None) -> Scoreboard:
    board = goppc_scoreboard()
    for path in goppc150_files(folder)[:limit]:
        try:
            policy = load_goppc_policy(path)
        except (OSError, ValueError) as exc:  # ET.ParseError is a ValueError
            board.failures.append((path.name, f"could not load: {exc}"))
            continue
        board.policies += 1
        board.units += len(policy.paragraphs)
        score_goppc_policy(board, policy, parse_records(parser, board, policy.name, policy.html))
    return board


def fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


UNIT_NAMES = {"gdpr200": "passages", "opp115": "segments", "goppc150": "paragraphs"}


def print_board(board: Scoreboard, out: TextIO | None = None) -> None:
    out = out or sys.stdout  # looked up at call time, so a replaced sys.stdout is honoured
    unit_name = UNIT_NAMES.get(board.corpus, "segments")
    print(
        f"\n== {board.corpus}: {board.policies} policies, {board.units} {unit_name}, "
        f"{board.records} records, parse time {board.parse_seconds:.1f} s "
        f"({board.parse_seconds / max(board.policies, 1):.2f} s/policy)",
        file=out,
    )
    print(
        f"   failed to parse: {len(board.failures)}; records outside any {unit_name[:-1]}: "
        f"{board.unplaced}; records whose source range does not show their text: "
        f"{board.offset_mismatch}",
        file=out,
    )
    for name, error in board.failures[:10]:
        print(f"   ! {name}: {error}", file=out)
    print(
        "   gold: " + ", ".join(f"{k} {v}" for k, v in board.gold_counts.items()),
        file=out,
    )
    print(
        f"\n{'measure':<{board.name_width}} {'label':<21} {'P':>6} {'R':>6} {'F1':>6} {'TP':>9} {'FP':>5} {'FN':>5}",
        file=out,
    )
    for measure in board.measures.values():
        rows = [("(all)" if measure.per_label else "", measure.overall)]
        rows += sorted(measure.per_label.items())
        for i, (label, score) in enumerate(rows):
            tp = str(score.tp) if score.ok == score.tp else f"{score.ok}|{score.tp}"
            print(
                f"{measure.name if i == 0 else '':<{board.name_width}} {label:<21} {fmt(score.precision)} "
                f"{fmt(score.recall)} {fmt(score.f1)} {tp:>9} {score.fp:>5} {score.fn:>5}",
                file=out,
            )
    print(
        "\n   TP shown as a|b: a predictions judged correct, b gold items found (fuzzy quote matching).",
        file=out,
    )
    for measure in board.measures.values():
        if measure.note:
            print(f"   {measure.name}: {measure.note}", file=out)


def print_errors(boards: list[Scoreboard], pattern: str, count: int, seed: int) -> None:
    chosen = [
        m for b in boards for m in b.measures.values() if fnmatch.fnmatch(m.name, pattern) or m.name.startswith(pattern)
    ]
    if not chosen:
        names = ", ".join(m for b in boards for m in b.measures)
        print(f"\nno measure matches {pattern!r}; measures: {names}")
        return
    for measure in chosen:
        for error in ("FP", "FN"):
            examples = [e for e in measure.examples if e["error"] == error]
            print(
                f"\n== {measure.name}: {len(examples)} {'false positives' if error == 'FP' else 'false negatives'}"
                f" (showing {min(count, len(examples))})"
            )
            if error == "FP":
                by_rule = Counter(r["rule"] for e in examples for r in e["records"])
                print("   by rule: " + ", ".join(f"{k} {v}" for k, v in by_rule.most_common(12)))
            by_label = Counter(e["label"] for e in examples if e["label"])
            if by_label:
                print("   by label: " + ", ".join(f"{k} {v}" for k, v in by_label.most_common()))
            random.Random(seed).shuffle(examples)
            for e in examples[:count]:
                label = f" [{e['label']}]" if e["label"] else ""
                print(f"-- {error} {e['policy']} {e['where']}{label}")
                if e["text"]:
                    print(f"   text:   {e['text']}")
                for quote in e["gold"][:4]:
                    print(f"   gold:   {snippet(quote, 160)}")
                for rec in e["records"][:6]:
                    print(f"   record: {snippet(rec['text'], 100)!r}  ({rec['rule']}; {rec['label']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gdpr200", type=Path, help="folder of GDPR-200 JSON files (gdpr200-dev)")
    ap.add_argument(
        "--opp115",
        type=Path,
        help="OPP-115 folder (with sanitized_policies/, annotations/)",
    )
    ap.add_argument(
        "--goppc150",
        type=Path,
        help="folder of GoPPC-150 XML files (goppc150-dev): a held-out second check",
    )
    ap.add_argument("--limit", type=int, help="score only the first N policies of each corpus")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write all figures as JSON")
    ap.add_argument(
        "--errors",
        metavar="MEASURE",
        help="print error examples of a measure (name, prefix or glob)",
    )
    ap.add_argument(
        "--examples",
        type=int,
        default=12,
        help="examples of each error kind to print (default 12)",
    )
    ap.add_argument("--seed", type=int, default=0, help="seed for sampling error examples")
    args = ap.parse_args(argv)
    if not args.gdpr200 and not args.opp115 and not args.goppc150:
        ap.error("give --gdpr200, --opp115 and/or --goppc150")
    for folder in (args.gdpr200, args.opp115, args.goppc150):
        if folder and not folder.is_dir():
            ap.error(f"not a folder: {folder}")

    started = time.perf_counter()
    import privacyparser as pp

    try:
        parser = pp.PolicyParser()
    except Exception as exc:
        print(f"privacyparser could not be set up: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    setup = time.perf_counter() - started
    boards: list[Scoreboard] = []
    if args.gdpr200:
        boards.append(run_gdpr(parser, args.gdpr200, args.limit))
    if args.opp115:
        boards.append(run_opp(parser, args.opp115, args.limit))
    if args.goppc150:
        boards.append(run_goppc(parser, args.goppc150, args.limit))
    elapsed = time.perf_counter() - started

    version = getattr(pp, "__version__", "?")
    print(
        f"privacyparser {version}: {sum(b.policies for b in boards)} policies in {elapsed:.1f} s "
        f"(parser set-up {setup:.1f} s)"
    )
    for board in boards:
        print_board(board)
    if args.errors:
        print_errors(boards, args.errors, args.examples, args.seed)
    if args.json:
        payload = {
            "privacyparser_version": version,
            "elapsed_seconds": round(elapsed, 2),
            "corpora": {
                b.corpus: {
                    "policies": b.policies,
                    "units": b.units,
                    "records": b.records,
                    "records_outside_units": b.unplaced,
                    "records_offset_mismatch": b.offset_mismatch,
                    "parse_seconds": round(b.parse_seconds, 2),
                    "failures": [{"policy": n, "error": e} for n, e in b.failures],
                    "gold_counts": dict(b.gold_counts),
                    "measures": {
                        m.name: {
                            "title": m.title,
                            "unit": m.unit,
                            "note": m.note,
                            "overall": m.overall.as_dict(),
                            "per_label": {k: s.as_dict() for k, s in sorted(m.per_label.items())},
                        }
                        for m in b.measures.values()
                    },
                }
                for b in boards
            },
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
