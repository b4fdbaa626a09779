"""webnn-mlir's public Python API.

    import compiler
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 4])
    y = g.relu(g.add(x, g.constant(np.ones((1, 4), np.float32))))
    module = g.build({"y": y})          # str(module) is the textual IR, with locations
    module = compiler.parse("model.mlir")
    exe = compiler.compile(module)       # exe(x=array) -> {"y": array}
    module = compiler.import_onnx("model.onnx", dims={"batch": 1})

Names are imported on first use, so a tool that needs only the parser (webnn-opt) does
not pay for the builder, the pipeline or LLVM at start-up.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "CompileError": "diagnostics",
    "Module": "module",
    "parse": "module",
    "GraphBuilder": "builder",
    "Operand": "builder",
    "compile": "pipeline",
    "import_onnx": "frontends.onnx",
    "import_webnn_graph": "frontends.webnn_graph",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'compiler' has no attribute '{name}'")
