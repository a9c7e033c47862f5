"""How fast privacyparser is, on one core and on many, and what it costs in memory.

    python benchmarks/throughput.py                       # the fixtures (a smoke run)
    python benchmarks/throughput.py CORPUS/original_policies --quick
    python benchmarks/throughput.py CORPUS/original_policies --quick --text-only

Every policy file under FOLDER (.txt, .html, .htm, .xhtml, recursively) is read once.
Printed, each next to its target:

- words/s and policies/s of `PolicyParser.parse`, and words/s of `spacy.blank("en")`'s
  tokenizer alone over the same normalised texts, called once per text and once per
  line (as the parser calls it); they are timed in turns (A B C A B C ...) in one
  process, so drift of the machine's speed hits all, and ratios are taken round by round;
- `parse_many` with n_process=1 and n_process=2 (pool start-up included), in turns;
- peak memory (VmHWM) of a child process streaming 10,000 policies through
  `parse_many`, and of its worker processes;
- cold start in a fresh interpreter: import, pipeline build, first parse;
- time per word of one policy repeated to 1 KB, 100 KB, 1 MB and 10 MB.

Words are whitespace-separated words of the normalised text. Only the standard library
and privacyparser's own dependencies are used.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

POLICY_SUFFIXES = {".txt": "auto", ".html": "html", ".htm": "html", ".xhtml": "html"}
SIZES = (("1 KB", 1_000), ("100 KB", 100_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000))

TARGET_RATIO = 0.5
TARGET_SPEEDUP = 1.7
TARGET_PEAK_MIB = 400
TARGET_COLD_S = 1.5
TARGET_SCALING = 2.0


@dataclass
class Policy:
    name: str
    source: str
    format: str
    text: str = ""  # normalised
    words: int = 0


def load_policies(folder: Path, text_only: bool = False) -> list[Policy]:
    """Every policy file under `folder` (only .txt with `text_only`), decoded as `parse_file` does."""
    from privacyparser.errors import PolicyParseError
    from privacyparser.normalize.decode import decode_bytes

    policies = []
    suffixes = {".txt"} if text_only else POLICY_SUFFIXES.keys()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
        try:
            source = decode_bytes(path.read_bytes()).text
        except PolicyParseError:
            continue
        policies.append(Policy(str(path.relative_to(folder)), source, POLICY_SUFFIXES[path.suffix.lower()]))
    return policies


def vm_kib(field: str) -> int:
    """A field of /proc/self/status in KiB (VmRSS, VmHWM); 0 where there is no /proc."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def row(label: str, value: str, target: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else mark(ok)
    print(f"  {label:<44} {value:>22}   {target:<18} {verdict}")


# -- A: full parse vs B: tokenizer, alternated --------------------------------------


