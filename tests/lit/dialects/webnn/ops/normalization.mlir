// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @batch_norm_defaults
  // CHECK: webnn.batchNormalization %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  func.func @batch_norm_defaults(%x: tensor<1x4x8x8xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
    %0 = webnn.batchNormalization %x, %m, %v : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
    func.return %0 : tensor<1x4x8x8xf32>
  }

  // CHECK-LABEL: func.func @batch_norm_scale_bias_axis
  // CHECK: webnn.batchNormalization %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {scale = %{{[^ ]+}}, bias = %{{[^ ]+}}, axis = 3, epsilon = 0.001} : (tensor<1x8x8x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
  func.func @batch_norm_scale_bias_axis(%x: tensor<1x8x8x4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<1x8x8x4xf32> {
    %0 = webnn.batchNormalization %x, %m, %v {epsilon = 0.001, bias = %b, axis = 3, scale = %s} : (tensor<1x8x8x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
    func.return %0 : tensor<1x8x8x4xf32>
  }

  // CHECK-LABEL: func.func @batch_norm_bias_only
  // CHECK: webnn.batchNormalization %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}} : (tensor<2x5xf16>, tensor<5xf16>, tensor<5xf16>, tensor<5xf16>) -> tensor<2x5xf16>
  func.func @batch_norm_bias_only(%x: tensor<2x5xf16>, %m: tensor<5xf16>, %v: tensor<5xf16>, %b: tensor<5xf16>) -> tensor<2x5xf16> {
    %0 = webnn.batchNormalization %x, %m, %v {bias = %b} : (tensor<2x5xf16>, tensor<5xf16>, tensor<5xf16>, tensor<5xf16>) -> tensor<2x5xf16>
    func.return %0 : tensor<2x5xf16>
  }

  // CHECK-LABEL: func.func @batch_norm_rank1_scale_only
  // CHECK: webnn.batchNormalization %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {scale = %{{[^ ]+}}, axis = 0} : (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<6xf32>
  func.func @batch_norm_rank1_scale_only(%x: tensor<6xf32>, %m: tensor<6xf32>, %v: tensor<6xf32>, %s: tensor<6xf32>) -> tensor<6xf32> {
    %0 = webnn.batchNormalization %x, %m, %v {scale = %s, axis = 0} : (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<6xf32>
    func.return %0 : tensor<6xf32>
  }

  // CHECK-LABEL: func.func @batch_norm_explicit_defaults
  // CHECK: webnn.batchNormalization %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {axis = 1, epsilon = 1.0e-05} : (tensor<1x4x2x2x2xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2x2xf32>
  func.func @batch_norm_explicit_defaults(%x: tensor<1x4x2x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x4x2x2x2xf32> {
    %0 = webnn.batchNormalization %x, %m, %v {axis = 1, epsilon = 1.0e-05} : (tensor<1x4x2x2x2xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2x2xf32>
    func.return %0 : tensor<1x4x2x2x2xf32>
  }

  // CHECK-LABEL: func.func @instance_norm_defaults
  // CHECK: webnn.instanceNormalization %{{[^ ]+}} : (tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  func.func @instance_norm_defaults(%x: tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32> {
    %0 = webnn.instanceNormalization %x : (tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
    func.return %0 : tensor<1x4x5x5xf32>
  }

  // CHECK-LABEL: func.func @instance_norm_nhwc_scale_bias
  // CHECK: webnn.instanceNormalization %{{[^ ]+}} {scale = %{{[^ ]+}}, bias = %{{[^ ]+}}, epsilon = 0.001, layout = "nhwc"} : (tensor<2x5x6x4xf16>, tensor<4xf16>, tensor<4xf16>) -> tensor<2x5x6x4xf16>
  func.func @instance_norm_nhwc_scale_bias(%x: tensor<2x5x6x4xf16>, %s: tensor<4xf16>, %b: tensor<4xf16>) -> tensor<2x5x6x4xf16> {
    %0 = webnn.instanceNormalization %x {layout = "nhwc", bias = %b, epsilon = 1.0e-03, scale = %s} : (tensor<2x5x6x4xf16>, tensor<4xf16>, tensor<4xf16>) -> tensor<2x5x6x4xf16>
    func.return %0 : tensor<2x5x6x4xf16>
  }

  // CHECK-LABEL: func.func @instance_norm_nchw_scale
  // CHECK: webnn.instanceNormalization %{{[^ ]+}} {scale = %{{[^ ]+}}, epsilon = 1.0e-05, layout = "nchw"} : (tensor<1x3x2x2xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
  func.func @instance_norm_nchw_scale(%x: tensor<1x3x2x2xf32>, %s: tensor<3xf32>) -> tensor<1x3x2x2xf32> {
    %0 = webnn.instanceNormalization %x {scale = %s, epsilon = 1.0e-05, layout = "nchw"} : (tensor<1x3x2x2xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
    func.return %0 : tensor<1x3x2x2xf32>
  }

  // CHECK-LABEL: func.func @layer_norm_default_axes
  // CHECK: webnn.layerNormalization %{{[^ ]+}} {scale = %{{[^ ]+}}, bias = %{{[^ ]+}}} : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
  func.func @layer_norm_default_axes(%x: tensor<2x3x4xf32>, %s: tensor<3x4xf32>, %b: tensor<3x4xf32>) -> tensor<2x3x4xf32> {
    %0 = webnn.layerNormalization %x {scale = %s, bias = %b} : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }

  // CHECK-LABEL: func.func @layer_norm_axes_order
  // CHECK: webnn.layerNormalization %{{[^ ]+}} {scale = %{{[^ ]+}}, axes = [2, 1]} : (tensor<2x3x4xf32>, tensor<4x3xf32>) -> tensor<2x3x4xf32>
  func.func @layer_norm_axes_order(%x: tensor<2x3x4xf32>, %s: tensor<4x3xf32>) -> tensor<2x3x4xf32> {
    %0 = webnn.layerNormalization %x {scale = %s, axes = [2, 1]} : (tensor<2x3x4xf32>, tensor<4x3xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }

  // CHECK-LABEL: func.func @layer_norm_last_axis_epsilon
  // CHECK: webnn.layerNormalization %{{[^ ]+}} {bias = %{{[^ ]+}}, axes = [2], epsilon = 1.0e-06} : (tensor<2x5x8xf16>, tensor<8xf16>) -> tensor<2x5x8xf16>
  func.func @layer_norm_last_axis_epsilon(%x: tensor<2x5x8xf16>, %b: tensor<8xf16>) -> tensor<2x5x8xf16> {
    %0 = webnn.layerNormalization %x {bias = %b, axes = [2], epsilon = 1.0e-06} : (tensor<2x5x8xf16>, tensor<8xf16>) -> tensor<2x5x8xf16>
    func.return %0 : tensor<2x5x8xf16>
  }

  // CHECK-LABEL: func.func @layer_norm_empty_axes
  // CHECK: webnn.layerNormalization %{{[^ ]+}} {scale = %{{[^ ]+}}, axes = []} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  func.func @layer_norm_empty_axes(%x: tensor<2x3xf32>, %s: tensor<f32>) -> tensor<2x3xf32> {
    %0 = webnn.layerNormalization %x {scale = %s, axes = []} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @layer_norm_scalar
  // CHECK: webnn.layerNormalization %{{[^ ]+}} : (tensor<f32>) -> tensor<f32>
  func.func @layer_norm_scalar(%x: tensor<f32>) -> tensor<f32> {
    %0 = webnn.layerNormalization %x : (tensor<f32>) -> tensor<f32>
    func.return %0 : tensor<f32>
  }

  // CHECK-LABEL: func.func @layer_norm_rank1_default
  // CHECK: webnn.layerNormalization %{{[^ ]+}} {scale = %{{[^ ]+}}} : (tensor<7xf32>, tensor<f32>) -> tensor<7xf32>
  func.func @layer_norm_rank1_default(%x: tensor<7xf32>, %s: tensor<f32>) -> tensor<7xf32> {
    %0 = webnn.layerNormalization %x {scale = %s} : (tensor<7xf32>, tensor<f32>) -> tensor<7xf32>
    func.return %0 : tensor<7xf32>
  }

  // CHECK-LABEL: func.func @layer_norm_all_axes
  // CHECK: webnn.layerNormalization %{{[^ ]+}} {scale = %{{[^ ]+}}, bias = %{{[^ ]+}}, axes = [0, 1], epsilon = 0.5} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @layer_norm_all_axes(%x: tensor<2x3xf32>, %s: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %0 = webnn.layerNormalization %x {scale = %s, bias = %b, axes = [0, 1], epsilon = 0.5} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}
