"""The compilation pipeline: one function, stages named by their pass flags.

    webnn (verified, current version)
      -> linalg on tensors -> buffers -> loops -> llvm dialect -> LLVM IR -> machine code

`compile()` is the public entry point (`compiler.compile`). It deals the graph into
parts after `share-kernels` (`compiler.parts`): each part finishes the stages
and is translated on its own (some parts in forked compile workers, `compiler.compile_workers`),
and LLVM compiles it on other cores while the next is lowered (`runtime.jit.Compilation`). Every stage keeps source
locations; a stage that fails raises `CompileError` with located diagnostics (for ops a
target cannot run: every one of them, at its line). `lower(module, until=flag)` stops after
a stage, which is how `webnn-translate --emit=<stage>` prints any intermediate form.
"""

from __future__ import annotations

import numbers
import os
import threading
import time
from dataclasses import dataclass

import numpy as np

from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from dialects.webnn.options import did_you_mean
from runtime.contract import ARENA_SIZE_ATTR, PARALLEL_WORK_ATTR, SPMD_ENTRY

from .diagnostics import CompileError, DiagnosticEngine
from .frontends import load
from .module import Module, select_outputs, signature
from .parts import split
from .pass_runner import make_pass, paused_gc, run_passes
from .translate import TranslationError, translate
from .compile_workers import Lowered, lower_parts, worker_count


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
    Stage("convert-to-nhwc", "depthwise networks run in NHWC; NHWC filters as kernels read them"),
    Stage("convert-webnn-to-linalg", "every webnn op becomes linalg.generic on tensors"),
    Stage("fuse-elementwise", "element-wise producers are computed inside their consumer"),
    Stage("bufferize", "tensors become caller buffers and one planned arena"),
    Stage("interchange-for-vectorization", "a contiguous parallel loop goes innermost"),
    Stage("collapse-dimensions", "an element-wise op walks adjacent contiguous dimensions as one"),
    Stage("parallelize", "each op becomes a step; big ones may be split across threads"),
    Stage("share-kernels", "steps equal up to their buffers call one kernel, compiled once"),
    Stage("vectorize-contractions", "matrix products and convolutions become vector kernels"),
    Stage("vectorize-transposes", "transposing copies move L x L tiles through vector registers"),
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
    Stage("build-spmd-entry", "every thread runs all steps, on its slices, between barriers"),
    Stage("reconcile-unrealized-casts", "no type-conversion glue may remain"),
)
STAGE_NAMES = tuple(stage.flag for stage in STAGES)


def lower(module: ModuleOp, *, until: str | None = None, after: str | None = None,
          source: str | os.PathLike | None = None, verify_each: bool | None = None,
          timings: dict[str, float] | None = None, original=None) -> ModuleOp:
    """Run the stages on `module` in place: those after `after` (default: from the
    first), up to and including `until` (default: to the last). Raise CompileError with
    located diagnostics when one fails.

    `source` is the IR file the module came from (its weights lie beside it);
    `verify_each` verifies after every stage (default: `WEBNN_VERIFY_EACH`); `original`
    makes `module` again as it is now, for a reproducer (`pass_runner.run_passes`).
    A stage that crashes on the verified input is a compiler bug: the error says so and
    leaves a reproducer (`pass_runner`).
    """
    for flag in (after, until):
        if flag is not None and flag not in STAGE_NAMES:
            raise ValueError(f"'{flag}' is not a stage of the pipeline")
    first = STAGE_NAMES.index(after) + 1 if after is not None else 0
    end = STAGE_NAMES.index(until) + 1 if until is not None else len(STAGES)
    diags = DiagnosticEngine()
    if not run_passes(module, [stage.make() for stage in STAGES[first:end]], diags,
                      source=source, verify_each=verify_each, timings=timings, stages=True,
                      original=original):
        raise CompileError.from_engine(diags)
    return module


