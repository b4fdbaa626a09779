// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.reshape' op newShape [2, 0, 3] must all be positive}}
    %0 = webnn.reshape %x {newShape = [2, 0, 3]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.reshape' op newShape [2, 4] has 8 elements but input has 6}}
    %0 = webnn.reshape %x {newShape = [2, 4]} : (tensor<2x3xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
    // expected-error@+1 {{'webnn.reshape' op missing required option 'newShape'}}
    %0 = webnn.reshape %x : (tensor<2x3xf32>) -> tensor<3x2xf32>
    func.return %0 : tensor<3x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>) -> tensor<3x2x4xf32> {
    // expected-error@+1 {{'webnn.transpose' op permutation has 2 values, expected 3}}
    %0 = webnn.transpose %x {permutation = [1, 0]} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
    func.return %0 : tensor<3x2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>) -> tensor<2x4x3xf32> {
    // expected-error@+1 {{'webnn.transpose' op permutation value 3 is out of range [0, 3) for rank 3}}
    %0 = webnn.transpose %x {permutation = [0, 3, 1]} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
    func.return %0 : tensor<2x4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>) -> tensor<2x2x3xf32> {
    // expected-error@+1 {{'webnn.transpose' op permutation [0, 0, 1] has duplicate values}}
    %0 = webnn.transpose %x {permutation = [0, 0, 1]} : (tensor<2x3x4xf32>) -> tensor<2x2x3xf32>
    func.return %0 : tensor<2x2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.transpose' op result type tensor<2x3xf32> does not match the inferred type tensor<3x2xf32>}}
    %0 = webnn.transpose %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.concat' op inputs must not be empty}}
    %0 = "webnn.concat"() <{axis = 0 : i64}> : () -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
    // expected-error@+1 {{'webnn.concat' op axis 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.concat %x, %x {axis = 2} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
    func.return %0 : tensor<2x6xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %y: tensor<2x3xf16>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.concat' op inputs[1] data type float16 does not match inputs[0] data type float32}}
    %0 = webnn.concat %x, %y {axis = 0} : (tensor<2x3xf32>, tensor<2x3xf16>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<5x3xf32> {
    // expected-error@+1 {{'webnn.concat' op inputs[1] rank 1 does not match inputs[0] rank 2}}
    %0 = webnn.concat %x, %y {axis = 0} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<5x3xf32>
    func.return %0 : tensor<5x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %y: tensor<3x1xf32>) -> tensor<2x7xf32> {
    // expected-error@+1 {{'webnn.concat' op inputs[2] shape [3, 1] does not match inputs[0] shape [2, 3] outside axis 1}}
    %0 = webnn.concat %x, %x, %y {axis = 1} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<3x1xf32>) -> tensor<2x7xf32>
    func.return %0 : tensor<2x7xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.split' op splits 0 must be positive}}
    %0 = webnn.split %x {splits = 0} : (tensor<2x4xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x2xf32> {
    // expected-error@+1 {{'webnn.split' op input dimension 1 of size 5 is not divisible by splits 2}}
    %0:2 = webnn.split %x {splits = 2, axis = 1} : (tensor<2x5xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>)
    func.return %0#0 : tensor<2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x4xf32>) -> tensor<2x1xf32> {
    // expected-error@+1 {{'webnn.split' op splits [1, 0, 3] must all be positive}}
    %0:3 = webnn.split %x {splits = [1, 0, 3], axis = 1} : (tensor<2x4xf32>) -> (tensor<2x1xf32>, tensor<2x0xf32>, tensor<2x3xf32>)
    func.return %0#0 : tensor<2x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x4xf32>) -> tensor<2x1xf32> {
    // expected-error@+1 {{'webnn.split' op splits [1, 2] sum to 3 but input dimension 1 has size 4}}
    %0:2 = webnn.split %x {splits = [1, 2], axis = 1} : (tensor<2x4xf32>) -> (tensor<2x1xf32>, tensor<2x2xf32>)
    func.return %0#0 : tensor<2x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
    // expected-error@+1 {{'webnn.split' op axis 2 is out of range [0, 2) for rank 2}}
    %0:2 = webnn.split %x {splits = 2, axis = 2} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
    func.return %0#0 : tensor<2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
    // expected-error@+1 {{'webnn.split' op has 1 results but the inferred signature has 2}}
    %0 = webnn.split %x {splits = 2, axis = 1} : (tensor<2x4xf32>) -> tensor<2x2xf32>
    func.return %0 : tensor<2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.split' op result #1 type tensor<2x3xf32> does not match the inferred type tensor<2x1xf32>}}
    %0:2 = webnn.split %x {splits = [3, 1], axis = 1} : (tensor<2x4xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>)
    func.return %0#0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.slice' op starts has 1 values, expected 2}}
    %0 = webnn.slice %x {starts = [0], sizes = [2, 5]} : (tensor<2x5xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.slice' op sizes has 3 values, expected 2}}
    %0 = webnn.slice %x {starts = [0, 0], sizes = [2, 5, 1]} : (tensor<2x5xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.slice' op strides has 1 values, expected 2}}
    %0 = webnn.slice %x {starts = [0, 0], sizes = [2, 5], strides = [1]} : (tensor<2x5xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.slice' op starts [-1, 0] must not be negative}}
    %0 = webnn.slice %x {starts = [-1, 0], sizes = [2, 5]} : (tensor<2x5xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.slice' op sizes [0, 5] must all be positive}}
    %0 = webnn.slice %x {starts = [0, 0], sizes = [0, 5]} : (tensor<2x5xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.slice' op strides [1, 0] must all be positive}}
    %0 = webnn.slice %x {starts = [0, 0], sizes = [2, 5], strides = [1, 0]} : (tensor<2x5xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.slice' op starts[1] + sizes[1] = 6 exceeds input dimension 1 of size 5}}
    %0 = webnn.slice %x {starts = [0, 2], sizes = [2, 4]} : (tensor<2x5xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x5xf32>) -> tensor<2x2xf32> {
    // expected-error@+1 {{'webnn.slice' op result type tensor<2x2xf32> does not match the inferred type tensor<2x3xf32>}}
    %0 = webnn.slice %x {starts = [0, 0], sizes = [2, 5], strides = [1, 2]} : (tensor<2x5xf32>) -> tensor<2x2xf32>
    func.return %0 : tensor<2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<3x1xf32>) -> tensor<1x3x4xf32> {
    // expected-error@+1 {{'webnn.expand' op newShape [0, 3, 4] must all be positive}}
    %0 = webnn.expand %x {newShape = [0, 3, 4]} : (tensor<3x1xf32>) -> tensor<1x3x4xf32>
    func.return %0 : tensor<1x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<3x2xf32>) -> tensor<3x4xf32> {
    // expected-error@+1 {{'webnn.expand' op input shape [3, 2] is not unidirectionally broadcastable to newShape [3, 4]}}
    %0 = webnn.expand %x {newShape = [3, 4]} : (tensor<3x2xf32>) -> tensor<3x4xf32>
    func.return %0 : tensor<3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>) -> tensor<3xf32> {
    // expected-error@+1 {{'webnn.expand' op input shape [1, 3] is not unidirectionally broadcastable to newShape [3]}}
    %0 = webnn.expand %x {newShape = [3]} : (tensor<1x3xf32>) -> tensor<3xf32>
    func.return %0 : tensor<3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.tile' op repetitions has 1 values, expected 2}}
    %0 = webnn.tile %x {repetitions = [2]} : (tensor<2x3xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.tile' op repetitions [2, 0] must all be positive}}
    %0 = webnn.tile %x {repetitions = [2, 0]} : (tensor<2x3xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>) -> tensor<f32> {
    // expected-error@+1 {{'webnn.pad' op input rank 0 is not at least 1}}
    %0 = webnn.pad %x {beginningPadding = [], endingPadding = []} : (tensor<f32>) -> tensor<f32>
    func.return %0 : tensor<f32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<4x5xf32> {
    // expected-error@+1 {{'webnn.pad' op beginningPadding has 1 values, expected 2}}
    %0 = webnn.pad %x {beginningPadding = [1], endingPadding = [1, 1]} : (tensor<2x3xf32>) -> tensor<4x5xf32>
    func.return %0 : tensor<4x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<4x5xf32> {
    // expected-error@+1 {{'webnn.pad' op endingPadding has 3 values, expected 2}}
    %0 = webnn.pad %x {beginningPadding = [1, 1], endingPadding = [1, 1, 1]} : (tensor<2x3xf32>) -> tensor<4x5xf32>
    func.return %0 : tensor<4x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.pad' op beginningPadding [-1, 0] must not be negative}}
    %0 = webnn.pad %x {beginningPadding = [-1, 0], endingPadding = [1, 1]} : (tensor<2x3xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
    // expected-error@+1 {{'webnn.pad' op endingPadding [0, -2] must not be negative}}
    %0 = webnn.pad %x {beginningPadding = [0, 0], endingPadding = [0, -2]} : (tensor<2x3xf32>) -> tensor<2x1xf32>
    func.return %0 : tensor<2x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<4x7xf32> {
    // expected-error@+1 {{'webnn.pad' op beginningPadding[1] 3 must be less than input dimension 1 of size 3 in reflection mode}}
    %0 = webnn.pad %x {beginningPadding = [1, 3], endingPadding = [1, 1], mode = "reflection"} : (tensor<2x3xf32>) -> tensor<4x7xf32>
    func.return %0 : tensor<4x7xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<5x5xf32> {
    // expected-error@+1 {{'webnn.pad' op endingPadding[0] 2 must be less than input dimension 0 of size 2 in reflection mode}}
    %0 = webnn.pad %x {beginningPadding = [1, 1], endingPadding = [2, 1], mode = "reflection"} : (tensor<2x3xf32>) -> tensor<5x5xf32>
    func.return %0 : tensor<5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<4x5xf32> {
    // expected-error@+1 {{'webnn.pad' op option 'mode' value "symmetric" is not one of "constant", "edge", "reflection"}}
    %0 = webnn.pad %x {beginningPadding = [1, 1], endingPadding = [1, 1], mode = "symmetric"} : (tensor<2x3xf32>) -> tensor<4x5xf32>
    func.return %0 : tensor<4x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.reverse' op axes value 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.reverse %x {axes = [2]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.reverse' op axes [0, 0] has duplicate values}}
    %0 = webnn.reverse %x {axes = [0, 0]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<3xf32>) -> tensor<3xf32> {
    // expected-error@+1 {{'webnn.triangular' op input rank 1 is not at least 2}}
    %0 = webnn.triangular %x : (tensor<3xf32>) -> tensor<3xf32>
    func.return %0 : tensor<3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%c: tensor<2xi8>, %a: tensor<2xf32>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.where' op condition data type int8 is not one of uint8}}
    %0 = webnn.where %c, %a, %a : (tensor<2xi8>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%c: tensor<2xui8>, %a: tensor<2xf32>, %b: tensor<2xf16>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.where' op falseValue data type float16 does not match trueValue data type float32}}
    %0 = webnn.where %c, %a, %b : (tensor<2xui8>, tensor<2xf32>, tensor<2xf16>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%c: tensor<2xui8>, %a: tensor<2xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
    // expected-error@+1 {{'webnn.where' op trueValue and falseValue shapes [2] and [3] are not broadcastable}}
    %0 = webnn.where %c, %a, %b : (tensor<2xui8>, tensor<2xf32>, tensor<3xf32>) -> tensor<3xf32>
    func.return %0 : tensor<3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%c: tensor<4xui8>, %a: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.where' op condition and value shapes [4] and [2, 3] are not broadcastable}}
    %0 = webnn.where %c, %a, %a : (tensor<4xui8>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xi8> {
    // expected-error@+1 {{'webnn.cast' op option 'dataType' value "bool" is not one of "float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8"}}
    %0 = webnn.cast %x {dataType = "bool"} : (tensor<2x3xf32>) -> tensor<2x3xi8>
    func.return %0 : tensor<2x3xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xi64> {
    // expected-error@+1 {{'webnn.cast' op result type tensor<2x3xi64> does not match the inferred type tensor<2x3xi32>}}
    %0 = webnn.cast %x {dataType = "int32"} : (tensor<2x3xf32>) -> tensor<2x3xi64>
    func.return %0 : tensor<2x3xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xi32>) -> tensor<1x3x4x4xi32> {
    // expected-error@+1 {{'webnn.resample2d' op input data type int32 is not one of float32, float16, uint8, int8}}
    %0 = webnn.resample2d %x : (tensor<1x3x4x4xi32>) -> tensor<1x3x4x4xi32>
    func.return %0 : tensor<1x3x4x4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<3x4x4xf32>) -> tensor<3x4x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op input rank 3 is not 4}}
    %0 = webnn.resample2d %x {axes = [1, 2]} : (tensor<3x4x4xf32>) -> tensor<3x4x4xf32>
    func.return %0 : tensor<3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op axes value 4 is out of range [0, 4) for rank 4}}
    %0 = webnn.resample2d %x {axes = [2, 4]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op axes [2, 2] has duplicate values}}
    %0 = webnn.resample2d %x {axes = [2, 2]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op option 'axes' must have 2 values, got 3}}
    %0 = webnn.resample2d %x {axes = [1, 2, 3]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op option 'scales' must have 2 values, got 1}}
    %0 = webnn.resample2d %x {scales = [2.0]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x4xf32>
    func.return %0 : tensor<1x3x8x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32> {
    // expected-error@+1 {{'webnn.resample2d' op option 'sizes' must have 2 values, got 3}}
    %0 = webnn.resample2d %x {sizes = [8, 8, 8]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
    func.return %0 : tensor<1x3x8x8xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op scales [0.0, 1.0] must all be positive}}
    %0 = webnn.resample2d %x {scales = [0.0, 1.0]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op sizes [0, 4] must all be positive}}
    %0 = webnn.resample2d %x {sizes = [0, 4]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x1x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op scales[0] 0.2 resizes input dimension 2 of size 4 to 0, which is not a valid dimension}}
    %0 = webnn.resample2d %x {scales = [0.2, 1.0]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x1x4xf32>
    func.return %0 : tensor<1x3x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
    // expected-error@+1 {{'webnn.resample2d' op scales[1] 1e+300 resizes input dimension 3 of size 4 to inf, which is not a valid dimension}}
    %0 = webnn.resample2d %x {scales = [1.0, 1.0e300]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x1x10x2xf32>) -> tensor<1x1x7x2xf32> {
    // expected-error@+1 {{'webnn.resample2d' op result type tensor<1x1x7x2xf32> does not match the inferred type tensor<1x1x6x2xf32>}}
    %0 = webnn.resample2d %x {scales = [0.7, 1.0]} : (tensor<1x1x10x2xf32>) -> tensor<1x1x7x2xf32>
    func.return %0 : tensor<1x1x7x2xf32>
  }
}
