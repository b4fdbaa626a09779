// reshape in version 1 may leave one dimension `null`; the upgrade resolves it.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @explicit(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<3x2xf32>
  func.func @explicit(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
    %y = webnn.reshape %x {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    func.return %y : tensor<3x2xf32>
  }

  // CHECK-LABEL: func.func @null_first(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [6, 4]} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<6x4xf32>
  func.func @null_first(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
    %y = webnn.reshape %x {newShape = [null, 4]} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
    func.return %y : tensor<6x4xf32>
  }

  // CHECK-LABEL: func.func @null_middle(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [2, 12, 1]} : (tensor<2x3x4xi32>) -> tensor<2x12x1xi32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x12x1xi32>
  func.func @null_middle(%x: tensor<2x3x4xi32>) -> tensor<2x12x1xi32> {
    %y = webnn.reshape %x {newShape = [2, null, 1]} : (tensor<2x3x4xi32>) -> tensor<2x12x1xi32>
    func.return %y : tensor<2x12x1xi32>
  }

  // CHECK-LABEL: func.func @null_alone(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [6]} : (tensor<2x3xf32>) -> tensor<6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<6xf32>
  func.func @null_alone(%x: tensor<2x3xf32>) -> tensor<6xf32> {
    %y = webnn.reshape %x {newShape = [null]} : (tensor<2x3xf32>) -> tensor<6xf32>
    func.return %y : tensor<6xf32>
  }

  // CHECK-LABEL: func.func @to_and_from_scalar(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = []} : (tensor<1x1xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [1, 1, 1]} : (tensor<f32>) -> tensor<1x1x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x1xf32>
  func.func @to_and_from_scalar(%x: tensor<1x1xf32>) -> tensor<1x1x1xf32> {
    %s = webnn.reshape %x {newShape = []} : (tensor<1x1xf32>) -> tensor<f32>
    %y = webnn.reshape %s {newShape = [1, null, 1]} : (tensor<f32>) -> tensor<1x1x1xf32>
    func.return %y : tensor<1x1x1xf32>
  }
}
