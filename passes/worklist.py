"""Upstream rewrite patterns applied to the ops they rewrite, not to every op.

xDSL's `PatternRewriteWalker` puts every op of the module on its worklist, tries every
pattern on each, and repeats the whole walk until nothing changes; its greedy applier
also erases every dead op on the way. For a pass whose patterns rewrite a handful of op
types among tens of thousands of ops (`lower-affine`: a few `affine.apply` in a
MobileNetV2 of 12,000 ops) that is nearly all of the pass's time (0.17 s there, 0.04 s
like this). `rewrite_ops` puts only the ops of the given types on the worklist (in the
walker's order) and, as the walker does, the ops the patterns create; like MLIR's
conversion passes, it leaves other dead ops alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Block, Operation, Region
from xdsl.pattern_rewriter import (
    GreedyRewritePatternApplier,
    PatternRewriteWalker,
    RewritePattern,
)


class _TargetedWalker(PatternRewriteWalker):
    """A walker whose worklist starts with the ops of `types` only."""

    def __init__(self, pattern: RewritePattern, types: tuple[type[Operation], ...]):
        super().__init__(pattern)
        self.types = types

    def _populate_worklist(self, op: Operation | Region | Block) -> None:
        for sub in op.walk(reverse=not self.walk_reverse,
                           region_first=not self.walk_regions_first):
            if isinstance(sub, self.types):
                self._worklist.push(sub)


def rewrite_ops(module: ModuleOp, patterns: Sequence[RewritePattern],
                types: tuple[type[Operation], ...]) -> None:
    """Apply `patterns` to every op of `types` in `module` until none is left to
    rewrite (and to the ops they create), without erasing dead ops."""
    pattern = patterns[0] if len(patterns) == 1 else \
        GreedyRewritePatternApplier(list(patterns), dce_enabled=False)
    _TargetedWalker(pattern, types).rewrite_module(module)


__all__ = ["rewrite_ops"]
