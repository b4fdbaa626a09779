// `not` in its 2023-12 form (#478), which the project counts as version 1
// (dialects/webnn/versions.py, ADOPTED): 1 where the uint8 input is 0, else 0. Version 2
// calls it logicalNot (#692). Two nots in a row give both truth values from inputs
// that are mostly non-zero.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @not(
  // CHECK-NEXT: [[NOT_0:%[a-z0-9_#]+]] = webnn.logicalNot %{{[a-z0-9_#]+}} : (tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK-NEXT: [[NOT_1:%[a-z0-9_#]+]] = webnn.logicalNot [[NOT_0]] : (tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK-NEXT: [[NOT_2:%[a-z0-9_#]+]] = webnn.logicalNot %{{[a-z0-9_#]+}} : (tensor<ui8>) -> tensor<ui8>
  // CHECK-NEXT: func.return [[NOT_0]], [[NOT_1]], [[NOT_2]] : tensor<2x3xui8>, tensor<2x3xui8>, tensor<ui8>
  func.func @not(%m: tensor<2x3xui8>, %s: tensor<ui8>) -> (tensor<2x3xui8>, tensor<2x3xui8>, tensor<ui8>) {
    %0 = webnn.not %m : (tensor<2x3xui8>) -> tensor<2x3xui8>
    %1 = webnn.not %0 : (tensor<2x3xui8>) -> tensor<2x3xui8>
    %2 = webnn.not %s : (tensor<ui8>) -> tensor<ui8>
    func.return %0, %1, %2 : tensor<2x3xui8>, tensor<2x3xui8>, tensor<ui8>
  }
}
