from __future__ import annotations

from pathlib import Path

import pytest

import privacyparser as pp

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
POLICY = (
    "1. Data we collect\nWe collect your email address and IP address.\n\n2. Contact\nWrite to privacy@example.com."
)


def test_parse_returns_a_policy_with_sections_and_records() -> None:
    policy = pp.parse(POLICY)
    assert [s.title for s in policy.sections] == ["Data we collect", "Contact"]
    assert {d.category for d in policy.data_categories} >= {"email_address", "ip_address"}
    assert policy.contacts[0].value == "privacy@example.com"
    assert policy.contacts[0].section == policy.sections[1].id


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ("", pp.EmptyInputError),
        ("   \n\t  ", pp.EmptyInputError),
        (b"", pp.EmptyInputError),
        ("\x00\x01\x02\x03" * 100, pp.BinaryInputError),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, pp.BinaryInputError),
        (b"%PDF-1.7\n" + b"\x00" * 100, pp.BinaryInputError),
    ],
)
def test_bad_input_raises_a_readable_error(given: str | bytes, error: type[pp.PolicyParseError]) -> None:
    with pytest.raises(error) as info:
        pp.parse(given)
    assert isinstance(info.value, ValueError)
    assert str(info.value)


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(pp.UnsupportedFormatError):
        pp.parse(POLICY, format="pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "message"),
    [("does/not/exist.txt", "no such file"), (".", "directory")],
)
def test_parse_file_errors(path: str, message: str) -> None:
    with pytest.raises(pp.InputFileError, match=message):
        pp.parse_file(path)


def test_size_limit_is_configurable() -> None:
    parser = pp.PolicyParser(max_chars=100)
    with pytest.raises(pp.InputTooLargeError, match="limit"):
        parser.parse("x " * 100)


def test_bytes_are_decoded() -> None:
    policy = pp.parse(POLICY.replace("email", "e\u2011mail").encode("utf-16"))
    assert "privacy@example.com" in policy.text


def test_html_is_detected_and_offsets_index_the_html() -> None:
    html = "<html><body><h1>Privacy</h1><p>Contact us at privacy@example.com &amp; more.</p></body></html>"
    policy = pp.parse(html)
    contact = policy.contacts[0]
    assert html[contact.source_start : contact.source_end] == "privacy@example.com"
    assert policy.sections[0].title == "Privacy"


def test_html_table_of_contents_is_kept_and_reported_as_furniture() -> None:
    entries = ("Email addresses we keep", "Why we keep email addresses", "Closing your account")
    menu = "".join(f"<li><h4><a href='#s{i}'>{title}</a></h4></li>" for i, title in enumerate(entries))
    bodies = "".join(
        f"<h2 id='s{i}'>{title}</h2><p>We keep your email address for as long as your account is open.</p>"
        for i, title in enumerate(entries)
    )
    policy = pp.parse(f"<html><body><h1>Privacy Policy</h1><ol class='navigation'>{menu}</ol>{bodies}</body></html>")
    assert [(f.kind, policy.text[f.start : f.end]) for f in policy.furniture] == [
        ("table_of_contents", "\n\n".join(entries))
    ]
    # One section per heading, none per entry; no record taken from the entries.
    assert [s.title for s in policy.sections] == list(entries)
    toc = policy.furniture[0]
    assert all(not toc.start <= r.start < toc.end for r in policy.data_categories)


def test_html_navigation_lines_are_kept_and_reported_as_furniture() -> None:
    # Lines the markup did not name as furniture (a label, a copyright line) are found by
    # their wording, as in plain text, and kept in the text; a heading is never one of them.
    html = (
        "<html><body><h1>Privacy Policy</h1><h2>Advertisement</h2>"
        "<p>We show ads based on the pages you read and collect your email address to send offers.</p>"
        "<p>Show examples</p><div>Example Weekly, Springfield © 2015 Example Media</div>"
        "</body></html>"
    )
    policy = pp.parse(html)
    assert [(f.kind, policy.text[f.start : f.end]) for f in policy.furniture] == [
        ("navigation", "Show examples"),
        ("navigation", "Example Weekly, Springfield © 2015 Example Media"),
    ]
    assert "Show examples" in policy.text
    assert [s.title for s in policy.sections] == ["Advertisement"]


