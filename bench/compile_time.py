"""Benchmark: how long compiling takes, cold (empty cache) and warm (cached code).

For each workload of `bench/workloads.py` (default: W1 and the full MobileNetV2) the
built graph is compiled `--repeat` times, each into a fresh, empty cache folder (cold:
passes, LLVM, storing the entry), then `--repeat` times from the first folder (warm: the
key, loading the entry). The table gives the median over the repeats (and the minimum)
in seconds, by stage; `cpu` is the CPU time of the whole compile, the compile workers'
included, which other processes on a busy machine do not inflate. The last column (not
part of the total) is how long reading the graph back from its IR text takes, for
graphs compiled from files:

    parse       IR text to a verified module
    passes      the pipeline's passes, webnn to the llvm dialect (`compiler.pipeline`)
    translate   llvm dialect to LLVM IR (of each part, for a large graph)
    gc          the collection of the passes' garbage (`pass_runner.paused_gc`)
    llvm-wait   how long the compile waited for LLVM once Python was done
    llvm-opt    LLVM's parse and O3 pipeline (CPU seconds of LLVM's threads)
    codegen     machine code generation (CPU seconds of LLVM's threads) and loading
    cache       computing the key, looking up, storing or loading an entry

A large graph is dealt into parts (`compiler.parts`) that this process and compile
workers lower and translate at once (`compiler.compile_workers`; `passes` and
`translate` add up all of them), while LLVM compiles the parts already done on threads
of its own (`runtime.jit.Compilation`): LLVM's CPU seconds overlap the Python stages,
and only `llvm-wait` adds to the total.

`--passes` also lists each pass; `--profile N` prints the N costliest functions of one
cold compile under cProfile (without compile workers).

Run: python bench/compile_time.py [--only W1,mobilenetv2] [--repeat 3] [--passes]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workloads  # noqa: E402

import compiler  # noqa: E402
from compiler.compile_workers import WORKERS_ENV  # noqa: E402
from compiler.pipeline import STAGE_NAMES  # noqa: E402

GROUPS = {"translate": ("translate",), "gc": ("gc",), "llvm-wait": ("llvm-wait",),
          "llvm-opt": ("llvm-parse", "llvm-opt"), "codegen": ("llvm-codegen", "llvm-load"),
          "cache": ("cache-lookup", "cache-store", "cache-load")}
COLUMNS = ("total", "cpu", "passes", *GROUPS)


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the compile workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def compile_once(module, folder: str) -> tuple[dict[str, float], dict[str, float]]:
    """One compile of `module` with its cache in `folder`: (stage groups, raw stats)."""
    os.environ["WEBNN_CACHE_DIR"] = folder
    start, cpu = time.perf_counter(), _cpu()
    exe = compiler.compile(module)
    end = time.perf_counter()
    stats = exe.stats
    row = {"total": end - start, "cpu": _cpu() - cpu,
           "passes": sum(v for k, v in stats.items() if k in STAGE_NAMES)}
    for group, keys in GROUPS.items():
        row[group] = sum(stats.get(k, 0.0) for k in keys)
    return row, stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="W1,mobilenetv2", help="workloads, e.g. W1,W4")
    ap.add_argument("--repeat", type=int, default=3, help="cold compiles per workload")
    ap.add_argument("--passes", action="store_true", help="also time each pass")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="print the N costliest functions of a cold compile")
    args = ap.parse_args()
    os.environ.pop("WEBNN_CACHE", None)
    print(f"{'workload':12s} {'cache':5s} " + " ".join(f"{c:>16s}" for c in COLUMNS)
          + f" {'parse':>8s}")
    print(f"{'':18s}" + " ".join(f"{'median (min)':>16s}" for _ in COLUMNS))
    for name in args.only.split(","):
        module = workloads.WORKLOADS[name]().module
        text = str(module)
        start = time.perf_counter()
        compiler.parse(text)
        parse = time.perf_counter() - start
        with tempfile.TemporaryDirectory(prefix="webnn-bench-cache-") as root:
            cold, raw = [], []
            for i in range(args.repeat):
                row, stats = compile_once(module, os.path.join(root, f"cold{i}"))
                cold.append(row)
                raw.append(stats)
            warm = [compile_once(module, os.path.join(root, "cold0"))[0]
                    for _ in range(args.repeat)]
            for label, rows in (("cold", cold), ("warm", warm)):
                cells = [f"{statistics.median(r[c] for r in rows):8.3f} "
                         f"({min(r[c] for r in rows):5.3f})" for c in COLUMNS]
                print(f"{name:12s} {label:5s} " + " ".join(f"{c:>16s}" for c in cells)
                      + (f" {parse:8.3f}" if label == "cold" else ""))
            if args.passes:
                for key in raw[0]:
                    print(f"    {key:30s} {statistics.median(s[key] for s in raw):8.3f}")
            if args.profile:
                # In this process only: a profile sees no compile worker's functions.
                setting = os.environ.get(WORKERS_ENV)
                os.environ[WORKERS_ENV] = "0"
                profile = cProfile.Profile()
                profile.enable()
                compile_once(module, os.path.join(root, "profiled"))
                profile.disable()
                if setting is None:
                    del os.environ[WORKERS_ENV]
                else:
                    os.environ[WORKERS_ENV] = setting
                pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
