// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @matmul_2d
  // CHECK: webnn.matmul %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  func.func @matmul_2d(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
    %0 = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }

  // CHECK-LABEL: func.func @matmul_batch_broadcast
  // CHECK: webnn.matmul %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x1x3x4xf16>, tensor<5x4x6xf16>) -> tensor<2x5x3x6xf16>
  func.func @matmul_batch_broadcast(%a: tensor<2x1x3x4xf16>, %b: tensor<5x4x6xf16>) -> tensor<2x5x3x6xf16> {
    %0 = webnn.matmul %a, %b : (tensor<2x1x3x4xf16>, tensor<5x4x6xf16>) -> tensor<2x5x3x6xf16>
    func.return %0 : tensor<2x5x3x6xf16>
  }

  // CHECK-LABEL: func.func @matmul_rank2_by_batch
  // CHECK: webnn.matmul %{{[^ ]+}}, %{{[^ ]+}} : (tensor<3x4xf32>, tensor<7x4x2xf32>) -> tensor<7x3x2xf32>
  func.func @matmul_rank2_by_batch(%a: tensor<3x4xf32>, %b: tensor<7x4x2xf32>) -> tensor<7x3x2xf32> {
    %0 = webnn.matmul %a, %b : (tensor<3x4xf32>, tensor<7x4x2xf32>) -> tensor<7x3x2xf32>
    func.return %0 : tensor<7x3x2xf32>
  }

  // CHECK-LABEL: func.func @gemm_defaults
  // CHECK: webnn.gemm %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  func.func @gemm_defaults(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
    %0 = webnn.gemm %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }

  // CHECK-LABEL: func.func @gemm_fully_connected
  // CHECK: webnn.gemm %{{[^ ]+}}, %{{[^ ]+}} {c = %{{[^ ]+}}, bTranspose = true} : (tensor<1x4xf32>, tensor<8x4xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  func.func @gemm_fully_connected(%x: tensor<1x4xf32>, %w: tensor<8x4xf32>, %bias: tensor<8xf32>) -> tensor<1x8xf32> {
    %0 = webnn.gemm %x, %w {c = %bias, bTranspose = true} : (tensor<1x4xf32>, tensor<8x4xf32>, tensor<8xf32>) -> tensor<1x8xf32>
    func.return %0 : tensor<1x8xf32>
  }

  // CHECK-LABEL: func.func @gemm_all_options
  // CHECK: webnn.gemm %{{[^ ]+}}, %{{[^ ]+}} {c = %{{[^ ]+}}, alpha = 0.5, beta = -2.0, aTranspose = true, bTranspose = false} : (tensor<3x2xf16>, tensor<3x4xf16>, tensor<f16>) -> tensor<2x4xf16>
  func.func @gemm_all_options(%a: tensor<3x2xf16>, %b: tensor<3x4xf16>, %c: tensor<f16>) -> tensor<2x4xf16> {
    %0 = webnn.gemm %a, %b {bTranspose = false, c = %c, aTranspose = true, beta = -2.0, alpha = 0.5} : (tensor<3x2xf16>, tensor<3x4xf16>, tensor<f16>) -> tensor<2x4xf16>
    func.return %0 : tensor<2x4xf16>
  }

  // CHECK-LABEL: func.func @gemm_c_column
  // CHECK: webnn.gemm %{{[^ ]+}}, %{{[^ ]+}} {c = %{{[^ ]+}}, beta = 1.0} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  func.func @gemm_c_column(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x1xf32>) -> tensor<2x4xf32> {
    %0 = webnn.gemm %a, %b {c = %c, beta = 1.0} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}
