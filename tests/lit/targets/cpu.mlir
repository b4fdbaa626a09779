// This compiler's JIT runs every verified graph: the cpu profile is derived from the very
// shape rules the verifier runs (compiler/targets/cpu.py), so it refuses nothing another
// backend refuses here, and the check prints nothing and exits 0.
// RUN: webnn-opt %s --check-target=cpu 2>&1 | FileCheck %s --allow-empty --check-prefix=CPU
// RUN: not webnn-opt %s --check-target=coreml 2>&1 | FileCheck %s --check-prefix=COREML
// CPU-NOT: {{.}}
// COREML: error: 'webnn.gather' op is not supported by coreml
// COREML: error: 'webnn.exp' op is not supported by coreml: Unsupported rank 6

builtin.module attributes {webnn.version = 2} {
  func.func @main(%t: tensor<10x4xf32> {webnn.name = "t"}, %ids: tensor<3xi32> {webnn.name = "ids"}, %x: tensor<1x2x3x4x5x6xf32> {webnn.name = "x"}) -> (tensor<3x4xf32> {webnn.name = "rows"}, tensor<1x2x3x4x5x6xf32> {webnn.name = "y"}) {
    %i = webnn.constant dense<[0, 1, 2]> : tensor<3xi64>
    %0 = webnn.gather %t, %i : (tensor<10x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
    %1 = webnn.exp %x : (tensor<1x2x3x4x5x6xf32>) -> tensor<1x2x3x4x5x6xf32>
    func.return %0, %1 : tensor<3x4xf32>, tensor<1x2x3x4x5x6xf32>
  }
}
