// What the spec does not require every implementation to support (profile: the "required"
// columns of compiler/targets/profiles/spec.json): a graph that passes runs anywhere.
// RUN: webnn-opt %s --verify-diagnostics --check-target=spec-required
// RUN: not webnn-opt %s --check-target=spec-required 2>&1 | FileCheck %s

// CHECK: error: 'webnn.add' op is not supported by spec-required: Unsupported data type int64 for argument a, must be one of [float32, float16, int32]
builtin.module attributes {webnn.version = 2} {
  func.func @main(%i: tensor<4xi64> {webnn.name = "i"}, %x: tensor<1x2x3x4x5x6xf32> {webnn.name = "x"}) -> (tensor<4xi64> {webnn.name = "s"}, tensor<1x2x3x4x5x6xf32> {webnn.name = "y"}) {
    // expected-error@+2 {{'webnn.add' op is not supported by spec-required: Unsupported data type int64 for argument a, must be one of [float32, float16, int32]}}
    // expected-note@+1 {{rewrite: cast a from int64 to int32 (webnn.cast) before the op, and the result back to int64}}
    %0 = webnn.add %i, %i : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
    // One error per op and rank: the result's rank follows the input's.
    // expected-error@+2 {{'webnn.exp' op is not supported by spec-required: Unsupported rank 6 for argument input, must be in range [0, 5]}}
    // expected-note@+1 {{rewrite: reshape input from [1, 2, 3, 4, 5, 6] to [2, 3, 4, 5, 6] (rank 5) before the op and the result back after it}}
    %1 = webnn.exp %x : (tensor<1x2x3x4x5x6xf32>) -> tensor<1x2x3x4x5x6xf32>
    func.return %0, %1 : tensor<4xi64>, tensor<1x2x3x4x5x6xf32>
  }
}
