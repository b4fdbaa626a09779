"""The one pass runner (compiler/pass_runner.py): failures located, verification between
passes on request, weights beside the IR file, the same for every tool and `compile`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp, StringAttr
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
    op_type_rewrite_pattern,
)

import compiler.pass_runner as pass_runner
from compiler.cli import webnn_opt
from compiler.compat import parse
from compiler.diagnostics import DiagnosticEngine
from compiler.pass_runner import make_pass, parse_pipeline, run_passes, verify_each_default
from compiler.source import UsageError
from dialects.webnn.ops.elementwise import ReluOp

GRAPH = """builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}
"""


def module() -> tuple[ModuleOp, DiagnosticEngine]:
    diags = DiagnosticEngine()
    parsed = parse(GRAPH, "graph.mlir", diags)
    assert parsed is not None, diags.render_all()
    return parsed, diags


@dataclass(frozen=True)
class BreakTheGraph(ModulePass):
    """Leaves invalid IR: the relu gets a property it does not define."""

    name = "break-the-graph"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        relu = next(o for o in op.walk() if isinstance(o, ReluOp))
        relu.properties["bogus"] = StringAttr("x")


class _Refuse(RewritePattern):
    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: ReluOp, rewriter: PatternRewriter) -> None:
        raise NotImplementedError("no rule for relu here\nmore detail on a second line")


@dataclass(frozen=True)
class UpstreamStyleFailure(ModulePass):
    """Fails inside xDSL's rewriter, as an upstream pass meeting unknown IR does."""

    name = "upstream-style-failure"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        PatternRewriteWalker(_Refuse()).rewrite_module(op)


def test_verify_each_names_the_pass_that_left_invalid_ir():
    m, diags = module()
    assert not run_passes(m, [BreakTheGraph()], diags, verify_each=True)
    messages = [str(d.position) + ": " + d.message for d in diags.diagnostics]
    assert messages[-1].endswith("IR is invalid after pass 'break-the-graph'")
    assert any(m.startswith("graph.mlir:3:5: 'webnn.relu' op") for m in messages), messages


def test_without_verify_each_the_runner_trusts_the_pass():
    m, diags = module()
    assert run_passes(m, [BreakTheGraph()], diags, verify_each=False)
    assert not diags.diagnostics


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("0", False), ("", False)])
def test_verify_each_default_follows_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv(pass_runner.VERIFY_EACH_ENV, value)
    assert verify_each_default() is expected


def test_the_test_configuration_verifies_each_pass():
    # conftest.py and lit.cfg.py set WEBNN_VERIFY_EACH=1: every test checks every stage.
    assert verify_each_default()


def test_an_upstream_failure_is_located_at_its_op():
    m, diags = module()
    assert not run_passes(m, [UpstreamStyleFailure()], diags)
    [diag] = diags.diagnostics
    assert (str(diag.position), diag.message) == (
        "graph.mlir:3:5", "pass 'upstream-style-failure' failed on input that verified: "
        "NotImplementedError: no rule for relu here")
    # ... and it leaves a reproducer: the IR the pass was given, and the replay command.
    saved, replay = (n.message for n in diag.notes)
    path = Path(saved.removeprefix("the IR it was given is saved in "))
    assert "webnn.relu" in path.read_text()
    assert replay.endswith(f"webnn-opt {path} -p upstream-style-failure")


def test_a_pass_error_keeps_every_problem_at_its_op(tmp_path):
    m, diags = module()
    with_constant = GRAPH.replace(
        "%0 = webnn.relu %x", '%w = webnn.constant file("missing.npz", "w") : '
        "tensor<2xf32>\n    %0 = webnn.add %x, %w").replace(
        "(tensor<2xf32>) -> tensor<2xf32>\n", "(tensor<2xf32>, tensor<2xf32>) -> "
        "tensor<2xf32>\n")
    m = parse(with_constant, "graph.mlir", diags)
    assert m is not None, diags.render_all()
    assert not run_passes(m, [make_pass("convert-webnn-to-linalg")], diags,
                          source=tmp_path / "graph.mlir")
    [diag] = diags.diagnostics
    assert str(diag.position) == "graph.mlir:3:5"
    assert f"cannot read constant file '{tmp_path / 'missing.npz'}'" in diag.message


