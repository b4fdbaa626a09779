// What Chromium's DirectML backend (feature level 4.0) refuses (profile:
// compiler/targets/profiles/dml.json).
// RUN: webnn-opt %s --verify-diagnostics --check-target=dml
// RUN: not webnn-opt %s --check-target=dml 2>&1 | FileCheck %s

// CHECK: error: 'webnn.relu' op is not supported by dml: Unsupported data type int32 for argument input, must be one of [float32, float16]
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4xi32> {webnn.name = "x"}, %q: tensor<4xui8> {webnn.name = "q"}, %s: tensor<4xf16> {webnn.name = "s"}, %f: tensor<4xf32> {webnn.name = "f"}) -> (tensor<4xi32> {webnn.name = "y"}, tensor<4xf16> {webnn.name = "d"}, tensor<4xui8> {webnn.name = "n"}) {
    // expected-error@+2 {{'webnn.relu' op is not supported by dml: Unsupported data type int32 for argument input, must be one of [float32, float16]}}
    // expected-note@+1 {{rewrite: cast input from int32 to float32 (webnn.cast) before the op, and the result back to int32}}
    %0 = webnn.relu %x : (tensor<4xi32>) -> tensor<4xi32>
    // expected-error@+2 {{'webnn.dequantizeLinear' op is not supported by dml: Unsupported data type float16 for argument scale, must be one of [float32]}}
    // expected-note@+1 {{rewrite: cast scale from float16 to float32 (webnn.cast) before the op, and the result back to float16}}
    %1 = webnn.dequantizeLinear %q, %s, %q : (tensor<4xui8>, tensor<4xf16>, tensor<4xui8>) -> tensor<4xf16>
    // No lossless cast reaches notEqual's uint32/uint8 from float32: no rewrite.
    // expected-error@+1 {{'webnn.notEqual' op is not supported by dml: Unsupported data type float32 for argument a, must be one of [uint32, uint8]}}
    %2 = webnn.notEqual %f, %f : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xui8>
    func.return %0, %1, %2 : tensor<4xi32>, tensor<4xf16>, tensor<4xui8>
  }
}
