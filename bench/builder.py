"""Benchmark: building and printing a 200-op graph with the Python builder.

Speed is measured here, never in tests. Prints the median of several runs; the
builder's target is "well under a second" for 200 ops.
Run: python bench/builder.py
"""

import statistics
import time

import numpy as np

import compiler


def build_and_print(n_ops: int = 200) -> str:
    g = compiler.GraphBuilder()
    v = g.input("x", "float32", [1, 64])
    w = g.constant(np.ones((64, 64), np.float32))
    for i in range(n_ops):
        v = (g.relu, lambda a: g.matmul(a, w), lambda a: g.add(a, a), g.sigmoid)[i % 4](v)
    return str(g.build({"y": v}))


def main() -> None:
    build_and_print()  # warm up imports
    times = []
    for _ in range(7):
        start = time.perf_counter()
        text = build_and_print()
        times.append(time.perf_counter() - start)
    ops = text.count(" = webnn.")
    print(f"builder: {ops} ops built and printed, median {statistics.median(times) * 1e3:.1f} ms, "
          f"min {min(times) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
