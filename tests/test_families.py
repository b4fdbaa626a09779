"""The dialect's op families are the families of the lowering and the reference executor.

An op sits in one family: `dialects/webnn/ops/<family>.py` defines it,
`passes/webnn_to_linalg/<family>.py` lowers it, `runtime/reference_ops/<family>.py`
evaluates it, and `tests/jit/test_<family>.py` compares the two. Each of those modules
ends with a table of its ops (`OPS` in the dialect and the reference, `LOWERINGS` in the
lowering), and the registries are built from the tables, so comparing the tables compares
what runs. The graph family's one op, `constant`, holds data: the lowering pass and the
interpreter read it themselves, so it has no lowering or reference module.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import dialects.webnn as webnn
import passes.webnn_to_linalg as lowering
import runtime.reference_ops as reference
from dialects.webnn.base import WebNNOp

ROOT = Path(__file__).resolve().parents[1]

#: Families whose ops compute (all but graph).
COMPUTING = tuple(f.__name__.rsplit(".", 1)[1] for f in webnn.FAMILIES
                  if not f.__name__.endswith(".graph"))


def _family(module) -> str:
    return module.__name__.rsplit(".", 1)[1]


def _dialect_names(family: str) -> set[str]:
    module = importlib.import_module(f"dialects.webnn.ops.{family}")
    return {op.name.removeprefix("webnn.") for op in module.OPS}


def test_the_dialect_tables_hold_every_op_class_of_their_module():
    for module in webnn.FAMILIES:
        defined = {v for v in vars(module).values()
                   if isinstance(v, type) and issubclass(v, WebNNOp)
                   and v.__module__ == module.__name__
                   and isinstance(getattr(v, "name", None), str)}  # bases have no name
        assert set(module.OPS) == defined, _family(module)
        assert len(module.OPS) == len(set(module.OPS)), _family(module)


def test_the_families_are_the_same_modules_everywhere():
    assert [_family(m) for m in webnn.FAMILIES] == ["graph", *COMPUTING]
    assert lowering.FAMILIES == COMPUTING
    assert tuple(_family(m) for m in reference.FAMILIES) == COMPUTING
    helpers = {"lowering": {"__init__", "emitter", "framework"},
               "reference": {"__init__", "_common"}}
    for kind, folder in (("lowering", "passes/webnn_to_linalg"),
                         ("reference", "runtime/reference_ops")):
        modules = {p.stem for p in (ROOT / folder).glob("*.py")} - helpers[kind]
        assert modules == set(COMPUTING), folder
    jit = {p.stem.removeprefix("test_") for p in (ROOT / "tests/jit").glob("test_*.py")}
    assert set(COMPUTING) <= jit


def test_graph_holds_only_constant():
    assert _dialect_names("graph") == {"constant"}
    assert "constant" not in lowering.load_all()
    assert "constant" not in reference.REGISTRY


@pytest.mark.parametrize("family", COMPUTING)
def test_dialect_lowering_and_reference_tables_hold_the_same_ops(family):
    ops = _dialect_names(family)
    lowered = importlib.import_module(f"passes.webnn_to_linalg.{family}").LOWERINGS
    evaluated = importlib.import_module(f"runtime.reference_ops.{family}").OPS
    assert set(lowered) == ops, f"lowering of {family}: {sorted(set(lowered) ^ ops)}"
    assert set(evaluated) == ops, f"reference of {family}: {sorted(set(evaluated) ^ ops)}"


def test_together_the_tables_cover_every_op_once():
    tables = [_dialect_names(_family(m)) for m in webnn.FAMILIES]
    assert sum(len(t) for t in tables) == len(webnn.OPS_BY_NAME)
    assert set().union(*tables) == set(webnn.OPS_BY_NAME)
    computing = set(webnn.OPS_BY_NAME) - {"constant"}
    assert set(lowering.load_all()) == computing
    assert set(reference.REGISTRY) == computing
    assert len(computing) == 95  # the spec's MLGraphBuilder ops
