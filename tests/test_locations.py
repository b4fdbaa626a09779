"""Locations survive every stage: the full pipeline over every lit input leaves no op, at
any stage, without a file:line:col (a fused op keeps all of its parts' lines)."""

from pathlib import Path

import pytest

from compiler.compat import parse
from compiler.diagnostics import DiagnosticEngine, resolve
from compiler.ir import make_context, verify
from compiler.pass_runner import run_passes
from compiler.pipeline import STAGES
from compiler.source import SPLIT_MARKER, split_chunks

LIT = Path(__file__).resolve().parent / "lit"
INPUTS = sorted(p for p in LIT.rglob("*.mlir") if "Inputs" not in p.parts)


def unlocated(module) -> list[str]:
    return [op.name for op in module.walk() if resolve(op.location) is None]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(LIT)))
def test_every_op_keeps_a_location_through_every_stage(path):
    text = path.read_text(encoding="utf-8")
    problems = []
    for n, chunk in enumerate(split_chunks(text, bool(SPLIT_MARKER.search(text)))):
        module = parse(chunk, str(path), DiagnosticEngine(), make_context())
        if module is None or not verify(module, DiagnosticEngine()):
            continue  # an input that is meant to be refused
        problems += [f"chunk {n}, after parsing: {name}" for name in unlocated(module)]
        for stage in STAGES:
            # Verifying after each stage is other tests' business (and would double the time).
            if not run_passes(module, [stage.make()], DiagnosticEngine(), source=path,
                              verify_each=False):
                break  # a stage refusing this input: stop here
            problems += [f"chunk {n}, after {stage.flag}: {name}"
                         for name in unlocated(module)]
    assert problems == []


def test_the_scan_lowers_real_graphs_all_the_way():
    """The test above is not vacuous: the example graph reaches the llvm dialect."""
    example = Path(__file__).resolve().parents[1] / "examples" / "classifier.mlir"
    text = example.read_text(encoding="utf-8")
    module = parse(text, str(example), DiagnosticEngine(), make_context())
    seen = set()
    for stage in STAGES:
        diags = DiagnosticEngine()
        assert run_passes(module, [stage.make()], diags, source=example), diags.render_all()
        assert unlocated(module) == [], stage.flag
        seen |= {op.name for op in module.walk()}
    assert any(op.name == "llvm.func" for op in module.walk())
    # Its convolutions and matrix products went through the vector kernels.
    assert any(name.startswith("vector.") for name in seen)
