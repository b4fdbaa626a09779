"""webnn-mlir's public Python API.

    import compiler
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 4])
    y = g.relu(g.add(x, g.constant(np.ones((1, 4), np.float32))))
    module = g.build({"y": y})          # str(module) is the textual IR, with locations
    module = compiler.parse("model.mlir")
"""

from .diagnostics import CompileError
from .module import Module, parse
from .builder import GraphBuilder, Operand
from .pipeline import compile  # noqa: A004 - the public name mirrors the design

__all__ = ["CompileError", "GraphBuilder", "Module", "Operand", "compile", "parse"]
