// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.gather' op indices data type float32 is not one of int32, uint32, int64}}
    %0 = webnn.gather %x, %i : (tensor<4x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2xui8>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.gather' op indices data type uint8 is not one of int32, uint32, int64}}
    %0 = webnn.gather %x, %i : (tensor<4x3xf32>, tensor<2xui8>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2xi32>) -> tensor<4x3x2xf32> {
    // expected-error@+1 {{'webnn.gather' op axis 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.gather %x, %i {axis = 2} : (tensor<4x3xf32>, tensor<2xi32>) -> tensor<4x3x2xf32>
    func.return %0 : tensor<4x3x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>, %i: tensor<2xi32>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.gather' op axis 0 is out of range [0, 0) for rank 0}}
    %0 = webnn.gather %x, %i : (tensor<f32>, tensor<2xi32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2x5xi32>) -> tensor<2x5x3xf32> {
    // expected-error@+1 {{'webnn.gather' op result type tensor<2x5x3xf32> does not match the inferred type tensor<4x2x5xf32>}}
    %0 = webnn.gather %x, %i {axis = 1} : (tensor<4x3xf32>, tensor<2x5xi32>) -> tensor<2x5x3xf32>
    func.return %0 : tensor<2x5x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>, %i: tensor<i32>) -> tensor<f32> {
    // expected-error@+1 {{'webnn.gatherElements' op input rank 0 is not at least 1}}
    %0 = webnn.gatherElements %x, %i : (tensor<f32>, tensor<i32>) -> tensor<f32>
    func.return %0 : tensor<f32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<4x3xi8>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.gatherElements' op indices data type int8 is not one of int32, uint32, int64}}
    %0 = webnn.gatherElements %x, %i : (tensor<4x3xf32>, tensor<4x3xi8>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<3xi32>) -> tensor<3xf32> {
    // expected-error@+1 {{'webnn.gatherElements' op indices rank 1 does not match input rank 2}}
    %0 = webnn.gatherElements %x, %i : (tensor<4x3xf32>, tensor<3xi32>) -> tensor<3xf32>
    func.return %0 : tensor<3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<4x3xi32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.gatherElements' op axis 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.gatherElements %x, %i {axis = 2} : (tensor<4x3xf32>, tensor<4x3xi32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2x2xi32>) -> tensor<2x2xf32> {
    // expected-error@+1 {{'webnn.gatherElements' op indices shape [2, 2] does not match input shape [4, 3] outside axis 0}}
    %0 = webnn.gatherElements %x, %i : (tensor<4x3xf32>, tensor<2x2xi32>) -> tensor<2x2xf32>
    func.return %0 : tensor<2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>, %i: tensor<1xi32>) -> tensor<f32> {
    // expected-error@+1 {{'webnn.gatherND' op input rank 0 is not at least 1}}
    %0 = webnn.gatherND %x, %i : (tensor<f32>, tensor<1xi32>) -> tensor<f32>
    func.return %0 : tensor<f32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x2xf32>, %i: tensor<i32>) -> tensor<2x2xf32> {
    // expected-error@+1 {{'webnn.gatherND' op indices rank 0 is not at least 1}}
    %0 = webnn.gatherND %x, %i : (tensor<2x2xf32>, tensor<i32>) -> tensor<2x2xf32>
    func.return %0 : tensor<2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x2xf32>, %i: tensor<3x2xui64>) -> tensor<3xf32> {
    // expected-error@+1 {{'webnn.gatherND' op indices data type uint64 is not one of int32, uint32, int64}}
    %0 = webnn.gatherND %x, %i : (tensor<2x2xf32>, tensor<3x2xui64>) -> tensor<3xf32>
    func.return %0 : tensor<3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x2xf32>, %i: tensor<3x3xi32>) -> tensor<3xf32> {
    // expected-error@+1 {{'webnn.gatherND' op indices last dimension 3 exceeds input rank 2}}
    %0 = webnn.gatherND %x, %i : (tensor<2x2xf32>, tensor<3x3xi32>) -> tensor<3xf32>
    func.return %0 : tensor<3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>, %i: tensor<i32>) -> tensor<f32> {
    // expected-error@+1 {{'webnn.scatterElements' op input rank 0 is not at least 1}}
    %0 = webnn.scatterElements %x, %i, %x : (tensor<f32>, tensor<i32>, tensor<f32>) -> tensor<f32>
    func.return %0 : tensor<f32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2x3xf32>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.scatterElements' op indices data type float32 is not one of int32, uint32, int64}}
    %0 = webnn.scatterElements %x, %i, %u : (tensor<4x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2x3xi32>, %u: tensor<2x3xf16>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.scatterElements' op updates data type float16 does not match input data type float32}}
    %0 = webnn.scatterElements %x, %i, %u : (tensor<4x3xf32>, tensor<2x3xi32>, tensor<2x3xf16>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<6xi32>, %u: tensor<6xf32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.scatterElements' op indices rank 1 does not match input rank 2}}
    %0 = webnn.scatterElements %x, %i, %u : (tensor<4x3xf32>, tensor<6xi32>, tensor<6xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2x3xi32>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.scatterElements' op axis 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.scatterElements %x, %i, %u {axis = 2} : (tensor<4x3xf32>, tensor<2x3xi32>, tensor<2x3xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2x2xi32>, %u: tensor<2x2xf32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.scatterElements' op indices shape [2, 2] does not match input shape [4, 3] outside axis 0}}
    %0 = webnn.scatterElements %x, %i, %u : (tensor<4x3xf32>, tensor<2x2xi32>, tensor<2x2xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<4x3xf32>, %i: tensor<2x3xi32>, %u: tensor<1x3xf32>) -> tensor<4x3xf32> {
    // expected-error@+1 {{'webnn.scatterElements' op updates shape [1, 3] is not [2, 3]}}
    %0 = webnn.scatterElements %x, %i, %u : (tensor<4x3xf32>, tensor<2x3xi32>, tensor<1x3xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>, %i: tensor<1xi32>) -> tensor<f32> {
    // expected-error@+1 {{'webnn.scatterND' op input rank 0 is not at least 1}}
    %0 = webnn.scatterND %x, %i, %x : (tensor<f32>, tensor<1xi32>, tensor<f32>) -> tensor<f32>
    func.return %0 : tensor<f32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<8xf32>, %i: tensor<i32>) -> tensor<8xf32> {
    // expected-error@+1 {{'webnn.scatterND' op indices rank 0 is not at least 1}}
    %0 = webnn.scatterND %x, %i, %x : (tensor<8xf32>, tensor<i32>, tensor<8xf32>) -> tensor<8xf32>
    func.return %0 : tensor<8xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<8xf32>, %i: tensor<4x1xi8>, %u: tensor<4xf32>) -> tensor<8xf32> {
    // expected-error@+1 {{'webnn.scatterND' op indices data type int8 is not one of int32, uint32, int64}}
    %0 = webnn.scatterND %x, %i, %u : (tensor<8xf32>, tensor<4x1xi8>, tensor<4xf32>) -> tensor<8xf32>
    func.return %0 : tensor<8xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<8xf32>, %i: tensor<4x1xi32>, %u: tensor<4xi32>) -> tensor<8xf32> {
    // expected-error@+1 {{'webnn.scatterND' op updates data type int32 does not match input data type float32}}
    %0 = webnn.scatterND %x, %i, %u : (tensor<8xf32>, tensor<4x1xi32>, tensor<4xi32>) -> tensor<8xf32>
    func.return %0 : tensor<8xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<8xf32>, %i: tensor<4x2xi32>, %u: tensor<4xf32>) -> tensor<8xf32> {
    // expected-error@+1 {{'webnn.scatterND' op indices last dimension 2 exceeds input rank 1}}
    %0 = webnn.scatterND %x, %i, %u : (tensor<8xf32>, tensor<4x2xi32>, tensor<4xf32>) -> tensor<8xf32>
    func.return %0 : tensor<8xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<3x2xf32>, %i: tensor<2x1xi32>, %u: tensor<2xf32>) -> tensor<3x2xf32> {
    // expected-error@+1 {{'webnn.scatterND' op updates shape [2] is not [2, 2]}}
    %0 = webnn.scatterND %x, %i, %u : (tensor<3x2xf32>, tensor<2x1xi32>, tensor<2xf32>) -> tensor<3x2xf32>
    func.return %0 : tensor<3x2xf32>
  }
}