def test_table_of_contents_inside_another_document_leaves_no_record_in_it() -> None:
    # Furniture spans may overlap (a table of contents inside a terms of use): a position
    # after the inner span is still inside the outer one.
    policy_part = (
        "<h2>Privacy Policy</h2>" + "<p>This privacy policy says how we handle personal information of our readers. "
        "We collect your email address and your postal address when you subscribe.</p>" * 16
    )
    terms_part = (
        "<h2>Terms of Use</h2><ul><li><a href='#t1'>Your licence</a></li><li><a href='#t2'>Liability</a></li>"
        "<li><a href='#t3'>Disputes</a></li></ul>"
        "<h3 id='t1'>Your licence</h3><p>We grant you a licence to use the site. You agree not to copy "
        "our pages. We may end your access at our sole discretion.</p>"
        "<h3 id='t2'>Liability</h3><p>You will indemnify us against claims. The site is provided as is "
        "and our limitation of liability applies to any loss you suffer.</p>"
        "<h3 id='t3'>Disputes</h3><p>These terms are governed by the laws of the State of Example. "
        "Disputes go to binding arbitration. We collect your email address and phone number to send notices.</p>"
        + "<p>These terms of use apply to every visitor, and you agree to them by using the site today.</p>"
        * 25
    )
    policy = pp.parse(f"<html><body><h1>Example Press</h1>{policy_part}{terms_part}</body></html>")
    kinds = sorted(f.kind for f in policy.furniture)
    assert kinds == ["other_document", "table_of_contents"]
    other = next(f for f in policy.furniture if f.kind == "other_document")
    assert policy.data_categories
    assert all(not other.start <= r.start < other.end for r in policy.data_categories)


def test_text_mentioning_angle_brackets_is_not_html() -> None:
    policy = pp.parse("Read <The Privacy Policy> carefully.\nWrite to <privacy@example.com> with questions.")
    assert "<The Privacy Policy>" in policy.text


def test_json_schema_describes_the_result() -> None:
    schema = pp.json_schema()
    assert schema["title"] == "PrivacyPolicy"
    assert {"sections", "data_categories", "purposes", "retention", "contacts", "rights"} <= set(schema["properties"])


def test_result_round_trips_through_json() -> None:
    policy = pp.parse(POLICY)
    again = pp.PrivacyPolicy.model_validate_json(policy.model_dump_json())
    assert again == policy


def test_results_are_frozen() -> None:
    policy = pp.parse(POLICY)
    with pytest.raises(Exception):  # noqa: B017 - pydantic's ValidationError for frozen models
        policy.title = "changed"  # type: ignore[misc]


def test_non_english_policy_gives_a_warning_and_no_records() -> None:
    german = (
        "Datenschutzerklärung. Wir erheben Ihre E-Mail-Adresse und Ihre IP-Adresse, wenn Sie unsere "
        "Dienste nutzen. Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten. "
        "Die Daten werden nach dreißig Tagen gelöscht. Bitte wenden Sie sich an unseren "
        "Datenschutzbeauftragten, wenn Sie Fragen zu dieser Erklärung haben oder Ihre Rechte ausüben möchten."
    )
    policy = pp.parse(german)
    assert any("English" in w for w in policy.warnings)
    assert not policy.data_categories and not policy.rights and not policy.retention


def test_parse_many_keeps_order() -> None:
    texts = [f"Contact\nWrite to user{i}@example.com with questions." for i in range(5)]
    results = list(pp.parse_many(texts))
    assert [r.contacts[0].value for r in results] == [f"user{i}@example.com" for i in range(5)]


