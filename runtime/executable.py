"""Executables: compiled graphs called with numpy arrays.

    exe = compiler.compile("model.mlir")
    exe.inputs            # [TensorInfo(name='x', dtype='float32', shape=(1, 4)), ...]
    out = exe(x=array)    # {'y': array}
    out = exe.run({"x": array}, outputs=["hidden"])   # any named value of the graph

Every call checks input names, dtypes and shapes before native code runs (a wrong input
is a `ValueError` naming it), never writes to its inputs, allocates fresh outputs and a
private arena for intermediates (aligned as `contract.py` promises the compiled code), and
calls the kernel through ctypes, which releases the GIL: one executable may be called from
several threads at once, and large steps of one call run as slices on a shared thread
pool (`threads`, default all cores).
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from .jit import Machine, aligned_empty
from .values import NUMPY_DTYPES, scalar


@dataclass(frozen=True)
class TensorInfo:
    """A named graph input or output."""

    name: str
    dtype: str
    shape: tuple[int, ...]


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _thread_pool() -> ThreadPoolExecutor:
    """One process-wide pool; kernels' slices run there while the GIL is released."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1,
                                       thread_name_prefix="webnn")
        return _pool


@dataclass(frozen=True)
class Step:
    """One step of a graph: `name(buffers..., begin, end)`; `extent` > 1 if splittable."""

    name: str
    extent: int


