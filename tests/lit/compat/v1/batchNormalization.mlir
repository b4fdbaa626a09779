// batchNormalization in version 1: its options and a fused activation.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.batchNormalization %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x3x3xf32>
  func.func @defaults(%x: tensor<1x2x3x3xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>) -> tensor<1x2x3x3xf32> {
    %y = webnn.batchNormalization %x, %m, %v : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
    func.return %y : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @all_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.batchNormalization %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {scale = %{{[a-z0-9_#]+}}, bias = %{{[a-z0-9_#]+}}, axis = 3, epsilon = 0.001} : (tensor<1x3x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x3x3x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x3x2xf32>
  func.func @all_options(%x: tensor<1x3x3x2xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>, %s: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<1x3x3x2xf32> {
    %y = webnn.batchNormalization %x, %m, %v {scale = %s, bias = %b, axis = 3, epsilon = 0.001} : (tensor<1x3x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x3x3x2xf32>
    func.return %y : tensor<1x3x3x2xf32>
  }

  // CHECK-LABEL: func.func @relu(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.batchNormalization %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.relu %{{[a-z0-9_#]+}} : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x3x3xf32>
  func.func @relu(%x: tensor<1x2x3x3xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<1x2x3x3xf32> {
    %y = webnn.batchNormalization %x, %m, %v {bias = %b, activation = "relu"} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
    func.return %y : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @relu6_rank2(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.batchNormalization %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<4x2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<4x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} {minValue = 0.0, maxValue = 6.0} : (tensor<4x2xf32>) -> tensor<4x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<4x2xf32>
  func.func @relu6_rank2(%x: tensor<4x2xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>) -> tensor<4x2xf32> {
    %y = webnn.batchNormalization %x, %m, %v {activation = "clamp"(minValue = 0.0, maxValue = 6.0)} : (tensor<4x2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<4x2xf32>
    func.return %y : tensor<4x2xf32>
  }

  // CHECK-LABEL: func.func @softplus_steepness_f16(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.batchNormalization %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x2x2x2xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2x2x2xf16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<5.000000e-01> : tensor<f16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.mul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x2x2x2xf16>, tensor<f16>) -> tensor<1x2x2x2xf16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softplus %{{[a-z0-9_#]+}} : (tensor<1x2x2x2xf16>) -> tensor<1x2x2x2xf16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.div %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x2x2x2xf16>, tensor<f16>) -> tensor<1x2x2x2xf16>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x2x2xf16>
  func.func @softplus_steepness_f16(%x: tensor<1x2x2x2xf16>, %m: tensor<2xf16>, %v: tensor<2xf16>) -> tensor<1x2x2x2xf16> {
    %y = webnn.batchNormalization %x, %m, %v {activation = "softplus"(steepness = 0.5)} : (tensor<1x2x2x2xf16>, tensor<2xf16>, tensor<2xf16>) -> tensor<1x2x2x2xf16>
    func.return %y : tensor<1x2x2x2xf16>
  }
}
