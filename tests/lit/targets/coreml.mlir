// What Chromium's Core ML backend refuses (profile: compiler/targets/profiles/coreml.json):
// graph inputs only float32/float16/int32, everything at most 5-D, int32 indices only.
// RUN: webnn-opt %s --split-input-file --verify-diagnostics --check-target=coreml
// RUN: not webnn-opt %s --split-input-file --check-target=coreml 2>&1 | FileCheck %s

// CHECK: error: graph input 'ids' is not supported by coreml: Unsupported data type int64 for input operand named 'ids', must be one of [float32, float16, int32]
// CHECK: error: 'webnn.gather' op is not supported by coreml: Unsupported data type int64 for argument indices, must be one of [int32]
builtin.module attributes {webnn.version = 2} {
  // expected-error@+2 {{graph input 'ids' is not supported by coreml: Unsupported data type int64 for input operand named 'ids', must be one of [float32, float16, int32]}}
  // expected-note@+1 {{rewrite: declare input 'ids' as int32}}
  func.func @main(%table: tensor<10x4xf32> {webnn.name = "table"}, %ids: tensor<3xi64> {webnn.name = "ids"}) -> (tensor<3x4xf32> {webnn.name = "rows"}) {
    // expected-error@+2 {{'webnn.gather' op is not supported by coreml: Unsupported data type int64 for argument indices, must be one of [int32]}}
    // expected-note@+1 {{rewrite: cast indices from int64 to int32 (webnn.cast) before the op; indices into tensors of fewer than 2**31 elements fit in int32}}
    %0 = webnn.gather %table, %ids : (tensor<10x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
    func.return %0 : tensor<3x4xf32>
  }
}

// -----

// Rank 6 is beyond Core ML; the graph output is refused too. An int64 constant whose values
// fit in int32 can be stored as int32. argMax gives int32 indices only.
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x2x3x4x5xf32> {webnn.name = "x"}) -> (tensor<1x1x2x3x4x5xf32> {webnn.name = "y"}, tensor<2x3x4x5xi64> {webnn.name = "i"}) {
    // expected-error@+2 {{constant is not supported by coreml: Unsupported data type int64 for constant, must be one of [float32, float16, int32, uint32, int8, uint8, int4, uint4]}}
    // expected-note@+1 {{rewrite: store the constant as int32 (its values fit)}}
    %c = webnn.constant dense<[1, 2, 3]> : tensor<3xi64>
    // (Graph output 'y' is that same rank-6 tensor: not reported twice.)
    // expected-error@+1 {{'webnn.reshape' op is not supported by coreml: Unsupported rank 6 for argument output, must be in range [0, 5]}}
    %0 = webnn.reshape %x {newShape = [1, 1, 2, 3, 4, 5]} : (tensor<1x2x3x4x5xf32>) -> tensor<1x1x2x3x4x5xf32>
    // expected-error@+4 {{'webnn.argMax' op is not supported by coreml: Unsupported data type int64 for argument output, must be one of [int32]}}
    // expected-note@+3 {{rewrite: set outputDataType = "int32"}}
    // expected-error@+2 {{graph output 'i' is not supported by coreml: Unsupported data type int64 for output operand named 'i', must be one of [float32, float16, int32]}}
    // expected-note@+1 {{rewrite: cast output 'i' to int32 (webnn.cast) before returning it}}
    %1 = webnn.argMax %x {axis = 0, outputDataType = "int64"} : (tensor<1x2x3x4x5xf32>) -> tensor<2x3x4x5xi64>
    func.return %0, %1 : tensor<1x1x2x3x4x5xf32>, tensor<2x3x4x5xi64>
  }
}

// -----

// Core ML resamples channels-first only; its batchNormalization axis is presumably 1 (the
// source's check was not read, so a warning).
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x4x4x3xf32> {webnn.name = "x"}, %m: tensor<3xf32> {webnn.name = "m"}) -> (tensor<1x8x8x3xf32> {webnn.name = "y"}, tensor<1x4x4x3xf32> {webnn.name = "z"}) {
    // expected-error@+2 {{'webnn.resample2d' op is not supported by coreml: axes [1, 2] must be [2, 3] (Resample2DAxes::kChannelsFirst)}}
    // expected-note@+1 {{rewrite: transpose the input to channels-first (permutation [0, 3, 1, 2]), resample over axes [2, 3], transpose back (permutation [0, 2, 3, 1])}}
    %0 = webnn.resample2d %x {scales = [2.0, 2.0], axes = [1, 2]} : (tensor<1x4x4x3xf32>) -> tensor<1x8x8x3xf32>
    // expected-warning@+1 {{'webnn.batchNormalization' op may not be supported by coreml: axis 3 must be 1 (BatchNormalizationAxis::kChannelsFirst; that it means axis 1 is presumed, the check itself was not read)}}
    %1 = webnn.batchNormalization %x, %m, %m {axis = 3} : (tensor<1x4x4x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x4x4x3xf32>
    func.return %0, %1 : tensor<1x8x8x3xf32>, tensor<1x4x4x3xf32>
  }
}
