"""The llvmlite JIT: LLVM IR text in, callable machine code out.

Code is optimized at O3 (without loop unrolling, see `_run_o3`) for the host CPU (its
name and features, so the vectorizer uses the widest vector unit present) with LLVM's new
pass manager, compiled to object files (one per part of the module, on a thread of its
own: `Compilation`; `Code` is what `runtime.cache` stores) and loaded by MCJIT. C math functions the code calls (`tanhf`, `erff`, ...) are resolved
from the C library of this process; large constants are mapped to numpy buffers the
executable owns.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import threading
import time
from dataclasses import dataclass, field

import llvmlite.binding as llvm
from llvmlite.binding.newpassmanagers import NewPassManager
import numpy as np

from .contract import ALIGNMENT

_lock = threading.Lock()
_initialized = False
_libm_cache: dict[str, int] = {}


#: Helpers LLVM's code generator may call on its own (half-precision conversions on
#: CPUs without F16C). MCJIT aborts the process on an unresolved symbol, so they are
#: registered up front from the GCC runtime library when it is present.
_CODEGEN_HELPERS = ("__truncdfhf2", "__truncsfhf2", "__extendhfsf2")


class _ThreadExempt:
    """The lock llvmlite takes around every call into LLVM, except on the threads that
    compile a part (`Compilation`).

    llvmlite serializes all its calls, as the C API it wraps does not say which calls
    may run at once. LLVM itself compiles modules of distinct contexts in parallel (its
    parallel code generation and ThinLTO back ends do): a part's thread parses its IR
    into a context of its own and optimizes and compiles it with its own target machine
    and passes, touching nothing another thread does. Every other call, on any thread,
    still takes the lock.
    """

    def __init__(self, inner):
        self.inner = inner
        self.local = threading.local()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        if getattr(self.local, "exempt", False):
            return True
        return self.inner.acquire(blocking, timeout)

    def release(self) -> None:
        if not getattr(self.local, "exempt", False):
            self.inner.release()


#: The exemptible lock, once installed in llvmlite (None where llvmlite is not laid out
#: as in the pinned version: the parts then compile on one thread, under the lock).
_EXEMPT: _ThreadExempt | None = None


def _install_exempt_lock() -> None:
    global _EXEMPT
    from llvmlite.binding import ffi

    outer = getattr(ffi.lib, "_lock", None)
    inner = getattr(outer, "_lock", None)
    if callable(getattr(inner, "acquire", None)) and callable(getattr(inner, "release", None)):
        _EXEMPT = _ThreadExempt(inner)
        outer._lock = _EXEMPT


def _exempt_from_llvmlite_lock() -> None:
    """Run on each thread of a `Compilation` (its pool's initializer)."""
    if _EXEMPT is not None:
        _EXEMPT.local.exempt = True


def _init() -> None:
    global _initialized
    with _lock:
        if not _initialized:
            _install_exempt_lock()
            llvm.initialize_native_target()
            llvm.initialize_native_asmprinter()
            try:
                gcc = ctypes.CDLL(ctypes.util.find_library("gcc_s") or "libgcc_s.so.1")
            except OSError:
                gcc = None
            for name in _CODEGEN_HELPERS:
                fn = getattr(gcc, name, None) if gcc is not None else None
                if fn is not None:
                    llvm.add_symbol(name, ctypes.cast(fn, ctypes.c_void_p).value)
            _initialized = True


@functools.cache
def host_triple() -> str:
    """The host's target triple (read once: compile workers must not call LLVM)."""
    _init()
    return llvm.get_process_triple()


def _target_machine():
    target = llvm.Target.from_triple(llvm.get_process_triple())
    return target.create_target_machine(cpu=llvm.get_host_cpu_name(),
                                        features=llvm.get_host_cpu_features().flatten(),
                                        opt=3, codemodel="jitdefault")


def _libm_address(name: str) -> int | None:
    if name not in _libm_cache:
        for lib in (ctypes.util.find_library("m"), ctypes.util.find_library("c"), None):
            try:
                handle = ctypes.CDLL(lib)
                _libm_cache[name] = ctypes.cast(getattr(handle, name), ctypes.c_void_p).value
                break
            except (OSError, AttributeError):
                continue
    return _libm_cache.get(name)


@dataclass
class Machine:
    """Loaded machine code; keeps the engine and every buffer it points at alive."""

    engine: object
    constants: dict[str, np.ndarray] = field(default_factory=dict)

    def address(self, name: str) -> int:
        return self.engine.get_function_address(name)


class JITError(Exception):
    """LLVM rejected the module (a compiler bug, reported with LLVM's message)."""


def optimize(ir_text: str) -> str:
    """The module after LLVM's O3 pipeline for this host (for `--emit=llvm-opt`)."""
    _init()
    module = llvm.parse_assembly(ir_text)
    _run_o3(module, _target_machine())
    return str(module)


def _run_o3(module, tm) -> None:
    with llvm.create_pipeline_tuning_options(speed_level=3) as pto:
        pto.loop_vectorization = True
        pto.slp_vectorization = True
        # The kernels come register-blocked and unrolled from the IR; LLVM unrolling
        # them again made a third of the optimizer's and the code generator's work
        # (MobileNetV2: 1.9 -> 1.2 s) and no kernel faster (W1-W5, MobileNetV2 within
        # noise). The vectorizer still interleaves the loops it vectorizes.
        pto.loop_unrolling = False
        with llvm.create_pass_builder(tm, pto) as pb:
            mpm = pb.getModulePassManager()
            try:
                mpm.run(module, pb)
            finally:
                _free_pass_manager(mpm)


def _free_pass_manager(mpm) -> None:
    """Free an llvmlite ModulePassManager, which never frees itself.

    In llvmlite 0.50 `ModulePassManager` derives from `ObjectRef` before
    `NewPassManager`, so ObjectRef's empty `_dispose` hides the one that frees the
    native object: every O3 pipeline (about 230 KB of passes) leaked on each compile.
    """
    if not mpm.closed:
        NewPassManager._dispose(mpm)
        mpm.detach()


@dataclass
class Code:
    """Machine code for this host, not yet loaded: object files (one per part of the
    module, see `Compilation`), the external constants they read and the C library
    functions they call (what a cache entry stores)."""

    objects: tuple[bytes, ...]
    constants: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()


def compile_object(ir_text: str, *, timings: dict[str, float] | None = None) -> Code:
    """`ir_text` optimized at O3 and compiled to an object file for this host.

    `timings` gets the CPU seconds spent parsing (`llvm-parse`), optimizing (`llvm-opt`)
    and generating machine code (`llvm-codegen`).
    """
    with Compilation(timings) as compilation:
        compilation.submit(ir_text)
        return compilation.result()


class Compilation:
    """LLVM compiling the parts of one module on worker threads while the caller goes on.

    A large graph is lowered in parts (`compiler.parts`); each part's IR text is handed
    over as soon as it is written, so LLVM optimizes and generates code for the first
    parts while Python lowers and translates the rest and then collects the passes'
    garbage (`pass_runner.paused_gc`). Each part has an LLVM context of its own and touches no
    other LLVM object, so the parts compile on as many threads as there are cores, free
    of llvmlite's process-wide lock (`_exempt_from_llvmlite_lock`). The parts' object
    files are loaded into one engine, which links their calls to each other.

    `timings` gets LLVM's CPU seconds on all parts (`llvm-parse`, `llvm-opt`,
    `llvm-codegen`) and how long `result` waited for them (`llvm-wait`).
    """

    def __init__(self, timings: dict[str, float] | None = None):
        from concurrent.futures import ThreadPoolExecutor

        _init()
        self.timings = timings
        threads = (os.cpu_count() or 1) if _EXEMPT is not None else 1
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="webnn-llvm",
                                        initializer=_exempt_from_llvmlite_lock)
        self._parts = []

    def submit(self, ir_text: str, index: int | None = None) -> None:
        """Compile a part; `index` orders the parts' objects in the `Code` (default: in
        the order they were submitted), whatever order they arrive in."""
        index = len(self._parts) if index is None else index
        self._parts.append((index, self._pool.submit(_compile_part, ir_text)))

    def result(self) -> Code:
        """Every part's code, once LLVM is done (JITError if it rejected one)."""
        start = time.perf_counter()
        parts = [part.result() for _, part in sorted(self._parts, key=lambda p: p[0])]
        if self.timings is not None:
            self.timings["llvm-wait"] = time.perf_counter() - start
            for part in parts:
                for name, seconds in part.laps.items():
                    self.timings[name] = self.timings.get(name, 0.0) + seconds
        constants = dict.fromkeys(c for part in parts for c in part.constants)
        defined = {f for part in parts for f in part.defined}
        functions = dict.fromkeys(f for part in parts for f in part.functions
                                  if f not in defined)  # not those of another part
        return Code(tuple(part.object for part in parts), tuple(constants),
                    tuple(functions))

    def __enter__(self) -> Compilation:
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Part:
    """The code of one part, what it defines and needs, and LLVM's laps on it."""

    object: bytes
    constants: tuple[str, ...]
    functions: tuple[str, ...]
    defined: tuple[str, ...]
    laps: dict[str, float]


