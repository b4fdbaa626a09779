// softmax in version 1 takes a 2-D input and normalizes axis 1: version 2 spells axis = 1.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @float32(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softmax %{{[a-z0-9_#]+}} {axis = 1} : (tensor<2x5xf32>) -> tensor<2x5xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x5xf32>
  func.func @float32(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
    %y = webnn.softmax %x : (tensor<2x5xf32>) -> tensor<2x5xf32>
    func.return %y : tensor<2x5xf32>
  }

  // CHECK-LABEL: func.func @float16(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softmax %{{[a-z0-9_#]+}} {axis = 1} : (tensor<3x4xf16>) -> tensor<3x4xf16>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<3x4xf16>
  func.func @float16(%x: tensor<3x4xf16>) -> tensor<3x4xf16> {
    %y = webnn.softmax %x : (tensor<3x4xf16>) -> tensor<3x4xf16>
    func.return %y : tensor<3x4xf16>
  }
}
