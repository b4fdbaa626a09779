"""The compilation pipeline: one function, stages named by their pass flags.

    webnn (verified, current version)
      -> linalg on tensors -> buffers -> loops -> llvm dialect -> LLVM IR -> machine code

`compile()` is the public entry point (`compiler.compile`). Every stage keeps source
locations; a stage that fails raises `CompileError` with located diagnostics (for ops a
target cannot run: every one of them, at its line). `lower(module, until=flag)` stops after
a stage, which is how `webnn-translate --emit=<stage>` prints any intermediate form.
"""

from __future__ import annotations

import numbers
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass

from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from runtime.contract import ARENA_SIZE_ATTR, PARALLEL_EXTENT_ATTR, is_step

from .diagnostics import CompileError, DiagnosticEngine
from .frontends import claims, import_path
from .ir import verify
from .module import Module, parse, select_outputs, signature
from .pass_runner import make_pass, run_passes
from .translate import TranslationError, translate


@dataclass(frozen=True)
class Stage:
    """One stage of the pipeline: a pass flag, the options it runs with, and why it runs
    there. (Options that depend on the graph, such as where its weights are, are the
    pass runner's business.)"""

    flag: str
    why: str
    options: tuple[tuple[str, object], ...] = ()

    def make(self) -> ModulePass:
        return make_pass(self.flag, **dict(self.options))


#: The lowering stages in order.
STAGES: tuple[Stage, ...] = (
    Stage("convert-webnn-to-linalg", "every webnn op becomes linalg.generic on tensors"),
    Stage("fuse-elementwise", "element-wise producers are computed inside their consumer"),
    Stage("bufferize", "tensors become caller buffers and one planned arena"),
    Stage("interchange-for-vectorization", "a contiguous parallel loop goes innermost"),
    Stage("collapse-dimensions", "an element-wise op walks adjacent contiguous dimensions as one"),
    Stage("parallelize", "each op becomes a step; big ones may be split across threads"),
    Stage("vectorize-contractions", "matrix products and convolutions become vector kernels"),
    Stage("convert-linalg-to-loops", "structured ops become scf.for loop nests"),
    Stage("lower-affine", "index maps with constants become arith"),
    Stage("bind-parallel-range", "a step's parallel loop covers only its [begin, end) slice"),
    Stage("expand-math", "exp, log and tanh become polynomials LLVM can vectorize"),
    Stage("convert-vector-to-llvm", "vector ops become llvm ops on vector types"),
    Stage("convert-memref-to-llvm", "buffer accesses become typed GEPs, loads and stores"),
    Stage("convert-scf-to-cf", "loops become branches between blocks"),
    Stage("convert-arith-to-llvm", "scalar arithmetic becomes llvm ops; index becomes i64"),
    Stage("convert-math-to-llvm", "math functions become intrinsics or libm calls"),
    Stage("convert-cf-to-llvm", "branches become llvm branches"),
    Stage("convert-func-to-llvm", "the graph becomes an llvm.func with C-callable arguments"),
    Stage("reconcile-unrealized-casts", "no type-conversion glue may remain"),
)
STAGE_NAMES = tuple(stage.flag for stage in STAGES)


def lower(module: ModuleOp, *, until: str | None = None, after: str | None = None,
          source: str | os.PathLike | None = None, verify_each: bool | None = None,
          timings: dict[str, float] | None = None) -> ModuleOp:
    """Run the stages on `module` in place: those after `after` (default: from the
    first), up to and including `until` (default: to the last). Raise CompileError with
    located diagnostics when one fails.

    `source` is the IR file the module came from (its weights lie beside it);
    `verify_each` verifies after every stage (default: `WEBNN_VERIFY_EACH`).
    """
    for flag in (after, until):
        if flag is not None and flag not in STAGE_NAMES:
            raise ValueError(f"'{flag}' is not a stage of the pipeline")
    first = STAGE_NAMES.index(after) + 1 if after is not None else 0
    end = STAGE_NAMES.index(until) + 1 if until is not None else len(STAGES)
    diags = DiagnosticEngine()
    if not run_passes(module, [stage.make() for stage in STAGES[first:end]], diags,
                      source=source, verify_each=verify_each, timings=timings):
        raise CompileError.from_engine(diags)
    return module


