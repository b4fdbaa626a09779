"""The WebNN spec's per-op tensor limits (`profiles/spec.json`), and how ops meet them.

For every op and operand the spec states the *allowed* data types and ranks (what an
implementation may accept) and the *required* ones (what every implementation must accept,
spec PR #910). `spec-required` is the profile of that minimum: a graph that passes it runs
on every conforming browser. The allowed ranks are also the ranks this compiler's dialect
enforces, so the `cpu` profile takes them from here.

The dialect names operands as the spec's builder methods do; the limits dictionaries name a
few differently (isNaN's `input` is `a` in `MLLogicalNotSupportLimits`) and number multiple
outputs (`output0`, `output1`, ... for gru/lstm, `outputs` for split). `member()` and
`result_members()` translate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .profile import DATA_TYPES, Profile, TensorLimits

PROFILE_DIR = Path(__file__).parent / "profiles"

#: (op, dialect operand) -> member name in the op's limits dictionary, where they differ.
_MEMBER_ALIASES = {("isNaN", "input"): "a", ("isInfinite", "input"): "a"}


@dataclass(frozen=True)
class SpecRow:
    """One operand row of a spec tensor-limits table."""

    #: Allowed data types, or None when `same_as` names the operand whose type it must have.
    allowed: tuple[str, ...] | None
    same_as: str | None
    required: tuple[str, ...]
    #: Allowed ranks (max None = no bound), or None when `ranks_same_as` says whose rank.
    allowed_ranks: tuple[int, int | None] | None
    ranks_same_as: str | None
    required_ranks: tuple[int, int]
    source: str
    note: str | None = None


@cache
def spec_table() -> dict[str, dict[str, SpecRow]]:
    """op -> member -> SpecRow, from `profiles/spec.json`."""
    data = json.loads((PROFILE_DIR / "spec.json").read_text(encoding="utf-8"))
    table: dict[str, dict[str, SpecRow]] = {}
    for op, operands in data.items():
        if op == "profile":
            continue
        rows = {}
        for name, row in operands.items():
            allowed, ranks = row["allowed"], row["allowedRanks"]
            rows[name] = SpecRow(
                allowed=tuple(allowed["dataTypes"]) if "dataTypes" in allowed else None,
                same_as=allowed.get("sameAs"),
                required=tuple(row["required"]),
                allowed_ranks=None if "sameAs" in ranks else (ranks["min"], ranks["max"]),
                ranks_same_as=ranks.get("sameAs"),
                required_ranks=(row["requiredRanks"]["min"], row["requiredRanks"]["max"]),
                source=row["source"], note=row.get("note"))
        table[op] = rows
    return table


def spec_sources() -> dict[str, str]:
    data = json.loads((PROFILE_DIR / "spec.json").read_text(encoding="utf-8"))
    return dict(data["profile"]["sources"])


def allowed_types(op: str, member: str) -> tuple[str, ...]:
    """The spec's allowed data types of a member, following `same as` links."""
    found = _linked(op, member, "allowed", "same_as")
    return found if found is not None else DATA_TYPES


def allowed_ranks(op: str, member: str) -> tuple[int, int | None]:
    """The spec's allowed ranks of a member (max None = unbounded), following links."""
    found = _linked(op, member, "allowed_ranks", "ranks_same_as")
    return found if found is not None else (0, None)


def _linked(op: str, member: str, field: str, link: str):
    """`field` of a member's row, or of the row its `link` ("same as") chain leads to."""
    rows = spec_table()[op]
    row = rows[member]
    seen = {member}
    while getattr(row, field) is None and getattr(row, link) in rows \
            and getattr(row, link) not in seen:
        seen.add(getattr(row, link))
        row = rows[getattr(row, link)]
    return getattr(row, field)


def member(op: str, operand: str) -> str:
    """The limits member that constrains dialect operand `operand` of `op`."""
    return _MEMBER_ALIASES.get((op, operand), operand)


def result_members(op: str, count: int) -> list[str]:
    """The limits members of an op's `count` results, in order."""
    rows = spec_table().get(op, {})
    if "outputs" in rows:
        return ["outputs"] * count
    if "output0" in rows:
        return [f"output{i}" for i in range(count)]
    return ["output"] * count


def same_as(op: str, member_name: str) -> str | None:
    """The member whose data type this one must equal in the spec (binary `b` -> `a`)."""
    row = spec_table().get(op, {}).get(member_name)
    return row.same_as if row is not None else None


@cache
def spec_required_profile() -> Profile:
    """Every op's *required* data types and ranks: what a graph may rely on anywhere.

    The spec states no minimum for graph inputs, constants, outputs, the byte length or
    the layout, so those are left out (unknown).
    """
    ops = {op: {name: TensorLimits(row.required, row.required_ranks, source=row.source,
                                   row="required data types / required ranks",
                                   note=row.note)
                for name, row in rows.items()}
           for op, rows in spec_table().items()}
    return Profile(
        name="spec-required",
        title="what every conforming WebNN implementation must support (spec minimum)",
        ops=ops, sources=spec_sources(),
        notes=["the spec states no minimum for graph inputs, constants, outputs, "
               "maxTensorByteLength or preferredInputLayout: they are not checked"])
