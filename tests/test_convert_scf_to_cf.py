"""`convert-scf-to-cf` lowers as xDSL's own patterns do (`passes/convert_scf_to_cf.py`
copies its loop and conditional lowerings, making their ops another way): on loops with
carried values, nested loops, and conditionals with and without results or an else
branch, both leave the same IR, locations included. (Both run on the scf ops only, as the
pass does; xDSL's pass would also erase the dead op below.)"""

from __future__ import annotations

import io

from xdsl.dialects import scf
from xdsl.printer import Printer
from xdsl.transforms import convert_scf_to_cf as upstream

from compiler.compat import parse
from compiler.diagnostics import DiagnosticEngine
from compiler.ir import make_context
from passes.convert_scf_to_cf import ConvertScfToCfPass
from passes.worklist import rewrite_ops

IR = """
func.func @f(%lb: index, %ub: index, %step: index, %x: f32, %c: i1) -> f32 {
  %sum = scf.for %i = %lb to %ub step %step iter_args(%acc = %x) -> (f32) {
    %inner = scf.for %j = %lb to %i step %step iter_args(%a = %acc) -> (f32) {
      %b = arith.addf %a, %x : f32
      scf.yield %b : f32
    }
    %picked = scf.if %c -> (f32) {
      scf.yield %inner : f32
    } else {
      %n = arith.negf %inner : f32
      scf.yield %n : f32
    }
    scf.if %c {
      %unused = arith.addf %picked, %picked : f32
    }
    scf.yield %picked : f32
  }
  scf.for %k = %lb to %ub step %step {
  }
  func.return %sum : f32
}
"""


def _lowered(lower) -> str:
    module = parse(IR, "loops.mlir", DiagnosticEngine(), make_context())
    lower(module)
    module.verify()
    out = io.StringIO()
    Printer(stream=out, print_debuginfo=True).print_op(module)
    return out.getvalue()


def _upstream(module) -> None:
    rewrite_ops(module, [upstream.SwitchLowering(), upstream.IfLowering(),
                         upstream.ForLowering()], (scf.IndexSwitchOp, scf.IfOp, scf.ForOp))


def test_lowers_as_xdsl_does():
    ours = _lowered(lambda module: ConvertScfToCfPass().apply(make_context(), module))
    assert "scf." not in ours and "cf.cond_br" in ours and "unused" in ours
    assert ours == _lowered(_upstream)
