// conv2d with each fused activation of version 1: the conv2d followed by the
// activation op, both at the conv2d's location.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 --print-debuginfo | FileCheck %s --check-prefix=LOC

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @relu(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.relu %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  // LOC-LABEL: func.func @relu
  // LOC: webnn.conv2d {{.*}} loc("{{.*}}conv2d-activation.mlir":[[# @LINE + 3]]:5)
  // LOC-NEXT: webnn.relu {{.*}} loc("{{.*}}conv2d-activation.mlir":[[# @LINE + 2]]:5)
  func.func @relu(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "relu"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @sigmoid(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.sigmoid %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @sigmoid(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "sigmoid"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @tanh(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.tanh %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @tanh(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "tanh"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @hard_swish(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.hardSwish %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @hard_swish(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "hardSwish"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @softsign(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softsign %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @softsign(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "softsign"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @leaky_relu_default(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.leakyRelu %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @leaky_relu_default(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "leakyRelu"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @leaky_relu_alpha(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.leakyRelu %{{[a-z0-9_#]+}} {alpha = 0.2} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @leaky_relu_alpha(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "leakyRelu"(alpha = 0.2)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @elu(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.elu %{{[a-z0-9_#]+}} {alpha = 0.5} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @elu(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "elu"(alpha = 0.5)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @hard_sigmoid(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.hardSigmoid %{{[a-z0-9_#]+}} {alpha = 0.3, beta = 0.4} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @hard_sigmoid(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "hardSigmoid"(alpha = 0.3, beta = 0.4)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @linear(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.linear %{{[a-z0-9_#]+}} {alpha = 2.0, beta = -1.0} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @linear(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "linear"(alpha = 2.0, beta = -1.0)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @softplus(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softplus %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @softplus(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "softplus"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @softplus_steepness(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<3.000000e+00> : tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.mul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>, tensor<f32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softplus %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.div %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>, tensor<f32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @softplus_steepness(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "softplus"(steepness = 3.0)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @relu6(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} {minValue = 0.0, maxValue = 6.0} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @relu6(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "clamp"(minValue = 0.0, maxValue = 6.0)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @clamp_lower_only(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} {minValue = -0.5} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @clamp_lower_only(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "clamp"(minValue = -0.5)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @clamp_unbounded(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.clamp %{{[a-z0-9_#]+}} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @clamp_unbounded(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.conv2d %x, %w {activation = "clamp"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }
}
