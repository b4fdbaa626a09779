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

from xdsl.dialects import func
from xdsl.dialects.builtin import ArrayAttr, DictionaryAttr, FunctionType, ModuleOp, StringAttr
from xdsl.ir import SSAValue

from dialects.webnn.options import did_you_mean
from passes import PassError, all_passes

from .diagnostics import CompileError, DiagnosticEngine, location_name
from .ir import make_context, verify
from .module import Module, parse
from .translate import TranslationError, translate

#: The lowering stages in order: (pass flag, why it runs there).
STAGES: tuple[tuple[str, str], ...] = (
    ("convert-webnn-to-linalg", "every webnn op becomes linalg.generic on tensors"),
    ("fuse-elementwise", "element-wise producers are computed inside their consumer"),
    ("bufferize", "tensors become caller buffers and one planned arena"),
    ("interchange-for-vectorization", "a contiguous parallel loop goes innermost"),
    ("parallelize", "each op becomes a step; big ones may be split across threads"),
    ("convert-linalg-to-loops", "structured ops become scf.for loop nests"),
    ("lower-affine", "index maps with constants become arith"),
    ("bind-parallel-range", "a step's parallel loop covers only its [begin, end) slice"),
    ("expand-math", "exp, log and tanh become polynomials LLVM can vectorize"),
    ("convert-memref-to-llvm", "buffer accesses become typed GEPs, loads and stores"),
    ("convert-scf-to-cf", "loops become branches between blocks"),
    ("convert-arith-to-llvm", "scalar arithmetic becomes llvm ops; index becomes i64"),
    ("convert-math-to-llvm", "math functions become intrinsics or libm calls"),
    ("convert-cf-to-llvm", "branches become llvm branches"),
    ("convert-func-to-llvm", "the graph becomes an llvm.func with C-callable arguments"),
    ("reconcile-unrealized-casts", "no type-conversion glue may remain"),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)


def lower(module: ModuleOp, *, until: str | None = None, after: str | None = None,
          weights_dir: str = ".", timings: dict[str, float] | None = None,
          source=None) -> ModuleOp:
    """Run the stages on `module` in place: those after `after` (default: from the
    first), up to and including `until` (default: to the last).

    A stage that crashes is a compiler bug: the error says so and leaves a reproducer (the
    IR the stage was given, beside `source` or in a temporary folder, and the webnn-opt
    command replaying the stage; see `reproducer.py`).
    """
    from .reproducer import reproduce

    ctx = make_context()
    table = all_passes()
    first = STAGE_NAMES.index(after) + 1 if after is not None else 0
    original = module.clone()
    done: list = []
    for flag, _why in STAGES[first:]:
        start = time.perf_counter()
        pass_cls = table[flag]()
        p = pass_cls(weights_dir=weights_dir) if flag == "convert-webnn-to-linalg" else pass_cls()
        try:
            p.apply(ctx, module)
        except PassError as err:
            diags = DiagnosticEngine()
            for severity, message, loc in err.problems:
                diags.emit(severity, message, loc)
            raise CompileError.from_engine(diags) from None
        except (RecursionError, MemoryError):
            raise
        except Exception as err:  # noqa: BLE001 - a crash of a stage on valid IR is a bug
            steps = [lambda m, q=q: q.apply(ctx, m) for q in done]
            diags = DiagnosticEngine()
            diags.diagnostics.append(reproduce(original, steps, p, err, source, "stage"))
            raise CompileError.from_engine(diags) from None
        done.append(p)
        if timings is not None:
            timings[flag] = time.perf_counter() - start
        if until == flag:
            break
    return module


def load(src) -> Module:
    """A verified Module from IR text, a path, a Module or a builtin.module op."""
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


def signature(module: Module) -> tuple[list, list]:
    from runtime.executable import TensorInfo

    def infos(pairs):
        out = []
        for name, spec in pairs:
            if spec is None:
                raise CompileError.at(f"graph value '{name}' is not a WebNN tensor",
                                      module.graph.location)
            out.append(TensorInfo(name, spec.dtype, spec.shape))
        return out
    return infos(module.inputs), infos(module.outputs)