class Kernel:
    """Compiled code: main(inputs..., outputs..., arena) and the steps main calls.

    With one thread, a call is one call of `main` (LLVM has inlined the steps). With
    more, the runtime walks the steps itself and runs each splittable one as `threads`
    slices of its parallel dimension, the calling thread taking the first.
    """

    def __init__(self, machine: Machine, entry: str, inputs: Sequence[TensorInfo],
                 outputs: Sequence[TensorInfo], arena_size: int,
                 steps: Sequence[Step] = (), threads: int = 1):
        self.machine = machine
        self.inputs = list(inputs)
        self.outputs = list(outputs)
        self.arena_size = arena_size
        self.threads = threads
        n = len(self.inputs) + len(self.outputs) + 1
        self._main = ctypes.CFUNCTYPE(None, *([ctypes.c_void_p] * n))(machine.address(entry))
        step_type = ctypes.CFUNCTYPE(None, *([ctypes.c_void_p] * n),
                                     ctypes.c_int64, ctypes.c_int64)
        self._steps = [(step_type(machine.address(s.name)), s.extent) for s in steps]
        self._parallel = threads > 1 and any(extent > 1 for _, extent in self._steps)
        self._arenas = threading.local()

    def _arena(self) -> np.ndarray:
        """This thread's arena, reused across calls (a fresh one would page-fault anew)."""
        arena = getattr(self._arenas, "buffer", None)
        if arena is None:
            arena = self._arenas.buffer = aligned_empty(max(self.arena_size, 1), np.uint8)
        return arena

    def __call__(self, arrays: Sequence[np.ndarray]) -> list[np.ndarray]:
        outs = [aligned_empty(o.shape, NUMPY_DTYPES[o.dtype]) for o in self.outputs]
        arena = self._arena()
        pointers = [*[a.ctypes.data for a in arrays], *[o.ctypes.data for o in outs],
                    arena.ctypes.data]
        if not self._parallel:
            self._main(*pointers)
            return outs
        pool = _thread_pool()
        for fn, extent in self._steps:
            parts = min(self.threads, extent)
            if parts < 2:
                fn(*pointers, 0, max(extent, 1))
                continue
            bounds = [(i * extent // parts, (i + 1) * extent // parts) for i in range(parts)]
            futures = [pool.submit(fn, *pointers, b, e) for b, e in bounds[1:]]
            fn(*pointers, *bounds[0])
            for f in futures:
                f.result()
        return outs


class Executable:
    """A compiled graph (see the module docstring)."""

    def __init__(self, kernel: Kernel,
                 variant: Callable[[tuple[str, ...]], Kernel] | None = None,
                 stats: Mapping[str, float] | None = None):
        self._kernel = kernel
        self._variant = variant
        self._variants: dict[tuple[str, ...], Kernel] = {}
        self._lock = threading.Lock()
        #: seconds spent per compilation stage
        self.stats = dict(stats or {})

    @property
    def inputs(self) -> list[TensorInfo]:
        return list(self._kernel.inputs)

    @property
    def outputs(self) -> list[TensorInfo]:
        return list(self._kernel.outputs)

    def __call__(self, **inputs: np.ndarray) -> dict[str, np.ndarray]:
        return self.run(inputs)

    def run(self, inputs: Mapping[str, np.ndarray],
            outputs: Sequence[str] | None = None) -> dict[str, np.ndarray]:
        """Run the graph; `outputs` may name any value of the graph (default: its outputs)."""
        kernel = self._kernel
        if outputs is not None:
            names = output_names(outputs)
            if names != tuple(o.name for o in kernel.outputs):
                kernel = self._kernel_for(names)
        arrays = check_inputs(kernel.inputs, inputs)
        return dict(zip((o.name for o in kernel.outputs), kernel(arrays)))

    def _kernel_for(self, names: tuple[str, ...]) -> Kernel:
        if not names:
            raise ValueError("outputs must name at least one value")
        with self._lock:
            if names not in self._variants:
                if self._variant is None:
                    raise ValueError("this executable cannot produce other outputs")
                self._variants[names] = self._variant(names)
            return self._variants[names]


def output_names(outputs) -> tuple[str, ...]:
    """`outputs` as a tuple of distinct names (a str is one name, not a list of letters)."""
    if isinstance(outputs, str) or not isinstance(outputs, Sequence):
        raise TypeError(f"outputs must be a list of value names, got "
                        f"{type(outputs).__name__} {outputs!r}")
    names = tuple(outputs)
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"outputs must be a list of value names, got "
                            f"{type(name).__name__} {name!r} in it")
    repeated = next((n for i, n in enumerate(names) if n in names[:i]), None)
    if repeated is not None:
        raise ValueError(f"outputs names '{repeated}' twice; each output is returned once "
                         "under its name")
    return names


def check_inputs(infos: Sequence[TensorInfo], given: Mapping[str, np.ndarray]
                 ) -> list[np.ndarray]:
    """The arrays for `infos`, in order; a ValueError names any wrong or missing input."""
    if not isinstance(given, Mapping):
        raise TypeError(f"inputs must map input names to arrays, got {type(given).__name__}")
    names = [i.name for i in infos]
    unknown = sorted(set(given) - set(names))
    if unknown:
        raise ValueError(f"unknown input '{unknown[0]}'; the graph's inputs are "
                         + ", ".join(names))
    arrays = []
    for info in infos:
        if info.name not in given:
            raise ValueError(f"missing input '{info.name}' ({info.dtype} {list(info.shape)})")
        value = given[info.name]
        if not isinstance(value, np.ndarray):
            if info.shape != ():
                raise ValueError(f"input '{info.name}' must be a numpy array, got "
                                 f"{type(value).__name__}")
            try:  # a scalar input may be given as a number of its type
                value = scalar(value, info.dtype, f"input '{info.name}'")
            except TypeError as err:  # every wrong input is a ValueError here
                raise ValueError(str(err)) from None
        if value.dtype != np.dtype(NUMPY_DTYPES[info.dtype]):
            raise ValueError(f"input '{info.name}' has dtype {value.dtype}, expected "
                             f"{np.dtype(NUMPY_DTYPES[info.dtype])} ({info.dtype})")
        if tuple(value.shape) != tuple(info.shape):
            raise ValueError(f"input '{info.name}' has shape {list(value.shape)}, expected "
                             f"{list(info.shape)}")
        # Kernels read inputs in row-major order and never write them. (ascontiguousarray
        # makes a 0-d array 1-d; the reference executor needs the shape kept.)
        arrays.append(np.ascontiguousarray(value).reshape(value.shape))
    return arrays
