"""Compile workers: some parts of a large graph finish lowering in forked processes.

Python lowers on one core at a time. Once a graph is dealt into parts (`compiler.parts`),
each part's remaining stages and its translation to LLVM IR depend on nothing but the
part, so forked copies of the compiler can take some of them while this process takes
the others, as `make -j` would: a worker gets the parts already in memory at no cost,
and sends back only what LLVM and the loader need (`Lowered`: the IR text, the external
constants, the stages' timings, the graph's facts). It ends with `os._exit` and never
collects the garbage of its passes, which is a good part of what lowering costs here.

Workers are an acceleration, never a dependency. A part a worker cannot lower (an error,
a crash, a worker killed or never heard from) is lowered again by this process, which
then reports the error with its diagnostics and reproducer as it always would. A worker
runs only the passes and the translation, pure Python on objects it owns: it calls no
LLVM (the host triple is read before the fork) and takes no lock another thread could
have held at the fork. Workers exist only where `os.fork` does and is safe to use this
way (Linux), for graphs of at least two parts; `WEBNN_COMPILE_WORKERS` sets how many
(0: none; default: one per core beyond the first, at most one per part but the first).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

#: The environment variable giving the number of worker processes.
WORKERS_ENV = "WEBNN_COMPILE_WORKERS"

#: A worker silent this many times longer than this process took for its own parts
#: (and at least `MIN_PATIENCE` seconds) is given up: its parts are lowered here.
PATIENCE = 4.0
MIN_PATIENCE = 5.0

_HEADER = struct.Struct("<Q")


@dataclass
class Lowered:
    """One part, lowered and translated: what the rest of the compile needs of it."""

    text: str
    constants: dict[str, np.ndarray] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    #: The graph function's facts (entry name, arena size, parallel work), if it is here.
    graph: tuple[str, int, int] | None = None


def worker_count(parts: int) -> int:
    """How many workers to fork for a graph of `parts` parts."""
    if parts < 2 or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 0
    wanted = os.environ.get(WORKERS_ENV, "").strip()
    if wanted:
        try:
            count = int(wanted)
        except ValueError:
            count = 0  # a malformed setting must not break compiling: no workers
    else:
        count = (os.cpu_count() or 1) - 1
    return max(0, min(count, parts - 1))


def lower_parts(count: int, workers: int, lower: Callable[[int, bool], Lowered],
                done: Callable[[int, Lowered], None]) -> None:
    """Lower parts 0..count-1 with `lower(index, in_worker)` and hand each result to
    `done` as soon as it is ready, some in `workers` forked processes (see the module
    docstring).

    This process lowers part 0 and every `workers + 1`-th after it; worker `w` lowers
    parts `w + 1`, `w + 1 + (workers + 1)`, ... Results arrive out of order.
    """
    pool = [_Worker.fork(range(w + 1, count, workers + 1), lower)
            for w in range(workers)] if workers else []
    pool = [w for w in pool if w is not None]
    mine = [i for i in range(count)
            if not any(i in w.indices for w in pool)]
    start = time.perf_counter()
    try:
        for index in mine:
            done(index, lower(index, False))
            for worker in pool:
                for i, result in worker.ready(timeout=0):
                    done(i, result)
        patience = max(MIN_PATIENCE, PATIENCE * (time.perf_counter() - start))
        deadline = time.monotonic() + patience
        for worker in pool:
            for i, result in worker.ready(until=deadline):
                done(i, result)
            for index in worker.missing():  # failed, crashed or too slow: done here
                done(index, lower(index, False))
    finally:
        for worker in pool:
            worker.close()


class _Worker:
    """A forked process lowering some parts, and the pipe its results come through."""

    def __init__(self, pid: int, fd: int, indices: Sequence[int]):
        self.pid, self.fd, self.indices = pid, fd, tuple(indices)
        self.buffer = bytearray()
        self.received: set[int] = set()
        self.finished = False

    @classmethod
    def fork(cls, indices: range, lower: Callable[[int, bool], Lowered]) -> _Worker | None:
        if not indices:
            return None
        read, write = os.pipe()
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns of fork in a process with threads: the worker touches
                # nothing another thread could hold (see the module docstring).
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except OSError:  # no processes left to fork: this process lowers them all
            os.close(read)
            os.close(write)
            return None
        if pid == 0:
            os.close(read)
            _serve(write, indices, lower)  # never returns
        os.close(write)
        return cls(pid, read, indices)

    def ready(self, *, timeout: float | None = None,
              until: float | None = None) -> Iterator[tuple[int, Lowered]]:
        """The results that have arrived: those already here (`timeout=0`), or all of
        them, waiting until the worker ends or the monotonic clock passes `until`."""
        while not self.finished:
            wait = timeout if until is None else max(0.0, until - time.monotonic())
            readable, _, _ = select.select([self.fd], [], [], wait)
            if not readable:
                return
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                self.finished = True
            self.buffer += chunk
            yield from self._messages()

    def _messages(self) -> Iterator[tuple[int, Lowered]]:
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if len(self.buffer) < _HEADER.size + size:
                return
            payload = bytes(self.buffer[_HEADER.size:_HEADER.size + size])
            del self.buffer[:_HEADER.size + size]
            index, result = pickle.loads(payload)
            if result is not None and index in self.indices and index not in self.received:
                self.received.add(index)
                yield index, result

    def missing(self) -> list[int]:
        """The parts this worker has not delivered (it is stopped first)."""
        self.close()
        return [i for i in self.indices if i not in self.received]

    def close(self) -> None:
        if self.pid:
            if not self.finished:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            os.waitpid(self.pid, 0)
            os.close(self.fd)
            self.pid = 0
            self.finished = True


def _serve(fd: int, indices: Sequence[int], lower: Callable[[int, bool], Lowered]) -> None:
    """The worker's life: lower its parts, send each, exit without cleaning up."""
    try:
        for index in indices:
            try:
                result = lower(index, True)
            except Exception:  # noqa: BLE001 - the parent lowers it again and reports
                result = None
            payload = pickle.dumps((index, result), protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(fd, _HEADER.pack(len(payload)) + payload)
    except BaseException:  # noqa: BLE001 - interrupted or the parent is gone
        pass
    finally:
        os._exit(0)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


__all__ = ["Lowered", "lower_parts", "worker_count", "WORKERS_ENV"]
