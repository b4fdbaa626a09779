// Parse errors point at the offending token, one per split chunk.
// RUN: webnn-opt %s --split-input-file --verify-diagnostics

func.func @unknown_op(%x: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{unknown operation 'webnn.frobnicate': the webnn dialect (version 2) has no such op}}
  %0 = webnn.frobnicate %x : (tensor<2xf32>) -> tensor<2xf32>
  func.return %0 : tensor<2xf32>
}

// -----

func.func @unknown_option(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'webnn.softmax' has no option 'axes'}}
  %0 = webnn.softmax %x {axes = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.return %0 : tensor<2x3xf32>
}

// -----

func.func @duplicate_option(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{option 'axis' is given twice}}
  %0 = webnn.softmax %x {axis = 1, axis = 0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.return %0 : tensor<2x3xf32>
}

// -----

func.func @bad_option_value(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{option 'alpha' expects a number}}
  %0 = webnn.elu %x {alpha = "big"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.return %0 : tensor<2x3xf32>
}

// -----

func.func @operand_count(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{'webnn.add' expects 2 positional operands, got 1}}
  %0 = webnn.add %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.return %0 : tensor<2x3xf32>
}

// -----

func.func @type_count(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{expected 2 operand types but got 1}}
  %0 = webnn.add %x, %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.return %0 : tensor<2x3xf32>
}

// -----

func.func @undefined_value(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = webnn.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-error@+1 {{use of undefined value '%y'}}
  func.return %y : tensor<2x3xf32>
}

// -----

func.func @huge_literal() -> tensor<4611686018427387904xf32> {
  // expected-error@+1 {{dense literal of type tensor<4611686018427387904xf32> exceeds the limit of 17179869184 bytes}}
  %0 = webnn.constant dense<1.0> : tensor<4611686018427387904xf32>
  func.return %0 : tensor<4611686018427387904xf32>
}

// -----

// A literal that does not fill its type is reported on the literal's line, not on the
// token after the type (the next line).
func.func @literal_shape() -> tensor<2x2xf32> {
  // expected-error@+1 {{dense literal does not match its type: expected [2, 2] shape from the type, but got [3] shape}}
  %0 = webnn.constant dense<[1.0, 2.0, 3.0]> : tensor<2x2xf32>
  func.return %0 : tensor<2x2xf32>
}

// -----

// So is a hex literal that is not hex (the way large weights are printed).
func.func @literal_hex() -> tensor<2xf32> {
  // expected-error@+1 {{dense literal's hex string is invalid}}
  %0 = webnn.constant dense<"0x0000803FZZ000040"> : tensor<2xf32>
  func.return %0 : tensor<2xf32>
}
