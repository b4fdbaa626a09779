"""One-to-many lowering of every op of one dialect, in place, keeping locations.

The `convert-<dialect>-to-llvm` passes that do not need pattern matching (arith, vector,
memref) share this walk: each op of the dialect is replaced by the ops its rule returns,
inserted before it at its location, and uses of its result move to the rule's value. An op
with no rule is not a crash: every such op is reported at its location, all at once (as
is an op whose rule raises `CannotLower`, with the rule's reason).

Rules are looked up by the op's exact class, in a table: one dictionary lookup per op,
where a chain of `isinstance` tests (each an ABC check: ops derive from an ABC) costs a
microsecond or more for the ops late in the chain, at 10,000 ops a pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from xdsl.ir import Operation, SSAValue

from .errors import PassError
from .ir_edit import replace_op

#: A rule: the ops replacing `op` (in order) and the value standing for its result, or
#: None when the op cannot be lowered.
Rule = Callable[[Operation], "tuple[list[Operation], SSAValue | None] | None"]


class CannotLower(Exception):
    """Raised by a rule for an op it cannot lower, with the reason (the message)."""


def lower_each(ops: Iterable[Operation], dialect: str,
               rules: Mapping[type[Operation], Rule]) -> None:
    """Replace each op of `ops` (a list made before: the new ops are not visited) that has
    a rule in `rules` by what the rule returns; report every op of `dialect` without a
    rule, or whose rule returns None or raises `CannotLower`, at its location."""
    problems = []
    prefix = dialect + "."
    for o in ops:
        rule = rules.get(type(o))
        try:
            new = rule(o) if rule is not None else None
        except CannotLower as err:
            problems.append(("error", str(err), o.location))
            continue
        if new is None:
            if o.name.startswith(prefix):
                problems.append(("error", f"'{o.name}' cannot be lowered to llvm by this "
                                 "compiler", o.location))
            continue
        new_ops, result = new
        replace_op(o, new_ops, (result,) if o.results else ())
    if problems:
        raise PassError(problems)
