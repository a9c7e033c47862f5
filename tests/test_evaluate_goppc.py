"""The GoPPC-150 scoring of benchmarks/evaluate.py on a tiny synthetic policy.

The policy is built by `write_synthetic_policy` into the test's temporary folder; no
corpus file is needed or tracked.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import corpora  # noqa: E402
import evaluate  # noqa: E402


def _paragraph(parent: ET.Element, codes: str, text: str, items: tuple[str, ...] = ()) -> None:
    """A `<paragraph category="own;subtree">` with its text and an optional `<list>` of items."""
    element = ET.SubElement(parent, "paragraph", category=f"{codes};{codes}" if codes else "")
    element.text = text
    if items:
        listing = ET.SubElement(element, "list")
        for item in items:
            ET.SubElement(listing, "item").text = item


def _segment(parent: ET.Element, tag: str, title: str, codes: str = "") -> ET.Element:
    """A `<segment>` opened by its `<title>` (rendered as `tag`)."""
    segment = ET.SubElement(parent, "segment")
    attributes = {"depth": "3", "tagname": tag} | ({"category": f"{codes};{codes}"} if codes else {})
    ET.SubElement(segment, "title", attributes).text = title
    return segment


def write_synthetic_policy(path: Path) -> None:
    """Write a tiny policy of our own in the corpus' layout (nested `<segment>`, `<title>`,
    `<paragraph category="own;subtree">`). It exists only in the test's temporary folder:
    no corpus file, nor a copy of one, is in the repository."""
    root = ET.Element("policy")
    ET.SubElement(root, "url").text = "https://example.test/privacy"
    _paragraph(root, "", "This notice explains how the Example service handles personal data.")
    deleting = _segment(root, "h1", "Deleting your data", "4.4")
    _paragraph(deleting, "4.4", "You can ask us to delete the data we hold about you.")
    _paragraph(deleting, "16.1", "We keep order records for six years & then erase them.")
    questions = _segment(deleting, "h2", "Questions")
    _paragraph(questions, "1.2,8.1", "Write to privacy@example.test with questions.", ("by post", "by email"))
    complaints = _segment(root, "h1", "Complaints", "7")
    _paragraph(complaints, "7", "You may complain to the data protection authority where you live.")
    _paragraph(complaints, "11", "We use your email address to send receipts.")
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


@pytest.fixture()
def policy(tmp_path: Path) -> corpora.GoppcPolicy:
    path = tmp_path / "synthetic_policy.xml"
    write_synthetic_policy(path)
    return corpora.load_goppc_policy(path)


def test_loader_keeps_structure_codes_and_ranges(policy: corpora.GoppcPolicy) -> None:
    assert [h.title for h in policy.headings] == ["Deleting your data", "Questions", "Complaints"]
    assert [h.parent for h in policy.headings] == [None, 0, None]
    assert [h.codes for h in policy.headings] == [frozenset({"4.4"}), frozenset(), frozenset({"7"})]
    assert "<h1>Deleting your data</h1>" in policy.html and "<h2>Questions</h2>" in policy.html
    assert [p.codes for p in policy.paragraphs] == [
        frozenset(),
        frozenset({"4.4"}),
        frozenset({"16.1"}),
        frozenset({"1.2", "8.1"}),
        frozenset({"7"}),
        frozenset({"11"}),
    ]
    contact = policy.paragraphs[3]
    assert contact.text == "Write to privacy@example.test with questions. by post by email"
    # The range runs from the running text to the last list item, both rendered.
    shown = policy.html[contact.start : contact.end]
    assert shown.startswith("Write to privacy@example.test") and shown.endswith("by email")
    assert "<ul>\n<li>by post</li>" in shown
    assert policy.html[policy.paragraphs[2].start : policy.paragraphs[2].end].count("&amp;") == 1
    for i, p in enumerate(policy.paragraphs):
        assert policy.locate(p.start) == i and policy.locate(p.end - 1) == i
    assert policy.locate(policy.headings[0].start) is None  # titles are not paragraphs


@pytest.mark.parametrize(
    ("category", "codes"),
    [("4.2,4.3;4.2,4.3,7", {"4.2", "4.3"}), ("", set()), ("8; 8,11", {"8"}), (None, set()), (" 7 ", {"7"})],
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


def test_command_line_scores_a_folder(
    policy: corpora.GoppcPolicy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "figures.json"
    assert evaluate.main(["--goppc150", str(tmp_path), "--errors", "goppc.rights.paragraph", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "== goppc150: 1 policies, 6 paragraphs" in printed
    assert "== goppc.rights.paragraph:" in printed
    assert "goppc.rights.paragraph: as goppc.rights.policy" in printed  # the legend
    assert '"goppc.contact.paragraph"' in out.read_text(encoding="utf-8")
