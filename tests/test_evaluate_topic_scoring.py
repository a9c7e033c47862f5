"""The topic-code scoring of benchmarks/evaluate.py (its `--goppc150` part).

The scoring is checked on a tiny policy of our own, built here as Python objects: no
file of the research corpora, nor a document in their format, is in the repository. The
topic codes are the published category numbers the scoring maps to record kinds. The
loader and the command line read the real corpus only when its folder is given
(`pytest --goppc150 PATH`); otherwise they skip.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import corpora  # noqa: E402
import evaluate  # noqa: E402

# (title or None, its topic codes, paragraphs as (own topic codes, text)); our own words.
_SECTIONS: list[tuple[str | None, set[str], list[tuple[set[str], str]]]] = [
    (None, set(), [(set(), "This notice explains how the Example service handles personal data.")]),
    (
        "Deleting your data",
        {"4.4"},
        [
            ({"4.4"}, "You can ask us to delete the data we hold about you."),
            ({"16.1"}, "We keep order records for six years and then erase them."),
            ({"1.2", "8.1"}, "Write to privacy@example.test with questions, by post or by email."),
        ],
    ),
    (
        "Complaints",
        {"7"},
        [
            ({"7"}, "You may complain to the data protection authority where you live."),
            ({"11"}, "Receipts are sent to the address you gave when you ordered."),
        ],
    ),
]


@pytest.fixture()
def policy() -> corpora.GoppcPolicy:
    """The sections above rendered as the loader renders a policy: titles as `<h1>`,
    paragraphs as `<p>`, each with its HTML range."""
    doc = corpora.HtmlBuilder()
    doc.markup(corpora.HTML_HEAD)
    headings: list[corpora.GoppcHeading] = []
    paragraphs: list[corpora.GoppcParagraph] = []
    for title, title_codes, blocks in _SECTIONS:
        if title is not None:
            start, end = doc.element("h1", title)
            headings.append(corpora.GoppcHeading(title, None, frozenset(title_codes), start, end))
        for codes, text in blocks:
            start, end = doc.element("p", text)
            paragraphs.append(corpora.GoppcParagraph(len(paragraphs), text, frozenset(codes), start, end))
    doc.markup(corpora.HTML_TAIL)
    text = "\n\n".join([h.title for h in headings] + [p.text for p in paragraphs])
    return corpora.GoppcPolicy("synthetic", doc.build(), text, headings, paragraphs)


@pytest.mark.parametrize(
    ("category", "codes"),
    [("2.1,5;2.1,5,9", {"2.1", "5"}), ("", set()), ("3; 3,12", {"3"}), (None, set()), (" 6 ", {"6"})],
)
def test_own_codes(category: str | None, codes: set[str]) -> None:
    assert corpora.goppc_codes(category) == frozenset(codes)


@pytest.mark.parametrize(
    ("codes", "topics", "expected"),
    [({"8.1"}, ("8",), True), ({"8"}, ("8",), True), ({"18.1"}, ("8",), False), ({"16.2"}, ("16.1",), False)],
)
def test_sub_codes_count_under_their_topic(codes: set[str], topics: tuple[str, ...], expected: bool) -> None:
    assert evaluate.has_topic(codes, topics) is expected


def record(policy: corpora.GoppcPolicy, paragraph: int, type_: str, label: str, role: str = "") -> evaluate.Rec:
    p = policy.paragraphs[paragraph]
    return evaluate.Rec(type_, label, "", False, role, p.text[:10], f"test.{label}", p.start, p.start + 10)


def test_paragraph_ranges_locate(policy: corpora.GoppcPolicy) -> None:
    for i, p in enumerate(policy.paragraphs):
        assert policy.html[p.start : p.end] == p.text
        assert policy.locate(p.start) == i and policy.locate(p.end - 1) == i
    assert policy.locate(policy.headings[0].start) is None  # titles are not paragraphs


def test_scoreboard_counts(policy: corpora.GoppcPolicy) -> None:
    board = evaluate.goppc_scoreboard()
    records = [
        record(policy, 1, "right", "erasure"),  # TP
        record(policy, 0, "right", "access"),  # FP (paragraph and policy)
        record(policy, 2, "right", "opt_out"),  # FP as withdraw_consent
        record(policy, 2, "retention", "stated_period"),  # TP
        record(policy, 3, "contact", "email", role="privacy"),  # TP
        record(policy, 4, "contact", "postal_address", role="authority"),  # not a controller contact
        record(policy, 4, "contact", "url", role="privacy"),  # URLs are left out
        record(policy, 3, "data_category", "contact"),  # TP through sub-code 8.1
        record(policy, 4, "purpose", "other"),  # FP; paragraph 5 (code 11) is a FN
    ]
    evaluate.score_goppc_policy(board, policy, records)

    def counts(name: str, label: str | None = None) -> tuple[int, int, int]:
        score = board[name].overall if label is None else board[name].per_label[label]
        return score.tp, score.fp, score.fn

    assert counts("goppc.rights.paragraph") == (1, 2, 1)  # complaint in paragraph 4 missed
    assert counts("goppc.rights.paragraph", "withdraw_consent") == (0, 1, 0)
    assert counts("goppc.rights.policy") == (1, 2, 1)
    assert counts("goppc.rights.policy", "complaint") == (0, 0, 1)
    assert counts("goppc.retention.paragraph") == (1, 0, 0)
    assert counts("goppc.retention_period.paragraph") == (1, 0, 0)
    assert counts("goppc.contact.paragraph") == (1, 0, 0)
    assert counts("goppc.data_categories.paragraph") == (1, 0, 0)
    assert counts("goppc.purposes.paragraph") == (0, 1, 1)
    assert board.gold_counts["rights (paragraph x kind)"] == 2
    assert board.unplaced == 0
    fns = [e for e in board["goppc.rights.paragraph"].examples if e["error"] == "FN"]
    assert [(e["where"], e["label"], e["gold"]) for e in fns] == [("paragraph 4", "complaint", ["topic codes 7"])]


def test_loader_on_the_corpus(goppc150: str) -> None:
    """Every policy of the folder given: headings nest inside the list, every paragraph's
    range shows its text in the rebuilt HTML and is found by `locate`."""
    files = sorted(Path(goppc150).glob("*.xml"))
    assert files
    for path in files[:20]:
        policy = corpora.load_goppc_policy(path)
        assert all(h.parent is None or 0 <= h.parent < i for i, h in enumerate(policy.headings))
        for i, p in enumerate(policy.paragraphs):
            assert p.start < p.end and policy.locate(p.start) == i and policy.locate(p.end - 1) == i
        for h in policy.headings:
            assert h.title and h.title.split()[0] in policy.html[h.start : h.end]


def test_command_line_scores_a_folder(goppc150: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "figures.json"
    args = ["--goppc150", goppc150, "--limit", "2", "--errors", "goppc.rights.paragraph", "--json", str(out)]
    assert evaluate.main(args) == 0
    printed = capsys.readouterr().out
    assert "== goppc150: 2 policies" in printed
    assert "== goppc.rights.paragraph:" in printed
    assert "goppc.rights.paragraph: as goppc.rights.policy" in printed  # the legend
    assert '"goppc.contact.paragraph"' in out.read_text(encoding="utf-8")
