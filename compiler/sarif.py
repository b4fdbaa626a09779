"""Diagnostics as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format).

Code-scanning services and editors read SARIF: one `run` per tool invocation, one `result`
per diagnostic with its level, message and physical location (file URI, 1-based line and
column). Notes (a rewrite that would make an op run, a secondary place) become the
result's `relatedLocations`; the op and the target a result is about are `properties`.
A node of a model file without lines (an ONNX model: line 0) has no region: its place is
the artifact plus a logical location naming the node (its op type as `properties.kind`).

    {"version": "2.1.0", "$schema": ..., "runs": [{"tool": {"driver": {"name": "webnn-opt",
      ...}}, "results": [{"ruleId": "target/coreml", "level": "error", "message": {...},
      "locations": [{"physicalLocation": {"artifactLocation": {"uri": ...},
                                          "region": {"startLine": 12, "startColumn": 5}}}]}]}]}
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from .diagnostics import Diagnostic, Position

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"

#: Our severities -> SARIF result levels ("remark" is informational).
LEVELS = {"error": "error", "warning": "warning", "note": "note", "remark": "note"}

#: The rules results refer to (ruleId -> description).
RULES = {
    "input": "the input could not be read, parsed or verified",
    "op": "an op breaks a rule of the WebNN spec, or a stage cannot handle it",
    "target": "the target backend cannot run this (see the target's profile)",
    "compile": "the graph could not be compiled",
}


def to_sarif(diagnostics: list[Diagnostic], tool: str, version: str = "0.1.0") -> dict:
    """A SARIF 2.1.0 log of one run of `tool` reporting `diagnostics`."""
    results = [_result(d) for d in diagnostics]
    used = sorted({r["ruleId"].split("/")[0] for r in results})
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": tool, "version": version,
                "informationUri": "https://www.w3.org/TR/webnn/",
                "rules": [{"id": rule, "shortDescription": {"text": RULES[rule]}}
                          for rule in used],
            }},
            "results": results,
        }],
    }


def _result(d: Diagnostic) -> dict:
    out: dict = {"ruleId": _rule(d), "level": LEVELS.get(d.severity, "none"),
                 "message": {"text": d.message}}
    if d.position is not None:
        out["locations"] = [_location(d.position)]
    related = [dict(_location(n.position), id=i, message={"text": n.message})
               for i, n in enumerate(d.notes) if n.position is not None]
    if related:
        out["relatedLocations"] = related
    unplaced = [n.message for n in d.notes if n.position is None]
    properties = {k: v for k, v in (("op", d.op), ("target", d.target),
                                    ("notes", unplaced or None)) if v is not None}
    if properties:
        out["properties"] = properties
    return out


def _rule(d: Diagnostic) -> str:
    if d.target is not None:
        return f"target/{d.target}"
    if d.op is not None:
        return "op"
    if d.position is not None:
        return "input"
    return "compile"


def _location(position: Position) -> dict:
    physical: dict = {"artifactLocation": {"uri": _uri(position.file)}}
    if position.line >= 1:
        physical["region"] = {"startLine": position.line,
                              "startColumn": max(position.column, 1)}
    out: dict = {"physicalLocation": physical}
    if position.node is not None:
        node: dict = {"name": position.node}
        if position.kind is not None:
            node["properties"] = {"kind": position.kind}
        out["logicalLocations"] = [node]
    return out


def _uri(file: str) -> str:
    """A URI reference for a file name: absolute paths as file: URIs, others relative."""
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(file.replace("\\", "/"), safe="/._-~")
