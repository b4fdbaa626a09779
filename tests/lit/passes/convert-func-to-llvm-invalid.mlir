// convert-func-to-llvm needs arguments of LLVM types; any other is refused at the
// argument, not left to LLVM's function type to reject.
// RUN: webnn-opt %s -p convert-func-to-llvm --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @main(%in: !llvm.ptr,
                  // expected-error@+1 {{argument #1 of type index has no LLVM type}}
                  %n: index,
                  // expected-error@+1 {{argument #2 of type memref<4xf32> has no LLVM type}}
                  %m: memref<4xf32>) {
    func.return
  }
}
