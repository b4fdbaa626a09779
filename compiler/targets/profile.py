"""A target profile: what one WebNN backend accepts, in `MLContext.opSupportLimits()` form.

A browser answers `context.opSupportLimits()` with a dictionary (WebNN spec, "opSupportLimits"):

    {"preferredInputLayout": "nchw", "maxTensorByteLength": 2147483647,
     "input": {"dataTypes": [...], "rankRange": {"min": 0, "max": 5}}, "constant": ..., "output": ...,
     "conv2d": {"input": {...}, "filter": {...}, "bias": {...}, "output": {...}}, ...}

A `Profile` is that dictionary read into Python, plus what the browser does not say: a title,
the sources every row cites, parameter rules (resample2d axes, ...) and notes. The profile
files in `profiles/` are that JSON with a `"profile"` member for the metadata and, on each
row, `"source"` (a key of the profile's sources), `"row"` (the row of the source table it was
taken from) and `"note"`. A JSON pasted from a real browser has none of those and loads the
same way.

Older browsers return less (no `rankRange` before spec PR #828, no `maxTensorByteLength`):
an absent `rankRange` or byte limit is *unknown*, never "unlimited" (`None` here).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Every `MLOperandDataType` a browser may list (int4/uint4 included; this compiler's IR
#: has no 4-bit types, so they never occur in a graph).
DATA_TYPES = ("float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8",
              "int4", "uint4")

#: Top-level members of `MLOpSupportLimits` that are not operators.
TOP_LEVEL = ("preferredInputLayout", "maxTensorByteLength", "input", "constant", "output")

#: Row metadata kept beside `dataTypes`/`rankRange` in profile files (not browser output).
ROW_METADATA = ("source", "row", "note")


class TargetError(Exception):
    """A target name or profile file that cannot be used (a usage error in the tools)."""


@dataclass(frozen=True)
class TensorLimits:
    """One `MLTensorLimits`: the data types and ranks a tensor may have.

    `rank_range` None means the source gave none: unknown, not unlimited.
    """

    data_types: tuple[str, ...]
    rank_range: tuple[int, int] | None = None
    source: str | None = None
    row: str | None = None
    note: str | None = None

    def to_json(self, *, metadata: bool = False) -> dict:
        out: dict[str, Any] = {"dataTypes": list(self.data_types)}
        if self.rank_range is not None:
            out["rankRange"] = {"min": self.rank_range[0], "max": self.rank_range[1]}
        if metadata:
            for key in ROW_METADATA:
                value = getattr(self, key)
                if value is not None:
                    out[key] = value
        return out


@dataclass
class Profile:
    """What a backend accepts; see the module docstring."""

    name: str
    title: str = ""
    preferred_input_layout: str | None = None
    max_tensor_byte_length: int | None = None
    input: TensorLimits | None = None
    constant: TensorLimits | None = None
    output: TensorLimits | None = None
    #: op name (spec spelling, e.g. "conv2d") -> operand member name -> limits.
    ops: dict[str, dict[str, TensorLimits]] = field(default_factory=dict)
    #: op name -> {parameter: allowed values, "source": key, "severity": ..., "note": ...}.
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: source key -> what was read (repository, path, version).
    sources: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def op_support_limits(self) -> dict:
        """The dictionary a browser's `context.opSupportLimits()` returns for this backend."""
        out: dict[str, Any] = {}
        if self.preferred_input_layout is not None:
            out["preferredInputLayout"] = self.preferred_input_layout
        if self.max_tensor_byte_length is not None:
            out["maxTensorByteLength"] = self.max_tensor_byte_length
        for key in ("input", "constant", "output"):
            limits = getattr(self, key)
            if limits is not None:
                out[key] = limits.to_json()
        for op, operands in self.ops.items():
            out[op] = {name: limits.to_json() for name, limits in operands.items()}
        return out

    def cited_json(self) -> dict:
        """The profile file's form: metadata, and each row with its citation."""
        out: dict[str, Any] = {"profile": {"name": self.name, "title": self.title,
                                           "sources": self.sources, "rules": self.rules,
                                           "notes": self.notes}}
        out.update(self.op_support_limits())
        for key in ("input", "constant", "output"):
            limits = getattr(self, key)
            if limits is not None:
                out[key] = limits.to_json(metadata=True)
        for op, operands in self.ops.items():
            out[op] = {n: limits.to_json(metadata=True) for n, limits in operands.items()}
        return out


