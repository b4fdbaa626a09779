// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.add' op shapes [2, 3] and [4] are not broadcastable}}
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<2x3xf16>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.add' op b data type float16 does not match a data type float32}}
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<2x3xf16>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
    // expected-error@+1 {{'webnn.add' op result type tensor<3xf32> does not match the inferred type tensor<2x3xf32>}}
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3xf32>
    func.return %0 : tensor<3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf16> {
    // expected-error@+1 {{'webnn.add' op result type tensor<2x3xf16> does not match the inferred type tensor<2x3xf32>}}
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf16>
    func.return %0 : tensor<2x3xf16>
  }
}

// -----

// Valid operands whose broadcast result is too large.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<131072x1xf32>, %b: tensor<1x131072xf32>) -> tensor<131072x1xf32> {
    // expected-error@+1 {{'webnn.add' op inferred result shape [131072, 131072] is invalid: tensor of 17179869184 elements (68719476736 bytes) exceeds the limit of 17179869184 bytes}}
    %0 = webnn.add %a, %b : (tensor<131072x1xf32>, tensor<1x131072xf32>) -> tensor<131072x131072xf32>
    func.return %a : tensor<131072x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xi16>, %b: tensor<4xi16>) -> tensor<4xi16> {
    // expected-error@+1 {{'webnn.add' op operand 'a' must be a statically shaped tensor of a WebNN data type, got tensor<4xi16>}}
    %0 = webnn.add %a, %b : (tensor<4xi16>, tensor<4xi16>) -> tensor<4xi16>
    func.return %0 : tensor<4xi16>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xf32>, %b: tensor<4xbf16>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.add' op operand 'b' must be a statically shaped tensor of a WebNN data type, got tensor<4xbf16>}}
    %0 = webnn.add %a, %b : (tensor<4xf32>, tensor<4xbf16>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xi32>, %b: tensor<3x2xi32>) -> tensor<2x3xi32> {
    // expected-error@+1 {{'webnn.sub' op shapes [2, 3] and [3, 2] are not broadcastable}}
    %0 = webnn.sub %a, %b : (tensor<2x3xi32>, tensor<3x2xi32>) -> tensor<2x3xi32>
    func.return %0 : tensor<2x3xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xi64>, %b: tensor<4xi32>) -> tensor<4xi64> {
    // expected-error@+1 {{'webnn.mul' op b data type int32 does not match a data type int64}}
    %0 = webnn.mul %a, %b : (tensor<4xi64>, tensor<4xi32>) -> tensor<4xi64>
    func.return %0 : tensor<4xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xui8>, %b: tensor<5xui8>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.div' op shapes [4] and [5] are not broadcastable}}
    %0 = webnn.div %a, %b : (tensor<4xui8>, tensor<5xui8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xi8>, %b: tensor<4xui8>) -> tensor<4xi8> {
    // expected-error@+1 {{'webnn.max' op b data type uint8 does not match a data type int8}}
    %0 = webnn.max %a, %b : (tensor<4xi8>, tensor<4xui8>) -> tensor<4xi8>
    func.return %0 : tensor<4xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<3x1xf16>, %b: tensor<4xf16>) -> tensor<3x1xf16> {
    // expected-error@+1 {{'webnn.min' op result type tensor<3x1xf16> does not match the inferred type tensor<3x4xf16>}}
    %0 = webnn.min %a, %b : (tensor<3x1xf16>, tensor<4xf16>) -> tensor<3x1xf16>
    func.return %0 : tensor<3x1xf16>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3x4xf32>, %b: tensor<3x5xf32>) -> tensor<2x3x4xf32> {
    // expected-error@+1 {{'webnn.pow' op shapes [2, 3, 4] and [3, 5] are not broadcastable}}
    %0 = webnn.pow %a, %b : (tensor<2x3x4xf32>, tensor<3x5xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xf32>, %b: tensor<4xi32>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.equal' op b data type int32 does not match a data type float32}}
    %0 = webnn.equal %a, %b : (tensor<4xf32>, tensor<4xi32>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

// A comparison returns uint8, not its operand type.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.notEqual' op result type tensor<2x3xf32> does not match the inferred type tensor<2x3xui8>}}
    %0 = webnn.notEqual %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xi32>, %b: tensor<2xi32>) -> tensor<2x3xui8> {
    // expected-error@+1 {{'webnn.greater' op shapes [2, 3] and [2] are not broadcastable}}
    %0 = webnn.greater %a, %b : (tensor<2x3xi32>, tensor<2xi32>) -> tensor<2x3xui8>
    func.return %0 : tensor<2x3xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xf16>, %b: tensor<4xf32>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.greaterOrEqual' op b data type float32 does not match a data type float16}}
    %0 = webnn.greaterOrEqual %a, %b : (tensor<4xf16>, tensor<4xf32>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xi8>, %b: tensor<4xi8>) -> tensor<4xi8> {
    // expected-error@+1 {{'webnn.lesser' op result type tensor<4xi8> does not match the inferred type tensor<4xui8>}}
    %0 = webnn.lesser %a, %b : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
    func.return %0 : tensor<4xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xui32>, %b: tensor<4xui64>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.lesserOrEqual' op b data type uint64 does not match a data type uint32}}
    %0 = webnn.lesserOrEqual %a, %b : (tensor<4xui32>, tensor<4xui64>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x4xi64>, %b: tensor<3x1xi64>) -> tensor<3x4xui8> {
    // expected-error@+1 {{'webnn.lesserOrEqual' op shapes [2, 4] and [3, 1] are not broadcastable}}
    %0 = webnn.lesserOrEqual %a, %b : (tensor<2x4xi64>, tensor<3x1xi64>) -> tensor<3x4xui8>
    func.return %0 : tensor<3x4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.logicalAnd' op a data type float32 is not one of uint8}}
    %0 = webnn.logicalAnd %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xui8>, %b: tensor<2xui8>) -> tensor<2x3xui8> {
    // expected-error@+1 {{'webnn.logicalAnd' op shapes [2, 3] and [2] are not broadcastable}}
    %0 = webnn.logicalAnd %a, %b : (tensor<2x3xui8>, tensor<2xui8>) -> tensor<2x3xui8>
    func.return %0 : tensor<2x3xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xui8>, %b: tensor<4xi8>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.logicalOr' op b data type int8 does not match a data type uint8}}
    %0 = webnn.logicalOr %a, %b : (tensor<4xui8>, tensor<4xi8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.logicalOr' op a data type int32 is not one of uint8}}
    %0 = webnn.logicalOr %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xui32>, %b: tensor<4xui32>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.logicalXor' op a data type uint32 is not one of uint8}}
    %0 = webnn.logicalXor %a, %b : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.logicalNot' op a data type float32 is not one of uint8}}
    %0 = webnn.logicalNot %a : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xui8>) -> tensor<3x2xui8> {
    // expected-error@+1 {{'webnn.logicalNot' op result type tensor<3x2xui8> does not match the inferred type tensor<2x3xui8>}}
    %0 = webnn.logicalNot %a : (tensor<2x3xui8>) -> tensor<3x2xui8>
    func.return %0 : tensor<3x2xui8>
  }
}

// -----

// i1 is not a WebNN data type: truth values are uint8.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<4xi1>) -> tensor<4xi1> {
    // expected-error@+1 {{'webnn.logicalNot' op operand 'a' must be a statically shaped tensor of a WebNN data type, got tensor<4xi1>}}
    %0 = webnn.logicalNot %a : (tensor<4xi1>) -> tensor<4xi1>
    func.return %0 : tensor<4xi1>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.isNaN' op input data type int32 is not one of float32, float16}}
    %0 = webnn.isNaN %x : (tensor<4xi32>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.isNaN' op result type tensor<4xf32> does not match the inferred type tensor<4xui8>}}
    %0 = webnn.isNaN %x : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui8>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.isInfinite' op input data type uint8 is not one of float32, float16}}
    %0 = webnn.isInfinite %x : (tensor<4xui8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui32>) -> tensor<4xui32> {
    // expected-error@+1 {{'webnn.abs' op input data type uint32 is not one of float32, float16, int64, int32, int8}}
    %0 = webnn.abs %x : (tensor<4xui32>) -> tensor<4xui32>
    func.return %0 : tensor<4xui32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.ceil' op input data type int32 is not one of float32, float16}}
    %0 = webnn.ceil %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi64>) -> tensor<4xi64> {
    // expected-error@+1 {{'webnn.cos' op input data type int64 is not one of float32, float16}}
    %0 = webnn.cos %x : (tensor<4xi64>) -> tensor<4xi64>
    func.return %0 : tensor<4xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi8>) -> tensor<4xi8> {
    // expected-error@+1 {{'webnn.erf' op input data type int8 is not one of float32, float16}}
    %0 = webnn.erf %x : (tensor<4xi8>) -> tensor<4xi8>
    func.return %0 : tensor<4xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui8>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.exp' op input data type uint8 is not one of float32, float16}}
    %0 = webnn.exp %x : (tensor<4xui8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.floor' op input data type int32 is not one of float32, float16}}
    %0 = webnn.floor %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

// identity takes every WebNN type but keeps it.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xui64>) -> tensor<2x3xi64> {
    // expected-error@+1 {{'webnn.identity' op result type tensor<2x3xi64> does not match the inferred type tensor<2x3xui64>}}
    %0 = webnn.identity %x : (tensor<2x3xui64>) -> tensor<2x3xi64>
    func.return %0 : tensor<2x3xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<?x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.identity' op operand 'input' must be a statically shaped tensor of a WebNN data type, got tensor<?x3xf32>}}
    %0 = webnn.identity %x : (tensor<?x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

// An empty dimension: the graph input and the op both report it.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{'func.func' op graph input #0 of type tensor<2x0xf32> is invalid: dimension 0 is not a positive size}}
  func.func @f(%x: tensor<2x0xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.identity' op operand 'input' of type tensor<2x0xf32> is invalid: dimension 0 is not a positive size}}
    %0 = webnn.identity %x : (tensor<2x0xf32>) -> tensor<2x0xf32>
    %1 = webnn.constant dense<0.0> : tensor<2x3xf32>
    func.return %1 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui32>) -> tensor<4xui32> {
    // expected-error@+1 {{'webnn.log' op input data type uint32 is not one of float32, float16}}
    %0 = webnn.log %x : (tensor<4xui32>) -> tensor<4xui32>
    func.return %0 : tensor<4xui32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui8>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.neg' op input data type uint8 is not one of float32, float16, int64, int32, int8}}
    %0 = webnn.neg %x : (tensor<4xui8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi64>) -> tensor<4xi64> {
    // expected-error@+1 {{'webnn.reciprocal' op input data type int64 is not one of float32, float16}}
    %0 = webnn.reciprocal %x : (tensor<4xi64>) -> tensor<4xi64>
    func.return %0 : tensor<4xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.roundEven' op input data type int32 is not one of float32, float16}}
    %0 = webnn.roundEven %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui64>) -> tensor<4xui64> {
    // expected-error@+1 {{'webnn.sign' op input data type uint64 is not one of float32, float16, int64, int32, int8}}
    %0 = webnn.sign %x : (tensor<4xui64>) -> tensor<4xui64>
    func.return %0 : tensor<4xui64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi8>) -> tensor<4xi8> {
    // expected-error@+1 {{'webnn.sin' op input data type int8 is not one of float32, float16}}
    %0 = webnn.sin %x : (tensor<4xi8>) -> tensor<4xi8>
    func.return %0 : tensor<4xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.sqrt' op input data type int32 is not one of float32, float16}}
    %0 = webnn.sqrt %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui32>) -> tensor<4xui32> {
    // expected-error@+1 {{'webnn.tan' op input data type uint32 is not one of float32, float16}}
    %0 = webnn.tan %x : (tensor<4xui32>) -> tensor<4xui32>
    func.return %0 : tensor<4xui32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
    // expected-error@+1 {{'webnn.sqrt' op result type tensor<3x2xf32> does not match the inferred type tensor<2x3xf32>}}
    %0 = webnn.sqrt %x : (tensor<2x3xf32>) -> tensor<3x2xf32>
    func.return %0 : tensor<3x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui32>) -> tensor<4xui32> {
    // expected-error@+1 {{'webnn.relu' op input data type uint32 is not one of float32, float16, int64, int32, int8}}
    %0 = webnn.relu %x : (tensor<4xui32>) -> tensor<4xui32>
    func.return %0 : tensor<4xui32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.sigmoid' op input data type int32 is not one of float32, float16}}
    %0 = webnn.sigmoid %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi64>) -> tensor<4xi64> {
    // expected-error@+1 {{'webnn.tanh' op input data type int64 is not one of float32, float16}}
    %0 = webnn.tanh %x : (tensor<4xi64>) -> tensor<4xi64>
    func.return %0 : tensor<4xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.clamp' op minValue 6 is greater than maxValue 0}}
    %0 = webnn.clamp %x {minValue = 6, maxValue = 0} : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.clamp' op minValue 1.5 is greater than maxValue -1.5}}
    %0 = webnn.clamp %x {minValue = 1.5, maxValue = -1.5} : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

// A NaN bound is refused on every data type (on integer data it has no value at all).
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.clamp' op minValue is NaN}}
    %0 = webnn.clamp %x {minValue = nan} : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.clamp' op maxValue is NaN}}
    %0 = webnn.clamp %x {minValue = 0.0, maxValue = -nan} : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xf16>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.clamp' op result type tensor<4xf32> does not match the inferred type tensor<4xf16>}}
    %0 = webnn.clamp %x {minValue = 0.0} : (tensor<4xf16>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

// Generic form: a bound that is not a number.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.clamp' op option 'minValue' must be an integer or a float, got "low"}}
    %0 = "webnn.clamp"(%x) <{minValue = "low"}> : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.elu' op input data type int32 is not one of float32, float16}}
    %0 = webnn.elu %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

// Generic form: alpha stored as an integer.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.elu' op 1 : i64 should be of base attribute float}}
    %0 = "webnn.elu"(%x) <{alpha = 1 : i64}> : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.gelu' op input data type int32 is not one of float32, float16}}
    %0 = webnn.gelu %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui8>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.hardSigmoid' op input data type uint8 is not one of float32, float16}}
    %0 = webnn.hardSigmoid %x {alpha = 0.5} : (tensor<4xui8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi64>) -> tensor<4xi64> {
    // expected-error@+1 {{'webnn.hardSwish' op input data type int64 is not one of float32, float16}}
    %0 = webnn.hardSwish %x : (tensor<4xi64>) -> tensor<4xi64>
    func.return %0 : tensor<4xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi8>) -> tensor<4xi8> {
    // expected-error@+1 {{'webnn.leakyRelu' op input data type int8 is not one of float32, float16}}
    %0 = webnn.leakyRelu %x {alpha = 0.1} : (tensor<4xi8>) -> tensor<4xi8>
    func.return %0 : tensor<4xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.linear' op input data type int32 is not one of float32, float16}}
    %0 = webnn.linear %x {alpha = 2.0, beta = 1.0} : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.softplus' op input data type int32 is not one of float32, float16}}
    %0 = webnn.softplus %x : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xi64>) -> tensor<4xi64> {
    // expected-error@+1 {{'webnn.softsign' op input data type int64 is not one of float32, float16}}
    %0 = webnn.softsign %x : (tensor<4xi64>) -> tensor<4xi64>
    func.return %0 : tensor<4xi64>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4xui8>, %s: tensor<4xui8>) -> tensor<4xui8> {
    // expected-error@+1 {{'webnn.prelu' op input data type uint8 is not one of float32, float16, int64, int32, int8}}
    %0 = webnn.prelu %x, %s : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    func.return %0 : tensor<4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %s: tensor<3xf16>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.prelu' op slope data type float16 does not match input data type float32}}
    %0 = webnn.prelu %x, %s : (tensor<2x3xf32>, tensor<3xf16>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %s: tensor<4xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.prelu' op slope [4] and [2, 3] are not broadcastable}}
    %0 = webnn.prelu %x, %s : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

// The slope may not stretch the input.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %s: tensor<2x3xf32>) -> tensor<1x3xf32> {
    // expected-error@+1 {{'webnn.prelu' op slope shape [2, 3] is not unidirectionally broadcastable to [1, 3]}}
    %0 = webnn.prelu %x, %s : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<1x3xf32>
    func.return %0 : tensor<1x3xf32>
  }
}

// -----

// The slope may not have a higher rank than the input.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %s: tensor<1x2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.prelu' op slope shape [1, 2, 3] is not unidirectionally broadcastable to [2, 3]}}
    %0 = webnn.prelu %x, %s : (tensor<2x3xf32>, tensor<1x2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xi32>, %s: tensor<3xi32>) -> tensor<3xi32> {
    // expected-error@+1 {{'webnn.prelu' op result type tensor<3xi32> does not match the inferred type tensor<2x3xi32>}}
    %0 = webnn.prelu %x, %s : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<3xi32>
    func.return %0 : tensor<3xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
    // expected-error@+1 {{'webnn.softmax' op input data type int32 is not one of float32, float16}}
    %0 = webnn.softmax %x {axis = 1} : (tensor<2x3xi32>) -> tensor<2x3xi32>
    func.return %0 : tensor<2x3xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>) -> tensor<f32> {
    // expected-error@+1 {{'webnn.softmax' op input rank 0 is not at least 1}}
    %0 = webnn.softmax %x {axis = 0} : (tensor<f32>) -> tensor<f32>
    func.return %0 : tensor<f32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.softmax' op axis 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.softmax %x {axis = 2} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

// Negative axes are not accepted.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.softmax' op axis -1 is out of range [0, 2) for rank 2}}
    %0 = webnn.softmax %x {axis = -1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.softmax' op missing required option 'axis'}}
    %0 = webnn.softmax %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

// Generic form: axis stored as an i32.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.softmax' op option 'axis' must be an i64 integer, got 1 : i32}}
    %0 = "webnn.softmax"(%x) <{axis = 1 : i32}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf16>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.softmax' op result type tensor<2x3xf32> does not match the inferred type tensor<2x3xf16>}}
    %0 = webnn.softmax %x {axis = 1} : (tensor<2x3xf16>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}