def compile(src, *, target: str = "cpu", threads: int | None = None,  # noqa: A001
            verify_each: bool | None = None, cache: bool | None = None,
            debug_info: bool = False):
    """Compile a graph to an `Executable` for `target` (only "cpu" exists).

    `src` is IR text, a path (of IR, or of a model a frontend reads: `.onnx`, `.webnn`;
    `load` imports it), a parsed `Module` or a builder result. `threads` is the
    number of threads one call may use (None = all cores): steps worth it are split into
    that many slices, if the graph's work pays for waking other threads (anything but a
    positive integer or None is a TypeError or ValueError). Several calls may also run at
    once from several threads. `verify_each` verifies the IR after every stage (default:
    the `WEBNN_VERIFY_EACH` environment variable; off when it is unset). `cache` loads the
    code from the on-disk cache when this graph was compiled before, and stores it there
    otherwise (`runtime.cache`; default: on unless `WEBNN_CACHE=0`); `verify_each=True`
    asks for the stages to run, so it compiles (and stores) without looking in the cache.
    `debug_info` puts DWARF line info in the machine code, so a debugger attached to the
    process attributes the JIT-compiled kernels to the original lines (the code then
    depends on every op's location, so the locations are part of its cache key).
    """
    from runtime.cache import Cache, enabled
    from runtime.executable import Executable

    if target != "cpu":
        from .targets import TARGET_NAMES

        if target in TARGET_NAMES:  # a WebNN backend's profile: checked, not compiled for
            raise CompileError.at(
                f"cannot compile for target '{target}': code is generated for 'cpu' only; "
                f"compiler.check(src, target='{target}') reports what {target} would refuse")
        raise CompileError.at(f"unknown target '{target}': code is generated for 'cpu' only"
                              + did_you_mean(str(target), ["cpu"]))
    if threads is not None:
        if isinstance(threads, bool) or not isinstance(threads, numbers.Integral):
            raise TypeError(f"threads must be a positive integer or None, got "
                            f"{type(threads).__name__} {threads!r}")
        if threads < 1:
            raise ValueError(f"threads must be a positive integer or None, got {threads}")
        threads = int(threads)
    if cache is not None and not isinstance(cache, bool):
        raise TypeError(f"cache must be True, False or None, got {type(cache).__name__} "
                        f"{cache!r}")
    module = load(src)
    stats: dict[str, float] = {}
    threads = threads or os.cpu_count() or 1
    store = Cache() if enabled(cache) else None
    kernel = _kernel(module, stats, threads, verify_each, store, debug_info)

    def variant(names: tuple[str, ...]):
        return _kernel(select_outputs(module, names), {}, threads, verify_each, store,
                       debug_info)
    return Executable(kernel, variant, stats)


def to_llvm_ir(module: ModuleOp, *, debug_info: bool = False):
    """The LLVM IR of a module lowered to the llvm dialect (`translate.Translation`), for
    this host, with DWARF line info if `debug_info`; CompileError, located, for what it
    cannot translate."""
    from runtime.jit import host_triple

    try:
        return translate(module, host_triple(), debug_info=debug_info)
    except TranslationError as err:
        diags = DiagnosticEngine()
        diags.error(str(err), err.location)
        raise CompileError.from_engine(diags) from None