def test_weights_are_read_beside_the_source_unless_the_option_says_where(tmp_path):
    seen = []

    @dataclass(frozen=True)
    class Probe(ModulePass):
        name = "probe"
        weights_dir: str | None = None

        def apply(self, ctx: Context, op: ModuleOp) -> None:
            seen.append(self.weights_dir)

    m, diags = module()
    assert run_passes(m, [Probe(), Probe("given"), Probe()], diags,
                      source=tmp_path / "model" / "graph.mlir")
    run_passes(m, [Probe()], diags)
    assert seen == [str(tmp_path / "model"), "given", str(tmp_path / "model"), "."]


def test_an_invalid_pipeline_is_a_usage_error():
    assert [p.name for p in parse_pipeline("cse,canonicalize")] == ["cse", "canonicalize"]
    assert parse_pipeline("  ") == []
    with pytest.raises(UsageError, match="invalid pass pipeline 'no-such-pass'"):
        parse_pipeline("no-such-pass")


def test_webnn_opt_verifies_each_pass_unless_told_not_to(monkeypatch, tmp_path, capsys):
    table = pass_runner.all_passes()
    table["break-the-graph"] = lambda: BreakTheGraph
    monkeypatch.setattr(pass_runner, "all_passes", lambda: table)
    path = tmp_path / "graph.mlir"
    path.write_text(GRAPH)
    assert webnn_opt.main([str(path), "-p", "break-the-graph"]) == 1
    assert "IR is invalid after pass 'break-the-graph'" in capsys.readouterr().err
    assert webnn_opt.main([str(path), "-p", "break-the-graph", "--no-verify-each",
                           "--print-op-generic"]) == 0
    assert "bogus" in capsys.readouterr().out


def test_compile_verifies_each_stage_on_request(monkeypatch):
    import compiler
    from compiler import pipeline

    calls = []
    real = pass_runner.verify

    def counting(module, diags):
        calls.append(module)
        return real(module, diags)
    monkeypatch.setattr(pass_runner, "verify", counting)
    compiler.compile(GRAPH, verify_each=False)
    assert calls == []
    compiler.compile(GRAPH, verify_each=True)
    assert len(calls) == len(pipeline.STAGES)


def test_every_tool_goes_through_the_runner():
    # No module but the runner applies passes (the one place failures become diagnostics).
    root = Path(__file__).resolve().parents[1]
    appliers = sorted(str(p.relative_to(root)) for p in (root / "compiler").rglob("*.py")
                      if ".apply(ctx" in p.read_text(encoding="utf-8"))
    assert appliers == ["compiler/pass_runner.py"]


_PAUSE = """
import gc, weakref
from compiler.pass_runner import paused_gc

class Node:
    pass

def cycle():
    a = Node()
    a.self = a
    return weakref.ref(a)

if {user_froze}:
    gc.freeze()
before = gc.get_freeze_count()
with paused_gc():
    assert not gc.isenabled()
    dead = cycle()
    assert dead() is not None  # nothing is collected during the pause
assert gc.isenabled() and dead() is None, "the pause's garbage was not collected"
assert gc.get_freeze_count() == before, (before, gc.get_freeze_count())
print("ok")
"""


@pytest.mark.parametrize("user_froze", [False, True])
def test_a_pause_collects_its_garbage_and_leaves_frozen_objects_as_they_were(user_froze):
    """`paused_gc` freezes the objects alive before it so that its one collection does not
    walk them, and unfreezes them after; objects the process froze itself stay frozen."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _PAUSE.format(user_froze=user_froze)],
                         cwd=Path(__file__).resolve().parents[1], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
