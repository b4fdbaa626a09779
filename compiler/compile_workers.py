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
from collections.abc import Callable, Iterator
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
    docstring); results arrive out of order.

    The parts are dealt as they are asked for: each process takes the next index from a
    pipe holding one byte per part (a read of one byte takes one, whoever reads it), so a
    process slowed down by others on its core takes fewer parts.
    """
    if count > 255:
        raise ValueError("at most 255 parts can be dealt through the ticket pipe")
    tickets, write = os.pipe()
    os.write(write, bytes(range(count)))
    os.close(write)  # once the tickets are taken, every reader sees the end of the pipe
    pool = [w for w in (_Worker.fork(tickets, lower) for _ in range(workers)) if w]
    start = time.perf_counter()
    lowered_here: set[int] = set()
    try:
        while (index := _take(tickets)) is not None:
            done(index, lower(index, False))
            lowered_here.add(index)
            for worker in pool:
                for i, result in worker.ready(timeout=0):
                    done(i, result)
        patience = max(MIN_PATIENCE, PATIENCE * (time.perf_counter() - start))
        deadline = time.monotonic() + patience
        for worker in pool:
            for i, result in worker.ready(until=deadline):
                done(i, result)
            worker.close()  # done, or given up: its unsent parts are lowered below
        received = set().union(*(w.received for w in pool))
        for index in range(count):  # failed, crashed or too slow in a worker
            if index not in lowered_here and index not in received:
                done(index, lower(index, False))
    finally:
        for worker in pool:
            worker.close()
        os.close(tickets)


def _take(tickets: int) -> int | None:
    """The next part to lower, or None when all are taken."""
    ticket = os.read(tickets, 1)
    return ticket[0] if ticket else None


class _Worker:
    """A forked process lowering parts, and the pipe its results come through."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd
        self.buffer = bytearray()
        self.received: set[int] = set()
        self.finished = False

    @classmethod
    def fork(cls, tickets: int, lower: Callable[[int, bool], Lowered]) -> _Worker | None:
        read, write = os.pipe()
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns of fork in a process with threads: the worker touches
                # nothing another thread could hold (see the module docstring).
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except OSError:  # no processes left to fork: the others lower its share
            os.close(read)
            os.close(write)
            return None
        if pid == 0:
            os.close(read)
            _serve(tickets, write, lower)  # never returns
        os.close(write)
        return cls(pid, read)

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
            if result is not None and index not in self.received:
                self.received.add(index)
                yield index, result

    def close(self) -> None:
        """Stop the worker if it still runs (what it sent so far stays received)."""
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


def _serve(tickets: int, fd: int, lower: Callable[[int, bool], Lowered]) -> None:
    """The worker's life: take parts and lower them until none is left, send each, exit
    without cleaning up."""
    try:
        while (index := _take(tickets)) is not None:
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
