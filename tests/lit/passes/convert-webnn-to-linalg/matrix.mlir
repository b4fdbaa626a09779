// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // matmul: (batch, m, n, k) with k the one reduction; b's batch is broadcast (2-D b);
  // float16 accumulates in a float32 tensor, rounded once by a final generic.
  // CHECK-LABEL: func.func @matmul_f16
  // CHECK:       tensor.empty() : tensor<2x3x5xf32>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%a, %b : tensor<2x3x4xf16>, tensor<4x5xf16>) outs(%{{.*}} : tensor<2x3x5xf32>)
  // CHECK:         arith.extf
  // CHECK:         arith.mulf %{{.*}} : f32
  // CHECK:         arith.addf %{{.*}} : f32
  // CHECK:       linalg.generic
  // CHECK:         arith.truncf %{{.*}} : f32 to f16
  func.func @matmul_f16(%a: tensor<2x3x4xf16>, %b: tensor<4x5xf16>) -> tensor<2x3x5xf16> {
    %0 = webnn.matmul %a, %b : (tensor<2x3x4xf16>, tensor<4x5xf16>) -> tensor<2x3x5xf16>
    func.return %0 : tensor<2x3x5xf16>
  }

  // Batch broadcasting in both directions: a unit batch dimension reads index 0.
  // CHECK-LABEL: func.func @matmul_broadcast
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
  func.func @matmul_broadcast(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32> {
    %0 = webnn.matmul %a, %b : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
    func.return %0 : tensor<2x5x3x6xf32>
  }

  // gemm with bTranspose and alpha = 1: the accumulator starts at beta * c (c broadcast
  // along rows); no epilogue.
  // CHECK-LABEL: func.func @gemm_fc
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%c : tensor<8xf32>)
  // CHECK:         arith.constant 5.000000e-01 : f32
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]}
  // CHECK-NOT:   linalg.generic
  // CHECK:       func.return
  func.func @gemm_fc(%x: tensor<2x4xf32>, %w: tensor<8x4xf32>, %c: tensor<8xf32>) -> tensor<2x8xf32> {
    %0 = webnn.gemm %x, %w {c = %c, beta = 0.5, bTranspose = true} : (tensor<2x4xf32>, tensor<8x4xf32>, tensor<8xf32>) -> tensor<2x8xf32>
    func.return %0 : tensor<2x8xf32>
  }

  // gemm with alpha != 1 and aTranspose: the sum is scaled, then beta * c added.
  // CHECK-LABEL: func.func @gemm_alpha
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]}
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
  // CHECK:         arith.constant 2.000000e+00 : f32
  // CHECK:         arith.mulf
  // CHECK:         arith.constant 3.000000e+00 : f32
  func.func @gemm_alpha(%a: tensor<4x2xf32>, %b: tensor<4x8xf32>, %c: tensor<2x1xf32>) -> tensor<2x8xf32> {
    %0 = webnn.gemm %a, %b {c = %c, alpha = 2.0, beta = 3.0, aTranspose = true} : (tensor<4x2xf32>, tensor<4x8xf32>, tensor<2x1xf32>) -> tensor<2x8xf32>
    func.return %0 : tensor<2x8xf32>
  }
}
