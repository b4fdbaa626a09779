"""Worker threads that run compiled graphs with the caller: one native call per thread.

A graph compiled for several threads has an SPMD entry `main_spmd(args, tid, nthreads,
sync)` that every thread of a call runs whole (its slices of the split steps, barriers in
between). A `Pool` owns worker threads that wait in native code (`webnn_worker`, generated
IR; `passes/spmd.py` gives the protocol), and `Pool.run` makes one native call,
`webnn_run`, which claims idle workers, runs thread 0 in the caller and waits for the
workers it started: no Python runs between the caller's call and the workers' start, so
dispatching costs a few cache-line transfers per worker.

* One job at a time: a call that finds the pool busy (another Python thread's call in
  flight) is not queued; `run` returns 0 and the caller runs the graph alone, which is
  what several concurrent calls should do anyway.
* A claimed worker that does not answer within `patience` (it is descheduled: the machine
  is busy) is left out of the call, which then runs with fewer threads instead of
  waiting for the OS to schedule it.
* Idle workers spin, then yield, then park: after `spin` pauses and `yields` yields with
  no work a worker leaves native code and blocks on an event, using no CPU. `run` sets
  the events of parked workers; with `wait=True` (graphs long enough to pay ~0.1 ms of
  wake-up) it also claims them, and waits up to `WAKE_PATIENCE` for any worker it claims;
  otherwise the call runs with the workers that answer at once and the others wake up
  for the next call.
* Workers never hold a graph: they run a graph's code only between a `run`'s start and
  its join, so an executable can be freed at any time between calls. The pool's own
  native code lives as long as the pool. `shutdown()` (also at exit) stops and joins the
  threads; a forked child starts afresh, without the parent's threads.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import threading
import weakref
from collections.abc import Sequence

import numpy as np

from .jit import Machine, aligned_empty

#: Default pauses, then yields, an idle worker spins through before it parks (about a
#: millisecond in all on an idle machine: calls in a loop never find their workers parked).
SPIN = 20000
YIELDS = 200

#: Backoff steps (pauses, then yields) a call waits for claimed workers to answer: a
#: spinning worker answers within a microsecond; ~5 us bounds the loss when one is
#: descheduled. A call with `wait=True` (a long graph) waits up to `WAKE_PATIENCE`:
#: about as long as an idle worker spins, or a few of the yields of a worker that has
#: drifted into them (on a busy machine each may give the CPU away for a time slice).
PATIENCE = 200
WAKE_PATIENCE = SPIN + YIELDS


class Pool:
    """Worker threads for SPMD graph entries (see the module docstring).

    `layout` gives the word offsets of the shared state (`passes.spmd.PoolLayout`),
    `max_team` the largest team a claim can name; `machine` holds `webnn_worker` and
    `webnn_run`.
    """

    def __init__(self, machine: Machine, layout, max_team: int):
        self._machine = machine
        self._layout = layout
        self.max_team = max_team
        self._worker_fn = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_void_p, ctypes.c_int64)(
            machine.address("webnn_worker"))
        self._run_fn = ctypes.CFUNCTYPE(
            ctypes.c_int64, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
            ctypes.c_int64, ctypes.c_int64)(machine.address("webnn_run"))
        self._lock = threading.Lock()
        self._args = (ctypes.c_void_p * 16)()
        #: Backoff steps a call waits for the workers it claims (see `PATIENCE`).
        self.patience = PATIENCE
        self._start()
        me = weakref.ref(self)
        atexit.register(lambda: (p := me()) is not None and p.shutdown())
        os.register_at_fork(after_in_child=lambda: (p := me()) is not None and p._forked())

    def _start(self) -> None:
        """Fresh state, no threads (at creation, and in a forked child, which has none)."""
        layout = self._layout
        self._state = aligned_empty(layout.words(self.max_team - 1), np.int64)
        self._state[:] = 0
        self._state[layout.spin] = SPIN
        self._state[layout.yields] = YIELDS
        self._address = self._state.ctypes.data
        self._threads: list[threading.Thread] = []
        self._events: list[threading.Event] = []

    def _forked(self) -> None:
        # The parent's lock may have been held by a thread that does not exist here.
        self._lock = threading.Lock()
        self._start()

    # ------------------------------------------------------------------ calls
    def run(self, entry: int, pointers: Sequence[int], want: int, wait: bool) -> int:
        """Run `entry` on up to `want` threads (the caller is one); the team size, or 0 if
        the pool is busy with another call (the caller then runs the graph alone)."""
        if not self._lock.acquire(blocking=False):
            return 0
        try:
            want = min(want, self.max_team)
            if len(self._threads) < want - 1:
                self._grow(want - 1)
            state, slot = self._state, self._layout.slot
            patience = max(self.patience, WAKE_PATIENCE) if wait else self.patience
            for k in range(1, want):
                if state[slot(k)] < 0:  # parked: wake it (and wait for it, if asked)
                    if wait:
                        state[slot(k)] = 0  # idle: the call may claim it at once
                    self._events[k - 1].set()
            if len(pointers) > len(self._args):
                self._args = (ctypes.c_void_p * len(pointers))()
            args = self._args
            args[:len(pointers)] = pointers
            return self._run_fn(self._address, entry, ctypes.addressof(args), want, patience)
        finally:
            self._lock.release()

    def _grow(self, workers: int) -> None:
        for k in range(len(self._threads) + 1, workers + 1):
            event = threading.Event()
            thread = threading.Thread(target=_serve, name=f"webnn-worker-{k}", daemon=True,
                                      args=(self._worker_fn, self._address, k, event))
            self._events.append(event)
            self._threads.append(thread)
            thread.start()
        self._state[self._layout.slots] = workers

    # ------------------------------------------------------------------ control
    def configure(self, *, spin: int | None = None, yields: int | None = None,
                  patience: int | None = None) -> None:
        """How long idle workers spin (pauses), then yield, before they park; how long a
        call waits for the workers it claims to answer (backoff steps)."""
        if spin is not None:
            self._state[self._layout.spin] = spin
        if yields is not None:
            self._state[self._layout.yields] = yields
        if patience is not None:
            self.patience = patience

    @property
    def workers(self) -> int:
        """Worker threads started (the calling thread of a job is not one of them)."""
        return len(self._threads)

    def parked(self) -> int:
        """How many workers are parked (blocked outside native code, using no CPU)."""
        return sum(1 for k in range(1, len(self._threads) + 1)
                   if self._state[self._layout.slot(k)] < 0)

    def shutdown(self) -> None:
        """Stop and join every worker; a later `run` starts new ones."""
        with self._lock:
            self._state[self._layout.quit] = 1
            for event in self._events:
                event.set()
            for thread in self._threads:
                thread.join()
            self._start()


def _serve(worker, state: int, k: int, event: threading.Event) -> None:
    """A worker thread: native code until it parks, then a blocking wait to be woken."""
    while worker(state, k) == 0:
        event.wait()
        event.clear()
