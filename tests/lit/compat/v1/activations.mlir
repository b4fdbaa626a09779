// The activation ops of version 1 (standalone, not fused): softplus loses `steepness`,
// clamp's float bounds become MLNumbers, the rest is unchanged.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @no_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.relu %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.sigmoid %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.tanh %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.hardSwish %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softsign %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  func.func @no_options(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
    %relu = webnn.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %sigmoid = webnn.sigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %tanh = webnn.tanh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %hswish = webnn.hardSwish %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %softsign = webnn.softsign %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %relu, %sigmoid, %tanh, %hswish, %softsign : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.elu %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.hardSigmoid %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.leakyRelu %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.linear %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  func.func @defaults(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
    %elu = webnn.elu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %hsig = webnn.hardSigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %leaky = webnn.leakyRelu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %linear = webnn.linear %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %clamp = webnn.clamp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %elu, %hsig, %leaky, %linear, %clamp : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.elu %{{[a-z0-9_#]+}} {alpha = 0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.hardSigmoid %{{[a-z0-9_#]+}} {alpha = 0.1, beta = 0.6} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.leakyRelu %{{[a-z0-9_#]+}} {alpha = 0.3} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.linear %{{[a-z0-9_#]+}} {alpha = -2.0, beta = 0.25} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  func.func @options(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
    %elu = webnn.elu %x {alpha = 0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %hsig = webnn.hardSigmoid %x {alpha = 0.1, beta = 0.6} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %leaky = webnn.leakyRelu %x {alpha = 0.3} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %linear = webnn.linear %x {alpha = -2.0, beta = 0.25} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %elu, %hsig, %leaky, %linear : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  }

  // Integer literals of a float option read as floats.
  // CHECK-LABEL: func.func @clamp(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} {minValue = 0.0, maxValue = 6.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} {minValue = -0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} {maxValue = 0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} {minValue = 0.0, maxValue = 1.0} : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<4xi32>
  func.func @clamp(%x: tensor<2x3xf32>, %i: tensor<4xi32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<4xi32>) {
    %both = webnn.clamp %x {minValue = 0, maxValue = 6} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %low = webnn.clamp %x {minValue = -0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %high = webnn.clamp %x {maxValue = 0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %int = webnn.clamp %i {minValue = 0.0, maxValue = 1.0} : (tensor<4xi32>) -> tensor<4xi32>
    func.return %both, %low, %high, %int : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<4xi32>
  }

  // CHECK-LABEL: func.func @softplus(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softplus %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softplus %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<2.500000e+00> : tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.mul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softplus %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.div %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  func.func @softplus(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
    %default = webnn.softplus %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %one = webnn.softplus %x {steepness = 1.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %steep = webnn.softplus %x {steepness = 2.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %default, %one, %steep : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @prelu(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.prelu %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x3xf32>
  func.func @prelu(%x: tensor<2x3xf32>, %slope: tensor<3xf32>) -> tensor<2x3xf32> {
    %y = webnn.prelu %x, %slope : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    func.return %y : tensor<2x3xf32>
  }
}
