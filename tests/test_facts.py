"""Each fact is written once: the facts two layers share have one home, and no other
module spells them again.

* The compiler<->runtime contract (attribute and symbol names, alignment) lives in
  `runtime/contract.py`; the passes that write it and the compiler that reads it import
  it, so no other source file may hold one of its strings.
* The WebNN -> numpy data-type table lives in `runtime/values.py`; no other module may
  build a table from WebNN type names to numpy types. The dialect names the same types
  with the same sizes (it imports no numpy, so the two are compared here).
"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from dialects.webnn import types
from runtime import contract
from runtime.values import NUMPY_DTYPES, WEBNN_DTYPES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for package in ("compiler", "dialects", "passes", "runtime", "tools")
                 for p in (ROOT / package).rglob("*.py"))

CONTRACT_STRINGS = {contract.ARENA_SIZE_ATTR, contract.OUTPUT_ARG, contract.ARENA_ARG,
                    contract.STEP_PREFIX, contract.PARALLEL_EXTENT_ATTR}


def _strings(path: Path) -> list[tuple[str, int]]:
    """Every string constant of a module outside docstrings, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [(node.value, node.lineno) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_the_sources_are_found():
    assert len(SOURCES) > 50 and ROOT / "runtime" / "contract.py" in SOURCES


def test_contract_names_are_spelled_only_in_the_contract():
    spelled = [f"{path.relative_to(ROOT)}:{line}: {value!r}"
               for path in SOURCES if path != ROOT / "runtime" / "contract.py"
               for value, line in _strings(path)
               if value in CONTRACT_STRINGS or (value.startswith(contract.STEP_PREFIX)
                                                and value.removeprefix("step_").isdigit())]
    assert not spelled, "\n".join(spelled)


def test_the_finder_sees_a_spelled_name(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text('"""doc: webnn.arena_size"""\nX = "webnn.arena_size"\n')
    assert _strings(probe) == [("webnn.arena_size", 2)]


def _numpy_tables(path: Path) -> list[int]:
    """Lines of dict literals that map WebNN type names to numpy types."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict):
            continue
        keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        numpy_values = [v for v in node.values
                        if "np." in ast.unparse(v) or "numpy" in ast.unparse(v)]
        if len(keys & set(types.ALL)) >= 4 and numpy_values:
            found.append(node.lineno)
    return found


def test_one_numpy_dtype_table():
    homes = [f"{path.relative_to(ROOT)}:{line}" for path in SOURCES
             for line in _numpy_tables(path)]
    assert homes == [f"runtime/values.py:{_numpy_tables(ROOT / 'runtime' / 'values.py')[0]}"]


@pytest.mark.parametrize("name", types.ALL)
def test_dialect_and_runtime_agree_on_each_data_type(name):
    assert NUMPY_DTYPES[name].itemsize == types.ITEMSIZE[name]
    assert types.dtype_name(types.ELEMENT_TYPES[name]) == name
    assert WEBNN_DTYPES[NUMPY_DTYPES[name]] == name
    assert NUMPY_DTYPES[name].kind == ("f" if name.startswith("float")
                                       else "u" if name.startswith("uint") else "i")


def test_dialect_and_runtime_know_the_same_data_types():
    assert set(NUMPY_DTYPES) == set(types.ELEMENT_TYPES) == set(types.ITEMSIZE) \
        == set(types.ALL)
    assert NUMPY_DTYPES["float16"] == np.float16
