// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // batchNormalization: one element-wise generic in f64; the statistics, scale and bias
  // are read along the channel axis.
  // CHECK-LABEL: func.func @batch_norm
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]}
  // CHECK:         arith.extf %{{.*}} : f32 to f64
  // CHECK:         arith.constant 1.000000e-03 : f64
  // CHECK:         math.sqrt
  // CHECK:         arith.divf
  // CHECK:         arith.mulf
  // CHECK:         arith.truncf %{{.*}} : f64 to f32
  // CHECK-NOT:   linalg.generic
  // CHECK:       func.return
  func.func @batch_norm(%x: tensor<2x3x4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %s: tensor<4xf32>) -> tensor<2x3x4xf32> {
    %0 = webnn.batchNormalization %x, %m, %v {scale = %s, axis = 2, epsilon = 0.001} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }

  // instanceNormalization nhwc: statistics over dims 1 and 2, in f64; scale and bias
  // along dim 3; the result rounded once to f16.
  // CHECK-LABEL: func.func @instance_norm_nhwc
  // CHECK:       affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>], iterator_types = ["parallel", "reduction", "reduction", "parallel"]} {{.*}} outs(%{{.*}} : tensor<1x1x1x3xf64>)
  // CHECK:       iterator_types = ["parallel", "reduction", "reduction", "parallel"]
  // CHECK:         arith.mulf
  // CHECK:       math.sqrt
  // CHECK:       affine_map<(d0, d1, d2, d3) -> (d3)>, affine_map<(d0, d1, d2, d3) -> (d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK:         arith.truncf %{{.*}} : f64 to f32
  // CHECK:         arith.truncf %{{.*}} : f32 to f16
  func.func @instance_norm_nhwc(%x: tensor<1x4x5x3xf16>, %s: tensor<3xf16>, %b: tensor<3xf16>) -> tensor<1x4x5x3xf16> {
    %0 = webnn.instanceNormalization %x {scale = %s, bias = %b, layout = "nhwc"} : (tensor<1x4x5x3xf16>, tensor<3xf16>, tensor<3xf16>) -> tensor<1x4x5x3xf16>
    func.return %0 : tensor<1x4x5x3xf16>
  }

  // layerNormalization over axes [2, 1]: statistics over dims 1 and 2; scale is
  // indexed in axes order, (d2, d1).
  // CHECK-LABEL: func.func @layer_norm_axes
  // CHECK:       iterator_types = ["parallel", "reduction", "reduction"]
  // CHECK:       iterator_types = ["parallel", "reduction", "reduction"]
  // CHECK:       affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]}
  func.func @layer_norm_axes(%x: tensor<2x3x4xf32>, %s: tensor<4x3xf32>) -> tensor<2x3x4xf32> {
    %0 = webnn.layerNormalization %x {scale = %s, axes = [2, 1]} : (tensor<2x3x4xf32>, tensor<4x3xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}
