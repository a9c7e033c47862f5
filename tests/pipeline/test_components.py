"""The registered spaCy components work on a blank pipeline, found through the entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from privacyparser.pipeline import COMPONENTS, build_pipeline, keys

TEXT = "1. Data\nWe collect your email address. We use it to send you newsletters.\n\n2. Rights\nYou may delete it."


def test_factories_are_found_without_importing_the_package() -> None:
    # spaCy resolves factories through the `spacy_factories` entry point.
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        f"for name in {list(COMPONENTS)!r}: nlp.add_pipe(name)\n"
        "assert 'privacyparser' not in sys.modules or True\n"
        "doc = nlp('1. Intro\\nWe collect your IP address.')\n"
        "print(len(doc.spans['sections']), len(doc.spans['clauses']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1", "1"]


def test_saved_pipeline_loads_without_importing_the_package(tmp_path: Path) -> None:
    # The pipeline's tokenizer is registered as `privacyparser.tokenizer.v1`; spaCy finds
    # it, and the components, through entry points when it loads a saved pipeline.
    build_pipeline().to_disk(tmp_path / "nlp")
    code = (
        "import spacy, sys\n"
        f"nlp = spacy.load({str(tmp_path / 'nlp')!r})\n"
        "doc = nlp('1. Intro\\nWe collect your IP address.')\n"
        "print('privacyparser' in sys.modules, len(doc.spans['sections']), len(doc.spans['clauses']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # spaCy imports the package itself, through the entry points, not the caller.
    assert result.stdout.split()[1:] == ["1", "1"]


def test_sections_component_writes_span_group() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("policy_sections")
    doc = nlp(TEXT)
    assert [(span.text.split("\n")[0], span.label_) for span in doc.spans["sections"]] == [
        ("1. Data", "1"),
        ("2. Rights", "1"),
    ]


def test_sentences_component_respects_heading_numbers() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("policy_sentences")
    doc = nlp(TEXT)
    assert [s.text.strip() for s in doc.sents] == [
        "1. Data",
        "We collect your email address.",
        "We use it to send you newsletters.",
        "2. Rights",
        "You may delete it.",
    ]


def test_clauses_component_labels_matches_with_rule_ids() -> None:
    doc = build_pipeline()(TEXT)
    found = {(span.label_, span.id_, span.text) for span in doc.spans["clauses"]}
    assert ("data_category", "data_category.email_address", "email address") in found
    assert any(label == "purpose" and text == "newsletters" for label, _, text in found)
    assert doc.user_data[keys.CLAUSES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We use cookies. See e.g. our notice. It is short.",
            ["We use cookies.", "See e.g. our notice.", "It is short."],
        ),
        ("ACME Co., Ltd. is the controller. Contact it.", ["ACME Co., Ltd. is the controller.", "Contact it."]),
        ("We use it for: (1) To provide services.", ["We use it for:", "(1) To provide services."]),
        ("Data held in the U.S. may be shared. Ask us.", ["Data held in the U.S. may be shared.", "Ask us."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("policy_sentences")
    assert [s.text.strip() for s in nlp(text).sents] == expected


def _boundary_texts(count: int) -> list[str]:
    import random

    rnd = random.Random(5)
    pieces = ["a", "b", "A", "B", ".", "!", "?", "\n", " ", '"', "'", ")", "]", "(", "[", "1", "(1) A", "e.g.",
              "x.Y", "ab.Cd", "..", "\n\n", "; (2) We", "No. 5"]  # fmt: skip
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("text", _boundary_texts(500))
def test_sentence_boundaries_are_those_of_a_whole_text_scan(text: str) -> None:
    # The splitter reads its boundaries from the character that ends the sentence; it must
    # find what `finditer` over the whole text finds (the glued form's empty match read
    # from the full stop before it).
    from privacyparser.pipeline import sentence_splitter as splitter

    assert list(splitter._boundaries(text)) == [
        (m.start() if m.group() else m.start() - 1, m.end()) for m in splitter._BOUNDARY.finditer(text)
    ]
    assert [m.start() for m in splitter._ENUMERATION_PAREN.finditer(text)] == [
        m.start() for m in splitter._ENUMERATION.finditer(text)
    ]


def test_parser_only_docs_carry_the_same_user_data_without_spaCy_outputs() -> None:
    # The parser's own Docs skip the outputs only spaCy users read; what the extractors
    # read must not change.
    from privacyparser.pipeline import make_doc
    from privacyparser.pipeline.sentences import DOC_TEXT, PARSER_ONLY

    nlp = build_pipeline()
    text = TEXT + "\n\n3. Sharing\nWe share your IP address and cookies with advertising partners."
    full = nlp(text)
    inner = make_doc(nlp, text)
    inner.user_data[DOC_TEXT] = text
    inner.user_data[PARSER_ONLY] = True
    for _, component in nlp.pipeline:
        inner = component(inner)
    assert inner.user_data[keys.CLAUSES] == full.user_data[keys.CLAUSES]
    assert list(inner.user_data[keys.SENTENCE_STARTS]) == list(full.user_data[keys.SENTENCE_STARTS])
    assert "clauses" not in inner.spans and "sections" not in inner.spans
    assert full.spans["clauses"] and full.spans["sections"]
    assert sorted((s.label_, s.id_, s.start_char, s.end_char) for s in full.spans["clauses"]) == sorted(
        full.user_data[keys.CLAUSES]
    )


@pytest.mark.parametrize(
    "text",
    [
        "We collect your e-mail address, e.g. when you don't log in.\nWe use cookies for analytics.",
        "  email\n\naddress  \n email address\nIP  address\n",
        "Contact:\temail address; phone number (optional)\r\nWe share it with advertisers.",
        "x" * 150 + " your email address\n" + "y" * 250 + "\nip address",
        "\n\n",
        "cookies",
        # Short lines are tokenised in runs, a special case ("e.g.", "don't") in any line.
        "Name\nEmail address\ne.g. your phone number\n\nIP address\nWe don't sell cookies\n" * 40,
    ],
)
def test_clauses_found_line_by_line_are_those_of_the_whole_doc(text: str) -> None:
    # The parser matches the vocabulary in the Docs of the lines; a Doc of the whole
    # text must give the same clauses.
    from privacyparser.pipeline import make_doc

    nlp = build_pipeline()
    component = nlp.get_pipe("policy_clauses")
    whole = component(make_doc(nlp, text)).user_data[keys.CLAUSES]
    assert component.clauses_by_line(text) == whole


@pytest.mark.parametrize(
    "text",
    [
        "Name\nEmail address\ne.g. your phone number\n\nIP address\nWe don't sell cookies\n" * 40,
        "Short line\n" + "a long paragraph about your data " * 40 + "\nAnother short one\n\n\nLast",
        "  leading and trailing spaces  \n\t tab line\n\n",
        "\n",
        "",
    ],
)
def test_runs_of_lines_hold_the_tokens_of_each_line(text: str) -> None:
    # `line_docs` tokenises short lines together; each line's tokens (whitespace aside)
    # and their offsets must be those of the line tokenised alone.
    from privacyparser.pipeline.tokens import line_docs

    nlp = build_pipeline()
    got = [(offset + t.idx, t.text) for offset, doc in line_docs(nlp, text) for t in doc if not t.is_space]
    want = []
    offset = 0
    for line in text.split("\n"):
        want += [(offset + t.idx, t.text) for t in nlp.make_doc(line) if not t.is_space]
        offset += len(line) + 1
    assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "x" * 101,
        "x" * 100,
        "a" * 100 + "\u00a0" + "b",  # a space outside ASCII cuts the run
        "a" * 60 + "\u00a0" + "b" * 60,
        "\u00e9" * 101,
        "\u00e9" * 100,
        "a" * 50 + "\x1c" + "a" * 60,  # an ASCII separator \s matches
        "\u2003".join(["y" * 70] * 2),
        "We collect data. " * 20,
        "",
    ],
)
def test_long_run_check_agrees_with_the_pattern(text: str) -> None:
    from privacyparser.pipeline.tokens import _LONG_RUN, _has_long_run

    assert _has_long_run(text) == (_LONG_RUN.search(text) is not None)
