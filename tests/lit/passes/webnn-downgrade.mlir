// --target-version=1 writes version 1 IR when the graph uses nothing newer: changed
// spellings are translated (outputShapeRounding -> roundingType, softmax loses its axis,
// recurrent activations, MLNumber -> float); the stamp says 1.
// RUN: webnn-opt %s --target-version=1 | FileCheck %s
// RUN: webnn-opt %s -p 'webnn-downgrade{target-version=1}' | FileCheck %s
// Reading the version 1 output upgrades it back to the same graph:
// RUN: webnn-opt %s --target-version=1 | webnn-opt | FileCheck %s --check-prefix=BACK
// RUN: webnn-opt %s -p 'webnn-downgrade{target-version=1},webnn-upgrade' | FileCheck %s --check-prefix=BACK
// Writing the current version changes nothing:
// RUN: webnn-opt %s --target-version=2 | FileCheck %s --check-prefix=BACK

// CHECK: builtin.module attributes {webnn.version = 1 : i64}
// BACK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @cnn
  // CHECK-NEXT: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {padding = [1, 1, 1, 1]} : (tensor<1x1x4x4xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x4x4xf32>
  // CHECK-NEXT: webnn.relu
  // CHECK-NEXT: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [2, 2], strides = [2, 2], roundingType = "ceil"} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  // CHECK-NEXT: webnn.reshape %{{[^ ]+}} {newShape = [1, 8]}
  // CHECK-NEXT: webnn.clamp %{{[^ ]+}} {minValue = 0.0, maxValue = 6.0}
  // CHECK-NEXT: webnn.softmax %{{[^ ]+}} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  // BACK-LABEL: func.func @cnn
  // BACK-NEXT: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {padding = [1, 1, 1, 1]}
  // BACK-NEXT: webnn.relu
  // BACK-NEXT: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [2, 2], strides = [2, 2], outputShapeRounding = "ceil"}
  // BACK-NEXT: webnn.reshape %{{[^ ]+}} {newShape = [1, 8]}
  // BACK-NEXT: webnn.clamp %{{[^ ]+}} {minValue = {{0(\.0)?}}, maxValue = {{6(\.0)?}}}
  // BACK-NEXT: webnn.softmax %{{[^ ]+}} {axis = 1}
  func.func @cnn(%x: tensor<1x1x4x4xf32>, %w: tensor<2x1x3x3xf32>) -> tensor<1x8xf32> {
    %c = webnn.conv2d %x, %w {padding = [1, 1, 1, 1]} : (tensor<1x1x4x4xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x4x4xf32>
    %r = webnn.relu %c : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
    %p = webnn.maxPool2d %r {windowDimensions = [2, 2], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
    %f = webnn.reshape %p {newShape = [1, 8]} : (tensor<1x2x2x2xf32>) -> tensor<1x8xf32>
    %k = webnn.clamp %f {minValue = 0, maxValue = 6} : (tensor<1x8xf32>) -> tensor<1x8xf32>
    %s = webnn.softmax %k {axis = 1} : (tensor<1x8xf32>) -> tensor<1x8xf32>
    func.return %s : tensor<1x8xf32>
  }

  // CHECK-LABEL: func.func @rest
  // CHECK-NEXT: webnn.slice %{{[^ ]+}} {starts = [1, 0], sizes = [2, 3]}
  // CHECK-NEXT: webnn.pad %{{[^ ]+}} {beginningPadding = [1, 0], endingPadding = [0, 1], mode = "edge", value = 2.0}
  // CHECK-NEXT: webnn.matmul
  // CHECK-NEXT: webnn.gru {{.*}} activations = ["relu", "tanh"]
  // CHECK-NEXT: webnn.resample2d %{{[^ ]+}} {scales = [2.0, 2.0], axes = [1, 2]}
  // BACK-LABEL: func.func @rest
  // BACK-NEXT: webnn.slice %{{[^ ]+}} {starts = [1, 0], sizes = [2, 3]{{(, strides = \[1, 1\])?}}}
  // BACK-NEXT: webnn.pad %{{[^ ]+}} {beginningPadding = [1, 0], endingPadding = [0, 1], mode = "edge", value = {{2(\.0)?}}}
  // BACK-NEXT: webnn.matmul
  // BACK-NEXT: webnn.gru {{.*}} activations = ["relu", "tanh"]
  // BACK-NEXT: webnn.resample2d %{{[^ ]+}} {scales = [2.0, 2.0], axes = [1, 2]}
  func.func @rest(%x: tensor<3x3xf32>, %b: tensor<4x4xf32>, %i: tensor<1x1x3xf32>, %w: tensor<1x6x3xf32>, %u: tensor<1x6x2xf32>, %img: tensor<1x2x2x1xf32>) -> (tensor<3x4xf32>, tensor<1x1x2xf32>, tensor<1x4x4x1xf32>) {
    %s = webnn.slice %x {starts = [1, 0], sizes = [2, 3], strides = [1, 1]} : (tensor<3x3xf32>) -> tensor<2x3xf32>
    %p = webnn.pad %s {beginningPadding = [1, 0], endingPadding = [0, 1], mode = "edge", value = 2} : (tensor<2x3xf32>) -> tensor<3x4xf32>
    %m = webnn.matmul %p, %b : (tensor<3x4xf32>, tensor<4x4xf32>) -> tensor<3x4xf32>
    %g = webnn.gru %i, %w, %u {steps = 1, hiddenSize = 2, activations = ["relu", "tanh"]} : (tensor<1x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>) -> tensor<1x1x2xf32>
    %r = webnn.resample2d %img {scales = [2.0, 2.0], axes = [1, 2]} : (tensor<1x2x2x1xf32>) -> tensor<1x4x4x1xf32>
    func.return %m, %g, %r : tensor<3x4xf32>, tensor<1x1x2xf32>, tensor<1x4x4x1xf32>
  }
}
