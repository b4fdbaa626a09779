// squeeze (removed in version 2) becomes a reshape to the shape without those dimensions.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @all_size_one(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [3, 2]} : (tensor<1x3x1x2xf32>) -> tensor<3x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<3x2xf32>
  func.func @all_size_one(%x: tensor<1x3x1x2xf32>) -> tensor<3x2xf32> {
    %y = webnn.squeeze %x : (tensor<1x3x1x2xf32>) -> tensor<3x2xf32>
    func.return %y : tensor<3x2xf32>
  }

  // CHECK-LABEL: func.func @listed_axes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [3, 1, 2]} : (tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<3x1x2xf32>
  func.func @listed_axes(%x: tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32> {
    %y = webnn.squeeze %x {axes = [0]} : (tensor<1x3x1x2xf32>) -> tensor<3x1x2xf32>
    func.return %y : tensor<3x1x2xf32>
  }

  // CHECK-LABEL: func.func @two_axes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [3, 2]} : (tensor<1x3x1x2xui8>) -> tensor<3x2xui8>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<3x2xui8>
  func.func @two_axes(%x: tensor<1x3x1x2xui8>) -> tensor<3x2xui8> {
    %y = webnn.squeeze %x {axes = [2, 0]} : (tensor<1x3x1x2xui8>) -> tensor<3x2xui8>
    func.return %y : tensor<3x2xui8>
  }

  // CHECK-LABEL: func.func @to_scalar(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = []} : (tensor<1x1xf32>) -> tensor<f32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<f32>
  func.func @to_scalar(%x: tensor<1x1xf32>) -> tensor<f32> {
    %y = webnn.squeeze %x : (tensor<1x1xf32>) -> tensor<f32>
    func.return %y : tensor<f32>
  }

  // CHECK-LABEL: func.func @nothing_to_squeeze(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [2, 3]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x3xf32>
  func.func @nothing_to_squeeze(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %y = webnn.squeeze %x {axes = []} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %y : tensor<2x3xf32>
  }
}
