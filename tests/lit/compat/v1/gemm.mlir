// gemm in version 1: unchanged in version 2.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.gemm %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x4xf32>
  func.func @defaults(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
    %y = webnn.gemm %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    func.return %y : tensor<2x4xf32>
  }

  // CHECK-LABEL: func.func @all_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.gemm %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {c = %{{[a-z0-9_#]+}}, alpha = 0.5, beta = 2.0, aTranspose = true, bTranspose = true} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x4xf32>
  func.func @all_options(%a: tensor<3x2xf32>, %b: tensor<4x3xf32>, %c: tensor<4xf32>) -> tensor<2x4xf32> {
    %y = webnn.gemm %a, %b {c = %c, alpha = 0.5, beta = 2.0, aTranspose = true, bTranspose = true} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
    func.return %y : tensor<2x4xf32>
  }

  // CHECK-LABEL: func.func @scalar_c(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.gemm %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {c = %{{[a-z0-9_#]+}}} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<f32>) -> tensor<2x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x4xf32>
  func.func @scalar_c(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<f32>) -> tensor<2x4xf32> {
    %y = webnn.gemm %a, %b {c = %c} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<f32>) -> tensor<2x4xf32>
    func.return %y : tensor<2x4xf32>
  }
}
