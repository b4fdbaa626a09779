// Diagnostics print file:line:col, the source line and a caret under the column.
// RUN: not webnn-opt %s 2>&1 | FileCheck %s --strict-whitespace
// CHECK:      caret.mlir:[[# @LINE + 6]]:5: error: 'webnn.softmax' op axis 2 is out of range [0, 2) for rank 2
// CHECK-NEXT: {{^}}    %0 = webnn.softmax %x {axis = 2} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: {{^}}    ^

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %0 = webnn.softmax %x {axis = 2} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}
