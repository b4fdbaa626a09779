// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // Block-wise: the 32 columns are 2 blocks of 16. The input is read through a
  // 64x2x16 view, the scale and zero point at the block, the output at d1 * 16 + d2.
  // 8-bit data computes exactly in f32.
  // CHECK-LABEL: func.func @dequantize_blocks
  // CHECK:       %[[V:.*]] = tensor.reshape %q({{.*}}) -> tensor<64x2x16xi8>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, ((d1 * 16) + d2))>]{{.*}} ins(%[[V]], %s, %z : tensor<64x2x16xi8>, tensor<64x2xf32>, tensor<64x2xi8>) outs(%{{.*}} : tensor<64x32xf32>)
  // CHECK:         arith.sitofp %{{.*}} : i8 to f32
  // CHECK:         arith.subf
  // CHECK:         arith.mulf
  func.func @dequantize_blocks(%q: tensor<64x32xi8>, %s: tensor<64x2xf32>, %z: tensor<64x2xi8>) -> tensor<64x32xf32> {
    %0 = webnn.dequantizeLinear %q, %s, %z : (tensor<64x32xi8>, tensor<64x2xf32>, tensor<64x2xi8>) -> tensor<64x32xf32>
    func.return %0 : tensor<64x32xf32>
  }

  // Per-axis with 32-bit data: broadcast maps, and f64 arithmetic (f32 cannot hold
  // the difference exactly).
  // CHECK-LABEL: func.func @dequantize_i32
  // CHECK:       affine_map<(d0, d1) -> (0, d1)>, affine_map<(d0, d1) -> (0, d1)>
  // CHECK:         arith.sitofp %{{.*}} : i32 to f64
  // CHECK:         arith.mulf %{{.*}}, %{{.*}} : f64
  // CHECK:         arith.truncf %{{.*}} : f64 to f32
  func.func @dequantize_i32(%q: tensor<6x4xi32>, %s: tensor<1x4xf32>, %z: tensor<1x4xi32>) -> tensor<6x4xf32> {
    %0 = webnn.dequantizeLinear %q, %s, %z : (tensor<6x4xi32>, tensor<1x4xf32>, tensor<1x4xi32>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }

  // Per-tensor quantize of float16: divide and roundEven in f32, add the zero point,
  // saturate to [0, 255], convert.
  // CHECK-LABEL: func.func @quantize_tensor
  // CHECK:       affine_map<(d0, d1) -> (0, 0)>, affine_map<(d0, d1) -> (0, 0)>
  // CHECK:         arith.divf %{{.*}}, %{{.*}} : f32
  // CHECK:         math.roundeven %{{.*}} : f32
  // CHECK:         arith.uitofp %{{.*}} : i8 to f32
  // CHECK:         arith.addf
  // CHECK:         arith.constant 0.000000e+00 : f32
  // CHECK:         arith.maximumf
  // CHECK:         arith.constant 2.550000e+02 : f32
  // CHECK:         arith.minimumf
  // CHECK:         arith.fptoui %{{.*}} : f32 to i8
  func.func @quantize_tensor(%x: tensor<6x4xf16>, %s: tensor<1x1xf16>, %z: tensor<1x1xui8>) -> tensor<6x4xui8> {
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf16>, tensor<1x1xf16>, tensor<1x1xui8>) -> tensor<6x4xui8>
    func.return %0 : tensor<6x4xui8>
  }
}
