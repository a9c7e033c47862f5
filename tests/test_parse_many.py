"""parse_many: results stream in input order, errors follow on_error, input is read lazily."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import privacyparser as pp


def policy(i: int) -> str:
    return f"1. Contact\nEmail person{i}@example.com with questions about your personal data."


def emails(results: list[object]) -> list[str | None]:
    out: list[str | None] = []
    for result in results:
        if isinstance(result, pp.PrivacyPolicy):
            out.append(result.contacts[0].value)
        else:
            out.append(None)
    return out


@pytest.fixture(scope="module")
def parser() -> pp.PolicyParser:
    return pp.PolicyParser()


@pytest.mark.parametrize(("n_process", "batch_size"), [(1, 16), (2, 1), (2, 3)])
def test_results_keep_input_order(parser: pp.PolicyParser, n_process: int, batch_size: int) -> None:
    texts = [policy(i) for i in range(23)]
    results = list(parser.parse_many(texts, n_process=n_process, batch_size=batch_size))
    assert emails(results) == [f"person{i}@example.com" for i in range(23)]


@pytest.mark.parametrize("n_process", [1, 2])
def test_results_equal_parse(parser: pp.PolicyParser, n_process: int) -> None:
    texts = [policy(i) for i in range(5)] + ["<p>We collect your <b>email address</b>.</p>"]
    results = list(parser.parse_many(texts, n_process=n_process, batch_size=2))
    assert [r.model_dump() for r in results] == [parser.parse(t).model_dump() for t in texts]  # type: ignore[union-attr]


BAD = ["", "   \n", b"\x00\x01\x02\x03" * 40]


@pytest.mark.parametrize("n_process", [1, 2])
@pytest.mark.parametrize(
    ("on_error", "expected"),
    [
        ("skip", ["person0@example.com", "person2@example.com", "person4@example.com", "person6@example.com"]),
        (
            "return",
            [
                "person0@example.com",
                None,
                "person2@example.com",
                None,
                "person4@example.com",
                None,
                "person6@example.com",
            ],
        ),
    ],
)
def test_bad_inputs_are_skipped_or_returned(
    parser: pp.PolicyParser, n_process: int, on_error: str, expected: list[str | None]
) -> None:
    texts: list[str | bytes] = [policy(0), BAD[0], policy(2), BAD[1], policy(4), BAD[2], policy(6)]
    results = list(parser.parse_many(texts, n_process=n_process, batch_size=2, on_error=on_error))  # type: ignore[arg-type]
    assert emails(results) == expected
    if on_error == "return":
        assert [type(r) for r in results[1::2]] == [pp.EmptyInputError, pp.EmptyInputError, pp.BinaryInputError]


@pytest.mark.parametrize("n_process", [1, 2])
def test_raise_stops_at_the_first_bad_input(parser: pp.PolicyParser, n_process: int) -> None:
    texts = [policy(0), policy(1), "", policy(3)]
    seen: list[object] = []
    with pytest.raises(pp.EmptyInputError):
        for result in parser.parse_many(texts, n_process=n_process, batch_size=1, on_error="raise"):
            seen.append(result)
    assert emails(seen) == ["person0@example.com", "person1@example.com"]


class CountingInput:
    """A long generator of policies that records how many were taken."""

    def __init__(self, total: int) -> None:
        self.taken = 0
        self.total = total

    def __iter__(self) -> Iterator[str]:
        for i in range(self.total):
            self.taken += 1
            yield policy(i)


@pytest.mark.parametrize(
    ("n_process", "batch_size", "most_taken"),
    [
        (1, 16, 3),
        # At most two batches per worker in flight, plus the batch being yielded.
        (2, 4, (2 * 2 + 1) * 4),
    ],
)
def test_input_is_consumed_lazily(parser: pp.PolicyParser, n_process: int, batch_size: int, most_taken: int) -> None:
    texts = CountingInput(10_000)
    stream = parser.parse_many(iter(texts), n_process=n_process, batch_size=batch_size)
    first = [next(stream) for _ in range(3)]
    stream.close()
    assert emails(first) == [f"person{i}@example.com" for i in range(3)]
    assert texts.taken <= most_taken


@pytest.mark.parametrize("n_process", [1, 2])
def test_empty_input_yields_nothing(parser: pp.PolicyParser, n_process: int) -> None:
    assert list(parser.parse_many([], n_process=n_process)) == []


def test_tasks_are_cut_by_size_and_count_in_order() -> None:
    from privacyparser.api import TASK_CHARS, _tasks

    long_text = "x" * TASK_CHARS
    texts = ["a", long_text, "b", "c", "d", "e", long_text]
    tasks = list(_tasks(texts, 3))
    # A long text closes its task; short ones go in runs of at most `size`.
    assert tasks == [["a", long_text], ["b", "c", "d"], ["e", long_text]]
    assert [text for task in tasks for text in task] == texts
    assert list(_tasks([], 3)) == []
