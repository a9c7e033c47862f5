"""Long runs (marked slow, deselected by default; run with `pytest -m slow`).

The properties of test_properties.py with many more examples, mutations of the fixture
policies, megabyte inputs under a time budget, and a check that the time per word does
not grow with the size of the input. benchmarks/fuzz.py runs the same checks longer.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacyparser.api import PolicyParser

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"privacyparser_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


props = _load("test_properties")
nasty = _load("test_nasty_inputs")

pytestmark = pytest.mark.slow

LONG = settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
MB = 1_000_000


@pytest.fixture(scope="module")
def parser() -> PolicyParser:
    return PolicyParser()


@pytest.mark.parametrize(
    ("strategy", "fmt"),
    [
        (props.policy_texts, "text"),
        (props.any_texts, "text"),
        (props.html_pages, "html"),
        (props.broken_html, "html"),
    ],
    ids=["policy-text", "arbitrary-text", "html", "broken-html"],
)
def test_properties_hold_over_many_examples(parser: PolicyParser, strategy: Any, fmt: str) -> None:
    @LONG
    @given(source=strategy)
    def check(source: str) -> None:
        policy = props.parse_and_check(parser, source, fmt)
        if policy is not None and fmt == "text":
            props.check_no_text_lost(policy, source, fmt)

    check()


def _fixture_texts() -> list[tuple[str, str]]:
    return [
        (path.read_text(encoding="utf-8"), "html" if path.suffix == ".html" else "text")
        for path in sorted(FIXTURES.rglob("*"))
        if path.suffix in (".txt", ".html")
    ]


_SPLICES = ("<", "</", "&", "&#", "<!--", "\x00", "\r", "\ufeff", "\u200b", "\n\n", "1.1.1.1.1 ", "(a) ", "<div>" * 50)


@LONG
@given(data=st.data())
def test_mutated_fixtures_keep_every_invariant(parser: PolicyParser, data: st.DataObject) -> None:
    fixtures = _fixture_texts()
    source, fmt = fixtures[data.draw(st.integers(0, len(fixtures) - 1))]
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(source)))
        action = data.draw(st.sampled_from(["cut", "splice", "repeat", "noise"]))
        if action == "cut":
            source = source[:at] + source[at + data.draw(st.integers(1, 3000)) :]
        elif action == "splice":
            source = source[:at] + data.draw(st.sampled_from(_SPLICES)) + source[at:]
        elif action == "repeat":
            source = source[:at] + source[at : at + 300] * data.draw(st.integers(2, 10)) + source[at:]
        else:
            source = source[:at] + data.draw(props.noise) + source[at:]
    policy = props.parse_and_check(parser, source, fmt)
    if policy is not None and fmt == "text":
        props.check_no_text_lost(policy, source, fmt)


BIG_ROWS = [
    nasty.Row(
        "1mb-of-policy-text", lambda: nasty.POLICY * (MB // len(nasty.POLICY)), nasty.Ok(records=True), budget=90
    ),
    nasty.Row("1mb-of-punctuation", lambda: (".,;:!?-" * MB)[:MB], nasty.Ok(records=False), budget=60),
    nasty.Row("1mb-of-dollar-signs", lambda: "$" * MB, nasty.Ok(records=False), budget=60),
    nasty.Row(
        "1mb-of-spaces-inside-a-line", lambda: "We collect data." + " " * MB + "x", nasty.Ok(), budget=60, format="text"
    ),
    nasty.Row("1mb-of-full-stops", lambda: "We collect data. " + "." * MB, nasty.Ok(), budget=60, format="text"),
    nasty.Row(
        "1mb-html-list",
        lambda: "<ul>" + "<li>We collect your email address.</li>" * (MB // 40) + "</ul>",
        nasty.Ok(records=True),
        budget=120,
    ),
    nasty.Row(
        "100000-nested-divs",
        lambda: "<div>" * 100_000 + "We collect your email address." + "</div>" * 100_000,
        nasty.Ok(records=True),
        budget=60,
    ),
]


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id, marks=row.marks) for row in BIG_ROWS])
def test_megabyte_inputs_finish_within_budget(parser: PolicyParser, row: Any) -> None:
    data = row.make()
    outcome = nasty.run_with_budget(lambda: parser.parse(data, format=row.format), row.budget)
    nasty.check_outcome(outcome, row.expect)


def test_time_per_word_does_not_grow_with_size(parser: PolicyParser) -> None:
    base = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "policies").rglob("*.txt")))
    per_word = {}
    for size in (100_000, 1_000_000):
        text = (base * (size // len(base) + 1))[:size]
        started = time.perf_counter()
        parser.parse(text)
        per_word[size] = (time.perf_counter() - started) / len(text.split())
    # Linear work gives a ratio near 1; a quadratic step would give about 10.
    assert per_word[1_000_000] < 2.5 * per_word[100_000], per_word