def time_passes(func, items, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            func(item)
    return time.perf_counter() - start


def bench_parse_vs_tokenizer(parser, policies: list[Policy], rounds: int) -> None:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    words = sum(p.words for p in policies)

    def parse(p: Policy) -> object:
        return parser.parse(p.source, format=p.format)

    def tokenize(p: Policy) -> object:
        return tokenizer(p.text)

    # The same tokenizer called once per line, as the parser calls it: spaCy's tokenizer
    # stops caching for the rest of a call after its first special case (spaCy issue
    # #13950), so one call per line is faster. The ratio against it is the stricter one.
    # A tokenizer of its own: called line by line it caches how it split every word, and
    # a shared cache would hand those splits to the whole-text runs too.
    line_tokenizer = spacy.blank("en").tokenizer

    def tokenize_lines(p: Policy) -> object:
        return [line_tokenizer(line) for line in p.text.split("\n") if line]

    # Warm both (tokenizer caches, lazy imports), then size a pass to take about a second.
    one = time_passes(parse, policies, 1)
    time_passes(tokenize, policies, 1)
    time_passes(tokenize_lines, policies, 1)
    repeat = max(1, round(1.0 / max(one, 1e-6)))
    parse_times, tok_times, line_times = [], [], []
    for _ in range(rounds):
        parse_times.append(time_passes(parse, policies, repeat) / repeat)
        tok_times.append(time_passes(tokenize, policies, repeat) / repeat)
        line_times.append(time_passes(tokenize_lines, policies, repeat) / repeat)
    parse_s = statistics.median(parse_times)
    tok_s = statistics.median(tok_times)
    line_s = statistics.median(line_times)
    ratio = statistics.median(t / p for p, t in zip(parse_times, tok_times, strict=True))
    print(
        f"one process, {rounds} alternated rounds of {repeat} pass(es) over {len(policies)} policies, {words:,} words"
    )
    row("full parse: words/s", f"{words / parse_s:,.0f}")
    row("full parse: policies/s", f"{len(policies) / parse_s:,.1f}")
    row("tokenizer alone: words/s", f"{words / tok_s:,.0f}")
    row("ratio parse / tokenizer (median of pairs)", f"{ratio:.3f}", f">= {TARGET_RATIO}", ratio >= TARGET_RATIO)
    spread = [t / p for p, t in zip(parse_times, tok_times, strict=True)]
    row("  ratio min .. max", f"{min(spread):.3f} .. {max(spread):.3f}")
    row("tokenizer line by line: words/s", f"{words / line_s:,.0f}")
    line_ratio = statistics.median(t / p for p, t in zip(parse_times, line_times, strict=True))
    row("ratio parse / tokenizer line by line", f"{line_ratio:.3f}")


# -- parse_many, n_process 1 vs 2 -----------------------------------------------------


def bench_parse_many(parser, policies: list[Policy], rounds: int, seconds: float) -> None:
    # Enough policies for a run of about `seconds` on one core, so pool start-up counts
    # but does not dominate.
    per_policy = statistics.mean([_time_one(parser, p) for p in policies[:20]])
    count = max(len(policies), int(seconds / max(per_policy, 1e-6)))
    items = list(itertools.islice(itertools.cycle(policies), count))
    sources = [p.source for p in items]
    words = sum(p.words for p in items)
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(rounds):
        for n in (1, 2):
            start = time.perf_counter()
            done = sum(1 for _ in parser.parse_many(sources, n_process=n, batch_size=8, on_error="return"))
            times[n].append(time.perf_counter() - start)
            assert done == len(sources)
    speedups = [a / b for a, b in zip(times[1], times[2], strict=True)]
    print(f"parse_many over {count} policies ({words:,} words), {rounds} alternated round(s), pool start included")
    for n in (1, 2):
        t = statistics.median(times[n])
        row(f"n_process={n}: policies/s", f"{count / t:,.1f}")
        row(f"n_process={n}: words/s", f"{words / t:,.0f}")
    speedup = statistics.median(speedups)
    row("speed-up n_process=2 / n_process=1", f"{speedup:.2f}x", f">= {TARGET_SPEEDUP}x", speedup >= TARGET_SPEEDUP)


def _time_one(parser, policy: Policy) -> float:
    start = time.perf_counter()
    parser.parse(policy.source, format=policy.format)
    return time.perf_counter() - start


# -- peak memory while streaming (child process) -------------------------------------


def child_memory(folder: Path, count: int, n_process: int, text_only: bool = False) -> None:
    """Runs in a child: streams `count` policies through parse_many, prints JSON."""
    import privacyparser as pp

    sources = [p.source for p in load_policies(folder, text_only)]
    parser = pp.PolicyParser()
    base = vm_kib("VmRSS")
    checkpoints = {}
    start = time.perf_counter()
    stream = itertools.islice(itertools.cycle(sources), count)
    for index, _ in enumerate(parser.parse_many(stream, n_process=n_process, batch_size=8, on_error="return"), 1):
        if index in (count // 10, count // 2, count):
            checkpoints[index] = vm_kib("VmRSS")
    elapsed = time.perf_counter() - start
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {"base": base, "checkpoints": checkpoints, "hwm": vm_kib("VmHWM"), "workers": workers, "elapsed": elapsed}
        )
    )


