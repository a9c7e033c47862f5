"""A regression floor on the fixtures: hand-annotated facts each policy states.

The dev-corpus figures are printed by benchmarks/evaluate.py; this suite must pass
without the corpora, so it guards a floor on facts a person annotated in the fixtures.
Recall is over the facts listed; precision over the categories the library reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import privacyparser as pp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# (file, record type, the set of facts a reader finds in the policy)
GOLD: dict[str, dict[str, set[str]]] = {
    "policies/essa/policy.txt": {
        "data": {
            "username",
            "birth_date",
            "gender",
            "phone_number",
            "email_address",
            "ip_address",
            "password",
            "browsing_history",
            "clickstream",
            "purchase_history",
            "location",
            "photos",
            "country",
            "videos",
            "contact_details",
            "postal_address",
            "personal_information",
        },
        "purposes": {
            "basic_service",
            "marketing",
            "personalization",
            "analytics_research",
            "security_operations",
            "other",
        },
        "rights": {"access", "rectification", "erasure"},
        "retention": {"stated_period", "limited"},
    },
    "policies/esl/policy.txt": {
        "data": {
            "username",
            "phone_number",
            "profile_picture",
            "device_model",
            "operating_system",
            "software_version",
            "ip_address",
            "full_name",
            "log_data",
            "location",
            "language",
            "photos",
            "friends_list",
            "personal_information",
            "crash_logs",
            "account_information",
            "device_information",
            "payment_information",
        },
        "purposes": {
            "basic_service",
            "personalization",
            "analytics_research",
            "security_operations",
            "legal_requirement",
        },
        "rights": {"access", "rectification", "erasure"},
        "retention": {"limited"},
    },
    "html/brightleaf_books.html": {
        "data": {
            "full_name",
            "email_address",
            "postal_address",
            "purchase_history",
            "payment_card",
            "ip_address",
            "browser_type",
            "pages_visited",
            "cookies",
            "message_content",
            "contact_details",
            "preferences",
            "tracking_technologies",
        },
        "purposes": {"basic_service"},
        "rights": {"access", "rectification", "erasure", "objection", "complaint"},
        "retention": {"stated_period", "limited"},
    },
    "html/northwind_fitness.html": {
        "data": {
            "full_name",
            "email_address",
            "birth_date",
            "phone_number",
            "fitness_data",
            "account_information",
            "personal_information",
        },
        "purposes": {"basic_service", "analytics_research"},
        "rights": {"opt_out"},
        "retention": set(),
    },
}
RECALL_FLOOR = 0.9
PRECISION_FLOOR = 0.8


def _found(policy: pp.PrivacyPolicy) -> dict[str, set[str]]:
    return {
        "data": {d.category for d in policy.data_categories if not d.negated},
        "purposes": {p.category for p in policy.purposes if not p.negated},
        "rights": {r.kind for r in policy.rights},
        "retention": {r.kind for r in policy.retention if r.kind != "unspecified"},
    }


@pytest.fixture(scope="module")
def found() -> dict[str, dict[str, set[str]]]:
    parser = pp.PolicyParser()
    return {name: _found(parser.parse_file(FIXTURES / name)) for name in GOLD}


@pytest.mark.parametrize("kind", ["data", "purposes", "rights", "retention"])
def test_recall_and_precision_floor(found: dict[str, dict[str, set[str]]], kind: str) -> None:
    gold_total = predicted_total = hits = 0
    for name, facts in GOLD.items():
        gold, predicted = facts[kind], found[name][kind]
        gold_total += len(gold)
        predicted_total += len(predicted)
        hits += len(gold & predicted)
    recall = hits / gold_total if gold_total else 1.0
    precision = hits / predicted_total if predicted_total else 1.0
    assert recall >= RECALL_FLOOR, f"{kind}: recall {recall:.2f} below {RECALL_FLOOR}"
    assert precision >= PRECISION_FLOOR, f"{kind}: precision {precision:.2f} below {PRECISION_FLOOR}"
