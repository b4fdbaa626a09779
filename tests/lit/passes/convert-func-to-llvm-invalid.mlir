// RUN: webnn-opt %s -p convert-func-to-llvm --verify-diagnostics

// Functions still returning values have not been bufferized (outputs become arguments
// there); the pass refuses them at the function instead of dropping the results.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{convert-func-to-llvm expects bufferized graph functions (no results)}}
  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    func.return %x : tensor<2xf32>
  }
}
