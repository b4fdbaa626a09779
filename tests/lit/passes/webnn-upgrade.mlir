// webnn-upgrade runs when a version 1 file is parsed: every op it creates keeps the
// location of the version 1 op it replaces, and the module is stamped version 2.
// RUN: webnn-opt %s --print-debuginfo | FileCheck %s
// On a current module the pass changes nothing:
// RUN: webnn-opt %s | webnn-opt -p webnn-upgrade | FileCheck %s --check-prefix=AGAIN

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
// AGAIN: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @fused
  // CHECK:      webnn.conv2d {{.*}} {padding = [1, 1, 1, 1]} {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 6]]:5)
  // CHECK-NEXT: webnn.constant {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 5]]:5)
  // CHECK-NEXT: webnn.mul {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 4]]:5)
  // CHECK-NEXT: webnn.softplus {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 3]]:5)
  // CHECK-NEXT: webnn.div {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 2]]:5)
  func.func @fused(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
    %y = webnn.conv2d %x, %w {autoPad = "same-upper", activation = "softplus"(steepness = 2.0)} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
    func.return %y : tensor<1x1x4x4xf32>
  }

  // CHECK-LABEL: func.func @shapes
  // CHECK:      webnn.reshape {{.*}} {newShape = [1, 3]} {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 10]]:5)
  // CHECK-NEXT: webnn.matmul {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 9]]:5)
  // CHECK-NEXT: webnn.reshape {{.*}} {newShape = [2]} {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 8]]:5)
  // CHECK-NEXT: webnn.reshape {{.*}} {newShape = [2]} {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 8]]:5)
  // CHECK-NEXT: webnn.slice {{.*}} {starts = [0], sizes = [1]} {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 8]]:5)
  // CHECK-NEXT: webnn.reverse {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 7]]:5)
  // CHECK-NEXT: webnn.concat {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 6]]:5)
  // CHECK-NEXT: webnn.slice {{.*}} {starts = [1], sizes = [2]} {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 6]]:5)
  // CHECK:      webnn.softmax {{.*}} {axis = 1} {{.*}} loc("{{.*}}webnn-upgrade.mlir":[[# @LINE + 7]]:5)
  func.func @shapes(%a: tensor<3xf32>, %b: tensor<3x2xf32>, %s: tensor<1x2xf32>) -> (tensor<2xf32>, tensor<1x2xf32>) {
    %m = webnn.matmul %a, %b : (tensor<3xf32>, tensor<3x2xf32>) -> tensor<2xf32>
    %q = webnn.squeeze %s : (tensor<1x2xf32>) -> tensor<2xf32>
    %p = webnn.pad %q {beginningPadding = [1], endingPadding = [0], mode = "symmetric"} : (tensor<2xf32>) -> tensor<3xf32>
    %t = webnn.slice %p {starts = [-2], sizes = [-1]} : (tensor<3xf32>) -> tensor<2xf32>
    %r = webnn.reshape %t {newShape = [1, null]} : (tensor<2xf32>) -> tensor<1x2xf32>
    %o = webnn.softmax %r : (tensor<1x2xf32>) -> tensor<1x2xf32>
    func.return %m, %o : tensor<2xf32>, tensor<1x2xf32>
  }
}

// AGAIN-LABEL: func.func @fused
// AGAIN-NEXT: webnn.conv2d {{.*}} {padding = [1, 1, 1, 1]}
// AGAIN-NEXT: webnn.constant
// AGAIN-NEXT: webnn.mul
// AGAIN-NEXT: webnn.softplus
// AGAIN-NEXT: webnn.div
// AGAIN-LABEL: func.func @shapes
// AGAIN: webnn.softmax {{.*}} {axis = 1}
