// concat, split and transpose in version 1: unchanged in version 2.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @concat(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.concat %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {axis = 1} : (tensor<2x1xf32>, tensor<2x3xf32>, tensor<2x2xf32>) -> tensor<2x6xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.concat %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {axis = 0} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x6xf32>, tensor<4x3xf32>
  func.func @concat(%a: tensor<2x1xf32>, %b: tensor<2x3xf32>, %c: tensor<2x2xf32>) -> (tensor<2x6xf32>, tensor<4x3xf32>) {
    %y = webnn.concat %a, %b, %c {axis = 1} : (tensor<2x1xf32>, tensor<2x3xf32>, tensor<2x2xf32>) -> tensor<2x6xf32>
    %z = webnn.concat %b, %b {axis = 0} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
    func.return %y, %z : tensor<2x6xf32>, tensor<4x3xf32>
  }

  // CHECK-LABEL: func.func @split(
  // CHECK-NEXT: %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} = webnn.split %{{[a-z0-9_#]+}} {splits = 3} : (tensor<6x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>)
  // CHECK-NEXT: %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} = webnn.split %{{[a-z0-9_#]+}} {splits = [1, 3], axis = 1} : (tensor<6x4xf32>) -> (tensor<6x1xf32>, tensor<6x3xf32>)
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<6x1xf32>, tensor<6x3xf32>
  func.func @split(%x: tensor<6x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<6x1xf32>, tensor<6x3xf32>) {
    %p:3 = webnn.split %x {splits = 3} : (tensor<6x4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>)
    %q:2 = webnn.split %x {splits = [1, 3], axis = 1} : (tensor<6x4xf32>) -> (tensor<6x1xf32>, tensor<6x3xf32>)
    func.return %p#0, %p#1, %p#2, %q#0, %q#1 : tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<6x1xf32>, tensor<6x3xf32>
  }

  // CHECK-LABEL: func.func @transpose(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.transpose %{{[a-z0-9_#]+}} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.transpose %{{[a-z0-9_#]+}} {permutation = [1, 2, 0]} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<4x3x2xf32>, tensor<3x4x2xf32>
  func.func @transpose(%x: tensor<2x3x4xf32>) -> (tensor<4x3x2xf32>, tensor<3x4x2xf32>) {
    %y = webnn.transpose %x : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
    %z = webnn.transpose %x {permutation = [1, 2, 0]} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
    func.return %y, %z : tensor<4x3x2xf32>, tensor<3x4x2xf32>
  }
}
