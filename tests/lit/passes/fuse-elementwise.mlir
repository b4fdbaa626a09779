// RUN: webnn-opt %s --split-input-file -p convert-webnn-to-linalg,fuse-elementwise | FileCheck %s
// RUN: webnn-opt %s --split-input-file -p convert-webnn-to-linalg,fuse-elementwise --print-debuginfo | FileCheck %s --check-prefix=LOC

// A chain of element-wise ops becomes one generic that reads x and y once: the
// producers' bodies come first, in order, and nothing else is left.
// CHECK-LABEL: func.func @chain(
// CHECK-NEXT:    tensor.empty() : tensor<2x3xf32>
// CHECK-NEXT:    %[[R:.*]] = linalg.generic {{.*}} ins(%x, %y, %x : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK-NEXT:    ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %[[C:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[M:.*]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK-NEXT:      %[[S:.*]] = arith.addf %[[M]], %[[C]] : f32
// CHECK-NEXT:      %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:      %[[O:.*]] = arith.maximumf %[[S]], %[[Z]] : f32
// CHECK-NEXT:      linalg.yield %[[O]] : f32
// CHECK-NEXT:    } -> tensor<2x3xf32>
// CHECK-NEXT:    func.return %[[R]] : tensor<2x3xf32>
// Each scalar op keeps its own line; the fused generic names all three.
// LOC-LABEL: func.func @chain(
// LOC:      arith.mulf {{.*}} loc("{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5)
// LOC:      arith.addf {{.*}} loc("{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5)
// LOC:      arith.maximumf {{.*}} loc("{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5)
// LOC:      } -> tensor<2x3xf32> loc(fused["{{.*}}fuse-elementwise.mlir":[[# @LINE + 6]]:5, "{{.*}}fuse-elementwise.mlir":[[# @LINE + 7]]:5, "{{.*}}fuse-elementwise.mlir":[[# @LINE + 8]]:5])
// LOC-NOT:  linalg.generic
// LOC:      func.return

builtin.module attributes {webnn.version = 2} {
  func.func @chain(%x: tensor<2x3xf32> {webnn.name = "x"}, %y: tensor<2x3xf32> {webnn.name = "y"}) -> (tensor<2x3xf32> {webnn.name = "z"}) {
    %0 = webnn.mul %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.add %0, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.relu %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %2 : tensor<2x3xf32>
  }
}

// -----

// A producer with two consumers is computed once, not once per consumer.
// CHECK-LABEL: func.func @two_uses(
// CHECK:         %[[E:.*]] = linalg.generic {{.*}} ins(%x : tensor<4xf32>)
// CHECK:           math.exp
// CHECK:         linalg.generic {{.*}} ins(%[[E]] : tensor<4xf32>)
// CHECK-NOT:       math.exp
// CHECK:           arith.negf
// CHECK:         linalg.generic {{.*}} ins(%[[E]] : tensor<4xf32>)
// CHECK-NOT:       math.exp
// CHECK:           math.absf
// CHECK:         func.return

builtin.module attributes {webnn.version = 2} {
  func.func @two_uses(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}, tensor<4xf32> {webnn.name = "z"}) {
    %0 = webnn.exp %x : (tensor<4xf32>) -> tensor<4xf32>
    %1 = webnn.neg %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = webnn.abs %0 : (tensor<4xf32>) -> tensor<4xf32>
    func.return %1, %2 : tensor<4xf32>, tensor<4xf32>
  }
}

// -----

// A reduction computes its element-wise producer on the fly (exp before the sum; a
// float32 sum accumulates in float64 and is rounded once at the end).
// CHECK-LABEL: func.func @into_reduction(
// CHECK:         linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%x : tensor<2x3xf32>)
// CHECK-NEXT:    ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f64):
// CHECK-NEXT:      %[[X:.*]] = math.exp %[[V]] : f32
// CHECK-NEXT:      %[[W:.*]] = arith.extf %[[X]] : f32 to f64
// CHECK-NEXT:      arith.addf %[[ACC]], %[[W]] : f64
// CHECK-NOT:     math.exp
// CHECK:         arith.truncf
// CHECK:         func.return

builtin.module attributes {webnn.version = 2} {
  func.func @into_reduction(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.reduceSum %0 {axes = [1]} : (tensor<2x3xf32>) -> tensor<2xf32>
    func.return %1 : tensor<2xf32>
  }
}

// -----

// A broadcast read would evaluate the producer once per consumer element: a cheap
// producer (neg) is fused anyway, an expensive one (sigmoid) is computed once apart.
// CHECK-LABEL: func.func @broadcast(
// CHECK:         linalg.generic {{.*}} ins(%x, %b : tensor<2x3xf32>, tensor<3xf32>)
// CHECK:           arith.negf
// CHECK:           arith.addf
// CHECK:         %[[SIG:.*]] = linalg.generic {{.*}} ins(%b : tensor<3xf32>)
// CHECK:           math.exp
// CHECK:         linalg.generic {{.*}} ins(%x, %[[SIG]] : tensor<2x3xf32>, tensor<3xf32>)
// CHECK-NOT:       math.exp
// CHECK:         func.return

builtin.module attributes {webnn.version = 2} {
  func.func @broadcast(%x: tensor<2x3xf32> {webnn.name = "x"}, %b: tensor<3xf32> {webnn.name = "b"}) -> (tensor<2x3xf32> {webnn.name = "y"}, tensor<2x3xf32> {webnn.name = "z"}) {
    %0 = webnn.neg %b : (tensor<3xf32>) -> tensor<3xf32>
    %1 = webnn.add %x, %0 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %2 = webnn.sigmoid %b : (tensor<3xf32>) -> tensor<3xf32>
    %3 = webnn.add %x, %2 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    func.return %1, %3 : tensor<2x3xf32>, tensor<2x3xf32>
  }
}