def compile(src, *, target: str = "cpu", threads: int | None = None,  # noqa: A001
            debug_info: bool = False):
    """Compile a graph to an `Executable` for `target` (only "cpu" exists).

    `src` is IR text, a path, a parsed `Module` or a builder result. `threads` is the
    number of threads one call may use (None = all cores): large steps are split into
    that many slices (anything but a positive integer or None is a TypeError or
    ValueError). Several calls may also run at once from several threads.
    `debug_info` puts DWARF line info in the machine code, so a debugger attached to the
    process attributes the JIT-compiled kernels to the original lines.
    """
    from runtime.executable import Executable

    if target != "cpu":
        from .targets import TARGET_NAMES
        raise CompileError.at(
            f"cannot compile for target '{target}': code is generated for 'cpu' only"
            + (f"; compiler.check(src, target='{target}') reports what {target} would refuse"
               if target in TARGET_NAMES else did_you_mean(str(target), ["cpu"])))
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
    kernel = _kernel(module, stats, threads, debug_info)

    def variant(names: tuple[str, ...]):
        return _kernel(select_outputs(module, names), {}, threads, debug_info)
    return Executable(kernel, variant, stats)


def _kernel(module: Module, stats: dict[str, float], threads: int, debug_info: bool = False):
    from runtime.executable import Kernel, Step
    from runtime.jit import compile_ir, host_triple

    inputs, outputs = signature(module)
    weights_dir = str(module.source_path.parent) if module.source_path else "."
    work = module.op.clone()
    lower(work, weights_dir=weights_dir, timings=stats, source=module.source_path)
    start = time.perf_counter()
    funcs = [o for o in work.body.ops if o.name == "llvm.func" and o.body.blocks]
    fn = next(o for o in funcs if "webnn.arena_size" in o.attributes)
    arena = fn.attributes["webnn.arena_size"].value.data
    entry = fn.sym_name.data
    steps = [Step(o.sym_name.data, o.attributes["webnn.parallel_extent"].value.data
                  if "webnn.parallel_extent" in o.attributes else 1)
             for o in funcs if o.sym_name.data.startswith("step_")]
    try:
        translation = translate(work, host_triple(), debug_info=debug_info)
    except TranslationError as err:
        diags = DiagnosticEngine()
        diags.error(str(err), err.location)
        raise CompileError.from_engine(diags) from None
    stats["translate"] = time.perf_counter() - start
    start = time.perf_counter()
    machine = compile_ir(str(translation.module), translation.constants)
    stats["llvm-jit"] = time.perf_counter() - start
    return Kernel(machine, entry, inputs, outputs, arena, steps, threads)


def named_values(module: Module) -> dict[str, SSAValue]:
    """Every value of the graph that has a name: inputs, outputs, SSA names, op labels."""
    graph = module.graph
    names: dict[str, SSAValue] = {}
    for (name, _), arg in zip(module.inputs, graph.body.block.args):
        names[name] = arg
    for op in graph.body.block.ops:
        label = location_name(op.location)
        for i, result in enumerate(op.results):
            if result.name_hint:
                names.setdefault(result.name_hint, result)
            if label:
                names.setdefault(label if len(op.results) == 1 else f"{label}.{i}", result)
    ret = graph.body.block.last_op
    for (name, _), value in zip(module.outputs, ret.operands):
        names[name] = value
    return names


def select_outputs(module: Module, names: tuple[str, ...]) -> Module:
    """A copy of the graph whose outputs are the named values; the unused rest is pruned."""
    clone = Module(module.op.clone(), module.source_path)
    available = named_values(clone)
    missing = [n for n in names if n not in available]
    if missing:
        raise ValueError(f"the graph has no value named '{missing[0]}'; named values are "
                         + ", ".join(sorted(available)))
    graph = clone.graph
    values = [available[n] for n in names]
    ret = graph.body.block.last_op
    new_ret = func.ReturnOp(*values)
    new_ret.location = ret.location
    graph.body.block.insert_op_before(new_ret, ret)
    ret.detach()
    ret.erase()
    graph.function_type = FunctionType.from_lists(
        list(graph.function_type.inputs.data), [v.type for v in values])
    graph.res_attrs = ArrayAttr([DictionaryAttr({"webnn.name": StringAttr(n)}) for n in names])
    _prune(graph)
    return clone


def _prune(graph: func.FuncOp) -> None:
    """Erase ops whose results are unused, last to first."""
    for op in reversed(list(graph.body.block.ops)):
        if op is graph.body.block.last_op:
            continue
        if all(not r.uses for r in op.results):
            op.detach()
            op.erase()


__all__ = ["compile", "lower", "STAGES", "STAGE_NAMES", "select_outputs", "named_values"]
