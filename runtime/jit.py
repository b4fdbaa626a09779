"""The llvmlite JIT: LLVM IR text in, callable machine code out.

Code is optimized at O3 for the host CPU (its name and features, so the vectorizer uses
the widest vector unit present) with LLVM's new pass manager, then loaded by MCJIT.
C math functions the code calls (`tanhf`, `erff`, ...) are resolved from the C library
of this process; large constants are mapped to numpy buffers the executable owns.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
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


def _init() -> None:
    global _initialized
    with _lock:
        if not _initialized:
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


def host_triple() -> str:
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
    assembly: str = ""

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


def compile_ir(ir_text: str, constants: dict[str, np.ndarray], *,
               keep_assembly: bool = False) -> Machine:
    """Optimize and JIT-compile `ir_text`; map external globals to `constants`."""
    _init()
    try:
        module = llvm.parse_assembly(ir_text)
        module.verify()
    except RuntimeError as err:
        raise JITError(f"LLVM rejected the generated IR: {err}") from None
    tm = _target_machine()
    _run_o3(module, tm)
    assembly = tm.emit_assembly(module) if keep_assembly else ""
    for fn in module.functions:
        if fn.is_declaration and not fn.name.startswith("llvm."):
            address = _libm_address(fn.name)
            if address is None:
                raise JITError(f"the C library has no function '{fn.name}'")
            llvm.add_symbol(fn.name, address)
    engine = llvm.create_mcjit_compiler(module, tm)
    owned = {}
    for name, data in constants.items():
        try:
            variable = module.get_global_variable(name)
        except NameError:
            continue  # the optimizer found the constant unused and dropped it
        buffer = aligned_empty(data.nbytes, np.uint8)
        buffer[:] = data
        owned[name] = buffer
        engine.add_global_mapping(variable, buffer.ctypes.data)
    engine.finalize_object()
    return Machine(engine, owned, assembly)


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
