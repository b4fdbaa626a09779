// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @average_pool2d_global
  // CHECK: webnn.averagePool2d %{{[^ ]+}} : (tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32>
  func.func @average_pool2d_global(%x: tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32> {
    %0 = webnn.averagePool2d %x : (tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32>
    func.return %0 : tensor<1x8x1x1xf32>
  }

  // CHECK-LABEL: func.func @average_pool2d_global_nhwc
  // CHECK: webnn.averagePool2d %{{[^ ]+}} {layout = "nhwc"} : (tensor<1x7x5x8xf16>) -> tensor<1x1x1x8xf16>
  func.func @average_pool2d_global_nhwc(%x: tensor<1x7x5x8xf16>) -> tensor<1x1x1x8xf16> {
    %0 = webnn.averagePool2d %x {layout = "nhwc"} : (tensor<1x7x5x8xf16>) -> tensor<1x1x1x8xf16>
    func.return %0 : tensor<1x1x1x8xf16>
  }

  // CHECK-LABEL: func.func @average_pool2d_nhwc_strided
  // CHECK: webnn.averagePool2d %{{[^ ]+}} {windowDimensions = [2, 2], strides = [2, 2], layout = "nhwc"} : (tensor<1x8x8x3xf32>) -> tensor<1x4x4x3xf32>
  func.func @average_pool2d_nhwc_strided(%x: tensor<1x8x8x3xf32>) -> tensor<1x4x4x3xf32> {
    %0 = webnn.averagePool2d %x {strides = [2, 2], layout = "nhwc", windowDimensions = [2, 2]} : (tensor<1x8x8x3xf32>) -> tensor<1x4x4x3xf32>
    func.return %0 : tensor<1x4x4x3xf32>
  }

  // CHECK-LABEL: func.func @l2_pool2d_window
  // CHECK: webnn.l2Pool2d %{{[^ ]+}} {windowDimensions = [2, 2]} : (tensor<1x3x4x4xf16>) -> tensor<1x3x3x3xf16>
  func.func @l2_pool2d_window(%x: tensor<1x3x4x4xf16>) -> tensor<1x3x3x3xf16> {
    %0 = webnn.l2Pool2d %x {windowDimensions = [2, 2]} : (tensor<1x3x4x4xf16>) -> tensor<1x3x3x3xf16>
    func.return %0 : tensor<1x3x3x3xf16>
  }

  // CHECK-LABEL: func.func @l2_pool2d_padding
  // CHECK: webnn.l2Pool2d %{{[^ ]+}} {windowDimensions = [3, 3], padding = [1, 1, 0, 2]} : (tensor<2x3x4x6xf32>) -> tensor<2x3x4x6xf32>
  func.func @l2_pool2d_padding(%x: tensor<2x3x4x6xf32>) -> tensor<2x3x4x6xf32> {
    %0 = webnn.l2Pool2d %x {windowDimensions = [3, 3], padding = [1, 1, 0, 2]} : (tensor<2x3x4x6xf32>) -> tensor<2x3x4x6xf32>
    func.return %0 : tensor<2x3x4x6xf32>
  }

  // CHECK-LABEL: func.func @max_pool2d_floor
  // CHECK: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [3, 3], strides = [2, 2]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
  func.func @max_pool2d_floor(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }

  // CHECK-LABEL: func.func @max_pool2d_ceil
  // CHECK: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  func.func @max_pool2d_ceil(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }

  // CHECK-LABEL: func.func @max_pool2d_ceil_partial_window
  // CHECK: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32>
  func.func @max_pool2d_ceil_partial_window(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32>
    func.return %0 : tensor<1x1x1x1xf32>
  }

  // CHECK-LABEL: func.func @max_pool2d_int8_padded
  // CHECK: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [3, 3], padding = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x3x8x8xi8>) -> tensor<1x3x4x4xi8>
  func.func @max_pool2d_int8_padded(%x: tensor<1x3x8x8xi8>) -> tensor<1x3x4x4xi8> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], padding = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x3x8x8xi8>) -> tensor<1x3x4x4xi8>
    func.return %0 : tensor<1x3x4x4xi8>
  }

  // CHECK-LABEL: func.func @max_pool2d_uint8_dilated
  // CHECK: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [3, 3], dilations = [2, 2]} : (tensor<1x1x7x7xui8>) -> tensor<1x1x3x3xui8>
  func.func @max_pool2d_uint8_dilated(%x: tensor<1x1x7x7xui8>) -> tensor<1x1x3x3xui8> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], dilations = [2, 2]} : (tensor<1x1x7x7xui8>) -> tensor<1x1x3x3xui8>
    func.return %0 : tensor<1x1x3x3xui8>
  }

  // CHECK-LABEL: func.func @max_pool2d_int64_global
  // CHECK: webnn.maxPool2d %{{[^ ]+}} : (tensor<2x4x3x3xi64>) -> tensor<2x4x1x1xi64>
  func.func @max_pool2d_int64_global(%x: tensor<2x4x3x3xi64>) -> tensor<2x4x1x1xi64> {
    %0 = webnn.maxPool2d %x : (tensor<2x4x3x3xi64>) -> tensor<2x4x1x1xi64>
    func.return %0 : tensor<2x4x1x1xi64>
  }

  // CHECK-LABEL: func.func @max_pool2d_output_sizes_ceil
  // CHECK: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [3, 3], strides = [2, 2], outputSizes = [4, 4]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  func.func @max_pool2d_output_sizes_ceil(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputSizes = [4, 4]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
    func.return %0 : tensor<1x3x4x4xf32>
  }

  // CHECK-LABEL: func.func @max_pool2d_output_sizes_floor_ignores_padding
  // CHECK: webnn.maxPool2d %{{[^ ]+}} {windowDimensions = [3, 3], padding = [1, 1, 1, 1], strides = [2, 2], outputShapeRounding = "ceil", outputSizes = [3, 3]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
  func.func @max_pool2d_output_sizes_floor_ignores_padding(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
    %0 = webnn.maxPool2d %x {windowDimensions = [3, 3], padding = [1, 1, 1, 1], strides = [2, 2], outputShapeRounding = "ceil", outputSizes = [3, 3]} : (tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32>
    func.return %0 : tensor<1x3x3x3xf32>
  }

  // CHECK-LABEL: func.func @average_pool2d_explicit_defaults
  // CHECK: webnn.averagePool2d %{{[^ ]+}} {windowDimensions = [4, 4], padding = [0, 0, 0, 0], strides = [1, 1], dilations = [1, 1], layout = "nchw", outputShapeRounding = "floor"} : (tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32>
  func.func @average_pool2d_explicit_defaults(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32> {
    %0 = webnn.averagePool2d %x {windowDimensions = [4, 4], padding = [0, 0, 0, 0], strides = [1, 1], dilations = [1, 1], layout = "nchw", outputShapeRounding = "floor"} : (tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32>
    func.return %0 : tensor<1x2x1x1xf32>
  }
}
