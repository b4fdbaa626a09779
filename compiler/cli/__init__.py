"""The command-line tools, one module each; `tools/` holds only their thin mains.

* `webnn_opt.py`: parse, verify, transform and print IR, like mlir-opt.
* `webnn_run.py`: JIT-compile a graph and run it (its arrays in and out: `arrays.py`).
* `webnn_translate.py`: print a graph at any stage, as LLVM IR, assembly or DOT, or in
  the WebNN ecosystem's forms (`.webnn`, MLGraphBuilder JavaScript).
* `webnn_import.py`: import a model (.onnx, .webnn) as webnn IR, its weights beside it.
* `common.py`: what they share: argument parsing that never exits (`--dim` included),
  and the guard that turns every exception into a clear message and an exit status.
* `verify_diagnostics.py`: the `--verify-diagnostics` checker of webnn-opt.

Exit status everywhere: 0 success, 1 diagnostics, 2 usage or internal error. No input,
however malformed, produces a Python traceback.
"""
