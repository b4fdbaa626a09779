"""Target profiles: what each WebNN backend accepts, and checking graphs against them.

A target is named (`cpu`, `tflite`, `coreml`, `ort`, `dml`, `spec-required`) or is a JSON
file shaped like a browser's `context.opSupportLimits()` answer. See `profile.py` for the
data, `spec.py` for the spec's tables, `cpu.py` for this compiler's own profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from dialects.webnn.options import did_you_mean

from .profile import DATA_TYPES, Profile, TargetError, TensorLimits, from_json, read_profile
from .spec import PROFILE_DIR

#: Chromium's WebNN backends, each a file in `profiles/`.
BACKENDS = ("tflite", "coreml", "ort", "dml")
#: Every named target, in the order the portability table shows them.
TARGET_NAMES = ("cpu", *BACKENDS, "spec-required")


def load_target(target: str | Path | dict | Profile) -> Profile:
    """A profile from a name, a JSON file path, an opSupportLimits() dict, or a Profile."""
    if isinstance(target, Profile):
        return target
    if isinstance(target, dict):
        return from_json(target, "custom")
    name = str(target)
    if name == "cpu":
        from .cpu import cpu_profile
        return cpu_profile()
    if name == "spec-required":
        from .spec import spec_required_profile
        return spec_required_profile()
    if name in BACKENDS:
        return read_profile(PROFILE_DIR / f"{name}.json", name)
    path = Path(name)
    if path.suffix == ".json" or path.exists():
        return read_profile(path)
    raise TargetError(f"unknown target '{name}'{did_you_mean(name, TARGET_NAMES)} (targets "
                      f"are {', '.join(TARGET_NAMES)}, 'all', or an opSupportLimits() JSON "
                      "file)")


def check(src, target: str | Path | dict | Profile = "cpu", *,
          dims: Mapping[str, int] | None = None) -> list:
    """The diagnostics (`compiler.diagnostics.Diagnostic` records) of checking a graph on a
    target: IR text, a path (of IR, or of a model a frontend reads: `.onnx`, `.webnn`, its
    symbolic dimensions bound by `dims`), a `Module` or a built graph; a target name, an
    opSupportLimits() JSON file or dict, or "all" (every named target). Empty = it runs.
    Each record has `.severity`, `.message`, `.position`, `.op`, `.target`, and the
    rewrite, where one exists, as a note; `.to_json()` gives the JSON record.
    """
    from ..frontends import load
    from .checker import check_graph

    module = load(src, dims=dims)
    names = TARGET_NAMES if target == "all" else (target,)
    return [f.diagnostic for name in names
            for f in check_graph(module.op, load_target(name))]


__all__ = ["BACKENDS", "TARGET_NAMES", "DATA_TYPES", "Profile", "TensorLimits", "check",
          "TargetError", "load_target"]
