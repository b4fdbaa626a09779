// RUN: webnn-opt %s -p convert-webnn-to-linalg,bufferize,parallelize | FileCheck %s
// RUN: webnn-opt %s -p convert-webnn-to-linalg,bufferize,parallelize,convert-linalg-to-loops,lower-affine,bind-parallel-range | FileCheck %s --check-prefix=BOUND

// A large op becomes a step that may be split along its outermost parallel dimension;
// a small one is a plain step. The graph function calls the steps in order.
// CHECK: func.func @step_0(%x: memref<512x64xf32> {webnn.name = "x"}, %{{.*}}, %arena: memref<131072xi8> {webnn.arena}, %begin: index, %end: index) attributes {webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 512 : i64}
// CHECK: func.func @step_1({{.*}}, %begin: index, %end: index) {
// CHECK: func.func @step_2({{.*}}) attributes {webnn.parallel_dim = 0 : i64
// CHECK: func.func @main
// CHECK: func.call @step_0(%x, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (
// CHECK: func.call @step_1(

// After the loops exist, the split loop runs from %begin to %end.
// BOUND: func.func @step_0
// BOUND: scf.for %{{.*}} = %begin to %end step

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<512x64xf32> {webnn.name = "x"}, %s: tensor<2xf32> {webnn.name = "s"}) -> (tensor<512x64xf32> {webnn.name = "y"}, tensor<2xf32> {webnn.name = "t"}) {
    %0 = webnn.exp %x : (tensor<512x64xf32>) -> tensor<512x64xf32>
    %1 = webnn.neg %s : (tensor<2xf32>) -> tensor<2xf32>
    %2 = webnn.neg %0 : (tensor<512x64xf32>) -> tensor<512x64xf32>
    func.return %2, %1 : tensor<512x64xf32>, tensor<2xf32>
  }
}