def _english_share_by_regex(text: str) -> float:
    """The definition `_english_share` computes faster: common words among `_WORD` words."""
    from privacyparser.api import _ENGLISH_WORDS, _WORD

    words = _WORD.findall(text[:20_000])
    if len(words) < 30:
        return 1.0
    return sum(1 for w in words if w.lower() in _ENGLISH_WORDS) / len(words)


@pytest.mark.parametrize(
    "text",
    [
        "We collect the data you give us and use it for the service. " * 8,
        "THE Data OF you AND your " * 10,
        "the " * 29 + "x" * 65 + "the",  # a 95-letter run is four words, the last one "the"
        "the " * 29 + "x" * 30 + "the",  # 33 letters: two words, the second one "the"
        "the " * 29 + "x" * 30 + " the",  # a run of exactly 30 letters stays one word
        "the of and " * 9 + "supercalifragilisticexpialidociousness" * 3,
        "Nous collectons vos données personnelles pour le service et la sécurité. " * 6,
        "Wir verarbeiten Ihre Daten gemäß Art. 6 DSGVO und löschen sie. " * 6,
        "我们收集您的个人信息以提供服务。 " * 20 + "the data " * 5,
        "Персональные данные обрабатываются the " * 12,
        "\u212a\u212a the \u0130nformation of you " * 10,
        "few words",
        "Qu\u00e9? \u00bfQu\u00e9? the of and you " * 10,
        "data_use 9the of2you " * 12,
    ],
)
def test_english_share_counts_words_as_the_regex_does(text: str) -> None:
    from privacyparser.api import _english_share

    assert _english_share(text) == _english_share_by_regex(text)


@pytest.mark.parametrize(
    "text",
    [
        "\x00" * 9,
        "\x00" * 8,
        "a\x00" * 100,
        "\ufff5" * 20,
        "\x1f\x0e\x7f" * 10,
        "\t\n\r\x0b\x0c" * 40,
        "We collect data.\x01 " * 30,
        "caf\u00e9\x02" * 30,
        "plain text",
    ],
)
def test_binary_check_counts_controls_as_the_regex_does(text: str) -> None:
    from privacyparser.api import _CONTROLS, _looks_binary

    sample = text[:65536]
    controls = sum(len(run) for run in _CONTROLS.findall(sample))
    assert _looks_binary(text) == (controls > max(8, len(sample) // 50))


@pytest.mark.parametrize("text", ["ascii only", "caf\u00e9", "lone \ud800 high", "\udfff", "\U0001f600 fine"])
def test_surrogate_check_agrees_with_the_regex(text: str) -> None:
    from privacyparser.api import _SURROGATES, _has_surrogates

    assert _has_surrogates(text) == (_SURROGATES.search(text) is not None)


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("policies/esl/policy.txt", "text"), ("policies/essa/policy.txt", "text"), ("html/brightleaf_books.html", "html")],
)
def test_the_analysis_makes_no_reference_cycles(path: str, fmt: str) -> None:
    # `PolicyParser.parse` pauses the cyclic collector for the analysis on this premise:
    # with it paused, a full collection afterwards finds next to nothing unreachable (a
    # few dozen objects: the recursive closure of each regex `prefilter.trie_regex` builds).
    import gc

    from privacyparser.normalize import normalize_document

    parser = pp.PolicyParser()
    source = (FIXTURES / path).read_text()
    parser._analyse(normalize_document(source, fmt))  # first use: lazy imports, caches
    document = normalize_document(source, fmt)
    gc.collect()
    gc.disable()
    try:
        parser._analyse(document)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert unreachable < 500


def test_parse_leaves_the_collector_as_it_found_it() -> None:
    import gc

    parser = pp.PolicyParser()
    text = (FIXTURES / "policies/esl/policy.txt").read_text()
    parser.parse(text)
    assert gc.isenabled()
    gc.disable()
    try:
        parser.parse(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
