// RUN: webnn-opt %s --split-input-file -p bind-parallel-range --verify-diagnostics

// A step marked for splitting along a dimension its loop nest does not have is refused
// at the step, not silently run whole by every thread.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{step 'step_0' has no loop for its parallel dimension 1}}
  func.func @step_0(%buf: memref<4xf32>, %begin: index, %end: index) attributes {webnn.parallel_dim = 1 : i64} {
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
