// What Chromium's ONNX Runtime (Windows ML) backend refuses (profile:
// compiler/targets/profiles/ort.json): no uint32 indices, no int8 where().
// RUN: webnn-opt %s --split-input-file --verify-diagnostics --check-target=ort
// RUN: not webnn-opt %s --split-input-file --check-target=ort 2>&1 | FileCheck %s

// CHECK: error: 'webnn.gatherElements' op is not supported by ort: Unsupported data type uint32 for argument indices, must be one of [int32, int64]
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<3x4xf32> {webnn.name = "x"}, %i: tensor<3x4xui32> {webnn.name = "i"}, %c: tensor<3x4xui8> {webnn.name = "c"}, %a: tensor<3x4xi8> {webnn.name = "a"}) -> (tensor<3x4xf32> {webnn.name = "y"}, tensor<3x4xi8> {webnn.name = "w"}) {
    // expected-error@+2 {{'webnn.gatherElements' op is not supported by ort: Unsupported data type uint32 for argument indices, must be one of [int32, int64]}}
    // expected-note@+1 {{rewrite: cast indices from uint32 to int64 (webnn.cast) before the op}}
    %0 = webnn.gatherElements %x, %i {axis = 1} : (tensor<3x4xf32>, tensor<3x4xui32>) -> tensor<3x4xf32>
    // expected-error@+2 {{'webnn.where' op is not supported by ort: Unsupported data type int8 for argument trueValue, must be one of [float32, float16, int32, int64, uint8]}}
    // expected-note@+1 {{rewrite: cast trueValue from int8 to int32 (webnn.cast) before the op, and the result back to int8}}
    %1 = webnn.where %c, %a, %a : (tensor<3x4xui8>, tensor<3x4xi8>, tensor<3x4xi8>) -> tensor<3x4xi8>
    func.return %0, %1 : tensor<3x4xf32>, tensor<3x4xi8>
  }
}

// -----

// Axes [1, 2] need the channels-first workaround on some execution providers: a warning.
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x4x4x3xf32> {webnn.name = "x"}) -> (tensor<1x8x8x3xf32> {webnn.name = "y"}) {
    // expected-warning@+2 {{'webnn.resample2d' op may not be supported by ort: axes [1, 2] must be [2, 3]}}
    // expected-note@+1 {{rewrite: transpose the input to channels-first}}
    %0 = webnn.resample2d %x {scales = [2.0, 2.0], axes = [1, 2]} : (tensor<1x4x4x3xf32>) -> tensor<1x8x8x3xf32>
    func.return %0 : tensor<1x8x8x3xf32>
  }
}
