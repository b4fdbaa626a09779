"""One-to-many lowering of every op of one dialect, in place, keeping locations.

The `convert-<dialect>-to-llvm` passes that do not need pattern matching (arith, vector)
share this walk: each op of the dialect is replaced by the ops its `lower` rule returns,
inserted before it at its location, and uses of its result move to the rule's value. An op
with no rule is not a crash: every such op is reported at its location, all at once.
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Operation, SSAValue

from .errors import PassError

#: A rule: the ops replacing `op` (in order) and the value standing for its result, or
#: None when the op cannot be lowered.
Rule = Callable[[Operation], "tuple[list[Operation], SSAValue | None] | None"]


def lower_each(module: ModuleOp, dialect: str, lower: Rule) -> None:
    """Replace every op of `dialect` in `module` by what `lower` returns for it."""
    problems = []
    for o in list(module.walk()):
        if o.dialect_name() != dialect:
            continue
        new = lower(o)
        if new is None:
            problems.append(("error", f"'{o.name}' cannot be lowered to llvm by this "
                             "compiler", o.location))
            continue
        ops, result = new
        for n in ops:
            n.location = o.location
            o.parent.insert_op_before(n, o)
        if o.results:
            o.results[0].replace_all_uses_with(result)
        o.detach()
        o.erase()
    if problems:
        raise PassError(problems)
