"""Locations survive every stage: the full pipeline over every lit input leaves no op, at
any stage, without a file:line:col (a fused op keeps all of its parts' lines)."""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from xdsl.passes import ModulePass

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


@dataclass(frozen=True)
class _RecordUnlocated(ModulePass):
    """Not a stage: notes the ops left without a location by the stage run before it."""

    name = "record-unlocated"
    where: str = ""
    problems: list[str] = field(default_factory=list)

    def apply(self, ctx, op) -> None:
        self.problems.extend(f"{self.where}: {name}" for name in unlocated(op))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(LIT)))
def test_every_op_keeps_a_location_through_every_stage(path):
    text = path.read_text(encoding="utf-8")
    problems: list[str] = []
    for n, chunk in enumerate(split_chunks(text, bool(SPLIT_MARKER.search(text)))):
        module = parse(chunk, str(path), DiagnosticEngine(), make_context())
        if module is None or not verify(module, DiagnosticEngine()):
            continue  # an input that is meant to be refused
        problems += [f"chunk {n}, after parsing: {name}" for name in unlocated(module)]
        # One run of the pipeline, each stage followed by the scan: a run per stage would
        # copy the module (for reproducers) and collect garbage 21 times, which cost more
        # than the stages. A stage refusing this input stops the run there, and the scans
        # before it have noted what they found.
        passes = []
        for stage in STAGES:
            passes += [stage.make(), _RecordUnlocated(f"chunk {n}, after {stage.flag}", problems)]
        # Verifying after each stage is other tests' business (test_stage_reparse lowers
        # every lit input verifying after every pass); here it would double the time.
        diags = DiagnosticEngine()
        if not run_passes(module, passes, diags, source=path, verify_each=False):
            # The pass runner reports a crash of any pass: it must have been a stage's.
            assert _RecordUnlocated.name not in diags.render_all(), diags.render_all()
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
