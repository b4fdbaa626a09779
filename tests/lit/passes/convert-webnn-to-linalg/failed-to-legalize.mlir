// An op the cpu target cannot lower is reported at its own location, every such op at
// once, and the conversion stops: the webnn dialect is illegal after it. Every op has a
// lowering today, so this test removes two (relu and mul) from the table before running
// webnn-opt's main (compiler/cli/webnn_opt.py), the way tests/test_runtime.py does.
// RUN: %python -c "from passes.webnn_to_linalg import LOWERINGS, load_all; load_all(); del LOWERINGS['relu'], LOWERINGS['mul']; from compiler.cli.webnn_opt import main; raise SystemExit(main([r'%s', '-p', 'convert-webnn-to-linalg', '--verify-diagnostics']))"
// Without the removal the same graph lowers (and the annotations are then unmet).
// RUN: not webnn-opt %s -p convert-webnn-to-linalg --verify-diagnostics 2>&1 | FileCheck %s --check-prefix=LOWERED
// LOWERED: expected error "failed to legalize operation 'webnn.relu'

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
    %0 = webnn.neg %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    // expected-error@+1 {{failed to legalize operation 'webnn.relu': the cpu target has no lowering for it yet}}
    %1 = webnn.relu %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    // expected-error@+1 {{failed to legalize operation 'webnn.mul': the cpu target has no lowering for it yet}}
    %2 = webnn.mul %1, %0 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %2 : tensor<2x3xf32>
  }
}
