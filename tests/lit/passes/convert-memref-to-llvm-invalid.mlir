// Buffers convert-memref-to-llvm cannot lower are errors at their ops, all reported at once:
// a memref op it has no lowering for, a global without dense data, an access through a
// buffer whose shape it does not know.
// RUN: webnn-opt %s --verify-diagnostics -p convert-memref-to-llvm

builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{memref.global without dense data cannot be lowered}}
  "memref.global"() <{sym_name = "table", sym_visibility = "private", type = memref<4xf32>, initial_value}> : () -> ()
  func.func @unsupported(%i: index, %f: f32) {
    // expected-error@+1 {{'memref.alloc' cannot be lowered to llvm by this compiler}}
    %m = memref.alloc() : memref<4xf32>
    %c = "test.op"() : () -> memref<4xf32>
    // expected-error@+1 {{memory access through a buffer of unknown shape}}
    memref.store %f, %c[%i] : memref<4xf32>
    func.return
  }
}
