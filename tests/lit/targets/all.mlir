// --check-target=all: one portability table of what each target refuses (rows) against
// every target (columns); exit 1 because some target refuses something.
// RUN: not webnn-opt %s --check-target=all | FileCheck %s

// CHECK:      portability: what each target refuses (ok = runs; a '?' = unknown limit)
// CHECK-NEXT: {{ +}}where{{ +}}cpu{{ +}}tflite{{ +}}coreml{{ +}}ort{{ +}}dml{{ +}}spec-required
// CHECK-NEXT: graph input 'ids'{{ +}}{{.*}}all.mlir:[[# @LINE + 8]]:60{{ +}}ok{{ +}}ok{{ +}}int64{{ +}}ok{{ +}}ok{{ +}}ok
// CHECK-NEXT: 'webnn.gather' op{{ +}}{{.*}}all.mlir:[[# @LINE + 8]]:5{{ +}}ok{{ +}}ok{{ +}}int64{{ +}}ok{{ +}}ok{{ +}}int64
// CHECK-NEXT: 'webnn.l2Pool2d' op{{ +}}{{.*}}all.mlir:[[# @LINE + 8]]:5{{ +}}ok{{ +}}no op{{ +}}ok{{ +}}ok{{ +}}ok{{ +}}ok
// CHECK-NEXT: 'webnn.pow' op{{ +}}{{.*}}all.mlir:[[# @LINE + 8]]:5{{ +}}ok{{ +}}rank 5{{ +}}ok{{ +}}ok{{ +}}ok{{ +}}ok
// CHECK-NEXT: runs{{ +}}yes{{ +}}no{{ +}}no{{ +}}yes{{ +}}yes{{ +}}no
// CHECK-NOT: {{.}}

builtin.module attributes {webnn.version = 2} {
  func.func @main(%t: tensor<10x4xf32> {webnn.name = "t"}, %ids: tensor<3xi64> {webnn.name = "ids"}, %x: tensor<1x8x2x2xf32> {webnn.name = "x"}, %v: tensor<1x2x3x4x5xf32> {webnn.name = "v"}) -> (tensor<3x4xf32> {webnn.name = "rows"}, tensor<1x8x1x1xf32> {webnn.name = "p"}, tensor<1x2x3x4x5xf32> {webnn.name = "q"}) {
    %0 = webnn.gather %t, %ids : (tensor<10x4xf32>, tensor<3xi64>) -> tensor<3x4xf32>
    %1 = webnn.l2Pool2d %x {windowDimensions = [2, 2]} : (tensor<1x8x2x2xf32>) -> tensor<1x8x1x1xf32>
    %2 = webnn.pow %v, %v : (tensor<1x2x3x4x5xf32>, tensor<1x2x3x4x5xf32>) -> tensor<1x2x3x4x5xf32>
    func.return %0, %1, %2 : tensor<3x4xf32>, tensor<1x8x1x1xf32>, tensor<1x2x3x4x5xf32>
  }
}
