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
  split across threads carries that dimension's extent as `PARALLEL_EXTENT_ATTR`.

The contract lives in the runtime, the lower layer: the passes and the compiler import it
(the runtime imports neither), and it imports nothing at all.
"""

from __future__ import annotations

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


def step_name(index: int) -> str:
    """The symbol of the graph's `index`-th step."""
    return f"{STEP_PREFIX}{index}"


def is_step(symbol: str) -> bool:
    """Whether a function symbol names a step."""
    return symbol.startswith(STEP_PREFIX)


__all__ = ["ALIGNMENT", "ARENA_SIZE_ATTR", "OUTPUT_ARG", "ARENA_ARG", "STEP_PREFIX",
           "PARALLEL_EXTENT_ATTR", "step_name", "is_step"]
