// Verification reports every error of the file, each at its op, and absurd sizes.
// RUN: webnn-opt %s --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @two_errors(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.add' op shapes [2, 3] and [4] are not broadcastable}}
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
    // expected-error@+1 {{'webnn.relu' op result type tensor<2x4xf32> does not match the inferred type tensor<2x3xf32>}}
    %1 = webnn.relu %a : (tensor<2x3xf32>) -> tensor<2x4xf32>
    func.return %a : tensor<2x3xf32>
  }

  // expected-error@+1 {{'func.func' op graph input #0 of type tensor<65536x65536x65536xf32> is invalid: tensor of 281474976710656 elements (1125899906842624 bytes) exceeds the limit of 17179869184 bytes}}
  func.func @absurd(%a: tensor<65536x65536x65536xf32>) -> tensor<65536x65536x65536xf32> {
    // expected-error@+1 {{'webnn.relu' op operand 'input' of type tensor<65536x65536x65536xf32> is invalid}}
    %0 = webnn.relu %a : (tensor<65536x65536x65536xf32>) -> tensor<65536x65536x65536xf32>
    func.return %0 : tensor<65536x65536x65536xf32>
  }

  // expected-error@+1 {{'func.func' op graph input #0 of type tensor<4611686018427387904xf32> is invalid: dimension 4611686018427387904 exceeds the largest valid dimension 4294967295}}
  func.func @huge_dim(%a: tensor<4611686018427387904xf32>) -> tensor<4611686018427387904xf32> {
    func.return %a : tensor<4611686018427387904xf32>
  }

  func.func @not_webnn_types(%a: tensor<2xi1>) -> tensor<2xi1> {
    // expected-error@+1 {{'webnn.relu' op operand 'input' must be a statically shaped tensor of a WebNN data type, got tensor<2xi1>}}
    %0 = webnn.relu %a : (tensor<2xi1>) -> tensor<2xi1>
    func.return %0 : tensor<2xi1>
  }

  func.func @dynamic(%a: tensor<?xf32>) -> tensor<?xf32> {
    // expected-error@+1 {{'webnn.relu' op operand 'input' must be a statically shaped tensor}}
    %0 = webnn.relu %a : (tensor<?xf32>) -> tensor<?xf32>
    func.return %0 : tensor<?xf32>
  }

  // expected-error@+1 {{'func.func' op graph input #0 of type tensor<0x3xf32> is invalid: dimension 0 is not a positive size}}
  func.func @zero_dim(%a: tensor<0x3xf32>) -> tensor<0x3xf32> {
    // expected-error@+1 {{'webnn.relu' op operand 'input' of type tensor<0x3xf32> is invalid: dimension 0 is not a positive size}}
    %0 = webnn.relu %a : (tensor<0x3xf32>) -> tensor<0x3xf32>
    func.return %0 : tensor<0x3xf32>
  }
}
