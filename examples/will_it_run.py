"""Will it run in the browser? A graph built in Python, checked against WebNN backends.

    python examples/will_it_run.py                # coreml and tflite, then a partition
    python examples/will_it_run.py ort dml        # any targets
    python examples/will_it_run.py all            # one portability table

The graph below uses what some of Chromium's WebNN backends refuse: int64 token ids (a
graph input and gather's indices), a rank-6 tensor, an op one backend lacks (l2Pool2d)
and a rank-5 pow. The script saves it as IR, whose locations are the lines of this file,
and runs `webnn-opt --check-target=NAME` on it for each target, as you would from a
shell: every refusal is reported at once, at the Python line that made the op, in the
backend's own words, with the rewrite that makes it run. Then `--partition` tells what
would happen under partitioned execution on the last target: which ops would fall back
to the CPU, in how many partitions, and how many tensors would cross between them.

From Python, `compiler.check(graph, target="coreml")` returns the same diagnostics as
records (`.to_json()` gives the JSON form).
"""

import contextlib
import io
import sys
import tempfile
from pathlib import Path

import numpy as np

import compiler
from compiler.cli import webnn_opt


def build():
    g = compiler.GraphBuilder()
    ids = g.input("ids", "int64", [4])                                  # int64 input
    table = g.constant(np.ones((100, 8), np.float32))
    rows = g.relu(g.gather(table, ids))                                 # int64 indices
    x = g.input("x", "float32", [1, 2, 2, 2, 3, 4])
    wide = g.exp(x)                                                     # rank 6
    image = g.input("image", "float32", [1, 8, 4, 4])
    conv = g.conv2d(image, g.constant(np.ones((8, 8, 3, 3), np.float32)),
                    padding=[1, 1, 1, 1])
    pooled = g.l2Pool2d(g.relu(conv), windowDimensions=[2, 2],         # no l2Pool2d
                        strides=[2, 2])
    v = g.input("v", "float32", [1, 2, 3, 4, 5])
    powered = g.pow(v, v)                                               # rank 5
    return g.build({"rows": rows, "wide": wide, "pooled": g.sigmoid(pooled),
                    "powered": powered})


def main(targets: list[str]) -> int:
    graph = build()
    status = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.mlir"
        path.write_text(str(graph), encoding="utf-8")  # with locations: this file's lines
        for target in targets:
            print(f"$ webnn-opt graph.mlir --check-target={target}", flush=True)
            status |= webnn_opt.main([str(path), f"--check-target={target}"])
            sys.stderr.flush()
            print(flush=True)
        last = targets[-1]
        if last != "all":
            print(f"$ webnn-opt graph.mlir --check-target={last} --partition "
                  "2>/dev/null", flush=True)
            with contextlib.redirect_stderr(io.StringIO()):  # the diagnostics shown above
                webnn_opt.main([str(path), f"--check-target={last}", "--partition"])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["coreml", "tflite"]))
