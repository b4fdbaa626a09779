// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xi32>) -> tensor<i32> {
    // expected-error@+1 {{'webnn.reduceMean' op input data type int32 is not one of float32, float16}}
    %0 = webnn.reduceMean %x : (tensor<2x3xi32>) -> tensor<i32>
    func.return %0 : tensor<i32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xi8>) -> tensor<i8> {
    // expected-error@+1 {{'webnn.reduceSum' op input data type int8 is not one of float32, float16, int32, uint32, int64, uint64}}
    %0 = webnn.reduceSum %x : (tensor<2x3xi8>) -> tensor<i8>
    func.return %0 : tensor<i8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.reduceMax' op axes value 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.reduceMax %x {axes = [2]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.reduceL2' op axes [1, 1] has duplicate values}}
    %0 = webnn.reduceL2 %x {axes = [1, 1]} : (tensor<2x3xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
    // expected-error@+1 {{'webnn.reduceSum' op result type tensor<2x1xf32> does not match the inferred type tensor<2xf32>}}
    %0 = webnn.reduceSum %x {axes = [1]} : (tensor<2x3xf32>) -> tensor<2x1xf32>
    func.return %0 : tensor<2x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<f32>) -> tensor<i32> {
    // expected-error@+1 {{'webnn.argMax' op input rank 0 is not at least 1}}
    %0 = webnn.argMax %x {axis = 0} : (tensor<f32>) -> tensor<i32>
    func.return %0 : tensor<i32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xi32> {
    // expected-error@+1 {{'webnn.argMin' op axis 2 is out of range [0, 2) for rank 2}}
    %0 = webnn.argMin %x {axis = 2} : (tensor<2x3xf32>) -> tensor<2x3xi32>
    func.return %0 : tensor<2x3xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2xi32> {
    // expected-error@+1 {{'webnn.argMax' op missing required option 'axis'}}
    %0 = webnn.argMax %x : (tensor<2x3xf32>) -> tensor<2xi32>
    func.return %0 : tensor<2xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.argMin' op option 'outputDataType' value "float32" is not one of "int32", "int64"}}
    %0 = webnn.argMin %x {axis = 1, outputDataType = "float32"} : (tensor<2x3xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xui8>) -> tensor<2x3xui8> {
    // expected-error@+1 {{'webnn.cumulativeSum' op input data type uint8 is not one of float32, float16, int32, uint32, int64, uint64}}
    %0 = webnn.cumulativeSum %x {axis = 0} : (tensor<2x3xui8>) -> tensor<2x3xui8>
    func.return %0 : tensor<2x3xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.cumulativeSum' op axis 3 is out of range [0, 2) for rank 2}}
    %0 = webnn.cumulativeSum %x {axis = 3} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.cumulativeSum' op axis -1 is out of range [0, 2) for rank 2}}
    %0 = webnn.cumulativeSum %x {axis = -1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xui8>) -> tensor<ui8> {
    // expected-error@+1 {{'webnn.reduceL1' op input data type uint8 is not one of float32, float16, int32, uint32, int64, uint64}}
    %0 = webnn.reduceL1 %x : (tensor<2x3xui8>) -> tensor<ui8>
    func.return %0 : tensor<ui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xi32>) -> tensor<2xi32> {
    // expected-error@+1 {{'webnn.reduceLogSum' op input data type int32 is not one of float32, float16}}
    %0 = webnn.reduceLogSum %x {axes = [1]} : (tensor<2x3xi32>) -> tensor<2xi32>
    func.return %0 : tensor<2xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.reduceLogSumExp' op axes value -1 is out of range [0, 2) for rank 2}}
    %0 = webnn.reduceLogSumExp %x {axes = [-1]} : (tensor<2x3xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xui8>) -> tensor<3xui8> {
    // expected-error@+1 {{'webnn.reduceMin' op axes [0, 0] has duplicate values}}
    %0 = webnn.reduceMin %x {axes = [0, 0]} : (tensor<2x3xui8>) -> tensor<3xui8>
    func.return %0 : tensor<3xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xi8>) -> tensor<i8> {
    // expected-error@+1 {{'webnn.reduceProduct' op input data type int8 is not one of float32, float16, int32, uint32, int64, uint64}}
    %0 = webnn.reduceProduct %x {axes = [0, 1]} : (tensor<2x3xi8>) -> tensor<i8>
    func.return %0 : tensor<i8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3x4xf16>) -> tensor<2x3xf16> {
    // expected-error@+1 {{'webnn.reduceSumSquare' op axes value 3 is out of range [0, 3) for rank 3}}
    %0 = webnn.reduceSumSquare %x {axes = [3]} : (tensor<2x3x4xf16>) -> tensor<2x3xf16>
    func.return %0 : tensor<2x3xf16>
  }
}