def bench_memory(folder: Path, count: int, text_only: bool = False) -> None:
    for n_process in (1, 2):
        n = count if n_process == 2 else max(1, count // 10)
        command = [sys.executable, __file__, str(folder), "--child-memory", str(n), "--n-process", str(n_process)]
        out = subprocess.run(
            command + (["--text-only"] if text_only else []),
            capture_output=True,
            text=True,
            check=True,
        )
        report = json.loads(out.stdout.strip().splitlines()[-1])
        curve = ", ".join(f"{int(k):,}: {v / 1024:.0f}" for k, v in report["checkpoints"].items())
        print(
            f"streaming {n:,} policies through parse_many(n_process={n_process}) in a child ({report['elapsed']:.0f} s)"
        )
        row("  RSS after pipeline build (MiB)", f"{report['base'] / 1024:.0f}")
        row("  RSS after N policies (MiB)", curve)
        peak = max(report["hwm"], report["workers"]) / 1024
        row("  peak RSS, main process (MiB)", f"{report['hwm'] / 1024:.0f}")
        if n_process > 1:
            row("  peak RSS, largest worker (MiB)", f"{report['workers'] / 1024:.0f}")
        row("  peak RSS, largest process (MiB)", f"{peak:.0f}", f"< {TARGET_PEAK_MIB} MiB", peak < TARGET_PEAK_MIB)


# -- cold start (fresh interpreter) ---------------------------------------------------

_COLD = """
import sys, time, json
t0 = time.perf_counter()
import privacyparser
t1 = time.perf_counter()
parser = privacyparser.PolicyParser()
t2 = time.perf_counter()
parser.parse_file(sys.argv[1])
t3 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))
"""


def bench_cold_start(folder: Path, policies: list[Policy], runs: int) -> None:
    for fmt in ("auto", "html"):
        chosen = [p for p in policies if p.format == fmt]
        if not chosen:
            continue
        path = folder / chosen[0].name
        figures, walls = [], []
        for _ in range(runs):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", _COLD, str(path)], capture_output=True, text=True, check=True)
            walls.append(time.perf_counter() - start)
            figures.append(json.loads(out.stdout))
        imp, build, first = (statistics.median(f[i] for f in figures) for i in range(3))
        total = imp + build + first
        kind = "HTML" if fmt == "html" else "text"
        print(f"cold start, fresh interpreter, first parse of a {kind} policy ({path.name}), median of {runs}")
        row("  import privacyparser (s)", f"{imp:.3f}")
        row("  PolicyParser() (s)", f"{build:.3f}")
        row("  first parse_file (s)", f"{first:.3f}")
        row("  import + build + first parse (s)", f"{total:.3f}", f"< {TARGET_COLD_S} s", total < TARGET_COLD_S)
        row("  whole process, interpreter included (s)", f"{statistics.median(walls):.3f}")


# -- time per word against size -------------------------------------------------------


def bench_scaling(parser, policies: list[Policy]) -> None:
    texts = [p for p in policies if p.format != "html"] or policies
    base = max(texts, key=lambda p: p.words)
    unit = base.text + "\n\n"
    per_word = {}
    print(f"one policy ({base.name}, normalised) repeated to each size")
    for label, size in SIZES:
        text = (unit * (size // len(unit) + 1))[:size]
        text = text[: text.rfind(" ")] if " " in text else text
        words = len(parser.parse(text, format="text").text.split())
        runs, elapsed = 0, 0.0
        best = float("inf")
        # Small sizes take about a millisecond, where one pause of the machine doubles a
        # run: repeat them until a second has passed (at most 200 runs) and keep the best.
        while runs == 0 or (elapsed < 1.0 and runs < 200):
            start = time.perf_counter()
            parser.parse(text, format="text")
            took = time.perf_counter() - start
            best = min(best, took)
            elapsed += took
            runs += 1
        per_word[label] = best / words
        row(f"  {label}: {words:,} words, best of {runs}", f"{best * 1000:,.1f} ms  {best / words * 1e6:.2f} us/word")
    ratio = per_word[SIZES[-1][0]] / per_word[SIZES[0][0]]
    spread = max(per_word.values()) / min(per_word.values())
    row("  time/word 10 MB / 1 KB", f"{ratio:.2f}", f"<= {TARGET_SCALING}x", ratio <= TARGET_SCALING)
    row(
        "  time/word largest / smallest of all sizes",
        f"{spread:.2f}",
        f"<= {TARGET_SCALING}x",
        spread <= TARGET_SCALING,
    )


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("folder", nargs="?", default=str(Path(__file__).resolve().parent.parent / "fixtures"))
    cli.add_argument("--quick", action="store_true", help="fewer rounds, 1,000 policies streamed instead of 10,000")
    cli.add_argument("--text-only", action="store_true", help="only the .txt policies (no HTML normalisation)")
    cli.add_argument("--ratio-only", action="store_true", help="only the parse / tokenizer ratio (the first block)")
    cli.add_argument("--child-memory", type=int, help=argparse.SUPPRESS)
    cli.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = cli.parse_args(argv)
    folder = Path(args.folder)
    if args.child_memory:
        child_memory(folder, args.child_memory, args.n_process, args.text_only)
        return 0

    import privacyparser as pp

    policies = load_policies(folder, args.text_only)
    parser = pp.PolicyParser()
    kept = []
    for policy in policies:
        try:
            policy.text = parser.parse(policy.source, format=policy.format).text
        except pp.PolicyParseError:
            continue
        policy.words = len(policy.text.split())
        kept.append(policy)
    if not kept:
        print(f"no policy files under {folder}", file=sys.stderr)
        return 2
    print(
        f"{folder}: {len(kept)} policies ({sum(p.format == 'html' for p in kept)} HTML), "
        f"{sum(len(p.source) for p in kept):,} characters; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs{', quick' if args.quick else ''}{', text only' if args.text_only else ''}"
    )
    bench_parse_vs_tokenizer(parser, kept, rounds=3 if args.quick else 5)
    if args.ratio_only:
        return 0
    bench_parse_many(parser, kept, rounds=1 if args.quick else 3, seconds=4.0 if args.quick else 10.0)
    bench_memory(folder, 1_000 if args.quick else 10_000, args.text_only)
    bench_cold_start(folder, kept, runs=1 if args.quick else 3)
    bench_scaling(parser, kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
