// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xf16>, %s: tensor<1x1xf32>, %z: tensor<1x1xf16>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op input data type float16 is not one of uint8, int8, uint32, int32}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xf16>, tensor<1x1xf32>, tensor<1x1xf16>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xi64>, %s: tensor<1x1xf32>, %z: tensor<1x1xi64>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op input data type int64 is not one of uint8, int8, uint32, int32}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xi64>, tensor<1x1xf32>, tensor<1x1xi64>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xui8>, %s: tensor<1x1xi32>, %z: tensor<1x1xui8>) -> tensor<6x4xi32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op scale data type int32 is not one of float32, float16}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xui8>, tensor<1x1xi32>, tensor<1x1xui8>) -> tensor<6x4xi32>
    func.return %0 : tensor<6x4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xi8>, %s: tensor<1x1xf32>, %z: tensor<1x1xui8>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op zeroPoint data type uint8 does not match input data type int8}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xi8>, tensor<1x1xf32>, tensor<1x1xui8>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xui8>, %s: tensor<4xf32>, %z: tensor<4xui8>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op scale rank 1 does not match input rank 2}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xui8>, tensor<4xf32>, tensor<4xui8>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xui8>, %s: tensor<2x4xf32>, %z: tensor<2x1xui8>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op zeroPoint shape [2, 1] is not [2, 4]}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xui8>, tensor<2x4xf32>, tensor<2x1xui8>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xui8>, %s: tensor<4x4xf32>, %z: tensor<4x4xui8>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op input dimension 0 of size 6 is not divisible by scale dimension 0 of size 4}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xui8>, tensor<4x4xf32>, tensor<4x4xui8>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xui8>, %s: tensor<1x1xf16>, %z: tensor<1x1xui8>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.dequantizeLinear' op result type tensor<6x4xf32> does not match the inferred type tensor<6x4xf16>}}
    %0 = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xui8>, tensor<1x1xf16>, tensor<1x1xui8>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xi32>, %s: tensor<1x1xf32>, %z: tensor<1x1xi32>) -> tensor<6x4xi32> {
    // expected-error@+1 {{'webnn.quantizeLinear' op input data type int32 is not one of float32, float16}}
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xi32>, tensor<1x1xf32>, tensor<1x1xi32>) -> tensor<6x4xi32>
    func.return %0 : tensor<6x4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xf32>, %s: tensor<1x1xf16>, %z: tensor<1x1xui8>) -> tensor<6x4xui8> {
    // expected-error@+1 {{'webnn.quantizeLinear' op scale data type float16 does not match input data type float32}}
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<1x1xf16>, tensor<1x1xui8>) -> tensor<6x4xui8>
    func.return %0 : tensor<6x4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xf32>, %s: tensor<1x1xf32>, %z: tensor<1x1xf32>) -> tensor<6x4xf32> {
    // expected-error@+1 {{'webnn.quantizeLinear' op zeroPoint data type float32 is not one of uint8, int8, uint32, int32}}
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<6x4xf32>
    func.return %0 : tensor<6x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xf32>, %s: tensor<f32>, %z: tensor<ui8>) -> tensor<6x4xui8> {
    // expected-error@+1 {{'webnn.quantizeLinear' op scale rank 0 does not match input rank 2}}
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<f32>, tensor<ui8>) -> tensor<6x4xui8>
    func.return %0 : tensor<6x4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xf32>, %s: tensor<1x4xf32>, %z: tensor<1x4x1xui8>) -> tensor<6x4xui8> {
    // expected-error@+1 {{'webnn.quantizeLinear' op zeroPoint shape [1, 4, 1] is not [1, 4]}}
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<1x4xf32>, tensor<1x4x1xui8>) -> tensor<6x4xui8>
    func.return %0 : tensor<6x4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xf32>, %s: tensor<1x3xf32>, %z: tensor<1x3xui8>) -> tensor<6x4xui8> {
    // expected-error@+1 {{'webnn.quantizeLinear' op input dimension 1 of size 4 is not divisible by scale dimension 1 of size 3}}
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<1x3xf32>, tensor<1x3xui8>) -> tensor<6x4xui8>
    func.return %0 : tensor<6x4xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<6x4xf32>, %s: tensor<1x1xf32>, %z: tensor<1x1xui8>) -> tensor<6x4xi8> {
    // expected-error@+1 {{'webnn.quantizeLinear' op result type tensor<6x4xi8> does not match the inferred type tensor<6x4xui8>}}
    %0 = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<1x1xf32>, tensor<1x1xui8>) -> tensor<6x4xi8>
    func.return %0 : tensor<6x4xi8>
  }
}
