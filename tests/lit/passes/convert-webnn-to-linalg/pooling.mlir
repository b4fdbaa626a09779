// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // averagePool2d with padding on float16: padded copy (zeros outside), a float64 sum
  // over the window loops (carried by a [kH, kW] constant), then a division by the
  // per-position count of real cells (a constant table: corners see 4 cells).
  // CHECK-LABEL: func.func @average
  // CHECK:       tensor.empty() : tensor<1x3x9x9xf16>
  // CHECK:         arith.constant 0.000000e+00 : f16
  // CHECK:         arith.select
  // CHECK:       arith.constant dense<0> : tensor<3x3xi8>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (0, d0, ((d1 * 2) + d3), ((d2 * 2) + d4))>, affine_map<(d0, d1, d2, d3, d4) -> (d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (0, d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]}
  // CHECK:       arith.constant dense<{{\[\[}}4.000000e+00, 6.000000e+00, 6.000000e+00, 4.000000e+00], {{.*}}> : tensor<4x4xf64>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK:         arith.divf
  // CHECK:         arith.truncf
  func.func @average(%x: tensor<1x3x7x7xf16>) -> tensor<1x3x4x4xf16> {
    %0 = webnn.averagePool2d %x {windowDimensions = [3, 3], strides = [2, 2], padding = [1, 1, 1, 1]} : (tensor<1x3x7x7xf16>) -> tensor<1x3x4x4xf16>
    func.return %0 : tensor<1x3x4x4xf16>
  }

  // maxPool2d nhwc on int8 with padding: padded with -128, max in the input's type.
  // CHECK-LABEL: func.func @max_int8
  // CHECK:         arith.constant -128 : i8
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (0, ((d0 * 2) + d3), ((d1 * 2) + d4), d2)>, affine_map<(d0, d1, d2, d3, d4) -> (d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (0, d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]}
  // CHECK:         arith.maxsi
  // CHECK-NOT:   linalg.generic
  // CHECK:       func.return
  func.func @max_int8(%x: tensor<1x8x8x3xi8>) -> tensor<1x4x4x3xi8> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], padding = [1, 1, 1, 1], layout = "nhwc"} : (tensor<1x8x8x3xi8>) -> tensor<1x4x4x3xi8>
    func.return %0 : tensor<1x4x4x3xi8>
  }

  // Global l2Pool2d (default window): no output spatial loops, a sum of squares, sqrt.
  // CHECK-LABEL: func.func @l2_global
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, 0, 0)>], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
  // CHECK:         arith.mulf
  // CHECK:         arith.addf
  // CHECK:       math.sqrt
  func.func @l2_global(%x: tensor<2x3x5x7xf32>) -> tensor<2x3x1x1xf32> {
    %0 = webnn.l2Pool2d %x : (tensor<2x3x5x7xf32>) -> tensor<2x3x1x1xf32>
    func.return %0 : tensor<2x3x1x1xf32>
  }
}
