// slice in version 1: starts/sizes for the listed axes (default all), negative starts
// from the end, size -1 to the end. Version 2 takes full-rank, non-negative values.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @full_rank(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [1, 2], sizes = [2, 3]} : (tensor<4x5xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x3xf32>
  func.func @full_rank(%x: tensor<4x5xf32>) -> tensor<2x3xf32> {
    %y = webnn.slice %x {starts = [1, 2], sizes = [2, 3]} : (tensor<4x5xf32>) -> tensor<2x3xf32>
    func.return %y : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @axes_subset(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 1, 0], sizes = [4, 2, 6]} : (tensor<4x5x6xf32>) -> tensor<4x2x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<4x2x6xf32>
  func.func @axes_subset(%x: tensor<4x5x6xf32>) -> tensor<4x2x6xf32> {
    %y = webnn.slice %x {starts = [1], sizes = [2], axes = [1]} : (tensor<4x5x6xf32>) -> tensor<4x2x6xf32>
    func.return %y : tensor<4x2x6xf32>
  }

  // CHECK-LABEL: func.func @negative_start(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 2], sizes = [4, 2]} : (tensor<4x5xf32>) -> tensor<4x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<4x2xf32>
  func.func @negative_start(%x: tensor<4x5xf32>) -> tensor<4x2xf32> {
    %y = webnn.slice %x {starts = [0, -3], sizes = [4, 2]} : (tensor<4x5xf32>) -> tensor<4x2xf32>
    func.return %y : tensor<4x2xf32>
  }

  // CHECK-LABEL: func.func @size_to_end(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [3, 2], sizes = [1, 3]} : (tensor<4x5xf32>) -> tensor<1x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3xf32>
  func.func @size_to_end(%x: tensor<4x5xf32>) -> tensor<1x3xf32> {
    %y = webnn.slice %x {starts = [3, 2], sizes = [-1, -1]} : (tensor<4x5xf32>) -> tensor<1x3xf32>
    func.return %y : tensor<1x3xf32>
  }

  // CHECK-LABEL: func.func @axes_out_of_order_negative(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 1, 4], sizes = [4, 4, 2]} : (tensor<4x5x6xi32>) -> tensor<4x4x2xi32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<4x4x2xi32>
  func.func @axes_out_of_order_negative(%x: tensor<4x5x6xi32>) -> tensor<4x4x2xi32> {
    %y = webnn.slice %x {starts = [-2, 1], sizes = [-1, 4], axes = [2, 1]} : (tensor<4x5x6xi32>) -> tensor<4x4x2xi32>
    func.return %y : tensor<4x4x2xi32>
  }

  // CHECK-LABEL: func.func @negative_axis(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 4], sizes = [4, 1]} : (tensor<4x5xf32>) -> tensor<4x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<4x1xf32>
  func.func @negative_axis(%x: tensor<4x5xf32>) -> tensor<4x1xf32> {
    %y = webnn.slice %x {starts = [-1], sizes = [1], axes = [-1]} : (tensor<4x5xf32>) -> tensor<4x1xf32>
    func.return %y : tensor<4x1xf32>
  }
}
