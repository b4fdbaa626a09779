// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

// Constant weights used with bTranspose are stored transposed at compile time, so the
// product reads B as [K, N] rows.
// CHECK: arith.constant dense<{{\[\[}}1.000000e+00, 3.000000e+00, 5.000000e+00], [2.000000e+00, 4.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>]
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4x2xf32> {webnn.name = "x"}) -> (tensor<4x3xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
    %y = webnn.gemm %x, %w {bTranspose = true} : (tensor<4x2xf32>, tensor<3x2xf32>) -> tensor<4x3xf32>
    func.return %y : tensor<4x3xf32>
  }
}
