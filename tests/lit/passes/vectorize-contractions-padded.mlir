// RUN: webnn-opt %s -p 'convert-webnn-to-linalg,fuse-elementwise,bufferize,interchange-for-vectorization,parallelize,vectorize-contractions{target=avx512}' | FileCheck %s
// RUN: webnn-opt %s -p 'convert-webnn-to-linalg,fuse-elementwise,bufferize,interchange-for-vectorization,parallelize,vectorize-contractions{target=avx512},convert-vector-to-llvm' | FileCheck %s --check-prefix=LLVM

// A padded convolution reads its input in place: no padded copy is made (one step),
// the filter taps (kh, kw) become the outer reduction loops, and each vector of the
// input is loaded under the mask of the lanes inside the image (lanes [-start,
// width - start), all off for a row outside it), computed once per tap for all the
// input channels. Masked-off lanes may lie outside the buffer: such loads are marked,
// and their address is computed without `inbounds`.
// CHECK-LABEL: func.func @step_0
// CHECK-NOT: func.func @step_1
// CHECK: %[[X:.*]] = memref.reinterpret_cast %x to offset: [0], sizes: [1080], strides: [1] : memref<1x3x18x20xf32> to memref<1080xf32>
// CHECK: scf.for %[[KH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(
// CHECK: arith.cmpi sge
// CHECK: arith.cmpi slt
// CHECK: scf.for %[[KW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(
// CHECK: %[[LOW:.*]] = vector.create_mask %{{.*}} : vector<16xi1>
// CHECK: %[[NOTLOW:.*]] = arith.xori %[[LOW]], %{{.*}} : vector<16xi1>
// CHECK: %[[HIGH:.*]] = vector.create_mask %{{.*}} : vector<16xi1>
// CHECK: %[[IN:.*]] = arith.andi %[[NOTLOW]], %[[HIGH]] : vector<16xi1>
// CHECK: %[[MASK:.*]] = arith.select %{{.*}}, %[[IN]], %{{.*}} : vector<16xi1>
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(
// CHECK: vector.maskedload %[[X]][%{{.*}}], %[[MASK]], %{{.*}} {webnn.lanes_outside} : memref<1080xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK: vector.fma
// CHECK-LABEL: func.func @main
// CHECK-COUNT-1: func.call
// CHECK-NOT: func.call

// LLVM-LABEL: func.func @step_0
// LLVM: %[[P:.*]] = llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// LLVM-NEXT: llvm.call_intrinsic "llvm.masked.load.v16f32.p0"(%[[P]],

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x3x18x20xf32> {webnn.name = "x"}) -> (tensor<1x8x18x20xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<0.5> : tensor<8x3x3x3xf32>
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1]} : (tensor<1x3x18x20xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x18x20xf32>
    func.return %0 : tensor<1x8x18x20xf32>
  }
}
