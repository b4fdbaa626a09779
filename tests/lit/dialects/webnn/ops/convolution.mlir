// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @conv2d_defaults
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
  func.func @conv2d_defaults(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    %0 = webnn.conv2d %x, %w : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @conv2d_bias_padding_strides_dilations
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, padding = [1, 2, 0, 1], strides = [2, 1], dilations = [2, 1]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x7xf32>
  func.func @conv2d_bias_padding_strides_dilations(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x7xf32> {
    %0 = webnn.conv2d %x, %w {dilations = [2, 1], bias = %b, strides = [2, 1], padding = [1, 2, 0, 1]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x7xf32>
    func.return %0 : tensor<1x4x4x7xf32>
  }

  // CHECK-LABEL: func.func @conv2d_nhwc_hwio
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {padding = [1, 1, 1, 1], inputLayout = "nhwc", filterLayout = "hwio"} : (tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x5x5x4xf32>
  func.func @conv2d_nhwc_hwio(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x3x4xf32>) -> tensor<1x5x5x4xf32> {
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1], inputLayout = "nhwc", filterLayout = "hwio"} : (tensor<1x5x5x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x5x5x4xf32>
    func.return %0 : tensor<1x5x5x4xf32>
  }

  // CHECK-LABEL: func.func @conv2d_depthwise
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, groups = 8} : (tensor<1x8x6x6xf16>, tensor<8x1x3x3xf16>, tensor<8xf16>) -> tensor<1x8x4x4xf16>
  func.func @conv2d_depthwise(%x: tensor<1x8x6x6xf16>, %w: tensor<8x1x3x3xf16>, %b: tensor<8xf16>) -> tensor<1x8x4x4xf16> {
    %0 = webnn.conv2d %x, %w {bias = %b, groups = 8} : (tensor<1x8x6x6xf16>, tensor<8x1x3x3xf16>, tensor<8xf16>) -> tensor<1x8x4x4xf16>
    func.return %0 : tensor<1x8x4x4xf16>
  }

  // CHECK-LABEL: func.func @conv2d_ohwi
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {filterLayout = "ohwi"} : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  func.func @conv2d_ohwi(%x: tensor<1x3x5x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32> {
    %0 = webnn.conv2d %x, %w {filterLayout = "ohwi"} : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
    func.return %0 : tensor<1x4x3x3xf32>
  }

  // CHECK-LABEL: func.func @conv2d_grouped_ihwo
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, groups = 2, filterLayout = "ihwo"} : (tensor<2x4x5x5xf32>, tensor<2x1x1x6xf32>, tensor<6xf32>) -> tensor<2x6x5x5xf32>
  func.func @conv2d_grouped_ihwo(%x: tensor<2x4x5x5xf32>, %w: tensor<2x1x1x6xf32>, %b: tensor<6xf32>) -> tensor<2x6x5x5xf32> {
    %0 = webnn.conv2d %x, %w {bias = %b, groups = 2, filterLayout = "ihwo"} : (tensor<2x4x5x5xf32>, tensor<2x1x1x6xf32>, tensor<6xf32>) -> tensor<2x6x5x5xf32>
    func.return %0 : tensor<2x6x5x5xf32>
  }

  // CHECK-LABEL: func.func @conv2d_explicit_defaults
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {padding = [0, 0, 0, 0], strides = [1, 1], dilations = [1, 1], groups = 1, inputLayout = "nchw", filterLayout = "oihw"} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
  func.func @conv2d_explicit_defaults(%x: tensor<1x3x5x5xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32> {
    %0 = webnn.conv2d %x, %w {padding = [0, 0, 0, 0], strides = [1, 1], dilations = [1, 1], groups = 1, inputLayout = "nchw", filterLayout = "oihw"} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x3x3xf32>
    func.return %0 : tensor<1x2x3x3xf32>
  }

  // CHECK-LABEL: func.func @conv2d_stride_drops_remainder
  // CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {strides = [3, 3]} : (tensor<1x1x7x7xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  func.func @conv2d_stride_drops_remainder(%x: tensor<1x1x7x7xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {
    %0 = webnn.conv2d %x, %w {strides = [3, 3]} : (tensor<1x1x7x7xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    func.return %0 : tensor<1x1x2x2xf32>
  }

  // CHECK-LABEL: func.func @conv_transpose2d_defaults
  // CHECK: webnn.convTranspose2d %{{[^ ]+}}, %{{[^ ]+}} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
  func.func @conv_transpose2d_defaults(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    %0 = webnn.convTranspose2d %x, %w : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }

  // CHECK-LABEL: func.func @conv_transpose2d_output_padding_bias
  // CHECK: webnn.convTranspose2d %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, strides = [2, 2], outputPadding = [1, 1]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x8x8xf32>
  func.func @conv_transpose2d_output_padding_bias(%x: tensor<1x4x3x3xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x8x8xf32> {
    %0 = webnn.convTranspose2d %x, %w {bias = %b, strides = [2, 2], outputPadding = [1, 1]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x8x8xf32>
    func.return %0 : tensor<1x2x8x8xf32>
  }

  // CHECK-LABEL: func.func @conv_transpose2d_output_sizes
  // CHECK: webnn.convTranspose2d %{{[^ ]+}}, %{{[^ ]+}} {strides = [2, 2], outputSizes = [8, 7]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x8x7xf32>
  func.func @conv_transpose2d_output_sizes(%x: tensor<1x4x3x3xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x8x7xf32> {
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 2], outputSizes = [8, 7]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x8x7xf32>
    func.return %0 : tensor<1x2x8x7xf32>
  }

  // CHECK-LABEL: func.func @conv_transpose2d_output_sizes_ignore_padding
  // CHECK: webnn.convTranspose2d %{{[^ ]+}}, %{{[^ ]+}} {strides = [2, 2], outputPadding = [5, 0], outputSizes = [7, 8]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x7x8xf32>
  func.func @conv_transpose2d_output_sizes_ignore_padding(%x: tensor<1x4x3x3xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x7x8xf32> {
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 2], outputPadding = [5, 0], outputSizes = [7, 8]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x7x8xf32>
    func.return %0 : tensor<1x2x7x8xf32>
  }

  // CHECK-LABEL: func.func @conv_transpose2d_nhwc_hwoi_groups
  // CHECK: webnn.convTranspose2d %{{[^ ]+}}, %{{[^ ]+}} {padding = [1, 1, 0, 0], strides = [2, 2], groups = 2, inputLayout = "nhwc", filterLayout = "hwoi"} : (tensor<1x3x3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<1x4x6x6xf32>
  func.func @conv_transpose2d_nhwc_hwoi_groups(%x: tensor<1x3x3x4xf32>, %w: tensor<2x2x3x4xf32>) -> tensor<1x4x6x6xf32> {
    %0 = webnn.convTranspose2d %x, %w {padding = [1, 1, 0, 0], strides = [2, 2], groups = 2, inputLayout = "nhwc", filterLayout = "hwoi"} : (tensor<1x3x3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<1x4x6x6xf32>
    func.return %0 : tensor<1x4x6x6xf32>
  }

  // CHECK-LABEL: func.func @conv_transpose2d_ohwi_dilated
  // CHECK: webnn.convTranspose2d %{{[^ ]+}}, %{{[^ ]+}} {dilations = [2, 2], filterLayout = "ohwi"} : (tensor<1x2x4x4xf16>, tensor<3x2x2x2xf16>) -> tensor<1x3x6x6xf16>
  func.func @conv_transpose2d_ohwi_dilated(%x: tensor<1x2x4x4xf16>, %w: tensor<3x2x2x2xf16>) -> tensor<1x3x6x6xf16> {
    %0 = webnn.convTranspose2d %x, %w {dilations = [2, 2], filterLayout = "ohwi"} : (tensor<1x2x4x4xf16>, tensor<3x2x2x2xf16>) -> tensor<1x3x6x6xf16>
    func.return %0 : tensor<1x3x6x6xf16>
  }

  // CHECK-LABEL: func.func @conv_transpose2d_explicit_defaults
  // CHECK: webnn.convTranspose2d %{{[^ ]+}}, %{{[^ ]+}} {padding = [0, 0, 0, 0], strides = [1, 1], dilations = [1, 1], outputPadding = [0, 0], groups = 1, inputLayout = "nchw", filterLayout = "iohw"} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
  func.func @conv_transpose2d_explicit_defaults(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    %0 = webnn.convTranspose2d %x, %w {padding = [0, 0, 0, 0], strides = [1, 1], dilations = [1, 1], outputPadding = [0, 0], groups = 1, inputLayout = "nchw", filterLayout = "iohw"} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %0 : tensor<1x3x5x5xf32>
  }
}
