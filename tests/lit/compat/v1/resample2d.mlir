// resample2d in version 1 (two consecutive axes only): unchanged in version 2.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.resample2d %{{[a-z0-9_#]+}} : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x3x3xf32>
  func.func @defaults(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
    %y = webnn.resample2d %x : (tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %y : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @nearest_scales(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.resample2d %{{[a-z0-9_#]+}} {mode = "nearest-neighbor", scales = [2.0, 1.5]} : (tensor<1x2x3x3xf32>) -> tensor<1x2x6x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x6x4xf32>
  func.func @nearest_scales(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x6x4xf32> {
    %y = webnn.resample2d %x {mode = "nearest-neighbor", scales = [2.0, 1.5]} : (tensor<1x2x3x3xf32>) -> tensor<1x2x6x4xf32>
    func.return %y : tensor<1x2x6x4xf32>
  }

  // CHECK-LABEL: func.func @linear_sizes_axes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.resample2d %{{[a-z0-9_#]+}} {mode = "linear", sizes = [5, 4], axes = [1, 2]} : (tensor<1x3x3x2xf32>) -> tensor<1x5x4x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x5x4x2xf32>
  func.func @linear_sizes_axes(%x: tensor<1x3x3x2xf32>) -> tensor<1x5x4x2xf32> {
    %y = webnn.resample2d %x {mode = "linear", sizes = [5, 4], axes = [1, 2]} : (tensor<1x3x3x2xf32>) -> tensor<1x5x4x2xf32>
    func.return %y : tensor<1x5x4x2xf32>
  }

  // CHECK-LABEL: func.func @leading_axes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.resample2d %{{[a-z0-9_#]+}} {mode = "linear", scales = [2.0, 2.0], axes = [0, 1]} : (tensor<2x2x3x1xf32>) -> tensor<4x4x3x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<4x4x3x1xf32>
  func.func @leading_axes(%x: tensor<2x2x3x1xf32>) -> tensor<4x4x3x1xf32> {
    %y = webnn.resample2d %x {mode = "linear", scales = [2.0, 2.0], axes = [0, 1]} : (tensor<2x2x3x1xf32>) -> tensor<4x4x3x1xf32>
    func.return %y : tensor<4x4x3x1xf32>
  }
}
