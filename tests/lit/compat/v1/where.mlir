// `where(condition, input, other)` in its 2023-12 form (#478), which the project counts
// as version 1 (dialects/webnn/versions.py, ADOPTED). Version 2 renamed the operands
// trueValue and falseValue (#719); the IR spells operands by position, so the op is
// unchanged. Inputs are mostly non-zero: `not` of the condition picks the other side.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @where(
  // CHECK-NEXT: [[WHERE_0:%[a-z0-9_#]+]] = webnn.where %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x1xui8>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: [[WHERE_N:%[a-z0-9_#]+]] = webnn.logicalNot %{{[a-z0-9_#]+}} : (tensor<2x1xui8>) -> tensor<2x1xui8>
  // CHECK-NEXT: [[WHERE_1:%[a-z0-9_#]+]] = webnn.where [[WHERE_N]], %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x1xui8>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: [[WHERE_2:%[a-z0-9_#]+]] = webnn.where [[WHERE_N]], %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x1xui8>, tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
  // CHECK-NEXT: func.return [[WHERE_0]], [[WHERE_1]], [[WHERE_2]] : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>
  func.func @where(%c: tensor<2x1xui8>, %a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<2x3xi32>, %j: tensor<i32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>) {
    %0 = webnn.where %c, %a, %b : (tensor<2x1xui8>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %n = webnn.not %c : (tensor<2x1xui8>) -> tensor<2x1xui8>
    %1 = webnn.where %n, %a, %b : (tensor<2x1xui8>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %2 = webnn.where %n, %i, %j : (tensor<2x1xui8>, tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
    func.return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>
  }
}
