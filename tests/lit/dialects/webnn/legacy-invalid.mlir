// Version 1 IR that version 1 itself rejects is still rejected, under version 1's
// rules, at its location (before any upgrade).
// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 1} {
  func.func @verifier(%x: tensor<1x3x1xf32>, %m: tensor<2x3x4xf32>, %a: tensor<3xf32>, %b: tensor<4x2xf32>, %i: tensor<1x2x3x3xf32>, %w: tensor<2x1x3x3xf32>, %f: tensor<2x2x3x3xf32>, %r: tensor<1x2x4x4xf32>) {
    // expected-error@+1 {{'webnn.squeeze' op axes value 1 names input dimension 1 of size 3, which is not 1}}
    %0 = webnn.squeeze %x {axes = [1]} : (tensor<1x3x1xf32>) -> tensor<1x1xf32>
    // expected-error@+1 {{'webnn.squeeze' op axes value 3 is out of range [0, 3) for rank 3}}
    %1 = webnn.squeeze %x {axes = [3]} : (tensor<1x3x1xf32>) -> tensor<1x3x1xf32>
    // expected-error@+1 {{'webnn.reshape' op newShape [null, 2, null] has 2 null dimensions; at most one is allowed}}
    %2 = webnn.reshape %m {newShape = [null, 2, null]} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
    // expected-error@+1 {{'webnn.reshape' op newShape [5, null] cannot hold the 24 elements of the input}}
    %3 = webnn.reshape %m {newShape = [5, null]} : (tensor<2x3x4xf32>) -> tensor<5x5xf32>
    // expected-error@+1 {{'webnn.slice' op starts value -5 is out of range for dimension 1 of size 3}}
    %4 = webnn.slice %m {starts = [-5], sizes = [1], axes = [1]} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
    // expected-error@+1 {{'webnn.slice' op sizes value -2 for dimension 2 must be positive or -1}}
    %5 = webnn.slice %m {starts = [0], sizes = [-2], axes = [2]} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    // expected-error@+1 {{'webnn.slice' op start 2 + size 3 = 5 exceeds dimension 1 of size 3}}
    %6 = webnn.slice %m {starts = [-1, 2], sizes = [1, 3], axes = [0, 1]} : (tensor<2x3x4xf32>) -> tensor<1x3x4xf32>
    // expected-error@+1 {{'webnn.slice' op sizes has 1 values, expected 2}}
    %7 = webnn.slice %m {starts = [0, 0], sizes = [1], axes = [0, 1]} : (tensor<2x3x4xf32>) -> tensor<1x1x4xf32>
    // expected-error@+1 {{'webnn.softmax' op input rank 3 is not 2}}
    %8 = webnn.softmax %m : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    // expected-error@+1 {{'webnn.matmul' op a shape [3] and b shape [4, 2] have mismatched inner dimensions 3 and 4}}
    %9 = webnn.matmul %a, %b : (tensor<3xf32>, tensor<4x2xf32>) -> tensor<2xf32>
    // expected-error@+1 {{'webnn.conv2d' op result type tensor<1x2x1x1xf32> does not match the inferred type tensor<1x2x3x3xf32>}}
    %10 = webnn.conv2d %i, %f {autoPad = "same-upper"} : (tensor<1x2x3x3xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x1x1xf32>
    // expected-error@+1 {{'webnn.convTranspose2d' op autoPad "same-lower" needs padding -1 along height, which is negative (input height 3, effective filter height 3, stride 4, outputPadding 0)}}
    %11 = webnn.convTranspose2d %i, %w {strides = [4, 1], autoPad = "same-lower"} : (tensor<1x2x3x3xf32>, tensor<2x1x3x3xf32>) -> tensor<1x1x12x3xf32>
    // expected-error@+1 {{'webnn.resample2d' op axes [0, 2] are not one of [0, 1], [1, 2], [2, 3]}}
    %12 = webnn.resample2d %r {axes = [0, 2]} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
    // expected-error@+1 {{'webnn.averagePool2d' op output height 0 is not a valid dimension}}
    %13 = webnn.averagePool2d %r {windowDimensions = [5, 5]} : (tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  // expected-error@+1 {{'func.func' op graph input #0 has data type int64, which webnn version 1 does not have (added in version 2: 2023-12, #478)}}
  func.func @int64(%x: tensor<4xi64>) -> tensor<4xi64> {
    // expected-error@+1 {{'webnn.relu' op operand #0 has data type int64, which webnn version 1 does not have (added in version 2: 2023-12, #478)}}
    %0 = webnn.relu %x : (tensor<4xi64>) -> tensor<4xi64>
    func.return %0 : tensor<4xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @version_2_op(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{unknown operation 'webnn.gelu': the webnn dialect (version 1) has no such op (gelu was added in version 2: 2024-04, #628)}}
    %0 = webnn.gelu %x : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @version_2_option(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.softmax' has no option 'axis'}}
    %0 = webnn.softmax %x {axis = 1} : (tensor<2x4xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @version_2_pool_option(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' has no option 'outputShapeRounding'}}
    %0 = webnn.maxPool2d %x {windowDimensions = [2, 2], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
    func.return %0 : tensor<1x1x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @unknown_activation(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    // expected-error@+1 {{option 'activation': activation "gelu" is not one of "relu", "sigmoid", "tanh", "hardSwish", "softsign", "leakyRelu", "elu", "hardSigmoid", "linear", "softplus", "clamp"}}
    %0 = webnn.conv2d %x, %w {activation = "gelu"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %0 : tensor<1x1x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @activation_option(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    // expected-error@+1 {{option 'activation': activation "relu" has no option 'alpha'}}
    %0 = webnn.conv2d %x, %w {activation = "relu"(alpha = 0.5)} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %0 : tensor<1x1x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @activation_bounds(%x: tensor<1x2x2xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>) -> tensor<1x2x2xf32> {
    // expected-error@+1 {{option 'activation': activation "clamp" minValue 6.0 is greater than maxValue 0.0}}
    %0 = webnn.batchNormalization %x, %m, %v {activation = "clamp"(minValue = 6.0, maxValue = 0.0)} : (tensor<1x2x2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2xf32>
    func.return %0 : tensor<1x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @wildcard_spelling(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
    // expected-error@+1 {{option 'newShape' value -1 is neither a size nor null (version 1 spells the wildcard null)}}
    %0 = webnn.reshape %x {newShape = [-1, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    func.return %0 : tensor<3x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @recurrent_activation_count(%x: tensor<1x1x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x6x2xf32>) -> tensor<1x1x2xf32> {
    // expected-error@+1 {{option 'activations' must have 2 values, got 1}}
    %0 = webnn.gru %x, %w, %r {steps = 1, hiddenSize = 2, activations = ["relu"]} : (tensor<1x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>) -> tensor<1x1x2xf32>
    func.return %0 : tensor<1x1x2xf32>
  }
}

// -----

// argMin/argMax/not in their 2023-12 forms (counted as version 1, versions.ADOPTED):
// exactly one axis in `axes`, int64 indices, a uint8 `not`.
builtin.module attributes {webnn.version = 1} {
  func.func @arg_reduce(%x: tensor<2x5xf32>, %s: tensor<f32>, %f: tensor<4xf32>) {
    // expected-error@+1 {{'webnn.argMax' op has no 'axes': webnn version 1 reads the one-axis form of 2023-12, axes = [a] (a scalar axis since version 2: 2024-07, #724); reducing every dimension, as the 2023-12 text allowed, is not part of it}}
    %0 = webnn.argMax %x : (tensor<2x5xf32>) -> tensor<i64>
    // expected-error@+1 {{'webnn.argMin' op axes [0, 1] has 2 values: webnn version 1 reads the one-axis form of 2023-12, axes = [a] (a scalar axis since version 2: 2024-07, #724)}}
    %1 = webnn.argMin %x {axes = [0, 1]} : (tensor<2x5xf32>) -> tensor<i64>
    // expected-error@+1 {{'webnn.argMin' op axes [] has 0 values: webnn version 1 reads the one-axis form}}
    %2 = webnn.argMin %x {axes = []} : (tensor<2x5xf32>) -> tensor<2x5xi64>
    // expected-error@+1 {{'webnn.argMax' op axes value 2 is out of range [0, 2) for rank 2}}
    %3 = webnn.argMax %x {axes = [2]} : (tensor<2x5xf32>) -> tensor<2xi64>
    // expected-error@+1 {{'webnn.argMin' op axes value -1 is out of range [0, 2) for rank 2}}
    %4 = webnn.argMin %x {axes = [-1]} : (tensor<2x5xf32>) -> tensor<2xi64>
    // expected-error@+1 {{'webnn.argMax' op input rank 0 is not at least 1}}
    %5 = webnn.argMax %s {axes = [0]} : (tensor<f32>) -> tensor<i64>
    // expected-error@+1 {{'webnn.argMax' op result type tensor<2xi32> does not match the inferred type tensor<2xi64>}}
    %6 = webnn.argMax %x {axes = [1]} : (tensor<2x5xf32>) -> tensor<2xi32>
    // expected-error@+1 {{'webnn.argMin' op result type tensor<2xi64> does not match the inferred type tensor<2x1xi64>}}
    %7 = webnn.argMin %x {axes = [1], keepDimensions = true, selectLastIndex = true} : (tensor<2x5xf32>) -> tensor<2xi64>
    // expected-error@+1 {{'webnn.not' op a data type float32 is not one of uint8}}
    %8 = webnn.not %f : (tensor<4xf32>) -> tensor<4xf32>
    func.return
  }
}

// -----

// int64 in version 1 is only what argMin/argMax return (and so a graph output).
builtin.module attributes {webnn.version = 1} {
  func.func @indices(%x: tensor<2x5xf32>) -> (tensor<2xi64>, tensor<2xi64>) {
    %0 = webnn.argMax %x {axes = [1]} : (tensor<2x5xf32>) -> tensor<2xi64>
    // expected-error@+1 {{'webnn.reshape' op operand #0 has data type int64, which webnn version 1 does not have (added in version 2: 2023-12, #478) except as the indices argMin/argMax return}}
    %1 = webnn.reshape %0 {newShape = [2]} : (tensor<2xi64>) -> tensor<2xi64>
    func.return %0, %1 : tensor<2xi64>, tensor<2xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @version_2_arg_option(%x: tensor<2x5xf32>) -> tensor<2xi64> {
    // expected-error@+1 {{'webnn.argMax' has no option 'axis'}}
    %0 = webnn.argMax %x {axis = 1} : (tensor<2x5xf32>) -> tensor<2xi64>
    func.return %0 : tensor<2xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @version_2_output_data_type(%x: tensor<2x5xf32>) -> tensor<2xi64> {
    // expected-error@+1 {{'webnn.argMin' has no option 'outputDataType'}}
    %0 = webnn.argMin %x {axes = [1], outputDataType = "int64"} : (tensor<2x5xf32>) -> tensor<2xi64>
    func.return %0 : tensor<2xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @version_2_name(%m: tensor<4xui8>) -> tensor<4xui8> {
    // expected-error@+1 {{unknown operation 'webnn.logicalNot': the webnn dialect (version 1) has no such op (version 1 spells it not; renamed logicalNot in version 2: 2024-05, #692)}}
    %0 = webnn.logicalNot %m : (tensor<4xui8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}
