"""What the two founding policies (ESSA, ESL) must give: the issue's list, checked."""

from __future__ import annotations

from pathlib import Path

import pytest

import privacyparser as pp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "policies"


@pytest.fixture(scope="module")
def essa() -> pp.PrivacyPolicy:
    return pp.parse_file(FIXTURES / "essa" / "policy.txt")


@pytest.fixture(scope="module")
def esl() -> pp.PrivacyPolicy:
    return pp.parse_file(FIXTURES / "esl" / "policy.txt")


def _outline(policy: pp.PrivacyPolicy) -> list[tuple[int, str | None, str | None]]:
    return [(s.level, s.number, s.title) for s in policy.iter_sections()]


def test_essa_top_level_sections(essa: pp.PrivacyPolicy) -> None:
    top = [(s.number, s.title) for s in essa.sections]
    assert [n for n, _ in top] == [str(i) for i in range(1, 10)]
    assert top[0][1] == "Why do we need to get user information?"
    assert top[-1][1] == "Notices and amendment"


def test_essa_subsections_nest_under_their_parents(essa: pp.PrivacyPolicy) -> None:
    by_number = {s.number: s for s in essa.sections}
    assert [c.number for c in by_number["4"].children] == ["4.1"]
    assert [c.number for c in by_number["9"].children] == ["9.2", "9.3"]
    # "1Significant changes ..." and "2 Major changes ..." are list items of 9.2.
    assert by_number["9"].children[0].children == []
    section_92 = by_number["9"].children[0]
    assert "1Significant changes" in essa.text[section_92.start : section_92.end]


def test_essa_title_is_not_the_breadcrumb(essa: pp.PrivacyPolicy) -> None:
    assert essa.title == "Privacy Policy of essa.cn"
    kinds = {f.kind for f in essa.furniture}
    assert {"breadcrumb", "table_of_contents"} <= kinds


def test_essa_contacts(essa: pp.PrivacyPolicy) -> None:
    values = {(c.kind, c.value) for c in essa.contacts}
    assert ("email", "cust@essa.cn") in values
    assert ("phone", "+85235005170") in values


def test_essa_retention(essa: pp.PrivacyPolicy) -> None:
    stated = [r for r in essa.retention if r.kind == "stated_period"]
    assert any(r.duration == "P90D" and r.trigger == "deletion request" for r in stated)
    assert any(r.kind == "limited" and r.trigger == "account cancellation" for r in essa.retention)


def test_essa_rights(essa: pp.PrivacyPolicy) -> None:
    assert {"access", "rectification", "erasure"} <= {r.kind for r in essa.rights}


@pytest.mark.parametrize(
    "category",
    ["username", "birth_date", "gender", "phone_number", "email_address", "ip_address", "password", "photos"],
)
def test_essa_data_categories(essa: pp.PrivacyPolicy, category: str) -> None:
    assert category in {d.category for d in essa.data_categories if not d.negated}


def test_esl_top_level_sections(esl: pp.PrivacyPolicy) -> None:
    assert [s.number for s in esl.sections] == [str(i) for i in range(1, 8)]
    assert esl.sections[0].title == "Collection and Use of Personal Information"
    assert esl.sections[-1].title == "Your Rights"
    assert esl.title == "Privacy Policy"


def test_esl_glued_headings_are_split(esl: pp.PrivacyPolicy) -> None:
    titles = {s.title for s in esl.iter_sections()}
    assert "Log information" in titles
    assert "Collection of Personal Information\nIn the process" in esl.text


def test_esl_hard_wraps_are_joined(esl: pp.PrivacyPolicy) -> None:
    assert "importance of personal information to you, and we" in esl.text


def test_esl_rights_with_response_time(esl: pp.PrivacyPolicy) -> None:
    timed = {(r.kind, r.response_time) for r in esl.rights}
    assert ("access", "P15D") in timed
    assert ("rectification", "P15D") in timed
    assert "erasure" in {r.kind for r in esl.rights}


def test_esl_contacts_and_retention(esl: pp.PrivacyPolicy) -> None:
    assert {c.value for c in esl.contacts if c.kind == "email"} == {"support@chaoying.com.cn"}
    kinds = {(r.kind, r.trigger) for r in esl.retention}
    assert any(kind == "limited" for kind, _ in kinds)
    assert ("limited", "account cancellation") in kinds


@pytest.mark.parametrize(
    "category",
    [
        "username",
        "phone_number",
        "profile_picture",
        "device_model",
        "operating_system",
        "software_version",
        "ip_address",
    ],
)
def test_esl_data_categories(esl: pp.PrivacyPolicy, category: str) -> None:
    assert category in {d.category for d in esl.data_categories if not d.negated}


@pytest.mark.parametrize("name", ["essa", "esl"])
def test_every_record_points_at_its_text(name: str) -> None:
    source = (FIXTURES / name / "policy.txt").read_text(encoding="utf-8")
    policy = pp.parse(source)
    records = [*policy.data_categories, *policy.purposes, *policy.retention, *policy.contacts, *policy.rights]
    assert records
    for record in records:
        assert policy.text[record.start : record.end] == record.text
        assert 0 <= record.source_start <= record.source_end <= len(source)
        # Plain-text normalisation only changes whitespace and punctuation forms.
        assert "".join(source[record.source_start : record.source_end].split())[:1] == record.text[:1]
