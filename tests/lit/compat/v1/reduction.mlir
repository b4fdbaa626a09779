// The ten reductions of version 1, with and without axes and keepDimensions: unchanged.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @all_axes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceL1 %{{[a-z0-9_#]+}} : (tensor<2x3x4xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceL2 %{{[a-z0-9_#]+}} : (tensor<2x3x4xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceMax %{{[a-z0-9_#]+}} : (tensor<2x3x4xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceMean %{{[a-z0-9_#]+}} : (tensor<2x3x4xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceSum %{{[a-z0-9_#]+}} : (tensor<2x3x4xf32>) -> tensor<f32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>
  func.func @all_axes(%x: tensor<2x3x4xf32>) -> (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) {
    %l1 = webnn.reduceL1 %x : (tensor<2x3x4xf32>) -> tensor<f32>
    %l2 = webnn.reduceL2 %x : (tensor<2x3x4xf32>) -> tensor<f32>
    %max = webnn.reduceMax %x : (tensor<2x3x4xf32>) -> tensor<f32>
    %mean = webnn.reduceMean %x : (tensor<2x3x4xf32>) -> tensor<f32>
    %sum = webnn.reduceSum %x : (tensor<2x3x4xf32>) -> tensor<f32>
    func.return %l1, %l2, %max, %mean, %sum : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>
  }

  // CHECK-LABEL: func.func @axes_keep(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceLogSum %{{[a-z0-9_#]+}} {axes = [1], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceLogSumExp %{{[a-z0-9_#]+}} {axes = [0, 2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceMin %{{[a-z0-9_#]+}} {axes = [2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceProduct %{{[a-z0-9_#]+}} {axes = [0, 1], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x1x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceSumSquare %{{[a-z0-9_#]+}} {axes = [1, 2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x1x4xf32>, tensor<1x3x1xf32>, tensor<2x3x1xf32>, tensor<1x1x4xf32>, tensor<2x1x1xf32>
  func.func @axes_keep(%x: tensor<2x3x4xf32>) -> (tensor<2x1x4xf32>, tensor<1x3x1xf32>, tensor<2x3x1xf32>, tensor<1x1x4xf32>, tensor<2x1x1xf32>) {
    %logsum = webnn.reduceLogSum %x {axes = [1], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
    %lse = webnn.reduceLogSumExp %x {axes = [0, 2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
    %min = webnn.reduceMin %x {axes = [2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
    %prod = webnn.reduceProduct %x {axes = [0, 1], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x1x4xf32>
    %sumsq = webnn.reduceSumSquare %x {axes = [1, 2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
    func.return %logsum, %lse, %min, %prod, %sumsq : tensor<2x1x4xf32>, tensor<1x3x1xf32>, tensor<2x3x1xf32>, tensor<1x1x4xf32>, tensor<2x1x1xf32>
  }

  // CHECK-LABEL: func.func @axes_drop(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceMean %{{[a-z0-9_#]+}} {axes = [1, 2], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceMax %{{[a-z0-9_#]+}} {axes = [0, 2]} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceSum %{{[a-z0-9_#]+}} {axes = [0]} : (tensor<2x3xi32>) -> tensor<3xi32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceSumSquare %{{[a-z0-9_#]+}} {axes = []} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2xf32>, tensor<3xf32>, tensor<3xi32>, tensor<2x3x4xf32>
  func.func @axes_drop(%x: tensor<2x3x4xf32>, %i: tensor<2x3xi32>) -> (tensor<2xf32>, tensor<3xf32>, tensor<3xi32>, tensor<2x3x4xf32>) {
    %mean = webnn.reduceMean %x {axes = [1, 2], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<2xf32>
    %max = webnn.reduceMax %x {axes = [0, 2]} : (tensor<2x3x4xf32>) -> tensor<3xf32>
    %sum = webnn.reduceSum %i {axes = [0]} : (tensor<2x3xi32>) -> tensor<3xi32>
    %none = webnn.reduceSumSquare %x {axes = []} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    func.return %mean, %max, %sum, %none : tensor<2xf32>, tensor<3xf32>, tensor<3xi32>, tensor<2x3x4xf32>
  }

  // CHECK-LABEL: func.func @all_axes_positive(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceLogSum %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceLogSumExp %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceMin %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceProduct %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceSumSquare %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>
  func.func @all_axes_positive(%pos: tensor<2x3xf32>) -> (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) {
    %logsum = webnn.reduceLogSum %pos : (tensor<2x3xf32>) -> tensor<f32>
    %lse = webnn.reduceLogSumExp %pos : (tensor<2x3xf32>) -> tensor<f32>
    %min = webnn.reduceMin %pos : (tensor<2x3xf32>) -> tensor<f32>
    %prod = webnn.reduceProduct %pos : (tensor<2x3xf32>) -> tensor<f32>
    %sumsq = webnn.reduceSumSquare %pos : (tensor<2x3xf32>) -> tensor<f32>
    func.return %logsum, %lse, %min, %prod, %sumsq : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>
  }

  // CHECK-LABEL: func.func @more_axes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceL1 %{{[a-z0-9_#]+}} {axes = [0], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceL2 %{{[a-z0-9_#]+}} {axes = [2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceMax %{{[a-z0-9_#]+}} {axes = [1], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reduceSum %{{[a-z0-9_#]+}} {axes = [2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<3x4xf32>, tensor<2x3x1xf32>, tensor<2x4xf32>, tensor<2x3x1xf32>
  func.func @more_axes(%x: tensor<2x3x4xf32>) -> (tensor<3x4xf32>, tensor<2x3x1xf32>, tensor<2x4xf32>, tensor<2x3x1xf32>) {
    %l1 = webnn.reduceL1 %x {axes = [0], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
    %l2 = webnn.reduceL2 %x {axes = [2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
    %max = webnn.reduceMax %x {axes = [1], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
    %sum = webnn.reduceSum %x {axes = [2], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>
    func.return %l1, %l2, %max, %sum : tensor<3x4xf32>, tensor<2x3x1xf32>, tensor<2x4xf32>, tensor<2x3x1xf32>
  }
}
