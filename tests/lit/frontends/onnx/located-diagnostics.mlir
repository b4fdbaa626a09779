// RUN: not webnn-opt %s 2>&1 | FileCheck %s
// RUN: webnn-opt %s --verify-diagnostics

// An op located at an ONNX node (what webnn-import writes) is reported at that node:
// the model file has no lines, so the diagnostic names the node and its op type.

// CHECK: model.onnx: node 'conv1' (Conv): error: 'webnn.conv2d' op filter input channels 2 do not match input channels 3 / groups 1
// CHECK-NOT: ^

builtin.module attributes {webnn.version = 2 : i64} {
  func.func @main(%x: tensor<1x3x8x8xf32> {webnn.name = "x"}) -> (tensor<1x4x6x6xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<1.0> : tensor<4x2x3x3xf32> loc("w"("Conv"("model.onnx":0:0)))
    // expected-error@unknown {{'webnn.conv2d' op filter input channels 2 do not match input channels 3 / groups 1}}
    %y = webnn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> loc("conv1"("Conv"("model.onnx":0:0)))
    func.return %y : tensor<1x4x6x6xf32>
  }
}
