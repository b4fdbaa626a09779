"""Benchmark: webnn-mlir against ONNX Runtime (and NumPy, PyTorch where installed),
interleaved in one process, at 1 and 2 threads.

For every workload of `bench/workloads.py` and thread count, each runner is first checked
against ONNX Runtime's output, then all runners are timed in interleaved rounds (each
round runs a short batch of every runner in turn, each after a short sleep so that the
previous runner's idle threads have stopped spinning), so that the machine's noise falls on all
of them alike. The table gives the median, min and max milliseconds per call, GFLOP/s, the
share of the measured peak (one core's peak, `bench/peak.py`, times the thread count) and
the ratio to ONNX Runtime's median (< 1: webnn-mlir is faster). Compile times of ours and
ONNX Runtime's session creation are listed after the table.

W1 has extra runners that show what fusion buys: `ours-3exe` runs conv, add-bias and relu
as three executables; `ours+numpy` runs our bias-free conv, then numpy's add and relu.

Run: pip install -e '.[bench]' && python bench/speed.py [--threads 1,2] [--only W1,W3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import peak  # noqa: E402
import workloads  # noqa: E402

import compiler  # noqa: E402


def _ort_session(model, threads: int):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return ort.InferenceSession(model.SerializeToString(), options,
                                providers=["CPUExecutionProvider"])


def _torch_runners(name: str, work: workloads.Workload, threads: int) -> dict[str, Callable]:
    try:
        import torch
    except ImportError:
        return {}
    torch.set_num_threads(threads)
    t = {k: torch.from_numpy(v) for k, v in work.inputs.items()}
    inits = {k: torch.from_numpy(np.array(v)) for k, v in
             ((i.name, __import__("onnx").numpy_helper.to_array(i))
              for i in work.onnx_model.graph.initializer)}
    F = torch.nn.functional
    if name in ("W1", "W2"):
        convs = [n for n in work.onnx_model.graph.node if n.op_type == "Conv"]

        def run():
            with torch.inference_mode():
                y = t["x"]
                for c in convs:
                    y = F.relu(F.conv2d(y, inits[c.input[1]], inits[c.input[2]], padding=1))
                return y.numpy()
        return {"torch": run}
    if name == "W3":
        return {"torch": lambda: torch.matmul(t["a"], t["b"]).numpy()}
    return {}


def runners(name: str, work: workloads.Workload, threads: int):
    """{runner name: callable returning the output array}, plus compile seconds."""
    compile_s = {}
    start = time.perf_counter()
    exe = compiler.compile(work.module, threads=threads)
    compile_s["ours"] = time.perf_counter() - start
    start = time.perf_counter()
    session = _ort_session(work.onnx_model, threads)
    compile_s["ort"] = time.perf_counter() - start
    out_name = exe.outputs[0].name
    result = {
        "ours": lambda: exe(**work.inputs)[out_name],
        "ort": lambda: session.run(None, work.inputs)[0],
    }
    if name == "W1":
        result.update(_w1_variants(work, threads))
    if name == "W3":
        # NumPy's BLAS picks its own thread count, whatever the row says.
        result["numpy"] = lambda: work.inputs["a"] @ work.inputs["b"]
    if name == "W5":
        x, y = work.inputs["x"], work.inputs["y"]
        scale = next(np.asarray(__import__("onnx").numpy_helper.to_array(i))
                     for i in work.onnx_model.graph.initializer if i.dims)
        result["numpy"] = lambda: 1 / (1 + np.exp(-np.maximum((x + y) * scale, 0)))
    result.update(_torch_runners(name, work, threads))
    return result, compile_s


def _w1_variants(work: workloads.Workload, threads: int) -> dict[str, Callable]:
    """W1 as three executables, and as our conv followed by numpy."""
    from onnx import numpy_helper

    inits = {i.name: numpy_helper.to_array(i) for i in work.onnx_model.graph.initializer}
    conv = next(n for n in work.onnx_model.graph.node if n.op_type == "Conv")
    w, b = inits[conv.input[1]], inits[conv.input[2]]
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 100, 100, 100])
    conv_exe = compiler.compile(
        g.build({"c": g.conv2d(x, g.constant(w), padding=[1, 1, 1, 1])}), threads=threads)
    g = compiler.GraphBuilder()
    c = g.input("c", "float32", [1, 100, 100, 100])
    add_exe = compiler.compile(
        g.build({"a": g.add(c, g.constant(b.reshape(1, 100, 1, 1)))}), threads=threads)
    g = compiler.GraphBuilder()
    a = g.input("a", "float32", [1, 100, 100, 100])
    relu_exe = compiler.compile(g.build({"r": g.relu(a)}), threads=threads)
    bias = b.reshape(1, 100, 1, 1)
    xs = work.inputs["x"]
    return {
        "ours-3exe": lambda: relu_exe(a=add_exe(c=conv_exe(x=xs)["c"])["a"])["r"],
        "ours+numpy": lambda: np.maximum(conv_exe(x=xs)["c"] + bias, 0),
    }


def interleaved(fns: dict[str, Callable], rounds: int, budget: float,
                settle: float = 0.0) -> dict[str, list[float]]:
    """Per-call seconds of each runner, timed in `rounds` interleaved rounds, with
    `settle` seconds of sleep before each batch.

    The pause is for the thread pools: after a call, idle workers spin for a while
    before they sleep, so without it a batch starts while the previous runner's workers
    still hold the cores its own workers need, and each runner's 2-thread times measure
    the other's spinning. Measured as the CPU time a process uses while it sleeps right
    after a 2-thread call: ours about 1 ms, PyTorch's 8 ms, ONNX Runtime's 50 ms and
    NumPy's BLAS 100 ms (hence the default of `--settle`).
    """
    for fn in fns.values():
        fn()
        fn()
    per_round = budget / rounds / len(fns)
    batch = {}
    for key, fn in fns.items():
        start = time.perf_counter()
        fn()
        batch[key] = max(1, min(200, int(per_round / max(time.perf_counter() - start, 1e-6))))
    samples: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(rounds):
        for key, fn in fns.items():
            time.sleep(settle)
            for _ in range(batch[key]):
                start = time.perf_counter()
                fn()
                samples[key].append(time.perf_counter() - start)
    return samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", default="1,2", help="thread counts, e.g. 1,2")
    ap.add_argument("--only", default=",".join(workloads.WORKLOADS),
                    help="workloads, e.g. W1,W3")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--settle", type=float, default=0.15,
                    help="seconds of sleep before each batch, for the previous runner's "
                         "idle threads to stop spinning (see interleaved)")
    ap.add_argument("--budget", type=float, default=4.0,
                    help="seconds of timing per workload and thread count")
    args = ap.parse_args()
    core_peak = peak.measure()
    print(f"one core's measured float32 peak: {core_peak:.1f} GFLOP/s "
          f"({peak.vector_width()} floats per vector)")
    print(f"{'workload':12s} {'thr':>3s} {'runner':11s} {'median ms':>10s} {'min':>9s} "
          f"{'max':>9s} {'GFLOP/s':>8s} {'%peak':>6s} {'/ort':>6s} {'min/ort':>7s} "
          f"{'max/ort':>7s}")
    compiles = []
    for name in args.only.split(","):
        work = workloads.WORKLOADS[name]()
        for threads in (int(t) for t in args.threads.split(",")):
            fns, compile_s = runners(name, work, threads)
            compiles.append((name, threads, compile_s))
            expected = fns["ort"]()
            for key, fn in fns.items():
                np.testing.assert_allclose(fn(), expected, rtol=1e-3, atol=1e-3,
                                           err_msg=f"{name}: {key} differs from ONNX Runtime")
            samples = interleaved(fns, args.rounds, args.budget, args.settle)
            ort = samples["ort"]
            for key, times in samples.items():
                med = statistics.median(times)
                gflops = work.flops / med / 1e9
                print(f"{name:12s} {threads:3d} {key:11s} {med * 1e3:10.3f} "
                      f"{min(times) * 1e3:9.3f} {max(times) * 1e3:9.3f} {gflops:8.1f} "
                      f"{100 * gflops / (core_peak * threads):5.1f}% "
                      f"{med / statistics.median(ort):6.2f} "
                      f"{min(times) / min(ort):7.2f} {max(times) / max(ort):7.2f}")
    print("\ncompile (ours) / session creation (ort), seconds:")
    for name, threads, c in compiles:
        print(f"  {name:12s} threads={threads}: ours {c['ours']:.2f}  ort {c['ort']:.2f}")


if __name__ == "__main__":
    main()
