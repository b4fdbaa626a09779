// pad in version 1: every mode. "symmetric" (gone in version 2) becomes slices, reverses
// and concats per padded dimension; a float `value` becomes an MLNumber.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @constant_default(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.pad %{{[a-z0-9_#]+}} {beginningPadding = [1, 2], endingPadding = [0, 1]} : (tensor<2x3xf32>) -> tensor<3x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<3x6xf32>
  func.func @constant_default(%x: tensor<2x3xf32>) -> tensor<3x6xf32> {
    %y = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [0, 1]} : (tensor<2x3xf32>) -> tensor<3x6xf32>
    func.return %y : tensor<3x6xf32>
  }

  // CHECK-LABEL: func.func @constant_value(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.pad %{{[a-z0-9_#]+}} {beginningPadding = [1, 0], endingPadding = [1, 0], mode = "constant", value = 1.5} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.pad %{{[a-z0-9_#]+}} {beginningPadding = [2], endingPadding = [0], value = 7.0} : (tensor<3xi32>) -> tensor<5xi32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<4x3xf32>, tensor<5xi32>
  func.func @constant_value(%x: tensor<2x3xf32>, %i: tensor<3xi32>) -> (tensor<4x3xf32>, tensor<5xi32>) {
    %y = webnn.pad %x {beginningPadding = [1, 0], endingPadding = [1, 0], mode = "constant", value = 1.5} : (tensor<2x3xf32>) -> tensor<4x3xf32>
    %z = webnn.pad %i {beginningPadding = [2], endingPadding = [0], value = 7.0} : (tensor<3xi32>) -> tensor<5xi32>
    func.return %y, %z : tensor<4x3xf32>, tensor<5xi32>
  }

  // CHECK-LABEL: func.func @edge(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.pad %{{[a-z0-9_#]+}} {beginningPadding = [1, 0], endingPadding = [2, 2], mode = "edge"} : (tensor<3x4xf32>) -> tensor<6x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<6x6xf32>
  func.func @edge(%x: tensor<3x4xf32>) -> tensor<6x6xf32> {
    %y = webnn.pad %x {beginningPadding = [1, 0], endingPadding = [2, 2], mode = "edge"} : (tensor<3x4xf32>) -> tensor<6x6xf32>
    func.return %y : tensor<6x6xf32>
  }

  // CHECK-LABEL: func.func @reflection(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.pad %{{[a-z0-9_#]+}} {beginningPadding = [2, 1], endingPadding = [1, 3], mode = "reflection"} : (tensor<3x4xf32>) -> tensor<6x8xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<6x8xf32>
  func.func @reflection(%x: tensor<3x4xf32>) -> tensor<6x8xf32> {
    %y = webnn.pad %x {beginningPadding = [2, 1], endingPadding = [1, 3], mode = "reflection"} : (tensor<3x4xf32>) -> tensor<6x8xf32>
    func.return %y : tensor<6x8xf32>
  }

  // CHECK-LABEL: func.func @symmetric(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 0], sizes = [1, 4]} : (tensor<3x4xf32>) -> tensor<1x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reverse %{{[a-z0-9_#]+}} {axes = [0]} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 0], sizes = [3, 4]} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reverse %{{[a-z0-9_#]+}} {axes = [0]} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.concat %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {axis = 0} : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<7x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 0], sizes = [7, 2]} : (tensor<7x4xf32>) -> tensor<7x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reverse %{{[a-z0-9_#]+}} {axes = [1]} : (tensor<7x2xf32>) -> tensor<7x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.concat %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {axis = 1} : (tensor<7x2xf32>, tensor<7x4xf32>) -> tensor<7x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<7x6xf32>
  func.func @symmetric(%x: tensor<3x4xf32>) -> tensor<7x6xf32> {
    %y = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [3, 0], mode = "symmetric"} : (tensor<3x4xf32>) -> tensor<7x6xf32>
    func.return %y : tensor<7x6xf32>
  }

  // CHECK-LABEL: func.func @symmetric_one_side(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.slice %{{[a-z0-9_#]+}} {starts = [0, 0, 1], sizes = [2, 2, 2]} : (tensor<2x2x3xi32>) -> tensor<2x2x2xi32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reverse %{{[a-z0-9_#]+}} {axes = [2]} : (tensor<2x2x2xi32>) -> tensor<2x2x2xi32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.concat %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {axis = 2} : (tensor<2x2x3xi32>, tensor<2x2x2xi32>) -> tensor<2x2x5xi32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x2x5xi32>
  func.func @symmetric_one_side(%x: tensor<2x2x3xi32>) -> tensor<2x2x5xi32> {
    %y = webnn.pad %x {beginningPadding = [0, 0, 0], endingPadding = [0, 0, 2], mode = "symmetric"} : (tensor<2x2x3xi32>) -> tensor<2x2x5xi32>
    func.return %y : tensor<2x2x5xi32>
  }
}
