// RUN: webnn-opt %s --split-input-file -p convert-webnn-to-linalg,bufferize,parallelize | FileCheck %s
// RUN: webnn-opt %s --split-input-file -p convert-webnn-to-linalg,bufferize,parallelize,convert-linalg-to-loops,lower-affine,bind-parallel-range | FileCheck %s --check-prefix=BOUND

// Each op becomes a step. A large one is split along its outermost parallel dimension;
// a small one runs on one thread (a slot). The graph function calls the steps in order.
// CHECK: func.func @step_0(%x: memref<2048x512xf32> {webnn.name = "x"}, %{{.*}}, %arena: memref<4194304xi8> {webnn.arena}, %begin: index, %end: index) attributes {webnn.work = 2097152 : i64, webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 2048 : i64}
// The small step touches other bytes: no barrier, and a slot of its own.
// CHECK: func.func @step_1({{.*}}, %begin: index, %end: index) attributes {webnn.work = 4 : i64, webnn.thread_slot = 0 : i64}
// Reading exactly the rows this thread wrote needs no barrier.
// CHECK: func.func @step_2({{.*}}) attributes {webnn.work = 2097152 : i64, webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 2048 : i64}
// A transposed read needs every thread's rows: barrier.
// CHECK: func.func @step_3({{.*}}) attributes {webnn.work = 1048576 : i64, webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 512 : i64, webnn.barrier}
// CHECK: func.func @main({{.*}}) attributes {webnn.arena_size = 4194304 : i64, webnn.parallel_work = 5242880 : i64}
// CHECK: func.call @step_0(%x, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (
// CHECK: func.call @step_1(

// After the loops exist, the split loop runs from %begin to %end.
// BOUND: func.func @step_0
// BOUND: scf.for %{{.*}} = %begin to %end step

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2048x512xf32> {webnn.name = "x"}, %s: tensor<2xf32> {webnn.name = "s"}) -> (tensor<2048x512xf32> {webnn.name = "y"}, tensor<2xf32> {webnn.name = "t"}, tensor<512x2048xf32> {webnn.name = "z"}) {
    %0 = webnn.exp %x : (tensor<2048x512xf32>) -> tensor<2048x512xf32>
    %1 = webnn.neg %s : (tensor<2xf32>) -> tensor<2xf32>
    %2 = webnn.neg %0 : (tensor<2048x512xf32>) -> tensor<2048x512xf32>
    %3 = webnn.transpose %2 : (tensor<2048x512xf32>) -> tensor<512x2048xf32>
    func.return %2, %1, %3 : tensor<2048x512xf32>, tensor<2xf32>, tensor<512x2048xf32>
  }
}

// -----

// A graph whose whole work is small runs on one thread: nothing is split, and steps
// that depend on one another share a slot instead of waiting at a barrier.
// CHECK: func.func @step_0({{.*}}) attributes {webnn.work = 65536 : i64, webnn.thread_slot = 0 : i64}
// CHECK: func.func @step_1({{.*}}) attributes {webnn.work = 4 : i64, webnn.thread_slot = 1 : i64}
// CHECK: func.func @step_2({{.*}}) attributes {webnn.work = 65536 : i64, webnn.thread_slot = 0 : i64}
// CHECK: func.func @main({{.*}}) attributes {webnn.arena_size = 131072 : i64, webnn.parallel_work = 0 : i64}

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<512x64xf32> {webnn.name = "x"}, %s: tensor<2xf32> {webnn.name = "s"}) -> (tensor<512x64xf32> {webnn.name = "y"}, tensor<2xf32> {webnn.name = "t"}) {
    %0 = webnn.exp %x : (tensor<512x64xf32>) -> tensor<512x64xf32>
    %1 = webnn.neg %s : (tensor<2xf32>) -> tensor<2xf32>
    %2 = webnn.neg %0 : (tensor<512x64xf32>) -> tensor<512x64xf32>
    func.return %2, %1 : tensor<512x64xf32>, tensor<2xf32>
  }
}
