"""Print the verdict table of the ONNX backend data: every node case and every light
model, pass / refused (with the importer's reason) / FAIL, and the light models' times.

    python -m tests.onnx_backend.report [--node-only | --light-only] [--models a,b]

The same runs and judges as the pytest suites (test_node_cases.py,
test_light_models.py); the light models pytest leaves out for time are run here. Times
are single runs on this machine: import, compile, one call of ours and of ONNX Runtime.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from .cases import light_models, node_cases, run_light_model, run_node_case


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--node-only", action="store_true")
    which.add_argument("--light-only", action="store_true")
    ap.add_argument("--models", help="comma-separated light model names (light_resnet50,..)")
    args = ap.parse_args(argv)
    status = Counter()
    if not args.light_only:
        print(f"{'node case':64s} verdict")
        for folder in node_cases():
            verdict = run_node_case(folder)
            status[verdict.status] += 1
            print(f"{verdict.case:64s} {verdict.status:8s} {verdict.reason}")
        print()
    if not args.node_only:
        chosen = set(args.models.split(",")) if args.models else None
        print(f"{'light model':22s} {'verdict':8s} {'import':>8s} {'compile':>8s} "
              f"{'ours':>8s} {'ORT':>8s}")
        for path in light_models():
            if chosen and path.stem not in chosen:
                continue
            start = time.perf_counter()
            verdict = run_light_model(path)
            status[verdict.status] += 1
            t = verdict.times
            cells = [f"{t[k]:7.2f}s" if k in t else f"{'-':>8s}"
                     for k in ("import", "compile", "run", "ort_run")]
            print(f"{verdict.case:22s} {verdict.status:8s} {' '.join(cells)}  "
                  f"({time.perf_counter() - start:.0f}s) {verdict.reason}", flush=True)
    print("\n" + ", ".join(f"{n} {s}" for s, n in sorted(status.items())))
    return 1 if status["FAIL"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
