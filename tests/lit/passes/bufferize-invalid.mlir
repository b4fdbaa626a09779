// bufferize reads a graph on tensors; IR of a later stage is refused at its function,
// not misread (webnn-translate --emit=buffers on such a file says so too).
// RUN: webnn-opt %s --split-input-file -p bufferize --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  // expected-error@+2 {{bufferize expects a graph on tensors, but argument #0 has type memref<4xf32>}}
  // expected-error@+1 {{bufferize expects a graph on tensors, but argument #1 has type memref<4xf32>}}
  func.func @buffers(%a: memref<4xf32>, %b: memref<4xf32>) {
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  // expected-error@+2 {{bufferize expects a graph on tensors, but argument #0 has type index}}
  // expected-error@+1 {{bufferize expects a graph of one block, not 2}}
  func.func @blocks(%n: index) -> tensor<2xf32> {
    %0 = tensor.empty() : tensor<2xf32>
    cf.br ^bb1
  ^bb1:
    func.return %0 : tensor<2xf32>
  }
}
