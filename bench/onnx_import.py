"""Benchmark: ONNX models through the importer, against ONNX Runtime.

For each model: the import time (ONNX -> verified webnn module), the compile time, and
the median time per call of ours and of ONNX Runtime at one thread, interleaved in
rounds (the machine's noise falls on both alike), with the ratio (< 1: ours is faster).
The models: the backend data's light models (weights made random, as in the tests) and
the MobileNetV2 of `workloads.py` as an ONNX file.

Run: pip install -e '.[bench]' && python bench/onnx_import.py [--only light_resnet50,mobilenetv2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import compiler  # noqa: E402
from tests.onnx_backend.cases import light_input, light_models, randomized_light_model  # noqa: E402


def models() -> dict:
    def mobilenet():
        import workloads

        work = workloads.mobilenetv2()
        return work.onnx_model, work.inputs

    out = {p.stem: (lambda p=p: _light(p)) for p in light_models()}
    out["mobilenetv2"] = mobilenet
    return out


def _light(path):
    model = randomized_light_model(path)
    return model, light_input(model)


def measure(name: str, make, rounds: int, calls: int) -> str:
    import onnxruntime as ort

    model, feeds = make()
    start = time.perf_counter()
    module = compiler.import_onnx(model, name=f"{name}.onnx")
    imported = time.perf_counter() - start
    start = time.perf_counter()
    exe = compiler.compile(module, threads=1)
    compiled = time.perf_counter() - start
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = ort.InferenceSession(model.SerializeToString(), options,
                                   providers=["CPUExecutionProvider"])
    ours = exe(**feeds)
    theirs = session.run(None, feeds)
    error = max(float(np.max(np.abs(ours[o.name] - t)))
                for o, t in zip(session.get_outputs(), theirs))
    times = {"ours": [], "ort": []}
    for _ in range(rounds):
        for key, run in (("ours", lambda: exe(**feeds)),
                         ("ort", lambda: session.run(None, feeds))):
            start = time.perf_counter()
            for _ in range(calls):
                run()
            times[key].append((time.perf_counter() - start) / calls)
    ours_ms = statistics.median(times["ours"]) * 1e3
    ort_ms = statistics.median(times["ort"]) * 1e3
    return (f"{name:22s} {imported:7.2f} {compiled:8.1f} {ours_ms:9.2f} {ort_ms:9.2f} "
            f"{ours_ms / ort_ms:6.2f} {error:9.2e}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated model names")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--calls", type=int, default=2)
    args = ap.parse_args()
    table = models()
    chosen = args.only.split(",") if args.only else list(table)
    print(f"{'model':22s} {'import s':>7s} {'compile s':>8s} {'ours ms':>9s} {'ORT ms':>9s} "
          f"{'ratio':>6s} {'max |err|':>9s}   (1 thread)")
    for name in chosen:
        print(measure(name, table[name], args.rounds, args.calls), flush=True)


if __name__ == "__main__":
    main()