# ----------------------------------------------------------------------------- reading
def read_profile(path: str | Path, name: str | None = None) -> Profile:
    """A profile from a JSON file: one of ours, or a browser's `opSupportLimits()` output."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise TargetError(f"could not read target file '{path}': {err.strerror}") from None
    except UnicodeDecodeError:
        raise TargetError(f"target file '{path}' is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise TargetError(f"target file '{path}' is not JSON: {err.msg} at line {err.lineno} "
                          f"column {err.colno}") from None
    return from_json(data, name or path.stem, where=str(path))


def from_json(data: Any, name: str, *, where: str = "the target") -> Profile:
    """A profile from an `opSupportLimits()`-shaped dictionary (metadata optional)."""
    if not isinstance(data, dict):
        raise TargetError(f"{where} must hold a JSON object (what opSupportLimits() "
                          f"returns), not {type(data).__name__}")
    meta = data.get("profile", {})
    if not isinstance(meta, dict):
        raise TargetError(f"{where}: member 'profile' must be an object")
    profile = Profile(name=str(meta.get("name", name)), title=str(meta.get("title", "")),
                      rules=dict(meta.get("rules", {})), sources=dict(meta.get("sources", {})),
                      notes=list(meta.get("notes", [])))
    layout = data.get("preferredInputLayout")
    if layout is not None:
        if layout not in ("nchw", "nhwc"):
            raise TargetError(f"{where}: preferredInputLayout must be \"nchw\" or \"nhwc\", "
                              f"got {layout!r}")
        profile.preferred_input_layout = layout
    limit = data.get("maxTensorByteLength")
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise TargetError(f"{where}: maxTensorByteLength must be a non-negative integer, "
                              f"got {limit!r}")
        profile.max_tensor_byte_length = limit
    for key in ("input", "constant", "output"):
        if key in data:
            setattr(profile, key, _limits(data[key], f"{where}: {key}"))
    for op, operands in data.items():
        if op in TOP_LEVEL or op == "profile":
            continue
        if not isinstance(operands, dict):
            raise TargetError(f"{where}: member '{op}' must be an object of operand limits")
        profile.ops[op] = {operand: _limits(value, f"{where}: {op}.{operand}")
                           for operand, value in operands.items()}
    return profile


def _limits(value: Any, where: str) -> TensorLimits:
    if not isinstance(value, dict):
        raise TargetError(f"{where} must be an object with dataTypes (and rankRange)")
    types = value.get("dataTypes")
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise TargetError(f"{where}.dataTypes must be a list of data type names")
    unknown = [t for t in types if t not in DATA_TYPES]
    if unknown:
        raise TargetError(f"{where}.dataTypes holds '{unknown[0]}', which is not a WebNN "
                          f"data type ({', '.join(DATA_TYPES)})")
    ranks = value.get("rankRange")
    rank_range = None
    if ranks is not None:
        if not isinstance(ranks, dict) or not all(
                isinstance(ranks.get(k), int) and not isinstance(ranks.get(k), bool)
                and ranks[k] >= 0 for k in ("min", "max")):
            raise TargetError(f"{where}.rankRange must be {{\"min\": n, \"max\": m}} with "
                              "non-negative integers")
        rank_range = (ranks["min"], ranks["max"])
    meta = {k: value.get(k) for k in ROW_METADATA if isinstance(value.get(k), str)}
    return TensorLimits(tuple(types), rank_range, **meta)
