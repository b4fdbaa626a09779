// averagePool2d, l2Pool2d, maxPool2d in version 1: autoPad becomes explicit padding,
// roundingType becomes outputShapeRounding.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @average_global(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.averagePool2d %{{[a-z0-9_#]+}} : (tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x1x1xf32>
  func.func @average_global(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32> {
    %y = webnn.averagePool2d %x : (tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32>
    func.return %y : tensor<1x2x1x1xf32>
  }

  // CHECK-LABEL: func.func @average_rounding_ceil(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.averagePool2d %{{[a-z0-9_#]+}} {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x3x3xf32>
  func.func @average_rounding_ceil(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {
    %y = webnn.averagePool2d %x {windowDimensions = [3, 3], strides = [2, 2], roundingType = "ceil"} : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
    func.return %y : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @average_rounding_floor(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.averagePool2d %{{[a-z0-9_#]+}} {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "floor"} : (tensor<1x2x6x6xf32>) -> tensor<1x2x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x2x2xf32>
  func.func @average_rounding_floor(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x2x2xf32> {
    %y = webnn.averagePool2d %x {windowDimensions = [3, 3], strides = [2, 2], roundingType = "floor"} : (tensor<1x2x6x6xf32>) -> tensor<1x2x2x2xf32>
    func.return %y : tensor<1x2x2x2xf32>
  }

  // CHECK-LABEL: func.func @average_same_upper(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.averagePool2d %{{[a-z0-9_#]+}} {windowDimensions = [3, 3], padding = [1, 1, 0, 1], strides = [2, 2]} : (tensor<1x2x5x6xf32>) -> tensor<1x2x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x3x3xf32>
  func.func @average_same_upper(%x: tensor<1x2x5x6xf32>) -> tensor<1x2x3x3xf32> {
    %y = webnn.averagePool2d %x {windowDimensions = [3, 3], strides = [2, 2], autoPad = "same-upper"} : (tensor<1x2x5x6xf32>) -> tensor<1x2x3x3xf32>
    func.return %y : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @l2_explicit_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.l2Pool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], padding = [1, 1, 1, 1], strides = [1, 1], dilations = [2, 2], layout = "nhwc", outputShapeRounding = "floor"} : (tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x6x6x2xf32>
  func.func @l2_explicit_options(%x: tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32> {
    %y = webnn.l2Pool2d %x {windowDimensions = [2, 2], padding = [1, 1, 1, 1], strides = [1, 1], dilations = [2, 2], autoPad = "explicit", layout = "nhwc", roundingType = "floor"} : (tensor<1x6x6x2xf32>) -> tensor<1x6x6x2xf32>
    func.return %y : tensor<1x6x6x2xf32>
  }

  // CHECK-LABEL: func.func @l2_same_lower(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.l2Pool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], padding = [1, 0, 1, 0]} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x4x4xf32>
  func.func @l2_same_lower(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
    %y = webnn.l2Pool2d %x {windowDimensions = [2, 2], autoPad = "same-lower"} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
    func.return %y : tensor<1x1x4x4xf32>
  }

  // CHECK-LABEL: func.func @max_same_lower_nhwc(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.maxPool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], padding = [1, 0, 1, 0], strides = [2, 2], layout = "nhwc"} : (tensor<1x5x5x3xf32>) -> tensor<1x3x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x3x3xf32>
  func.func @max_same_lower_nhwc(%x: tensor<1x5x5x3xf32>) -> tensor<1x3x3x3xf32> {
    %y = webnn.maxPool2d %x {windowDimensions = [2, 2], strides = [2, 2], autoPad = "same-lower", layout = "nhwc"} : (tensor<1x5x5x3xf32>) -> tensor<1x3x3x3xf32>
    func.return %y : tensor<1x3x3x3xf32>
  }

  // CHECK-LABEL: func.func @max_output_sizes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.maxPool2d %{{[a-z0-9_#]+}} {windowDimensions = [3, 3], strides = [2, 2], outputSizes = [3, 3]} : (tensor<1x1x6x6xf32>) -> tensor<1x1x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x3x3xf32>
  func.func @max_output_sizes(%x: tensor<1x1x6x6xf32>) -> tensor<1x1x3x3xf32> {
    %y = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputSizes = [3, 3]} : (tensor<1x1x6x6xf32>) -> tensor<1x1x3x3xf32>
    func.return %y : tensor<1x1x3x3xf32>
  }

  // CHECK-LABEL: func.func @average_all_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.averagePool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], padding = [1, 1, 0, 1], strides = [1, 1], dilations = [2, 1], layout = "nhwc", outputShapeRounding = "floor"} : (tensor<1x5x5x2xf32>) -> tensor<1x5x5x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x5x5x2xf32>
  func.func @average_all_options(%x: tensor<1x5x5x2xf32>) -> tensor<1x5x5x2xf32> {
    %y = webnn.averagePool2d %x {windowDimensions = [2, 2], padding = [1, 1, 0, 1], strides = [1, 1], dilations = [2, 1], autoPad = "explicit", layout = "nhwc", roundingType = "floor"} : (tensor<1x5x5x2xf32>) -> tensor<1x5x5x2xf32>
    func.return %y : tensor<1x5x5x2xf32>
  }

  // CHECK-LABEL: func.func @average_output_sizes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.averagePool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], strides = [2, 2], outputSizes = [3, 3]} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x3x3xf32>
  func.func @average_output_sizes(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32> {
    %y = webnn.averagePool2d %x {windowDimensions = [2, 2], strides = [2, 2], outputSizes = [3, 3]} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
    func.return %y : tensor<1x1x3x3xf32>
  }

  // CHECK-LABEL: func.func @l2_global(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.l2Pool2d %{{[a-z0-9_#]+}} : (tensor<1x2x3x3xf32>) -> tensor<1x2x1x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x1x1xf32>
  func.func @l2_global(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x1x1xf32> {
    %y = webnn.l2Pool2d %x : (tensor<1x2x3x3xf32>) -> tensor<1x2x1x1xf32>
    func.return %y : tensor<1x2x1x1xf32>
  }

  // CHECK-LABEL: func.func @l2_output_sizes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.l2Pool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], strides = [2, 2], outputSizes = [2, 2]} : (tensor<1x1x5x5xf32>) -> tensor<1x1x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2x2xf32>
  func.func @l2_output_sizes(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x2x2xf32> {
    %y = webnn.l2Pool2d %x {windowDimensions = [2, 2], strides = [2, 2], outputSizes = [2, 2]} : (tensor<1x1x5x5xf32>) -> tensor<1x1x2x2xf32>
    func.return %y : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @max_global(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.maxPool2d %{{[a-z0-9_#]+}} : (tensor<1x2x3x3xf32>) -> tensor<1x2x1x1xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x1x1xf32>
  func.func @max_global(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x1x1xf32> {
    %y = webnn.maxPool2d %x : (tensor<1x2x3x3xf32>) -> tensor<1x2x1x1xf32>
    func.return %y : tensor<1x2x1x1xf32>
  }

  // CHECK-LABEL: func.func @max_padding_dilations(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.maxPool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], padding = [1, 1, 1, 1], dilations = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x4x4xf32>
  func.func @max_padding_dilations(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
    %y = webnn.maxPool2d %x {windowDimensions = [2, 2], padding = [1, 1, 1, 1], dilations = [2, 2], autoPad = "explicit", roundingType = "ceil"} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
    func.return %y : tensor<1x1x4x4xf32>
  }

  // CHECK-LABEL: func.func @max_uint8(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.maxPool2d %{{[a-z0-9_#]+}} {windowDimensions = [2, 2], strides = [2, 2]} : (tensor<1x2x4x4xui8>) -> tensor<1x2x2x2xui8>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x2x2x2xui8>
  func.func @max_uint8(%x: tensor<1x2x4x4xui8>) -> tensor<1x2x2x2xui8> {
    %y = webnn.maxPool2d %x {windowDimensions = [2, 2], strides = [2, 2]} : (tensor<1x2x4x4xui8>) -> tensor<1x2x2x2xui8>
    func.return %y : tensor<1x2x2x2xui8>
  }
}
