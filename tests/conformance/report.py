"""Print the WPT conformance pass table of the JIT (and of the reference executor).

    python -m tests.conformance.report [--reference] [--files conv2d,add]

One row per (operator file, data type): passed/total, and for failures the first
reason (a compile error names the op that could not be lowered). The same cases and
judge as the pytest suites (tests/conformance/test_jit_wpt.py, test_reference_wpt.py).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

import compiler
from runtime.reference import evaluate
from tests.conformance.test_jit_wpt import build
from tests.conformance.wpt import execute, judge, load_cases


def first_dtype(case) -> str:
    return next(iter(case.inputs.values()))[0].dtype.name if case.inputs else "none"


def run_jit(case) -> str | None:
    try:
        module, feeds = build(case)
        outputs = compiler.compile(module)(**feeds)
    except compiler.CompileError as err:
        return str(err).splitlines()[0].split("error: ", 1)[-1]
    problems = judge(case, outputs)
    return problems[0] if problems else None


def run_reference(case) -> str | None:
    values = execute(case, evaluate)
    problems = judge(case, {name: values[name] for name in case.expected})
    return problems[0] if problems else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", action="store_true", help="judge the reference executor")
    ap.add_argument("--files", help="comma-separated conformance files (default: all)")
    args = ap.parse_args()
    cases = load_cases(args.files.split(",") if args.files else None)
    runner = run_reference if args.reference else run_jit
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    reasons: dict[tuple[str, str], str] = {}
    start = time.perf_counter()
    for case in cases:
        key = (case.file, first_dtype(case))
        problem = runner(case)
        table[key][1] += 1
        if problem is None:
            table[key][0] += 1
        else:
            reasons.setdefault(key, problem)
    elapsed = time.perf_counter() - start
    print(f"{'file':24s} {'dtype':8s} {'passed':>9s}  first failure")
    for key in sorted(table):
        passed, total = table[key]
        print(f"{key[0]:24s} {key[1]:8s} {passed:4d}/{total:<4d}  {reasons.get(key, '')[:90]}")
    passed = sum(p for p, _ in table.values())
    total = sum(t for _, t in table.values())
    print(f"total: {passed}/{total} passed in {elapsed:.1f} s "
          f"({elapsed / max(total, 1) * 1e3:.0f} ms per case)")


if __name__ == "__main__":
    main()
