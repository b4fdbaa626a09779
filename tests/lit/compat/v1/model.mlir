// A small version 1 classifier as a 2023 frontend wrote it: conv2d with "same-upper"
// autoPad and a fused relu, maxPool2d with autoPad and roundingType, squeeze, a reshape
// with a null dimension, gemm and softmax without an axis.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @main(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<{{\[\[}}{{\[\[}}5.000000e-01, -2.500000e-01, 1.250000e-01], [1.000000e+00, 7.500000e-01, -5.000000e-01], [2.500000e-01, 5.000000e-01, -1.000000e+00]]], {{\[\[}}[-5.000000e-01, 2.500000e-01, 5.000000e-01], [1.250000e-01, -7.500000e-01, 1.000000e+00], [5.000000e-01, 2.500000e-01, 2.500000e-01]]]]> : tensor<2x1x3x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<[1.000000e-01, -2.000000e-01]> : tensor<2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<{{\[\[}}5.000000e-01, -5.000000e-01, 2.500000e-01, 1.000000e+00, -1.000000e+00, 5.000000e-01, 7.500000e-01, -2.500000e-01], [2.500000e-01, 1.250000e-01, -5.000000e-01, 5.000000e-01, 5.000000e-01, -7.500000e-01, 1.000000e+00, 0.000000e+00], [-1.000000e+00, 5.000000e-01, 5.000000e-01, -2.500000e-01, 2.500000e-01, 1.000000e+00, -5.000000e-01, 1.250000e-01]]> : tensor<3x8xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, padding = [1, 1, 1, 1]} : (tensor<1x1x4x4xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.relu %{{[a-z0-9_#]+}} : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.maxPool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], padding = [0, 0, 0, 0], strides = [2, 2], outputShapeRounding = "floor"} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [2, 2, 2]} : (tensor<1x2x2x2xf32>) -> tensor<2x2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.reshape %{{[a-z0-9_#]+}} {newShape = [1, 8]} : (tensor<2x2x2xf32>) -> tensor<1x8xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.gemm %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bTranspose = true} : (tensor<1x8xf32>, tensor<3x8xf32>) -> tensor<1x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.softmax %{{[a-z0-9_#]+}} {axis = 1} : (tensor<1x3xf32>) -> tensor<1x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3xf32>
  func.func @main(%image: tensor<1x1x4x4xf32> {webnn.name = "image"}) -> (tensor<1x3xf32> {webnn.name = "probabilities"}) {
    %w = webnn.constant dense<[[[[0.5, -0.25, 0.125], [1.0, 0.75, -0.5], [0.25, 0.5, -1.0]]], [[[-0.5, 0.25, 0.5], [0.125, -0.75, 1.0], [0.5, 0.25, 0.25]]]]> : tensor<2x1x3x3xf32>
    %b = webnn.constant dense<[0.1, -0.2]> : tensor<2xf32>
    %fc = webnn.constant dense<[[0.5, -0.5, 0.25, 1.0, -1.0, 0.5, 0.75, -0.25], [0.25, 0.125, -0.5, 0.5, 0.5, -0.75, 1.0, 0.0], [-1.0, 0.5, 0.5, -0.25, 0.25, 1.0, -0.5, 0.125]]> : tensor<3x8xf32>
    %conv = webnn.conv2d %image, %w {autoPad = "same-upper", bias = %b, activation = "relu"} : (tensor<1x1x4x4xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
    %pool = webnn.maxPool2d %conv {windowDimensions = [2, 2], strides = [2, 2], autoPad = "same-upper", roundingType = "floor"} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
    %flat = webnn.squeeze %pool : (tensor<1x2x2x2xf32>) -> tensor<2x2x2xf32>
    %row = webnn.reshape %flat {newShape = [1, null]} : (tensor<2x2x2xf32>) -> tensor<1x8xf32>
    %logits = webnn.gemm %row, %fc {bTranspose = true} : (tensor<1x8xf32>, tensor<3x8xf32>) -> tensor<1x3xf32>
    %p = webnn.softmax %logits : (tensor<1x3xf32>) -> tensor<1x3xf32>
    func.return %p : tensor<1x3xf32>
  }
}
