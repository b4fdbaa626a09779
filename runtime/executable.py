"""Executables: compiled graphs called with numpy arrays.

    exe = compiler.compile("model.mlir")
    exe.inputs            # [TensorInfo(name='x', dtype='float32', shape=(1, 4)), ...]
    out = exe(x=array)    # {'y': array}
    out = exe.run({"x": array}, outputs=["hidden"])   # any named value of the graph

Every call checks input names, dtypes and shapes before native code runs (a wrong input
is a `ValueError` naming it), never writes to its inputs, allocates fresh outputs and
reuses a per-thread arena for intermediates (aligned as `contract.py` promises the
compiled code), and calls the kernel through ctypes, which releases the GIL: one
executable may be called from several threads at once. A graph with steps worth
splitting runs each call on up to `threads` threads (default all cores), the caller and
the process's worker threads (`runtime/workers.py`).
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .jit import Machine, aligned_empty
from .contract import ALIGNMENT
from .values import NUMPY_DTYPES, scalar
from .workers import Pool


@dataclass(frozen=True)
class TensorInfo:
    """A named graph input or output."""

    name: str
    dtype: str
    shape: tuple[int, ...]


def _address(array: np.ndarray) -> int:
    """The data address of an array (through the buffer protocol: `ndarray.ctypes` costs
    microseconds per call; read-only and empty arrays take the slow way)."""
    try:
        return ctypes.addressof(ctypes.c_char.from_buffer(array))
    except (TypeError, ValueError):
        return array.ctypes.data


#: A kernel that may use several threads times its calls, run on the pool and on the
#: calling thread alone, and runs the way that was faster lately; every PROBE calls it
#: runs PROBE_CALLS calls the other way, so the choice follows the machine. The cost
#: model decides what is worth splitting; this catches what it cannot know: a machine
#: busy with other processes, where waiting at barriers for descheduled workers costs
#: more than a second thread saves.
PROBE = 32

#: Calls in a row a probe (and each warm-up turn) runs one way; all but the first are timed.
#: The first call on the pool after a run of calls alone finds its workers parked and
#: pays for waking them: timed alone, it made the threads look slower whenever the
#: kernel had once run alone for a while, so it never went back to them.
PROBE_CALLS = 2

#: False: a kernel that may use several threads always does (no timing, no probes).
ADAPTIVE = True

#: The first calls alternate between the two ways, PROBE_CALLS at a time (the very
#: first pays page faults).
WARMUP = 4 * PROBE_CALLS

#: Weight of a slower call in the smoothed call times; a faster one is taken as it is,
#: so that one probe suffices to switch to a way that became faster.
SMOOTHING = 0.25


def _smooth(average: float | None, sample: float) -> float:
    if average is None or sample < average:
        return sample
    return average + SMOOTHING * (sample - average)


class Kernel:
    """Compiled code: `main(inputs..., outputs..., arena)` and its SPMD form.

    A call is one native call of `main` on the calling thread, or, when the graph has
    split steps and may use several threads, one `Pool.run` of `main_spmd` in which the
    caller and up to `threads - 1` workers each make one native call (`runtime/workers.py`).
    A graph too small to split (the compiler's cost model) never wakes a worker; one that
    is split runs on several threads while that is the faster way (`PROBE`).
    """

    def __init__(self, machine: Machine, entry: str, inputs: Sequence[TensorInfo],
                 outputs: Sequence[TensorInfo], arena_size: int, *, threads: int = 1,
                 spmd_entry: str | None = None, pool: Pool | None = None,
                 wait_for_workers: bool = False):
        self.machine = machine
        self.inputs = list(inputs)
        self.outputs = list(outputs)
        self.arena_size = arena_size
        self.threads = threads
        n = len(self.inputs) + len(self.outputs) + 1
        self._main = ctypes.CFUNCTYPE(None, *([ctypes.c_void_p] * n))(machine.address(entry))
        parallel = threads > 1 and spmd_entry is not None and pool is not None
        self._pool = pool if parallel else None
        self._spmd = machine.address(spmd_entry) if parallel else 0
        self._wait = wait_for_workers
        #: Smoothed seconds of the recent calls run on one thread and on several.
        self._single: float | None = None
        self._multi: float | None = None
        #: Whether the last call ran on the pool (None: no call yet).
        self._threaded: bool | None = None
        self._calls = 0
        self._arenas = threading.local()
        # Every output of a call is carved out of one allocation, each 64-byte aligned.
        self._out_views, offset = [], 0
        for o in self.outputs:
            dtype = np.dtype(NUMPY_DTYPES[o.dtype])
            nbytes = dtype.itemsize * int(np.prod(o.shape, dtype=np.int64))
            self._out_views.append((offset, dtype, tuple(o.shape)))
            offset += -(-nbytes // ALIGNMENT) * ALIGNMENT
        self._out_bytes = offset + ALIGNMENT
        #: (name, numpy dtype, shape) of each input, for the checks of every call.
        self.input_checks = [(i.name, np.dtype(NUMPY_DTYPES[i.dtype]), tuple(i.shape))
                             for i in self.inputs]
        self.input_names = frozenset(i.name for i in self.inputs)
        self.output_names = tuple(o.name for o in self.outputs)

    @property
    def parallel(self) -> bool:
        """Whether calls run on several threads (the graph has steps worth splitting)."""
        return self._pool is not None

    def _arena(self) -> tuple[np.ndarray, int]:
        """This thread's arena and its address, reused across calls (a fresh one would
        page-fault anew); the threads of one call share the caller's."""
        arena = getattr(self._arenas, "buffer", None)
        if arena is None:
            array = aligned_empty(max(self.arena_size, 1), np.uint8)
            arena = self._arenas.buffer = (array, _address(array))
        return arena

    def __call__(self, arrays: Sequence[np.ndarray]) -> list[np.ndarray]:
        raw = np.empty(self._out_bytes, np.uint8)
        base = _address(raw)
        shift = -base % ALIGNMENT
        base += shift
        outs = [np.ndarray(shape, dtype, raw, shift + offset)
                for offset, dtype, shape in self._out_views]
        pointers = [*map(_address, arrays), *[base + v[0] for v in self._out_views],
                    self._arena()[1]]
        pool = self._pool
        if pool is None:
            self._main(*pointers)
            return outs
        # Time both ways of running the graph and take the faster (see PROBE).
        single, multi = self._single, self._multi
        self._calls = calls = self._calls + 1
        if not ADAPTIVE:
            threaded = True
        elif calls <= WARMUP or multi is None or single is None:
            threaded = (calls - 1) // PROBE_CALLS % 2 == 0
        else:
            threaded = (multi <= single) != (calls % PROBE < PROBE_CALLS)
        # Only a call that runs the way the one before it did is timed (PROBE_CALLS).
        timed, self._threaded = threaded == self._threaded, threaded
        start = time.perf_counter()
        if threaded and pool.run(self._spmd, pointers, self.threads, self._wait):
            if timed:
                self._multi = _smooth(multi, time.perf_counter() - start)
        else:
            self._main(*pointers)
            if timed:
                self._single = _smooth(single, time.perf_counter() - start)
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
            if names != kernel.output_names:
                kernel = self._kernel_for(names)
        return dict(zip(kernel.output_names, kernel(_kernel_inputs(kernel, inputs))))

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


def _kernel_inputs(kernel: Kernel, given: Mapping[str, np.ndarray]) -> list[np.ndarray]:
    """`check_inputs` with a fast path: inputs that are already contiguous arrays of the
    right names, dtypes and shapes cost one test per property (a small graph's call is a
    few microseconds; the general checks would double it)."""
    if type(given) is dict and given.keys() == kernel.input_names:
        arrays = []
        for name, dtype, shape in kernel.input_checks:
            value = given[name]
            if (type(value) is not np.ndarray or value.dtype != dtype
                    or value.shape != shape or not value.flags.c_contiguous):
                return check_inputs(kernel.inputs, given)
            arrays.append(value)
        return arrays
    return check_inputs(kernel.inputs, given)


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

