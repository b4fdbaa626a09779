"""The vector target the kernel passes generate code for: one place, read from the host.

A micro-kernel keeps an MR x NR block of results in vector registers, so its shape
depends on two facts about the CPU: how many float32 lanes a vector register holds and
how many vector registers there are. They come from the features llvmlite reports for
the host CPU (the same ones the JIT compiles for):

    avx512f -> 16 lanes, 32 registers (zmm0-31)
    avx2    ->  8 lanes, 16 registers (ymm0-15)
    else    ->  4 lanes, 32 registers (NEON-like: q0-31 on AArch64)

Passes take the target as an option (`vectorize-contractions{target=avx2}`) so a lit test
reads the same on every machine; `host` (the default) asks the running CPU.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from xdsl.passes import ModulePass


@dataclass(frozen=True)
class VectorTarget:
    """Float32 lanes per vector register and the number of vector registers."""

    name: str
    lanes: int
    registers: int


#: The targets by name (`host` picks one of them).
TARGETS = {t.name: t for t in (VectorTarget("avx512", 16, 32), VectorTarget("avx2", 8, 16),
                               VectorTarget("neon", 4, 32))}


@cache
def host_target() -> VectorTarget:
    """The target of the CPU this process runs on."""
    import llvmlite.binding as llvm

    features = llvm.get_host_cpu_features()
    if features.get("avx512f"):
        return TARGETS["avx512"]
    if features.get("avx2") or features.get("avx"):
        return TARGETS["avx2"]
    return TARGETS["neon"]


def vector_target(name: str) -> VectorTarget:
    """`host` or a name of `TARGETS`; ValueError for anything else."""
    if name == "host":
        return host_target()
    if name not in TARGETS:
        raise ValueError(f"unknown vector target '{name}'; expected host or "
                         + ", ".join(TARGETS))
    return TARGETS[name]


@dataclass(frozen=True)
class TargetedPass(ModulePass):
    """A pass that shapes code for a vector target, named by its `target` option (an
    unknown name is an error of the pipeline spec, raised when the pass is made)."""

    #: the vector target: `host`, or a name in `TARGETS`
    target: str = "host"

    def __post_init__(self):
        vector_target(self.target)
