"""Every rule table entry carries examples that its rule must produce, and counter-examples it must not."""

from __future__ import annotations

import pytest

import privacyparser as pp
from privacyparser.rules import load_rules

RULES = load_rules()
PARSER = pp.PolicyParser()


def _cases(entries, attribute):  # type: ignore[no-untyped-def]
    return [
        pytest.param(getattr(entry, attribute), example, id=f"{getattr(entry, attribute)}:{i}")
        for entry in entries
        for i, example in enumerate(entry.examples)
    ]


def _counter_cases(entries, attribute):  # type: ignore[no-untyped-def]
    return [
        pytest.param(getattr(entry, attribute), example, id=f"{getattr(entry, attribute)}:{i}")
        for entry in entries
        for i, example in enumerate(entry.counter_examples)
    ]


@pytest.mark.parametrize(("key", "example"), _cases(RULES.data_categories, "key"))
def test_data_category_example_is_found(key: str, example: str) -> None:
    policy = PARSER.parse(example, format="text")
    assert key in {d.category for d in policy.data_categories}, [d.category for d in policy.data_categories]


@pytest.mark.parametrize(("key", "example"), _counter_cases(RULES.data_categories, "key"))
def test_data_category_counter_example_is_not_found(key: str, example: str) -> None:
    policy = PARSER.parse(example, format="text")
    assert key not in {d.category for d in policy.data_categories if not d.negated}


@pytest.mark.parametrize(("rule_id", "example"), _cases(RULES.purposes, "id"))
def test_purpose_example_is_found(rule_id: str, example: str) -> None:
    policy = PARSER.parse(example, format="text")
    category = next(p.category for p in RULES.purposes if p.id == rule_id)
    assert category in {p.category for p in policy.purposes}, [p.rule for p in policy.purposes]


@pytest.mark.parametrize(("rule_id", "example"), _cases(RULES.rights, "id"))
def test_right_example_matches_its_pattern(rule_id: str, example: str) -> None:
    rule = next(r for r in RULES.rights if r.id == rule_id)
    assert rule.pattern.search(example.lower())
    policy = PARSER.parse(example, format="text")
    assert rule.kind in {r.kind for r in policy.rights}


@pytest.mark.parametrize(("rule_id", "example"), _counter_cases(RULES.rights, "id"))
def test_right_counter_example_gives_no_right_of_that_kind(rule_id: str, example: str) -> None:
    rule = next(r for r in RULES.rights if r.id == rule_id)
    policy = PARSER.parse(example, format="text")
    assert rule.kind not in {r.kind for r in policy.rights}


@pytest.mark.parametrize(("rule_id", "example"), _cases(RULES.retention, "id"))
def test_retention_example_is_found(rule_id: str, example: str) -> None:
    rule = next(r for r in RULES.retention if r.id == rule_id)
    policy = PARSER.parse(example, format="text")
    assert rule.kind in {r.kind for r in policy.retention}


@pytest.mark.parametrize(("rule_id", "example"), _counter_cases(RULES.retention, "id"))
def test_retention_counter_example_is_not_found(rule_id: str, example: str) -> None:
    rule = next(r for r in RULES.retention if r.id == rule_id)
    policy = PARSER.parse(example, format="text")
    assert rule.kind not in {r.kind for r in policy.retention}


def test_ids_are_unique_and_namespaced() -> None:
    ids = [p.id for p in RULES.purposes] + [r.id for r in RULES.rights] + [r.id for r in RULES.retention]
    assert len(ids) == len(set(ids))
    assert all(i.split(".")[0] in {"purpose", "right", "retention"} for i in ids)
    for rule in RULES.rights:
        assert rule.id.startswith(f"right.{rule.kind}.")
    for purpose in RULES.purposes:
        assert purpose.id.startswith(f"purpose.{purpose.category}.")


@pytest.mark.parametrize("category", RULES.data_categories, ids=lambda c: c.key)
def test_data_category_gate_is_defined(category) -> None:  # type: ignore[no-untyped-def]
    assert category.gate == "specific" or category.gate in RULES.term_gates


@pytest.mark.parametrize(
    ("trap_id", "example"),
    [pytest.param(t.id, e, id=f"{t.id}:{i}") for t in RULES.sense_traps for i, e in enumerate(t.examples)],
)
def test_sense_trap_example_matches_its_pattern(trap_id: str, example: str) -> None:
    trap = next(t for t in RULES.sense_traps if t.id == trap_id)
    assert trap.pattern.search(example.lower())
