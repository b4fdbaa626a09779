// --check-target=FILE.json reads what a browser's context.opSupportLimits() returned (here
// an older browser's: no rankRange before spec PR #828, no maxTensorByteLength). A missing
// rankRange is unknown, not unlimited: a warning where the graph goes beyond the ranks the
// spec requires everywhere (0 to 5), silence below. An op the browser does not list is an
// error.
// RUN: webnn-opt %s --verify-diagnostics --check-target=%S/Inputs/old-browser.json
// RUN: not webnn-opt %s --check-target=%S/Inputs/old-browser.json --diagnostics-format=json 2>&1 | %python -c "import json, sys; [print(d['severity'], d['target'], d['op']) for d in json.load(sys.stdin)]" | FileCheck %s
// CHECK:      warning old-browser None
// CHECK-NEXT: warning old-browser webnn.sigmoid
// CHECK-NEXT: error old-browser webnn.sigmoid
// CHECK-NEXT: error old-browser webnn.relu
// CHECK-NEXT: warning old-browser None
// CHECK-NOT: {{.}}

builtin.module attributes {webnn.version = 2} {
  // expected-warning@+1 {{graph input 'x' has rank 6, which old-browser may not support: its limits for input give no rankRange (unknown, not unlimited)}}
  func.func @main(%x: tensor<1x2x3x4x5x6xf32> {webnn.name = "x"}, %h: tensor<2x3xf16> {webnn.name = "h"}) -> (tensor<1x2x3x4x5x6xf32> {webnn.name = "y"}, tensor<2x3xf16> {webnn.name = "z"}, tensor<1x2x3x4x5x6xf32> {webnn.name = "r"}) {
    // expected-warning@+1 {{'webnn.sigmoid' op argument input has rank 6, which old-browser may not support: it gives no rankRange for sigmoid.input (unknown, not unlimited); the spec requires ranks up to 5}}
    %0 = webnn.sigmoid %x : (tensor<1x2x3x4x5x6xf32>) -> tensor<1x2x3x4x5x6xf32>
    // expected-error@+2 {{'webnn.sigmoid' op is not supported by old-browser: Unsupported data type float16 for argument input, must be one of [float32]}}
    // expected-note@+1 {{rewrite: cast input from float16 to float32 (webnn.cast) before the op, and the result back to float16}}
    %1 = webnn.sigmoid %h : (tensor<2x3xf16>) -> tensor<2x3xf16>
    // expected-error@+2 {{'webnn.relu' op is not supported by old-browser: its opSupportLimits() has no 'relu' member}}
    // expected-warning@+1 {{graph output 'r' has rank 6, which old-browser may not support}}
    %2 = webnn.relu %x : (tensor<1x2x3x4x5x6xf32>) -> tensor<1x2x3x4x5x6xf32>
    func.return %0, %1, %2 : tensor<1x2x3x4x5x6xf32>, tensor<2x3xf16>, tensor<1x2x3x4x5x6xf32>
  }
}