def _kernel(module: Module, stats: dict[str, float], threads: int,
            verify_each: bool | None, store=None, debug_info: bool = False):
    """The graph's Kernel: loaded from `store` (a `runtime.cache.Cache`) if it holds this
    graph's code, else compiled (and stored there); with DWARF line info if
    `debug_info`."""
    from runtime.cache import Entry
    from runtime.jit import Code, Compilation, JITError, host_triple, load as load_code

    from .caching import cache_key

    inputs, outputs = signature(module)
    key = None
    if store is not None:
        start = time.perf_counter()
        key = cache_key(module, debug_info=debug_info)
        entry = store.load(key) if key is not None and verify_each is not True else None
        if entry is not None:
            try:
                facts = entry.facts
                code = Code(tuple(entry.blobs[f"object:{i}"] for i in range(facts["objects"])),
                            tuple(facts["constants"]),
                            tuple(facts["functions"]))
                constants = {name: np.frombuffer(entry.blobs[f"constant:{name}"], np.uint8)
                             for name in code.constants}
                machine = load_code(code, constants)
                kernel = _make_kernel(machine, str(facts["entry"]), inputs, outputs,
                                      int(facts["arena"]), int(facts["parallel_work"]),
                                      threads)
            except (KeyError, TypeError, ValueError, RuntimeError, JITError):
                store.reject(key)  # intact, but not laid out as this compiler stores it
            else:
                stats["cache-load"] = time.perf_counter() - start
                return kernel
        stats["cache-lookup"] = time.perf_counter() - start
    constants: dict[str, np.ndarray] = {}
    entry_name = arena = parallel_work = None
    with Compilation(stats) as llvm_work:
        with paused_gc():  # one pause (and one collection) for the passes and translation
            work = module.op.clone()
            lower(work, until=SPLIT_AFTER, source=module.source_path,
                  verify_each=verify_each, timings=stats, original=module.op.clone)
            # The parts finish lowering one by one; LLVM compiles each on other cores
            # while the next is lowered and, after the last, while the passes' garbage
            # is collected (`compiler.parts`, `runtime.jit.Compilation`).
            parts = split(work, _parts(work))
            host_triple()  # read before any worker forks: a worker calls no LLVM
            workers = worker_count(len(parts))

            def lower_part(index: int, in_worker: bool) -> Lowered:
                timings: dict[str, float] = {}
                part = parts[index]
                # A worker makes no reproducer (a failure is lowered again here, which
                # makes one); here, the part is made again should a stage crash.
                original = _no_reproducer if in_worker else _part_maker(module, index,
                                                                        len(parts))
                lower(part, after=SPLIT_AFTER, source=module.source_path,
                      verify_each=verify_each, timings=timings, original=original)
                start = time.perf_counter()
                fn = next((o for o in part.body.ops
                           if o.name == "llvm.func" and ARENA_SIZE_ATTR in o.attributes), None)
                graph = None if fn is None else (
                    fn.sym_name.data, fn.attributes[ARENA_SIZE_ATTR].value.data,
                    fn.attributes[PARALLEL_WORK_ATTR].value.data)
                translation = to_llvm_ir(part, debug_info=debug_info)
                text = translation.text
                timings["translate"] = time.perf_counter() - start
                return Lowered(text, translation.constants, timings, graph)

            def part_done(index: int, lowered: Lowered) -> None:
                nonlocal entry_name, arena, parallel_work
                llvm_work.submit(lowered.text, index)
                constants.update(lowered.constants)
                if lowered.graph is not None:
                    entry_name, arena, parallel_work = lowered.graph
                for name, seconds in lowered.timings.items():
                    stats[name] = stats.get(name, 0.0) + seconds

            lower_parts(len(parts), workers, lower_part, part_done)
            del work, parts
            start = time.perf_counter()
        stats["gc"] = time.perf_counter() - start  # the collection the pause put off
        code = llvm_work.result()
    start = time.perf_counter()
    machine = load_code(code, constants)
    stats["llvm-load"] = time.perf_counter() - start
    if key is not None:
        start = time.perf_counter()
        facts = {"entry": entry_name, "arena": arena, "parallel_work": parallel_work,
                 "objects": len(code.objects),
                 "constants": list(code.constants), "functions": list(code.functions)}
        blobs = {f"object:{i}": obj for i, obj in enumerate(code.objects)}
        for name in code.constants:
            blobs[f"constant:{name}"] = constants[name].tobytes()
        store.store(key, Entry(facts, blobs))
        stats["cache-store"] = time.perf_counter() - start
    return _make_kernel(machine, entry_name, inputs, outputs, arena, parallel_work, threads)


#: The stage after which a graph is dealt into parts (`compiler.parts`) of about
#: `PART_OPS` ops each (at most `MAX_PARTS`), lowered, translated and compiled one by one.
#: The earliest stage where that can be: the steps and kernels exist. Vectorizing
#: multiplies a network's ops about eightfold (MobileNetV2: 1,600 to 12,500), so parts
#: of 200 ops here are parts of ~1,500 ops at the end.
SPLIT_AFTER = "share-kernels"
PART_OPS = 200
MAX_PARTS = 8


def _no_reproducer() -> ModuleOp:
    raise RuntimeError("a compile worker leaves the reproducer to the process it serves")


def _part_maker(module: Module, index: int, count: int):
    """What makes part `index` of `count` of `module` again (for a reproducer: the
    stages up to the split are deterministic), instead of a copy of every part."""
    def make() -> ModuleOp:
        work = module.op.clone()
        lower(work, until=SPLIT_AFTER, source=module.source_path, verify_each=False)
        return split(work, count)[index]
    return make


def _parts(module: ModuleOp) -> int:
    ops = sum(1 for _ in module.walk())
    return max(1, min(MAX_PARTS, ops // PART_OPS))


def _make_kernel(machine, entry: str, inputs, outputs, arena: int, parallel_work: int,
                 threads: int):
    """A Kernel over loaded code: with the worker pool when the graph's work is worth
    more than one thread."""
    from passes import parallelize
    from runtime.executable import Kernel

    parallel = threads > 1 and parallel_work > 0
    return Kernel(machine, entry, inputs, outputs, arena, threads=threads,
                  spmd_entry=SPMD_ENTRY, pool=thread_pool() if parallel else None,
                  wait_for_workers=parallel_work >= parallelize.WAKE_WORK)


_pool = None
_pool_lock = threading.Lock()


def thread_pool():
    """The process's worker threads, whose native side is compiled on first use."""
    global _pool
    with _pool_lock:
        if _pool is None:
            from passes.spmd import support_module
            from runtime.jit import compile_object, load as load_code
            from runtime.workers import Pool

            code = compile_object(to_llvm_ir(support_module()).text)
            _pool = Pool(load_code(code, {}))
        return _pool


__all__ = ["compile", "lower", "to_llvm_ir", "Stage", "STAGES", "STAGE_NAMES"]
