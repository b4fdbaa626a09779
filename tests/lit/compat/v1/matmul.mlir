// matmul in version 1 promotes 1-D operands as NumPy does; version 2 needs rank >= 2, so
// the upgrade reshapes the vector, multiplies, and reshapes the result back.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @matrices(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.matmul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x4xf32>
  func.func @matrices(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
    %y = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    func.return %y : tensor<2x4xf32>
  }

  // CHECK-LABEL: func.func @batch_broadcast(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.matmul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x1x2x3xf32>, tensor<3x3x4xf32>) -> tensor<2x3x2x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x3x2x4xf32>
  func.func @batch_broadcast(%a: tensor<2x1x2x3xf32>, %b: tensor<3x3x4xf32>) -> tensor<2x3x2x4xf32> {
    %y = webnn.matmul %a, %b : (tensor<2x1x2x3xf32>, tensor<3x3x4xf32>) -> tensor<2x3x2x4xf32>
    func.return %y : tensor<2x3x2x4xf32>
  }

  // CHECK-LABEL: func.func @vector_matrix(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [1, 3]} : (tensor<3xf32>) -> tensor<1x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.matmul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x3xf32>, tensor<3x4xf32>) -> tensor<1x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [4]} : (tensor<1x4xf32>) -> tensor<4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<4xf32>
  func.func @vector_matrix(%a: tensor<3xf32>, %b: tensor<3x4xf32>) -> tensor<4xf32> {
    %y = webnn.matmul %a, %b : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
    func.return %y : tensor<4xf32>
  }

  // CHECK-LABEL: func.func @matrix_vector(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [3, 1]} : (tensor<3xf32>) -> tensor<3x1xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.matmul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3x1xf32>) -> tensor<2x1xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [2]} : (tensor<2x1xf32>) -> tensor<2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2xf32>
  func.func @matrix_vector(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2xf32> {
    %y = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
    func.return %y : tensor<2xf32>
  }

  // CHECK-LABEL: func.func @dot(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [1, 5]} : (tensor<5xf32>) -> tensor<1x5xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [5, 1]} : (tensor<5xf32>) -> tensor<5x1xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.matmul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x5xf32>, tensor<5x1xf32>) -> tensor<1x1xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = []} : (tensor<1x1xf32>) -> tensor<f32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<f32>
  func.func @dot(%a: tensor<5xf32>, %b: tensor<5xf32>) -> tensor<f32> {
    %y = webnn.matmul %a, %b : (tensor<5xf32>, tensor<5xf32>) -> tensor<f32>
    func.return %y : tensor<f32>
  }

  // CHECK-LABEL: func.func @vector_batch(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [1, 3]} : (tensor<3xf32>) -> tensor<1x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.matmul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x3xf32>, tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [2, 4]} : (tensor<2x1x4xf32>) -> tensor<2x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x4xf32>
  func.func @vector_batch(%a: tensor<3xf32>, %b: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
    %y = webnn.matmul %a, %b : (tensor<3xf32>, tensor<2x3x4xf32>) -> tensor<2x4xf32>
    func.return %y : tensor<2x4xf32>
  }

  // CHECK-LABEL: func.func @batch_vector_f16(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [3, 1]} : (tensor<3xf16>) -> tensor<3x1xf16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.matmul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x4x3xf16>, tensor<3x1xf16>) -> tensor<2x4x1xf16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [2, 4]} : (tensor<2x4x1xf16>) -> tensor<2x4xf16>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x4xf16>
  func.func @batch_vector_f16(%a: tensor<2x4x3xf16>, %b: tensor<3xf16>) -> tensor<2x4xf16> {
    %y = webnn.matmul %a, %b : (tensor<2x4x3xf16>, tensor<3xf16>) -> tensor<2x4xf16>
    func.return %y : tensor<2x4xf16>
  }
}
