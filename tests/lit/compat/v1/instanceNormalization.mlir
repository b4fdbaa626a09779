// instanceNormalization in version 1: unchanged in version 2.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.instanceNormalization %{{[a-z0-9_#]+}} : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x3x3xf32>
  func.func @defaults(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
    %y = webnn.instanceNormalization %x : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %y : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @all_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.instanceNormalization %{{[a-z0-9_#]+}} {scale = %{{[a-z0-9_#]+}}, bias = %{{[a-z0-9_#]+}}, epsilon = 0.01, layout = "nhwc"} : (tensor<2x3x3x2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x3x3x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x3x3x2xf32>
  func.func @all_options(%x: tensor<2x3x3x2xf32>, %s: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2x3x3x2xf32> {
    %y = webnn.instanceNormalization %x {scale = %s, bias = %b, epsilon = 0.01, layout = "nhwc"} : (tensor<2x3x3x2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x3x3x2xf32>
    func.return %y : tensor<2x3x3x2xf32>
  }
}
