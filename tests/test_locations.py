"""Locations survive every stage: the full pipeline over every lit input leaves no op, at
any stage, without a file:line:col (a fused op keeps all of its parts' lines)."""

from pathlib import Path

import pytest

from compiler.diagnostics import DiagnosticEngine, resolve
from compiler.driver import SPLIT_MARKER, split_chunks
from compiler.ir import make_context, parse, verify
from compiler.pipeline import STAGES
from passes import all_passes

LIT = Path(__file__).resolve().parent / "lit"
INPUTS = sorted(p for p in LIT.rglob("*.mlir") if "Inputs" not in p.parts)


def unlocated(module) -> list[str]:
    return [op.name for op in module.walk() if resolve(op.location) is None]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(LIT)))
def test_every_op_keeps_a_location_through_every_stage(path):
    text = path.read_text(encoding="utf-8")
    table = all_passes()
    problems = []
    for n, chunk in enumerate(split_chunks(text, bool(SPLIT_MARKER.search(text)))):
        module = parse(chunk, str(path), DiagnosticEngine(), make_context())
        if module is None or not verify(module, DiagnosticEngine()):
            continue  # an input that is meant to be refused
        problems += [f"chunk {n}, after parsing: {name}" for name in unlocated(module)]
        ctx = make_context()
        for flag, _ in STAGES:
            pass_cls = table[flag]()
            p = (pass_cls(weights_dir=str(path.parent)) if flag == "convert-webnn-to-linalg"
                 else pass_cls())
            try:
                p.apply(ctx, module)
            except Exception:  # noqa: BLE001 - a stage refusing this input: stop here
                break
            problems += [f"chunk {n}, after {flag}: {name}" for name in unlocated(module)]
    assert problems == []


def test_the_scan_lowers_real_graphs_all_the_way():
    """The test above is not vacuous: the example graph reaches the llvm dialect."""
    example = Path(__file__).resolve().parents[1] / "examples" / "classifier.mlir"
    text = example.read_text(encoding="utf-8")
    module = parse(text, str(example), DiagnosticEngine(), make_context())
    ctx = make_context()
    table = all_passes()
    for flag, _ in STAGES:
        pass_cls = table[flag]()
        (pass_cls(weights_dir=str(example.parent)) if flag == "convert-webnn-to-linalg"
         else pass_cls()).apply(ctx, module)
        assert unlocated(module) == [], flag
    assert any(op.name == "llvm.func" for op in module.walk())
