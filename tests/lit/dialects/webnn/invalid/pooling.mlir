// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xi32>) -> tensor<1x3x1x1xi32> {
    // expected-error@+1 {{'webnn.averagePool2d' op input data type int32 is not one of float32, float16}}
    %0 = webnn.averagePool2d %x : (tensor<1x3x8x8xi32>) -> tensor<1x3x1x1xi32>
    func.return %0 : tensor<1x3x1x1xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xui8>) -> tensor<1x3x1x1xui8> {
    // expected-error@+1 {{'webnn.l2Pool2d' op input data type uint8 is not one of float32, float16}}
    %0 = webnn.l2Pool2d %x : (tensor<1x3x8x8xui8>) -> tensor<1x3x1x1xui8>
    func.return %0 : tensor<1x3x1x1xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<3x8x8xf32>) -> tensor<3x1x1xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op input rank 3 is not 4}}
    %0 = webnn.maxPool2d %x : (tensor<3x8x8xf32>) -> tensor<3x1x1xf32>
    func.return %0 : tensor<3x1x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op option 'windowDimensions' must have 2 values, got 3}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3, 3]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.averagePool2d' op windowDimensions [0, 2] must all be positive}}
    %0 = webnn.averagePool2d %x {windowDimensions = [0, 2]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op option 'padding' must have 4 values, got 3}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], padding = [0, 0, 0]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op option 'strides' must have 2 values, got 1}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op option 'dilations' must have 2 values, got 3}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], dilations = [1, 1, 1]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op option 'outputSizes' must have 2 values, got 3}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputSizes = [3, 3, 3]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op padding [0, -1, 0, 0] must not be negative}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], padding = [0, -1, 0, 0]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.l2Pool2d' op strides [0, 2] must all be positive}}
    %0 = webnn.l2Pool2d %x {windowDimensions = [3, 3], strides = [0, 2]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op dilations [0, 0] must all be positive}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], dilations = [0, 0]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op option 'layout' value "hwcn" is not one of "nchw", "nhwc"}}
    %0 = webnn.maxPool2d %x {layout = "hwcn"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op option 'outputShapeRounding' value "round" is not one of "floor", "ceil"}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "round"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x3xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op outputSizes [4, 3] are neither the floor-rounded sizes [3, 3] nor the ceil-rounded sizes [4, 4]}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputSizes = [4, 3]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x3xf32>
    func.return %0 : tensor<1x3x4x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32> {
    // expected-error@+1 {{'webnn.averagePool2d' op output height 0 is not a valid dimension (input height 2, padding 0 + 0, effective window height 3, stride 1)}}
    %0 = webnn.averagePool2d %x {windowDimensions = [3, 3]} : (tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32>
    func.return %0 : tensor<1x1x1x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x1xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op output width -2 is not a valid dimension (input width 4, padding 0 + 0, effective window width 7, stride 1)}}
    %0 = webnn.maxPool2d %x {windowDimensions = [2, 3], dilations = [1, 3], outputShapeRounding = "ceil"} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x1xf32>
    func.return %0 : tensor<1x1x3x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op result type tensor<1x3x4x4xf32> does not match the inferred type tensor<1x3x3x3xf32>}}
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
    // expected-error@+1 {{'webnn.averagePool2d' op result type tensor<1x3x8x8xf32> does not match the inferred type tensor<1x3x1x1xf32>}}
    %0 = webnn.averagePool2d %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
    func.return %0 : tensor<1x3x8x8xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32> {
    // expected-error@+1 {{'webnn.l2Pool2d' op result type tensor<1x3x1x1xf32> does not match the inferred type tensor<1x1x1x8xf32>}}
    %0 = webnn.l2Pool2d %x {layout = "nhwc"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32>
    func.return %0 : tensor<1x3x1x1xf32>
  }
}

// -----

// The padded input is held to the size limit of every tensor (both engines build it):
// a huge stride keeps the output small, not the padding.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x1xf32> {
    // expected-error@+1 {{'webnn.maxPool2d' op padding [4294967296, 1, 1, 1] makes a padded input [1, 1, 4294967301, 6] that is not a valid tensor: dimension 4294967301 exceeds the largest valid dimension 4294967295}}
    %0 = webnn.maxPool2d %x {windowDimensions = [2, 2], padding = [4294967296, 1, 1, 1], strides = [4294967296, 8]} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x1xf32>
    func.return %0 : tensor<1x1x2x1xf32>
  }
}
