"""The `*.own_text` measures of benchmarks/evaluate.py: the passage-level scores again,
over the passages whose text no other policy of the corpus repeats.

The policies are our own, built here as Python objects; no corpus file or document in a
corpus's format is in the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import corpora  # noqa: E402
import evaluate  # noqa: E402

_TEMPLATE = "You may ask us to delete your account data at any time."
_OWN = "Members can request a copy of their order history by writing to us."


def _policy(name: str, texts: list[tuple[str, list[corpora.GdprAnnotation]]]) -> corpora.GdprPolicy:
    passages = [
        corpora.GdprPassage(index=i, kind="text", text=text, headings=("Your rights",), annotations=annotations)
        for i, (text, annotations) in enumerate(texts)
    ]
    policy = corpora.GdprPolicy(name=name, passages=passages)
    policy.html = corpora.render_gdpr_html(passages)
    return policy


def _right(policy: corpora.GdprPolicy, index: int, kind: str) -> evaluate.Rec:
    p = policy.passages[index]
    return evaluate.Rec("right", kind, "", False, "", p.text[:12], f"test.{kind}", p.start, p.start + 12)


def test_passage_key_ignores_case_punctuation_and_spacing() -> None:
    assert evaluate.passage_key("You may  ask us, at ANY time!") == evaluate.passage_key("you may ask us at any time")
    assert evaluate.passage_key("You may ask us") != evaluate.passage_key("You may ask them")


def test_own_text_scores_only_passages_no_other_policy_repeats() -> None:
    erasure = [corpora.GdprAnnotation("Right to Erasure", "delete your account data", True)]
    access = [corpora.GdprAnnotation("Right to Access", "request a copy", True)]
    first = _policy("first", [(_TEMPLATE, erasure), (_OWN, access)])
    second = _policy("second", [(_TEMPLATE.upper(), [])])
    repeated = {evaluate.passage_key(_TEMPLATE)}
    board = evaluate.gdpr_scoreboard()
    # The template passage is read as erasure in both copies, the own passage as access.
    evaluate.score_gdpr_policy(board, first, [_right(first, 0, "erasure"), _right(first, 1, "access")], repeated)
    evaluate.score_gdpr_policy(board, second, [_right(second, 0, "erasure")], repeated)

    whole = board["gdpr.rights.passage"].overall
    assert (whole.tp, whole.fp, whole.fn) == (2, 1, 0)
    own = board["gdpr.rights.passage.own_text"].overall
    assert (own.tp, own.fp, own.fn) == (1, 0, 0)
    assert set(board["gdpr.rights.passage.own_text"].per_label) == {"access"}