def load(src, *, dims: Mapping[str, int] | None = None) -> Module:
    """A verified Module from IR text, a path, a Module or a builtin.module op. A path a
    frontend reads (`.onnx`, `.webnn`) is imported, its symbolic dimensions bound by
    `dims`."""
    if isinstance(src, (str, os.PathLike)) and "\n" not in os.fspath(src) and claims(src):
        return import_path(src, dims=dims)
    if isinstance(src, Module):
        return src
    if isinstance(src, ModuleOp):
        diags = DiagnosticEngine()
        if not verify(src, diags):
            raise CompileError.from_engine(diags)
        return Module(src)
    if isinstance(src, (str, os.PathLike)):
        return parse(src)
    raise TypeError(f"cannot compile a {type(src).__name__}; pass IR text, a path, or a "
                    "Module")


def compile(src, *, target: str = "cpu", threads: int | None = None,  # noqa: A001
            verify_each: bool | None = None):
    """Compile a graph to an `Executable` for `target` (only "cpu" exists).

    `src` is IR text, a path (of IR, or of a model a frontend reads: `.onnx`, `.webnn`;
    `load` imports it), a parsed `Module` or a builder result. `threads` is the
    number of threads one call may use (None = all cores): large steps are split into
    that many slices (anything but a positive integer or None is a TypeError or
    ValueError). Several calls may also run at once from several threads.
    `verify_each` verifies the IR after every stage (default: the `WEBNN_VERIFY_EACH`
    environment variable; off when it is unset).
    """
    from runtime.executable import Executable

    if target != "cpu":
        raise CompileError(f"error: unknown target '{target}'; the only target is 'cpu'")
    if threads is not None:
        if isinstance(threads, bool) or not isinstance(threads, numbers.Integral):
            raise TypeError(f"threads must be a positive integer or None, got "
                            f"{type(threads).__name__} {threads!r}")
        if threads < 1:
            raise ValueError(f"threads must be a positive integer or None, got {threads}")
        threads = int(threads)
    module = load(src)
    stats: dict[str, float] = {}
    threads = threads or os.cpu_count() or 1
    kernel = _kernel(module, stats, threads, verify_each)

    def variant(names: tuple[str, ...]):
        return _kernel(select_outputs(module, names), {}, threads, verify_each)
    return Executable(kernel, variant, stats)


def to_llvm_ir(module: ModuleOp):
    """The LLVM IR of a module lowered to the llvm dialect (`translate.Translation`), for
    this host; CompileError, located, for what it cannot translate."""
    from runtime.jit import host_triple

    try:
        return translate(module, host_triple())
    except TranslationError as err:
        diags = DiagnosticEngine()
        diags.error(str(err), err.location)
        raise CompileError.from_engine(diags) from None


def _kernel(module: Module, stats: dict[str, float], threads: int,
            verify_each: bool | None):
    from runtime.executable import Kernel, Step
    from runtime.jit import compile_ir

    inputs, outputs = signature(module)
    work = module.op.clone()
    lower(work, source=module.source_path, verify_each=verify_each, timings=stats)
    start = time.perf_counter()
    funcs = [o for o in work.body.ops if o.name == "llvm.func" and o.body.blocks]
    fn = next(o for o in funcs if ARENA_SIZE_ATTR in o.attributes)
    arena = fn.attributes[ARENA_SIZE_ATTR].value.data
    entry = fn.sym_name.data
    steps = [Step(o.sym_name.data, o.attributes[PARALLEL_EXTENT_ATTR].value.data
                  if PARALLEL_EXTENT_ATTR in o.attributes else 1)
             for o in funcs if is_step(o.sym_name.data)]
    translation = to_llvm_ir(work)
    stats["translate"] = time.perf_counter() - start
    start = time.perf_counter()
    machine = compile_ir(str(translation.module), translation.constants)
    stats["llvm-jit"] = time.perf_counter() - start
    return Kernel(machine, entry, inputs, outputs, arena, steps, threads)


__all__ = ["compile", "lower", "to_llvm_ir", "Stage", "STAGES", "STAGE_NAMES"]