def _compile_part(ir_text: str) -> _Part:
    laps: dict[str, float] = {}
    last = time.thread_time()  # this thread's CPU time: others may share the core

    def lap(name: str) -> None:
        nonlocal last
        now = time.thread_time()
        laps[name], last = now - last, now

    context = llvm.create_context()
    try:
        module = llvm.parse_assembly(ir_text, context)
        module.verify()
    except RuntimeError as err:
        raise JITError(f"LLVM rejected the generated IR: {err}") from None
    lap("llvm-parse")
    tm = _target_machine()
    _run_o3(module, tm)
    lap("llvm-opt")
    obj = tm.emit_object(module)
    lap("llvm-codegen")
    functions = tuple(fn.name for fn in module.functions
                      if fn.is_declaration and not fn.name.startswith("llvm."))
    defined = tuple(fn.name for fn in module.functions if not fn.is_declaration)
    # The optimizer drops constants nothing reads; the others are mapped at load time.
    constants = tuple(g.name for g in module.global_variables if g.is_declaration)
    module.close()  # before its context
    return _Part(obj, constants, functions, defined, laps)


def load(code: Code, constants: dict[str, np.ndarray]) -> Machine:
    """Load `code` into this process: its C functions resolved from the C library, its
    external constants mapped to aligned copies of `constants` that the Machine owns."""
    _init()
    for name in code.functions:
        address = _libm_address(name)
        if address is None:
            raise JITError(f"the C library has no function '{name}'")
        llvm.add_symbol(name, address)
    # The engine's own module only declares the constants, so that their addresses
    # can be mapped; the code comes from the object file.
    stub = llvm.parse_assembly("".join(
        f'@"{name}" = external global [{constants[name].nbytes} x i8], align {ALIGNMENT}\n'
        for name in code.constants))
    engine = llvm.create_mcjit_compiler(stub, _target_machine())
    owned = {}
    for name in code.constants:
        data = constants[name]
        buffer = aligned_empty(data.nbytes, np.uint8)
        buffer[:] = data.reshape(-1).view(np.uint8)
        owned[name] = buffer
        engine.add_global_mapping(stub.get_global_variable(name), buffer.ctypes.data)
    for obj in code.objects:
        engine.add_object_file(llvm.ObjectFileRef.from_data(obj))
    engine.finalize_object()
    return Machine(engine, owned)


def aligned_empty(shape, dtype, alignment: int = ALIGNMENT) -> np.ndarray:
    """An uninitialized array whose data starts on an `alignment`-byte boundary."""
    dtype = np.dtype(dtype)
    count = int(np.prod(shape, dtype=np.int64)) if np.ndim(shape) else int(shape)
    raw = np.empty(count * dtype.itemsize + alignment, dtype=np.uint8)
    start = (-raw.ctypes.data) % alignment
    return raw[start:start + count * dtype.itemsize].view(dtype).reshape(shape)


def assemble(ir_text: str) -> str:
    """Host assembly of `ir_text` after the O3 pipeline (for `--emit=asm`)."""
    _init()
    module = llvm.parse_assembly(ir_text)
    tm = _target_machine()
    _run_o3(module, tm)
    return tm.emit_assembly(module)
