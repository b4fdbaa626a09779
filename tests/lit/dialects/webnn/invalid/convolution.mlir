// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xi32>, %w: tensor<2x3x3x3xi32>) -> tensor<1x2x3x3xi32> {
    // expected-error@+1 {{'webnn.conv2d' op input data type int32 is not one of float32, float16}}
    %0 = webnn.conv2d %x, %w : (tensor<1x3x5x5xi32>, tensor<2x3x3x3xi32>) -> tensor<1x2x3x3xi32>
    func.return %0 : tensor<1x2x3x3xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op input rank 3 is not 4}}
    %0 = webnn.conv2d %x, %w : (tensor<3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf16>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op filter data type float16 does not match input data type float32}}
    %0 = webnn.conv2d %x, %w : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf16>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op filter rank 3 is not 4}}
    %0 = webnn.conv2d %x, %w : (tensor<1x3x5x5xf32>, tensor<2x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op option 'padding' must have 4 values, got 2}}
    %0 = webnn.conv2d %x, %w {padding = [1, 1]} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op option 'strides' must have 2 values, got 3}}
    %0 = webnn.conv2d %x, %w {strides = [1, 1, 1]} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op option 'dilations' must have 2 values, got 1}}
    %0 = webnn.conv2d %x, %w {dilations = [1]} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op padding [-1, 0, 0, 0] must not be negative}}
    %0 = webnn.conv2d %x, %w {padding = [-1, 0, 0, 0]} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op strides [0, 1] must all be positive}}
    %0 = webnn.conv2d %x, %w {strides = [0, 1]} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op dilations [1, 0] must all be positive}}
    %0 = webnn.conv2d %x, %w {dilations = [1, 0]} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op groups 0 must be positive}}
    %0 = webnn.conv2d %x, %w {groups = 0} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op option 'inputLayout' value "nchwc" is not one of "nchw", "nhwc"}}
    %0 = webnn.conv2d %x, %w {inputLayout = "nchwc"} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op option 'filterLayout' value "iohw" is not one of "oihw", "hwio", "ohwi", "ihwo"}}
    %0 = webnn.conv2d %x, %w {filterLayout = "iohw"} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op input channels 3 are not divisible by groups 2}}
    %0 = webnn.conv2d %x, %w {groups = 2} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op filter input channels 3 do not match input channels 4 / groups 1}}
    %0 = webnn.conv2d %x, %w : (tensor<1x4x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x5x5x4xf32>, %w: tensor<3x3x1x2xf32>) -> tensor<1x3x3x2xf32> {
    // expected-error@+1 {{'webnn.conv2d' op filter input channels 1 do not match input channels 4 / groups 2}}
    %0 = webnn.conv2d %x, %w {groups = 2, inputLayout = "nhwc", filterLayout = "hwio"} : (tensor<1x5x5x4xf32>, tensor<3x3x1x2xf32>) -> tensor<1x3x3x2xf32>
    func.return %0 : tensor<1x3x3x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x5x5xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op output channels 3 are not divisible by groups 2}}
    %0 = webnn.conv2d %x, %w {groups = 2} : (tensor<1x4x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<2xf16>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op bias data type float16 does not match input data type float32}}
    %0 = webnn.conv2d %x, %w {bias = %b} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>, tensor<2xf16>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op bias shape [3] is not [2]}}
    %0 = webnn.conv2d %x, %w {bias = %b} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<1x2xf32>) -> tensor<1x2x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op bias shape [1, 2] is not [2]}}
    %0 = webnn.conv2d %x, %w {bias = %b} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>, tensor<1x2xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x2x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x1x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op output height 0 is not a valid dimension (input height 2, padding 0 + 0, effective filter height 3, stride 1)}}
    %0 = webnn.conv2d %x, %w : (tensor<1x3x2x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x1x3xf32>
    func.return %0 : tensor<1x2x1x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x1xf32> {
    // expected-error@+1 {{'webnn.conv2d' op output width -1 is not a valid dimension (input width 5, padding 0 + 0, effective filter width 7, stride 1)}}
    %0 = webnn.conv2d %x, %w {dilations = [1, 3]} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x1xf32>
    func.return %0 : tensor<1x2x3x1xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x3x3xf32> {
    // expected-error@+1 {{'webnn.conv2d' op result type tensor<1x3x3x3xf32> does not match the inferred type tensor<1x2x3x3xf32>}}
    %0 = webnn.conv2d %x, %w : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xui8>, %w: tensor<2x3x3x3xui8>) -> tensor<1x3x5x5xui8> {
    // expected-error@+1 {{'webnn.convTranspose2d' op input data type uint8 is not one of float32, float16}}
    %0 = webnn.convTranspose2d %x, %w : (tensor<1x2x3x3xui8>, tensor<2x3x3x3xui8>) -> tensor<1x3x5x5xui8>
    func.return %0 : tensor<1x3x5x5xui8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3x1xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op input rank 5 is not 4}}
    %0 = webnn.convTranspose2d %x, %w : (tensor<1x2x3x3x1xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf16>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf16> {
    // expected-error@+1 {{'webnn.convTranspose2d' op filter data type float32 does not match input data type float16}}
    %0 = webnn.convTranspose2d %x, %w : (tensor<1x2x3x3xf16>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf16>
    func.return %0 : tensor<1x3x5x5xf16>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3x1xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op filter rank 5 is not 4}}
    %0 = webnn.convTranspose2d %x, %w : (tensor<1x2x3x3xf32>, tensor<2x3x3x3x1xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op strides [1, 0] must all be positive}}
    %0 = webnn.convTranspose2d %x, %w {strides = [1, 0]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op groups 0 must be positive}}
    %0 = webnn.convTranspose2d %x, %w {groups = 0} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op option 'outputPadding' must have 2 values, got 3}}
    %0 = webnn.convTranspose2d %x, %w {outputPadding = [0, 0, 0]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op option 'outputSizes' must have 2 values, got 1}}
    %0 = webnn.convTranspose2d %x, %w {outputSizes = [5]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op outputPadding [-1, 0] must not be negative}}
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 2], outputPadding = [-1, 0]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op outputPadding [1, 1] must be smaller than strides [2, 1]}}
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 1], outputPadding = [1, 1]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op option 'filterLayout' value "oihw" is not one of "iohw", "hwoi", "ohwi"}}
    %0 = webnn.convTranspose2d %x, %w {filterLayout = "oihw"} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op input channels 2 are not divisible by groups 3}}
    %0 = webnn.convTranspose2d %x, %w {groups = 3} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op filter input channels 2 do not match input channels 4}}
    %0 = webnn.convTranspose2d %x, %w : (tensor<1x4x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x6x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op filter input channels 2 do not match input channels 4}}
    %0 = webnn.convTranspose2d %x, %w {groups = 2} : (tensor<1x4x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x5x5xf32>
    func.return %0 : tensor<1x6x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x4x3x3xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x6x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op bias shape [3] is not [6]}}
    %0 = webnn.convTranspose2d %x, %w {bias = %b, groups = 2} : (tensor<1x4x3x3xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x6x5x5xf32>
    func.return %0 : tensor<1x6x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<3xf16>) -> tensor<1x3x5x5xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op bias data type float16 does not match input data type float32}}
    %0 = webnn.convTranspose2d %x, %w {bias = %b} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>, tensor<3xf16>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x9x7xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op outputSizes height 9 is not in the range [7, 9) allowed by the input, filter, padding and strides}}
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 2], outputSizes = [9, 7]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x9x7xf32>
    func.return %0 : tensor<1x3x9x7xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x7x6xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op outputSizes width 6 is not in the range [7, 9) allowed by the input, filter, padding and strides}}
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 2], outputSizes = [7, 6]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x7x6xf32>
    func.return %0 : tensor<1x3x7x6xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x1x1xf32>) -> tensor<1x1x1x2xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op output height 0 is not a valid dimension (input height 2, effective filter height 1, padding 1 + 1, stride 1)}}
    %0 = webnn.convTranspose2d %x, %w {padding = [1, 1, 0, 0]} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x2xf32>
    func.return %0 : tensor<1x1x1x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x8x8xf32> {
    // expected-error@+1 {{'webnn.convTranspose2d' op result type tensor<1x3x8x8xf32> does not match the inferred type tensor<1x3x7x7xf32>}}
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 2]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x8x8xf32>
    func.return %0 : tensor<1x3x8x8xf32>
  }
}

// -----

// The padded input is held to the size limit of every tensor (both engines build it).
builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x8x4x4xf32>, %w: tensor<1x8x1x1xf32>) -> tensor<1x1x2x2xf32> {
    // expected-error@+1 {{'webnn.conv2d' op padding [2147483648, 0, 2147483648, 0] makes a padded input [1, 8, 2147483652, 2147483652] that is not a valid tensor: tensor of 36893488284858056832 elements (147573953139432227328 bytes) exceeds the limit of 17179869184 bytes}}
    %0 = webnn.conv2d %x, %w {padding = [2147483648, 0, 2147483648, 0], strides = [2147483648, 2147483648]} : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x1x2x2xf32>
    func.return %0 : tensor<1x1x2x2xf32>
  }
}
