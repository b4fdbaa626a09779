// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xi32>, %m: tensor<4xi32>, %v: tensor<4xi32>) -> tensor<1x4x2x2xi32> {
    // expected-error@+1 {{'webnn.batchNormalization' op input data type int32 is not one of float32, float16}}
    %0 = webnn.batchNormalization %x, %m, %v : (tensor<1x4x2x2xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<1x4x2x2xi32>
    func.return %0 : tensor<1x4x2x2xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op axis 4 is out of range [0, 4) for rank 4}}
    %0 = webnn.batchNormalization %x, %m, %v {axis = 4} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op axis -1 is out of range [0, 4) for rank 4}}
    %0 = webnn.batchNormalization %x, %m, %v {axis = -1} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf16>, %v: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op mean data type float16 does not match input data type float32}}
    %0 = webnn.batchNormalization %x, %m, %v : (tensor<1x4x2x2xf32>, tensor<4xf16>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<2xf32>, %v: tensor<4xf32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op mean shape [2] is not [4]}}
    %0 = webnn.batchNormalization %x, %m, %v : (tensor<1x4x2x2xf32>, tensor<2xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf16>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op variance data type float16 does not match input data type float32}}
    %0 = webnn.batchNormalization %x, %m, %v : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf16>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<1x4xf32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op variance shape [1, 4] is not [4]}}
    %0 = webnn.batchNormalization %x, %m, %v : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<1x4xf32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %s: tensor<4xf16>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op scale data type float16 does not match input data type float32}}
    %0 = webnn.batchNormalization %x, %m, %v {scale = %s} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf16>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %s: tensor<2xf32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op scale shape [2] is not [4]}}
    %0 = webnn.batchNormalization %x, %m, %v {scale = %s, axis = 1} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2xf32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %b: tensor<4xi32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op bias data type int32 does not match input data type float32}}
    %0 = webnn.batchNormalization %x, %m, %v {bias = %b} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xi32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %b: tensor<2xf32>) -> tensor<1x4x2x2xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op mean shape [4] is not [2]}}
    %0 = webnn.batchNormalization %x, %m, %v {bias = %b, axis = 3} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2xf32>) -> tensor<1x4x2x2xf32>
    func.return %0 : tensor<1x4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %b: tensor<4xf32>) -> tensor<1x4x2x3xf32> {
    // expected-error@+1 {{'webnn.batchNormalization' op bias shape [4] is not [3]}}
    %0 = webnn.batchNormalization %x, %m, %v {bias = %b, axis = 3} : (tensor<1x4x2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>) -> tensor<1x4x2x3xf32>
    func.return %0 : tensor<1x4x2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x4x2x2xf16> {
    // expected-error@+1 {{'webnn.batchNormalization' op result type tensor<1x4x2x2xf16> does not match the inferred type tensor<1x4x2x2xf32>}}
    %0 = webnn.batchNormalization %x, %m, %v : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf16>
    func.return %0 : tensor<1x4x2x2xf16>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x2xi8>) -> tensor<1x4x2x2xi8> {
    // expected-error@+1 {{'webnn.instanceNormalization' op input data type int8 is not one of float32, float16}}
    %0 = webnn.instanceNormalization %x : (tensor<1x4x2x2xi8>) -> tensor<1x4x2x2xi8>
    func.return %0 : tensor<1x4x2x2xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x2x2xf32>) -> tensor<4x2x2xf32> {
    // expected-error@+1 {{'webnn.instanceNormalization' op input rank 3 is not 4}}
    %0 = webnn.instanceNormalization %x : (tensor<4x2x2xf32>) -> tensor<4x2x2xf32>
    func.return %0 : tensor<4x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x5xf32>, %s: tensor<4xf32>) -> tensor<1x4x2x5xf32> {
    // expected-error@+1 {{'webnn.instanceNormalization' op scale shape [4] is not [5]}}
    %0 = webnn.instanceNormalization %x {scale = %s, layout = "nhwc"} : (tensor<1x4x2x5xf32>, tensor<4xf32>) -> tensor<1x4x2x5xf32>
    func.return %0 : tensor<1x4x2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x5xf32>, %s: tensor<4xf16>) -> tensor<1x4x2x5xf32> {
    // expected-error@+1 {{'webnn.instanceNormalization' op scale data type float16 does not match input data type float32}}
    %0 = webnn.instanceNormalization %x {scale = %s} : (tensor<1x4x2x5xf32>, tensor<4xf16>) -> tensor<1x4x2x5xf32>
    func.return %0 : tensor<1x4x2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x5xf16>, %b: tensor<4xf32>) -> tensor<1x4x2x5xf16> {
    // expected-error@+1 {{'webnn.instanceNormalization' op bias data type float32 does not match input data type float16}}
    %0 = webnn.instanceNormalization %x {bias = %b} : (tensor<1x4x2x5xf16>, tensor<4xf32>) -> tensor<1x4x2x5xf16>
    func.return %0 : tensor<1x4x2x5xf16>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x5xf32>, %b: tensor<1x4xf32>) -> tensor<1x4x2x5xf32> {
    // expected-error@+1 {{'webnn.instanceNormalization' op bias shape [1, 4] is not [4]}}
    %0 = webnn.instanceNormalization %x {bias = %b} : (tensor<1x4x2x5xf32>, tensor<1x4xf32>) -> tensor<1x4x2x5xf32>
    func.return %0 : tensor<1x4x2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x2x5xf32>) -> tensor<1x4x2x5xf32> {
    // expected-error@+1 {{'webnn.instanceNormalization' op option 'layout' value "chwn" is not one of "nchw", "nhwc"}}
    %0 = webnn.instanceNormalization %x {layout = "chwn"} : (tensor<1x4x2x5xf32>) -> tensor<1x4x2x5xf32>
    func.return %0 : tensor<1x4x2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xui32>) -> tensor<2x3xui32> {
    // expected-error@+1 {{'webnn.layerNormalization' op input data type uint32 is not one of float32, float16}}
    %0 = webnn.layerNormalization %x : (tensor<2x3xui32>) -> tensor<2x3xui32>
    func.return %0 : tensor<2x3xui32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
    // expected-error@+1 {{'webnn.layerNormalization' op axes value 3 is out of range [0, 3) for rank 3}}
    %0 = webnn.layerNormalization %x {axes = [1, 3]} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
    // expected-error@+1 {{'webnn.layerNormalization' op axes [1, 1] has duplicate values}}
    %0 = webnn.layerNormalization %x {axes = [1, 1]} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>, %s: tensor<3x4xf32>) -> tensor<2x3x4xf32> {
    // expected-error@+1 {{'webnn.layerNormalization' op scale shape [3, 4] is not [4, 3]}}
    %0 = webnn.layerNormalization %x {scale = %s, axes = [2, 1]} : (tensor<2x3x4xf32>, tensor<3x4xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>, %b: tensor<4xf32>) -> tensor<2x3x4xf32> {
    // expected-error@+1 {{'webnn.layerNormalization' op bias shape [4] is not [3, 4]}}
    %0 = webnn.layerNormalization %x {bias = %b} : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>, %s: tensor<4xf16>) -> tensor<2x3x4xf32> {
    // expected-error@+1 {{'webnn.layerNormalization' op scale data type float16 does not match input data type float32}}
    %0 = webnn.layerNormalization %x {scale = %s, axes = [2]} : (tensor<2x3x4xf32>, tensor<4xf16>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>, %b: tensor<4xf16>) -> tensor<2x3x4xf32> {
    // expected-error@+1 {{'webnn.layerNormalization' op bias data type float16 does not match input data type float32}}
    %0 = webnn.layerNormalization %x {bias = %b, axes = [2]} : (tensor<2x3x4xf32>, tensor<4xf16>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf16> {
    // expected-error@+1 {{'webnn.layerNormalization' op result type tensor<2x3x4xf16> does not match the inferred type tensor<2x3x4xf32>}}
    %0 = webnn.layerNormalization %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf16>
    func.return %0 : tensor<2x3x4xf16>
  }
}
