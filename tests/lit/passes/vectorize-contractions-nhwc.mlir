// RUN: webnn-opt %s -p 'convert-webnn-to-linalg,fuse-elementwise,bufferize,interchange-for-vectorization,parallelize,vectorize-contractions{target=avx512}' | FileCheck %s

// A depthwise convolution in NHWC: the channels are the vectors in the input, the
// filter and the output, so no operand is broadcast. Each row of the block is an
// output pixel of the row (w) and loads its own input vector; the filter vector of
// the tap is loaded once and shared by all rows. 20 channels are a whole vector and a
// masked one. The padding is read in place (one step); a pixel row above or below the
// image is loaded with every lane off from an address moved back inside the image
// (min/max on the input row, once per tap row), never from whole rows beyond it.
// CHECK-LABEL: func.func @step_0
// CHECK-NOT: func.func @step_1
// CHECK: %[[X:.*]] = memref.reinterpret_cast %x to offset: [0], sizes: [1800], strides: [1]
// CHECK: %[[F:.*]] = memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [180], strides: [1] : memref<1x3x3x20xf32> to memref<180xf32>
// CHECK: scf.for %{{.*}} iter_args(%{{[^,]*}}, %{{[^,]*}}, %{{[^,]*}}, %{{[^,]*}}, %{{[^,]*}}) -> (
// CHECK: %[[ROW:.*]] = arith.minsi
// CHECK: %[[INSIDE:.*]] = arith.maxsi %[[ROW]]
// CHECK: %[[SHIFT:.*]] = arith.subi %[[INSIDE]],
// CHECK: scf.for
// CHECK: vector.maskedload %[[X]][%{{.*}}], %{{.*}}, %{{.*}} {webnn.lanes_outside}
// CHECK-NOT: vector.broadcast
// CHECK: %[[FV:.*]] = vector.maskedload %[[F]][%{{.*}}], %{{.*}}, %{{.*}} : memref<180xf32>
// CHECK-COUNT-5: vector.fma %[[FV]],
// CHECK-LABEL: func.func @main
// CHECK-COUNT-1: func.call
// CHECK-NOT: func.call

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x9x10x20xf32> {webnn.name = "x"}) -> (tensor<1x9x10x20xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<0.5> : tensor<1x3x3x20xf32>
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1], groups = 20, inputLayout = "nhwc", filterLayout = "ihwo"} : (tensor<1x9x10x20xf32>, tensor<1x3x3x20xf32>) -> tensor<1x9x10x20xf32>
    func.return %0 : tensor<1x9x10x20xf32>
  }
}
