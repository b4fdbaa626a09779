// RUN: webnn-opt %s -p convert-webnn-to-linalg,bufferize | FileCheck %s

// Graph outputs are written in place; intermediates share one planned arena.
// CHECK-LABEL: func.func @main
// CHECK-SAME: %a: memref<2x3xf32> {webnn.name = "a"}
// CHECK-SAME: %[[Y:[0-9a-z_]+]]: memref<2x3xf32> {webnn.name = "y", webnn.output}
// CHECK-SAME: %arena: memref<88xi8> {webnn.arena}
// CHECK-SAME: webnn.arena_size = 88
// CHECK: %[[T0:.*]] = memref.view %arena[%{{.*}}][] : memref<88xi8> to memref<2x3xf32>
// CHECK: linalg.generic {{.*}} ins(%a, %b : memref<2x3xf32>, memref<3xf32>) outs(%[[T0]] : memref<2x3xf32>)
// CHECK: %[[T1:.*]] = memref.view %arena[%{{.*}}][] : memref<88xi8> to memref<2x3xf32>
// CHECK: linalg.generic {{.*}} ins(%[[T0]] : memref<2x3xf32>) outs(%[[T1]] : memref<2x3xf32>)
// The last op writes straight into the output buffer, and the first buffer's bytes
// are free again by then.
// CHECK: linalg.generic {{.*}} ins(%[[T1]] : memref<2x3xf32>) outs(%[[Y]] : memref<2x3xf32>)
// CHECK: func.return

builtin.module attributes {webnn.version = 2} {
  func.func @main(%a: tensor<2x3xf32> {webnn.name = "a"}, %b: tensor<3xf32> {webnn.name = "b"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %1 = webnn.relu %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.neg %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %2 : tensor<2x3xf32>
  }
}
