// --diagnostics-format=json prints the diagnostics as one JSON array on stderr (every
// error of the file, warnings too), each with its severity, message and location,
// instead of the text form with its source line and caret.
// RUN: not webnn-opt %s --diagnostics-format=json 2>&1 >/dev/null | FileCheck %s --check-prefix=RAW
// RUN: not webnn-opt %s --diagnostics-format=json 2>&1 >/dev/null | %python -c "import json, sys; [print(d['severity'], d['line'], d['column'], d['file'].endswith('diagnostics-json.mlir'), d['message']) for d in json.load(sys.stdin)]" | FileCheck %s
// RUN: not webnn-opt %s --diagnostics-format=xml 2>&1 | FileCheck %s --check-prefix=USAGE

// RAW: [
// RAW-NOT: ^
// RAW: "severity": "error",
// RAW-NOT: ^
// RAW: ]
// CHECK: warning [[# @LINE + 6]] 1 True module has no webnn.version stamp; reading it as version 2, the current version
// CHECK-NEXT: error [[# @LINE + 7]] 5 True 'webnn.softmax' op axis 2 is out of range [0, 2) for rank 2
// CHECK-NEXT: error [[# @LINE + 7]] 5 True 'webnn.transpose' op permutation [0, 0] has duplicate values
// CHECK-NOT: {{.}}
// USAGE: webnn-opt: error: argument --diagnostics-format: invalid choice: 'xml'

builtin.module {
  func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}, tensor<3x2xf32> {webnn.name = "z"}) {
    %0 = webnn.softmax %x {axis = 2} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.transpose %x {permutation = [0, 0]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    func.return %0, %1 : tensor<2x3xf32>, tensor<3x2xf32>
  }
}
