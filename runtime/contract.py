"""What compiled graphs and the runtime agree on: the one place these names are spelled.

The passes write them into the IR, the compiler reads them off the lowered module to build
a `Kernel`, and the runtime calls the code they describe:

* The graph function takes `(inputs..., outputs..., arena)`, one pointer each. Outputs
  and the arena are allocated by the runtime, aligned to `ALIGNMENT` bytes (the code may
  use aligned vector accesses on them); bufferize marks those arguments with
  `OUTPUT_ARG` and `ARENA_ARG`, and the function carries the arena's size in bytes as
  `ARENA_SIZE_ATTR`. Constants the code reads from memory are aligned the same way.
* Each op of the graph is a step function named `STEP_PREFIX<n>` taking the same
  pointers and a `[begin, end)` range of one parallel dimension; a step that may be
  split across threads carries that dimension's extent as `PARALLEL_EXTENT_ATTR`, and
  the graph function the sum of its split steps' work as `PARALLEL_WORK_ATTR` (0: the
  graph runs on the calling thread only).
* Every graph also has an SPMD entry, `SPMD_ENTRY(args, tid, nthreads, sync)`, which each
  thread of a call runs whole: `args` is the array of the graph function's pointers,
  `sync` the pool's barrier words (`PoolLayout.sync`).
* The runtime's worker pool runs generated code too (`WORKER_FN(state, k)`,
  `RUN_FN(state, fn, args, want, patience)`), sharing one array of 64-bit words laid out
  as `PoolLayout` says, whose worker slots move between the states `PARKED` .. `RUN`.

The contract lives in the runtime, the lower layer: the passes and the compiler import it
(the runtime imports neither), and it imports nothing of ours.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Byte alignment of every buffer the runtime passes (outputs, arena) and of constants.
ALIGNMENT = 64

#: Attribute of the graph function: the arena's size in bytes.
ARENA_SIZE_ATTR = "webnn.arena_size"
#: Argument attributes of the graph function: an output buffer, the arena.
OUTPUT_ARG = "webnn.output"
ARENA_ARG = "webnn.arena"

#: Step functions are named `step_0`, `step_1`, ... in the order the graph calls them.
STEP_PREFIX = "step_"
#: Attribute of a step function that may be split: the extent of its parallel dimension.
PARALLEL_EXTENT_ATTR = "webnn.parallel_extent"

#: Attribute of the graph function: the work of its split steps (0: nothing is split).
PARALLEL_WORK_ATTR = "webnn.parallel_work"

#: The graph's entry that every thread of a call runs.
SPMD_ENTRY = "main_spmd"
#: The pool's native functions: a worker's loop, and a call's dispatch and join.
WORKER_FN = "webnn_worker"
RUN_FN = "webnn_run"

#: The largest team of one call (the state array has a slot per possible worker).
MAX_TEAM = 1 << 10

#: States of a worker slot: parked (its thread waits outside native code), idle
#: (spinning), claimed by a caller, acknowledged by the worker, and RUN + tid: running
#: the published job as thread tid.
PARKED, IDLE, CLAIMED, ACKED, RUN = -1, 0, 1, 2, 16

#: 64-bit words per cache line.
LINE = 8


@dataclass(frozen=True)
class PoolLayout:
    """Word offsets in the pool's state array, each group on its own cache line.

    `job_fn`, `job_args`, `job_team`: the job (a graph's `SPMD_ENTRY`, its argument
    array, the team size); `activity`, bumped as each call starts and ends; `quit`,
    `spin`, `yields`, `slots`: settings the runtime writes; `sync`: two lines for the
    barrier of the running job; then one line per worker slot k = 1..slots.
    """

    job_fn: int = 0
    job_args: int = 1
    job_team: int = 2
    activity: int = 3
    quit: int = LINE
    spin: int = LINE + 1
    yields: int = LINE + 2
    slots: int = LINE + 3
    sync: int = 2 * LINE  # two lines: arrival count, then barrier generation
    workers: int = 4 * LINE

    def slot(self, k: int) -> int:
        """The word of worker slot k (1-based)."""
        return self.workers + (k - 1) * LINE

    def words(self, slots: int) -> int:
        return self.workers + slots * LINE


LAYOUT = PoolLayout()


def step_name(index: int) -> str:
    """The symbol of the graph's `index`-th step."""
    return f"{STEP_PREFIX}{index}"


def is_step(symbol: str) -> bool:
    """Whether a function symbol names a step."""
    return symbol.startswith(STEP_PREFIX)


__all__ = ["ALIGNMENT", "ARENA_SIZE_ATTR", "OUTPUT_ARG", "ARENA_ARG", "STEP_PREFIX",
           "PARALLEL_EXTENT_ATTR", "PARALLEL_WORK_ATTR", "SPMD_ENTRY", "WORKER_FN", "RUN_FN",
           "MAX_TEAM", "PARKED", "IDLE", "CLAIMED", "ACKED", "RUN", "LINE", "PoolLayout",
           "LAYOUT", "step_name", "is_step"]
