// RUN: webnn-opt %s --split-input-file -p bind-parallel-range | FileCheck %s

// The loop at the marked depth (webnn.parallel_dim = 1: the second loop of the nest)
// runs over the step's trailing [begin, end) arguments; the other loops keep their
// bounds, so each thread's call covers only its slice.
// CHECK-LABEL: func.func @step_0(
// CHECK:         scf.for %[[I:.*]] = %c0 to %c4 step %c1 {
// CHECK-NEXT:      scf.for %[[J:.*]] = %begin to %end step %c1 {
// CHECK-NEXT:        scf.for %{{.*}} = %c0 to %c8 step %c1 {
// An unmarked function (no webnn.parallel_dim) is left as it is.
// CHECK-LABEL: func.func @step_1(
// CHECK:         scf.for %{{.*}} = %c0 to %c4 step %c1 {

builtin.module attributes {webnn.version = 2} {
  func.func @step_0(%buf: memref<4x6x8xf32>, %begin: index, %end: index) attributes {webnn.parallel_dim = 1 : i64, webnn.parallel_extent = 6 : i64} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c6 = arith.constant 6 : index
    %c8 = arith.constant 8 : index
    %zero = arith.constant 0.0 : f32
    scf.for %i = %c0 to %c4 step %c1 {
      scf.for %j = %c0 to %c6 step %c1 {
        scf.for %k = %c0 to %c8 step %c1 {
          memref.store %zero, %buf[%i, %j, %k] : memref<4x6x8xf32>
        }
      }
    }
    func.return
  }
  func.func @step_1(%buf: memref<4xf32>, %begin: index, %end: index) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %zero = arith.constant 0.0 : f32
    scf.for %i = %c0 to %c4 step %c1 {
      memref.store %zero, %buf[%i] : memref<4xf32>
    }
    func.return
  }
}
