// --partition: which ops would run on the backend and which would fall back to the CPU
// (as ONNX Runtime's WebNN execution provider partitions a graph), how many partitions
// that makes and how many tensors cross between them.
// RUN: not webnn-opt %s --check-target=tflite --partition 2>/dev/null | FileCheck %s

// CHECK:      partition report for tflite
// CHECK-NEXT:   #1 tflite  2 ops: conv2d (partition.mlir:[[# @LINE + 10]]), relu (partition.mlir:[[# @LINE + 11]])
// CHECK-NEXT:   #2 cpu     2 ops: l2Pool2d (partition.mlir:[[# @LINE + 11]]), resample2d (partition.mlir:[[# @LINE + 12]])
// CHECK-NEXT:   #3 tflite  1 op: sigmoid (partition.mlir:[[# @LINE + 12]])
// CHECK-NEXT:   #4 cpu     1 op: l2Pool2d (partition.mlir:[[# @LINE + 12]])
// CHECK-NEXT:   6 ops: 3 on tflite, 3 on cpu; 4 partitions; 3 tensors cross between partitions (3.0 KiB)
// CHECK-NOT: {{.}}

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x3x8x8xf32> {webnn.name = "x"}) -> (tensor<1x8x4x4xf32> {webnn.name = "y"}, tensor<1x8x2x2xf32> {webnn.name = "z"}) {
    %w = webnn.constant dense<1.0> : tensor<8x3x3x3xf32>
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1]} : (tensor<1x3x8x8xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
    %1 = webnn.relu %0 : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
    %2 = webnn.l2Pool2d %1 {windowDimensions = [2, 2], strides = [2, 2]} : (tensor<1x8x8x8xf32>) -> tensor<1x8x4x4xf32>
    %3 = webnn.resample2d %2 {scales = [1.0, 1.0], axes = [2, 3]} : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
    %4 = webnn.sigmoid %3 : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
    %5 = webnn.l2Pool2d %4 {windowDimensions = [2, 2], strides = [2, 2]} : (tensor<1x8x4x4xf32>) -> tensor<1x8x2x2xf32>
    func.return %4, %5 : tensor<1x8x4x4xf32>, tensor<1x8x2x2xf32>
  }
}

// RUN: not webnn-opt %s --partition 2>&1 | FileCheck %s --check-prefix=USAGE
// USAGE: webnn-opt: error: --partition needs --check-target=NAME (the backend to partition for)
