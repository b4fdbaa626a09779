// What Chromium's TFLite/LiteRT backend refuses, in its own words, each at its line, with
// the rewrite that would make it run (profile: compiler/targets/profiles/tflite.json).
// RUN: webnn-opt %s --split-input-file --verify-diagnostics --check-target=tflite
// RUN: not webnn-opt %s --split-input-file --check-target=tflite 2>&1 | FileCheck %s

// CHECK: error: 'webnn.l2Pool2d' op is not supported by tflite: [pool] the backend implements no l2Pool2d (opSupportLimits() lists no data types for it)
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x8x2x2xf32> {webnn.name = "x"}) -> (tensor<1x8x1x1xf32> {webnn.name = "y"}) {
    // expected-error@+2 {{'webnn.l2Pool2d' op is not supported by tflite: [pool] the backend implements no l2Pool2d}}
    // expected-note@+1 {{rewrite: compute sqrt(averagePool2d(mul(x, x)) * window height * window width)}}
    %0 = webnn.l2Pool2d %x {windowDimensions = [2, 2]} : (tensor<1x8x2x2xf32>) -> tensor<1x8x1x1xf32> loc("pool")
    func.return %0 : tensor<1x8x1x1xf32>
  }
}

// -----

// TFLite resamples channels-last only (Resample2DAxes::kChannelsLast).
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x3x4x4xf32> {webnn.name = "x"}) -> (tensor<1x3x8x8xf32> {webnn.name = "y"}) {
    // expected-error@+2 {{'webnn.resample2d' op is not supported by tflite: axes [2, 3] must be [1, 2] (Resample2DAxes::kChannelsLast)}}
    // expected-note@+1 {{rewrite: transpose the input to channels-last (permutation [0, 2, 3, 1]), resample over axes [1, 2], transpose back (permutation [0, 3, 1, 2])}}
    %0 = webnn.resample2d %x {scales = [2.0, 2.0], axes = [2, 3]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
    func.return %0 : tensor<1x3x8x8xf32>
  }
}

// -----

// Broadcasting pow is limited to 4-D; an element-wise op can run on merged dimensions.
// Integer division exists for int32 only.
// CHECK: error: 'webnn.pow' op is not supported by tflite: Unsupported rank 5 for argument a, must be in range [0, 4]
// CHECK: error: 'webnn.div' op is not supported by tflite: Unsupported data type int64 for argument a, must be one of [float32, float16, int32]
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x3x4x5x6xf32> {webnn.name = "x"}, %i: tensor<4xi64> {webnn.name = "i"}) -> (tensor<2x3x4x5x6xf32> {webnn.name = "y"}, tensor<4xi64> {webnn.name = "q"}) {
    // expected-error@+3 {{'webnn.pow' op is not supported by tflite: Unsupported rank 5 for argument a, must be in range [0, 4]}}
    // expected-error@+2 {{Unsupported rank 5 for argument b, must be in range [0, 4]}}
    // expected-note@+1 {{rewrite: reshape a, b from [2, 3, 4, 5, 6] to [6, 4, 5, 6] (rank 4) before the op and the result back after it}}
    %0 = webnn.pow %x, %x : (tensor<2x3x4x5x6xf32>, tensor<2x3x4x5x6xf32>) -> tensor<2x3x4x5x6xf32>
    // expected-error@+2 {{'webnn.div' op is not supported by tflite: Unsupported data type int64 for argument a, must be one of [float32, float16, int32]}}
    // expected-note@+1 {{rewrite: cast a from int64 to int32 (webnn.cast) before the op, and the result back to int64}}
    %1 = webnn.div %i, %i : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
    func.return %0, %1 : tensor<2x3x4x5x6xf32>, tensor<4xi64>
  }
}

// -----

// A tensor over maxTensorByteLength (INT32_MAX bytes), wherever it appears.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{graph input 'big' is not supported by tflite: The tensor size 2400000000 exceeds the size limit 2147483647}}
  func.func @main(%big: tensor<600000000xf32> {webnn.name = "big"}) -> (tensor<600000000xf32> {webnn.name = "y"}) {
    // expected-error@+1 {{'webnn.relu' op is not supported by tflite: The tensor size 2400000000 exceeds the size limit 2147483647}}
    %0 = webnn.relu %big : (tensor<600000000xf32>) -> tensor<600000000xf32>
    func.return %0 : tensor<600000000xf32>
  }
}
