"""Golden tests: each fixture policy against its reviewed expected output.

The expected files hold a compact projection (outline and one line per record) so that
a person can read and check every line; offsets are checked by invariants instead.
Rewrite them with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import privacyparser as pp
from privacyparser.models import Section

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
POLICY_FILES = sorted([*FIXTURES.glob("policies/*/policy.*"), *FIXTURES.glob("html/*.html")])


def _expected_path(policy_file: Path) -> Path:
    if policy_file.parent.parent.name == "policies":
        return policy_file.parent / "expected.json"
    return policy_file.with_suffix(".expected.json")


def _outline(sections: list[Section]) -> list[Any]:
    out: list[Any] = []
    for section in sections:
        label = " ".join(part for part in (section.number, section.title) if part) or "(untitled)"
        out.append([label, _outline(section.children)] if section.children else label)
    return out


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def project(policy: pp.PrivacyPolicy) -> dict[str, Any]:
    """The reviewable projection of a result."""
    return {
        "title": policy.title,
        "warnings": policy.warnings,
        "furniture": [f"{f.kind}: {_short(policy.text[f.start : f.end], 60)}" for f in policy.furniture],
        "sections": _outline(policy.sections),
        "data_categories": [
            f"{d.section} | {d.group}/{d.category}{' NEGATED' if d.negated else ''} | {_short(d.text)}"
            for d in policy.data_categories
        ],
        "purposes": [
            f"{p.section} | {p.category}{' NEGATED' if p.negated else ''} | {_short(p.text)}" for p in policy.purposes
        ],
        "retention": [
            f"{r.section} | {r.kind} {r.duration or '-'} {r.trigger or '-'} | {_short(r.text)}"
            for r in policy.retention
        ],
        "contacts": [f"{c.section} | {c.kind} {c.role} {c.value} | {_short(c.text)}" for c in policy.contacts],
        "rights": [f"{r.section} | {r.kind} {r.response_time or '-'} | {_short(r.text)}" for r in policy.rights],
    }


@pytest.fixture(scope="module")
def parser() -> pp.PolicyParser:
    return pp.PolicyParser()


@pytest.mark.parametrize("policy_file", POLICY_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden(policy_file: Path, parser: pp.PolicyParser, update_golden: bool) -> None:
    policy = parser.parse_file(policy_file)
    projection = project(policy)
    expected_path = _expected_path(policy_file)
    if update_golden:
        expected_path.write_text(json.dumps(projection, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if not expected_path.exists():
        pytest.fail(f"no golden file {expected_path}: run with --update-golden and review it")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    for key in expected:
        assert projection[key] == expected[key], f"{policy_file.name}: {key} differs from {expected_path.name}"


@pytest.mark.parametrize("policy_file", POLICY_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_offsets_point_at_the_evidence(policy_file: Path, parser: pp.PolicyParser) -> None:
    source_bytes = policy_file.read_bytes()
    policy = parser.parse_file(policy_file)
    source = source_bytes.decode("utf-8")
    records = [*policy.data_categories, *policy.purposes, *policy.retention, *policy.contacts, *policy.rights]
    for record in records:
        assert policy.text[record.start : record.end] == record.text
        assert 0 <= record.source_start <= record.source_end <= len(source)
        assert record.section is None or policy.section_by_id(record.section) is not None
    for section in policy.iter_sections():
        assert 0 <= section.start < section.end <= len(policy.text)
        for child in section.children:
            assert section.start <= child.start and child.end <= section.end
            assert child.level == section.level + 1
