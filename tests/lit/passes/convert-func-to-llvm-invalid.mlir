// RUN: webnn-opt %s -p convert-func-to-llvm --split-input-file --verify-diagnostics

// Functions still returning values have not been bufferized (outputs become arguments
// there); the pass refuses them at the function instead of dropping the results.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{convert-func-to-llvm expects bufferized graph functions (no results)}}
  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    func.return %x : tensor<2xf32>
  }
}

// -----

// convert-func-to-llvm needs arguments of LLVM types; any other is refused at the
// argument, not left to LLVM's function type to reject.
builtin.module attributes {webnn.version = 2} {
  func.func @main(%in: !llvm.ptr,
                  // expected-error@+1 {{argument #1 of type index has no LLVM type}}
                  %n: index,
                  // expected-error@+1 {{argument #2 of type memref<4xf32> has no LLVM type}}
                  %m: memref<4xf32>) {
    func.return
  }
}
