"""Measure the section tree and the kept text on real policies.

    .venv/bin/python benchmarks/structure.py /work/shared/corpora/goppc150-dev \
        /work/shared/corpora/opp115-dev [--errors] [--limit N]

GoPPC-150 (XML with nested `<segment>`/`<title>`) is rendered twice, as HTML (titles as
`<hN>` by nesting depth) and as plain text (titles on their own lines, blank lines between
blocks, list items on their own lines); the predicted headings are matched one-to-one and
in order to the gold titles. OPP-115's raw crawled pages (`original_policies/`) are parsed
and their normalised text compared, word by word, with the policy text of
`sanitized_policies/`: recall is the share of policy words we keep in order, noise the
share of our words that are not policy text. Under each recall, the most any reading could
reach: the share of policy words that the input file holds at all (read naively, hidden
elements and page furniture included).

Corpus files are read from the folders given; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import html as htmlmod
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

import privacyparser as pp
from corpora import GoppcHeading, goppc150_files, load_goppc_policy

TARGETS = {
    "headings_f1_html": 0.97,
    "headings_f1_text": 0.90,
    "parent_html": 0.95,
    "parent_text": 0.85,
    "word_recall": 0.98,
    "noise": 0.05,
}

# Printed numbering at the start of a title: "1.", "4.1.2", "(a)", "IV.", "Article 3".
_LEADING_NUMBER = re.compile(
    r"^(?:(?:article|section|chapter|part)\s+(?:\d{1,3}|[ivxlc]{1,6})\b[.:]?"
    r"|\(?\d{1,3}(?:\.\d{1,3}){0,4}\.?\)?|\(?[a-z]\)|[a-z]\.(?=\s)|\(?[ivxlc]{1,6}[.)])\s*"
)
_PUNCT = re.compile(r"[^\w\s]+")
_WORDS = re.compile(r"\w+")


def heading_key(text: str | None) -> str:
    """A title compared loosely: lower-cased, numbering and punctuation dropped."""
    if not text:
        return ""
    key = " ".join(text.lower().split())
    key = _LEADING_NUMBER.sub("", key, count=1)
    return " ".join(_PUNCT.sub(" ", key).split())


# ------------------------------------------------------------------ GoPPC-150 rendering
# The renderer is shared with evaluate.py: corpora.load_goppc_policy.


# ------------------------------------------------------------------ heading scores


@dataclass
class HeadingScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    parent_right: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)  # (policy, title)
    spurious: list[tuple[str, str]] = field(default_factory=list)
    wrong_parent: list[tuple[str, str, str, str]] = field(default_factory=list)
    # Parent checks by the kind of gold parent: "top" (none), "matched" (a heading we
    # found), "unmatched" (a heading we missed: counted right only if ours is at the top).
    parent_kinds: dict[tuple[str, bool], int] = field(default_factory=dict)
    failures: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def parent(self) -> float:
        return self.parent_right / self.matched if self.matched else 0.0


def predicted_headings(policy: pp.PrivacyPolicy) -> list[tuple[str, int | None]]:
    """(heading title, parent index) of every section, in document order."""
    out: list[tuple[str, int | None]] = []
    stack: list[tuple[Any, int | None]] = [(s, None) for s in reversed(policy.sections)]
    while stack:
        section, parent = stack.pop()
        # The number is printed apart from the title; gold titles are compared without it.
        out.append((section.title or section.number or "", parent))
        index = len(out) - 1
        stack.extend((child, index) for child in reversed(section.children))
    return out


def score_headings(
    score: HeadingScore, name: str, gold: list[GoppcHeading], predicted: list[tuple[str, int | None]]
) -> None:
    gold_keys = [heading_key(h.title) for h in gold]
    predicted_keys = [heading_key(label) for label, _ in predicted]
    matcher = SequenceMatcher(None, gold_keys, predicted_keys, autojunk=False)
    gold_to_predicted: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            gold_to_predicted[block.a + k] = block.b + k
    score.gold += len(gold)
    score.predicted += len(predicted)
    score.matched += len(gold_to_predicted)
    matched_predicted = set(gold_to_predicted.values())
    for g, p in gold_to_predicted.items():
        gold_parent = gold[g].parent
        predicted_parent = predicted[p][1]
        if gold_parent is None and predicted_parent is None:
            right = True
        else:
            right = gold_parent is not None and gold_to_predicted.get(gold_parent) == predicted_parent
        kind = "top" if gold_parent is None else "matched" if gold_parent in gold_to_predicted else "unmatched"
        score.parent_kinds[kind, right] = score.parent_kinds.get((kind, right), 0) + 1
        if right:
            score.parent_right += 1
        else:
            score.wrong_parent.append(
                (
                    name,
                    gold[g].title,
                    gold[gold_parent].title if gold_parent is not None else "(top)",
                    predicted[predicted_parent][0] if predicted_parent is not None else "(top)",
                )
            )
    score.missed.extend((name, gold[i].title) for i in range(len(gold)) if i not in gold_to_predicted)
    score.spurious.extend((name, predicted[i][0]) for i in range(len(predicted)) if i not in matched_predicted)


def run_goppc(parser: pp.PolicyParser, folder: Path, limit: int | None) -> dict[str, HeadingScore]:
    scores = {"html": HeadingScore(), "text": HeadingScore()}
    for path in goppc150_files(folder)[:limit]:
        rendered = load_goppc_policy(path)
        for fmt, source in (("html", rendered.html), ("text", rendered.text)):
            score = scores[fmt]
            began = time.perf_counter()
            try:
                policy = parser.parse(source, format=fmt)  # type: ignore[arg-type]
            except pp.PolicyParseError:
                score.failures += 1
                score.gold += len(rendered.headings)
                continue
            score.seconds += time.perf_counter() - began
            score_headings(score, rendered.name, rendered.headings, predicted_headings(policy))
    return scores


# ------------------------------------------------------------------ OPP-115 kept text


@dataclass
class TextScore:
    policy_words: int = 0
    kept: int = 0
    our_words: int = 0
    noise_words: int = 0
    documents: int = 0
    failures: int = 0
    # Policy words that the input file itself does not hold (a crawl that caught a summary
    # page, or another version of the policy): no reading of the page can keep them.
    absent: int = 0
    worst: list[tuple[float, float, str]] = field(default_factory=list)  # (recall, noise, name)
    # name, policy words, lost, our words, noise, policy words absent from the input
    pages: list[tuple[str, int, int, int, int, int]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.kept / self.policy_words if self.policy_words else 0.0

    @property
    def noise(self) -> float:
        return self.noise_words / self.our_words if self.our_words else 0.0


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def sanitized_text(path: Path) -> str:
    markup = path.read_text(encoding="utf-8", errors="replace")
    segments = [htmlmod.unescape(re.sub(r"<[^>]*>", " ", s)) for s in markup.split("|||")]
    return "\n".join(" ".join(s.split()) for s in segments)


# Furniture kinds that are not the policy's own text. A table of contents is: it is part of
# the document as published (the reference text of OPP-115 keeps it on most pages, and the
# HTML reading, which finds no tables of contents, counts it), kept in place in `text`; it is
# reported only so that records and sections are not taken twice from its headings.
NOT_POLICY_TEXT = frozenset({"breadcrumb", "repeated_title", "navigation", "other_document"})


def content_text(policy: pp.PrivacyPolicy) -> str:
    """The normalised text without the spans reported as page furniture or another document."""
    parts: list[str] = []
    pos = 0
    for span in sorted((f for f in policy.furniture if f.kind in NOT_POLICY_TEXT), key=lambda f: f.start):
        if span.start > pos:
            parts.append(policy.text[pos : span.start])
        pos = max(pos, span.end)
    parts.append(policy.text[pos:])
    return "\n".join(parts)


def all_text(path: Path, fmt: str) -> str:
    """Every word of the input file, read naively: a text file as it is; a page with all its
    elements, hidden ones and page furniture too (only scripts and styles left out)."""
    if fmt == "text":
        return path.read_text(encoding="utf-8", errors="replace")
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text(" ")


def common_words(reference: list[str], ours: list[str]) -> int:
    """Words of `reference` found, in order, in `ours` (matching blocks of difflib)."""
    matcher = SequenceMatcher(None, reference, ours, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def opp_pairs(folder: Path) -> Iterator[tuple[str, Path, Path | None, Path | None]]:
    """(id, sanitized file, original HTML, original text) by the numeric id in the names."""
    originals: dict[str, dict[str, Path]] = {}
    for path in sorted((folder / "original_policies").glob("*")):
        originals.setdefault(path.name.split("_", 1)[0], {})[path.suffix.lower()] = path
    for sanitized in sorted((folder / "sanitized_policies").glob("*.html")):
        key = sanitized.name.split("_", 1)[0]
        found = originals.get(key, {})
        yield sanitized.stem, sanitized, found.get(".html"), found.get(".txt")


def run_opp(parser: pp.PolicyParser, folder: Path, limit: int | None) -> dict[str, TextScore]:
    scores = {"html": TextScore(), "text": TextScore()}
    for index, (name, sanitized, html_path, text_path) in enumerate(opp_pairs(folder)):
        if limit is not None and index >= limit:
            break
        reference = words(sanitized_text(sanitized))
        for fmt, path in (("html", html_path), ("text", text_path)):
            if path is None:
                continue
            score = scores[fmt]
            try:
                policy = parser.parse_file(path, format=fmt)  # type: ignore[arg-type]
            except pp.PolicyParseError:
                score.failures += 1
                score.policy_words += len(reference)
                continue
            # Furniture stays in the text but is not policy content: leave it out.
            ours = words(content_text(policy))
            kept = common_words(reference, ours)
            score.documents += 1
            score.policy_words += len(reference)
            score.kept += kept
            score.our_words += len(ours)
            score.noise_words += len(ours) - kept
            absent = len(reference) - common_words(reference, words(all_text(path, fmt)))
            score.absent += absent
            recall = kept / len(reference) if reference else 1.0
            noise = (len(ours) - kept) / len(ours) if ours else 0.0
            score.worst.append((recall - noise, noise, name))
            score.pages.append((name, len(reference), len(reference) - kept, len(ours), len(ours) - kept, absent))
    return scores


# ------------------------------------------------------------------ report


def _row(name: str, value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    sign = ">=" if higher_is_better else "<="
    verdict = "ok" if ok else "BELOW" if higher_is_better else "ABOVE"
    return f"  {name:<34} {value:7.3f}   {sign} {target:.2f}   {verdict}"


def print_goppc(scores: dict[str, HeadingScore], documents: int) -> None:
    print(f"GoPPC-150 section tree ({documents} policies)")
    print(f"  {'measure':<34} {'value':>7}   target")
    for fmt in ("html", "text"):
        s = scores[fmt]
        print(
            f"  [{fmt}] gold {s.gold}, predicted {s.predicted}, matched {s.matched}, "
            f"failures {s.failures}, {s.seconds:.1f}s"
        )
        print(f"  {'headings precision (' + fmt + ')':<34} {s.precision:7.3f}")
        print(f"  {'headings recall (' + fmt + ')':<34} {s.recall:7.3f}")
        print(_row(f"headings F1 ({fmt})", s.f1, TARGETS[f"headings_f1_{fmt}"]))
        print(_row(f"parent correct ({fmt})", s.parent, TARGETS[f"parent_{fmt}"]))


def print_opp(scores: dict[str, TextScore]) -> None:
    print("OPP-115 raw pages: policy text kept")
    for fmt in ("html", "text"):
        s = scores[fmt]
        print(f"  [{fmt}] {s.documents} pages, failures {s.failures}, policy words {s.policy_words}")
        print(_row(f"word recall ({fmt})", s.recall, TARGETS["word_recall"]))
        if s.policy_words:
            reachable = 1 - s.absent / s.policy_words
            print(f"  {'  at most (words in the input)':<34} {reachable:7.3f}   {s.absent} policy words absent")
        print(_row(f"noise ({fmt})", s.noise, TARGETS["noise"], higher_is_better=False))


def print_errors(goppc: dict[str, HeadingScore] | None, opp: dict[str, TextScore] | None, count: int) -> None:
    if goppc:
        for fmt, s in goppc.items():
            print(f"\n--- missed headings ({fmt}): {len(s.missed)}")
            for name, title in s.missed[:count]:
                print(f"  {name}: {title[:100]!r}")
            print(f"--- spurious headings ({fmt}): {len(s.spurious)}")
            for name, title in s.spurious[:count]:
                print(f"  {name}: {title[:100]!r}")
            print(f"--- wrong parent ({fmt}): {len(s.wrong_parent)}")
            kinds = ", ".join(
                f"{kind} {s.parent_kinds.get((kind, True), 0)} right / {s.parent_kinds.get((kind, False), 0)} wrong"
                for kind in ("top", "matched", "unmatched")
            )
            print(f"  by gold parent: {kinds}")
            for name, title, gold_parent, ours in s.wrong_parent[:count]:
                print(f"  {name}: {title[:60]!r} gold under {gold_parent[:40]!r}, ours under {ours[:40]!r}")
    if opp:
        for fmt, s in opp.items():
            print(f"\n--- worst pages ({fmt}): recall - noise, noise, name")
            for value, noise, name in sorted(s.worst)[:count]:
                print(f"  {value:6.3f} {noise:6.3f} {name}")


def print_pages(opp: dict[str, TextScore]) -> None:
    """Per page: policy words lost and noise words, most lost first (where recall and noise go)."""
    for fmt, s in opp.items():
        print(f"\n--- pages ({fmt}): policy words, lost, our words, noise, absent from the input")
        for name, policy, lost, ours, noise, absent in sorted(s.pages, key=lambda p: (-p[2], -p[4])):
            print(f"  {name:<40} {policy:6} {lost:6} {ours:6} {noise:6} {absent:6}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("folders", nargs="+", type=Path, help="corpus folders (goppc150-dev, opp115-dev)")
    ap.add_argument("--errors", action="store_true", help="print examples of missed/spurious headings")
    ap.add_argument("--count", type=int, default=40, help="examples per error list")
    ap.add_argument("--limit", type=int, default=None, help="policies per corpus")
    ap.add_argument("--pages", action="store_true", help="OPP-115: words lost and noise words of every page")
    args = ap.parse_args(argv)
    parser = pp.PolicyParser()
    goppc: dict[str, HeadingScore] | None = None
    opp: dict[str, TextScore] | None = None
    for folder in args.folders:
        if any(folder.glob("*.xml")):
            documents = len(sorted(folder.glob("*.xml"))[: args.limit])
            goppc = run_goppc(parser, folder, args.limit)
            print_goppc(goppc, documents)
        elif (folder / "original_policies").is_dir():
            opp = run_opp(parser, folder, args.limit)
            print_opp(opp)
        else:
            print(f"{folder}: neither GoPPC-150 XML nor OPP-115 original_policies", file=sys.stderr)
            return 2
    if args.errors:
        print_errors(goppc, opp, args.count)
    if args.pages and opp:
        print_pages(opp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
