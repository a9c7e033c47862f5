"""Long fuzz runs of `parse`, and how its time grows with the size of the input.

    .venv/bin/python benchmarks/fuzz.py                    # 20,000 examples: text, HTML, bytes, mutated fixtures
    .venv/bin/python benchmarks/fuzz.py --examples 2000    # a quicker run
    .venv/bin/python benchmarks/fuzz.py --scaling          # time per word from 1 KB to 10 MB

The fuzz run draws inputs from the generators of tests/test_properties.py (plain text,
HTML, broken HTML, arbitrary text, raw bytes) and from byte-level mutations of the
policies under fixtures/, parses each in a worker process with a time budget, and checks
every invariant of tests/test_properties.py. It prints the number of examples, the
failures (each with a minimal reproducer, shrunk by hypothesis where it can), and the
slowest inputs. Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import random
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisException

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def _load_properties() -> Any:
    path = ROOT / "tests" / "test_properties.py"
    spec = importlib.util.spec_from_file_location("privacyparser_test_properties", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


props = _load_properties()

from privacyparser.api import PolicyParser  # noqa: E402
from privacyparser.errors import PolicyParseError  # noqa: E402

# --- one example -----------------------------------------------------------------------------

_parser: PolicyParser | None = None


def _worker_init() -> None:
    global _parser
    _parser = PolicyParser()


def _check_one(source: str | bytes, fmt: str) -> tuple[str, float, str]:
    """("ok" | "error" | "fail", seconds, detail) for one input, in a worker."""
    assert _parser is not None
    started = time.perf_counter()
    try:
        if isinstance(source, bytes):
            try:
                _parser.parse(source)
            except PolicyParseError as error:
                return "error", time.perf_counter() - started, type(error).__name__
            return "ok", time.perf_counter() - started, ""
        policy = props.parse_and_check(_parser, source, fmt)
        elapsed = time.perf_counter() - started
        if policy is not None and fmt == "text":
            props.check_no_text_lost(policy, source, fmt)
        return ("ok" if policy is not None else "error"), elapsed, ""
    except BaseException as error:  # every other exception is a failure to report
        detail = f"{type(error).__name__}: {str(error)[:500]}\n{traceback.format_exc(limit=4)[-1500:]}"
        return "fail", time.perf_counter() - started, detail


class Runner:
    """Runs examples in one worker process, restarting it when an example overruns its budget."""

    def __init__(self, budget: float) -> None:
        self.budget = budget
        self.context = multiprocessing.get_context("fork")
        self.pool: Any = None
        self.examples = 0
        self.outcomes = {"ok": 0, "error": 0, "fail": 0, "timeout": 0}
        self.failures: list[tuple[str, str, str | bytes, str]] = []  # (generator, kind, input, detail)
        self.slowest: list[tuple[float, str, str | bytes]] = []

    def _pool(self) -> Any:
        if self.pool is None:
            self.pool = self.context.Pool(1, initializer=_worker_init)
        return self.pool

    def run(self, generator: str, source: str | bytes, fmt: str) -> tuple[str, str]:
        self.examples += 1
        pending = self._pool().apply_async(_check_one, (source, fmt))
        try:
            kind, elapsed, detail = pending.get(self.budget)
        except multiprocessing.TimeoutError:
            self.pool.terminate()
            self.pool = None
            kind, elapsed, detail = "timeout", self.budget, f"over the budget of {self.budget} s"
        self.outcomes[kind] += 1
        self.slowest.append((elapsed, generator, source))
        self.slowest.sort(key=lambda row: -row[0])
        del self.slowest[5:]
        if kind in ("fail", "timeout"):
            self.failures.append((generator, kind, source, detail))
        return kind, detail

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()


# --- generators --------------------------------------------------------------------------------

GENERATORS: dict[str, tuple[Any, str]] = {
    "policy text": (props.policy_texts, "text"),
    "arbitrary text": (props.any_texts, "text"),
    "html page": (props.html_pages, "html"),
    "broken html": (props.broken_html, "html"),
    "bytes": (st.binary(max_size=2000), "auto"),
}


def _fixture_sources() -> list[tuple[str, bytes]]:
    return [
        (str(path.relative_to(ROOT)), path.read_bytes())
        for path in sorted(FIXTURES.rglob("*"))
        if path.is_file() and path.suffix in (".txt", ".html", ".htm")
    ]


_SPLICES = (
    b"<",
    b"</",
    b">",
    b"&",
    b"&#",
    b"<!--",
    b"<script>",
    b"\x00",
    b"\r",
    b"\xff",
    b"\xe2\x80",
    b"\n\n",
    b"1.1.1.1.1 ",
    b"(a) ",
    b"\xef\xbb\xbf",
    b"$" * 200,
    b" " * 300,
    b"." * 300,
    b"<div>" * 200,
)


def mutations(seed: int) -> Iterator[tuple[str, bytes, str]]:
    """Endless byte-level mutations of the fixture policies: cut, splice, repeat, flip."""
    rng = random.Random(seed)
    sources = _fixture_sources()
    while True:
        name, data = rng.choice(sources)
        data = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            action = rng.randrange(5)
            at = rng.randrange(len(data) + 1)
            if action == 0:
                del data[at : at + rng.randint(1, 2000)]
            elif action == 1:
                data[at:at] = rng.choice(_SPLICES)
            elif action == 2 and data:
                data[at:at] = data[at : at + rng.randint(1, 400)] * rng.randint(2, 20)
            elif action == 3 and data:
                for _ in range(rng.randint(1, 20)):
                    data[rng.randrange(len(data))] = rng.randrange(256)
            else:
                data[at:at] = bytes(rng.randrange(32, 127) for _ in range(rng.randint(1, 50)))
        fmt = "html" if name.endswith((".html", ".htm")) else "text"
        yield name, bytes(data), fmt


# --- the run -----------------------------------------------------------------------------------


def fuzz_with_hypothesis(runner: Runner, name: str, strategy: Any, fmt: str, examples: int) -> None:
    """Draws `examples` inputs; a failure is shrunk by hypothesis to a minimal reproducer."""

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(source=strategy)
    def check(source: str | bytes) -> None:
        kind, detail = runner.run(name, source, fmt)
        if kind in ("fail", "timeout"):
            raise AssertionError(detail)

    try:
        check()
    except (AssertionError, HypothesisException):
        pass  # recorded by the runner; the last recorded failure of this name is the shrunk one


def fuzz_mutations(runner: Runner, examples: int, seed: int) -> None:
    for count, (name, data, fmt) in enumerate(mutations(seed)):
        if count >= examples:
            return
        source: str | bytes = data
        if count % 2:  # half as text, to check the invariants on a str input too
            source = data.decode("utf-8", errors="replace")
        runner.run(f"mutated {name}", source, fmt)


def _show(source: str | bytes, limit: int = 300) -> str:
    text = repr(source)
    if len(text) <= limit:
        return text
    unit = "bytes" if isinstance(source, bytes) else "chars"
    return f"{text[:limit]}... ({len(source):,} {unit})"


def main_fuzz(examples: int, budget: float, seed: int) -> int:
    runner = Runner(budget)
    started = time.perf_counter()
    share = examples // (len(GENERATORS) + 1)
    try:
        for name, (strategy, fmt) in GENERATORS.items():
            before = runner.examples
            fuzz_with_hypothesis(runner, name, strategy, fmt, share)
            print(f"{name:16} {runner.examples - before:6,} examples", flush=True)
        before = runner.examples
        fuzz_mutations(runner, examples - runner.examples, seed)
        print(f"{'mutated fixtures':16} {runner.examples - before:6,} examples", flush=True)
    finally:
        runner.close()
    elapsed = time.perf_counter() - started
    print(
        f"\nexamples: {runner.examples:,} in {elapsed:,.0f} s; results: {runner.outcomes['ok']:,}, "
        f"PolicyParseError: {runner.outcomes['error']:,}, failures: {runner.outcomes['fail']:,}, "
        f"over budget ({budget} s): {runner.outcomes['timeout']:,}"
    )
    print("slowest:")
    for seconds, name, source in runner.slowest:
        print(f"  {seconds:7.3f} s  {name:24} {_show(source, 120)}")
    # Hypothesis reports shrunk examples last: show the last (smallest) failure of each kind.
    seen: dict[tuple[str, str, str], tuple[str | bytes, str]] = {}
    for name, kind, source, detail in runner.failures:
        seen[(name, kind, detail.splitlines()[0][:80] if detail else "")] = (source, detail)
    if seen:
        print(f"\nfailures ({len(seen)} distinct, smallest reproducer of each):")
        for (name, kind, _), (source, detail) in seen.items():
            print(f"- [{name}] {kind}: {_show(source)}\n    {detail.strip().splitlines()[0]}")
    return 1 if runner.failures else 0


# --- scaling --------------------------------------------------------------------------------------


def _scaled_policy(size: int) -> str:
    """Real policy text (the fixtures), repeated to `size` characters."""
    base = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "policies").rglob("*.txt")))
    return (base * (size // len(base) + 1))[:size]


def main_scaling(sizes: list[int]) -> int:
    parser = PolicyParser(max_chars=max(sizes) + 1)
    parser.parse(_scaled_policy(2000))  # warm up
    print(f"{'size':>10} {'words':>10} {'seconds':>9} {'us/word':>8} {'records':>8}")
    for size in sizes:
        text = _scaled_policy(size)
        words = len(text.split())
        started = time.perf_counter()
        policy = parser.parse(text)
        elapsed = time.perf_counter() - started
        records = sum(
            len(x) for x in (policy.data_categories, policy.purposes, policy.retention, policy.contacts, policy.rights)
        )
        print(f"{size:>10,} {words:>10,} {elapsed:>9.2f} {elapsed / words * 1e6:>8.1f} {records:>8,}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("--examples", type=int, default=20_000, help="examples in all (default 20,000)")
    args.add_argument("--budget", type=float, default=10.0, help="seconds allowed per example (default 10)")
    args.add_argument("--seed", type=int, default=0, help="seed of the fixture mutations")
    args.add_argument("--scaling", action="store_true", help="measure time per word from 1 KB to 10 MB instead")
    args.add_argument("--sizes", default="1000,10000,100000,1000000,10000000", help="sizes for --scaling")
    options = args.parse_args(argv)
    if options.scaling:
        return main_scaling([int(size) for size in options.sizes.split(",")])
    return main_fuzz(options.examples, options.budget, options.seed)


if __name__ == "__main__":
    sys.exit(main())
