// conv2d in version 1: every option, its defaults, and autoPad ("explicit",
// "same-upper", "same-lower"), which becomes explicit padding computed from the shapes.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x3x3xf32>
  func.func @defaults(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32> {
    %y = webnn.conv2d %x, %w : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
    func.return %y : tensor<1x3x3x3xf32>
  }

  // CHECK-LABEL: func.func @explicit_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, padding = [1, 0, 2, 1], strides = [2, 1], dilations = [1, 2], groups = 1, inputLayout = "nchw", filterLayout = "oihw"} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x2x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x2x4xf32>
  func.func @explicit_options(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x2x4xf32> {
    %y = webnn.conv2d %x, %w {padding = [1, 0, 2, 1], strides = [2, 1], dilations = [1, 2], autoPad = "explicit", groups = 1, inputLayout = "nchw", filterLayout = "oihw", bias = %b} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x2x4xf32>
    func.return %y : tensor<1x3x2x4xf32>
  }

  // CHECK-LABEL: func.func @same_upper(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [0, 1, 1, 1], strides = [2, 2]} : (tensor<1x2x6x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x3x3xf32>
  func.func @same_upper(%x: tensor<1x2x6x5xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32> {
    %y = webnn.conv2d %x, %w {strides = [2, 2], autoPad = "same-upper"} : (tensor<1x2x6x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
    func.return %y : tensor<1x3x3x3xf32>
  }

  // CHECK-LABEL: func.func @same_lower(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [1, 0, 1, 1], strides = [2, 2]} : (tensor<1x2x6x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x3x3xf32>
  func.func @same_lower(%x: tensor<1x2x6x5xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32> {
    %y = webnn.conv2d %x, %w {strides = [2, 2], autoPad = "same-lower"} : (tensor<1x2x6x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x3x3xf32>
    func.return %y : tensor<1x3x3x3xf32>
  }

  // With autoPad "same-*" the padding option is ignored.
  // CHECK-LABEL: func.func @same_upper_dilated_ignores_padding(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [2, 2, 2, 2], dilations = [2, 2]} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x5xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x5x5xf32>
  func.func @same_upper_dilated_ignores_padding(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x5x5xf32> {
    %y = webnn.conv2d %x, %w {padding = [9, 9, 9, 9], dilations = [2, 2], autoPad = "same-upper"} : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %y : tensor<1x3x5x5xf32>
  }

  // CHECK-LABEL: func.func @same_lower_even_kernel(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [1, 0, 1, 0]} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x4x4xf32>
  func.func @same_lower_even_kernel(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
    %y = webnn.conv2d %x, %w {autoPad = "same-lower"} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
    func.return %y : tensor<1x1x4x4xf32>
  }

  // CHECK-LABEL: func.func @grouped_nhwc_hwio(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {groups = 2, inputLayout = "nhwc", filterLayout = "hwio"} : (tensor<1x5x5x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x3x3x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x3x6xf32>
  func.func @grouped_nhwc_hwio(%x: tensor<1x5x5x4xf32>, %w: tensor<3x3x2x6xf32>) -> tensor<1x3x3x6xf32> {
    %y = webnn.conv2d %x, %w {groups = 2, inputLayout = "nhwc", filterLayout = "hwio"} : (tensor<1x5x5x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x3x3x6xf32>
    func.return %y : tensor<1x3x3x6xf32>
  }

  // CHECK-LABEL: func.func @depthwise_ohwi_same_upper(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [1, 1, 1, 1], groups = 4, inputLayout = "nhwc", filterLayout = "ohwi"} : (tensor<1x5x5x4xf32>, tensor<4x3x3x1xf32>) -> tensor<1x5x5x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x5x5x4xf32>
  func.func @depthwise_ohwi_same_upper(%x: tensor<1x5x5x4xf32>, %w: tensor<4x3x3x1xf32>) -> tensor<1x5x5x4xf32> {
    %y = webnn.conv2d %x, %w {autoPad = "same-upper", groups = 4, inputLayout = "nhwc", filterLayout = "ohwi"} : (tensor<1x5x5x4xf32>, tensor<4x3x3x1xf32>) -> tensor<1x5x5x4xf32>
    func.return %y : tensor<1x5x5x4xf32>
  }

  // CHECK-LABEL: func.func @ihwo(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {filterLayout = "ihwo"} : (tensor<1x2x4x4xf32>, tensor<2x3x3x5xf32>) -> tensor<1x5x2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x5x2x2xf32>
  func.func @ihwo(%x: tensor<1x2x4x4xf32>, %w: tensor<2x3x3x5xf32>) -> tensor<1x5x2x2xf32> {
    %y = webnn.conv2d %x, %w {filterLayout = "ihwo"} : (tensor<1x2x4x4xf32>, tensor<2x3x3x5xf32>) -> tensor<1x5x2x2xf32>
    func.return %y : tensor<1x5x2x2xf32>
  }

  // CHECK-LABEL: func.func @float16_bias_same_upper_relu(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.conv2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, padding = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x2x5x5xf16>, tensor<3x2x3x3xf16>, tensor<3xf16>) -> tensor<1x3x3x3xf16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.relu %{{[a-z0-9_#]+}} : (tensor<1x3x3x3xf16>) -> tensor<1x3x3x3xf16>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x3x3xf16>
  func.func @float16_bias_same_upper_relu(%x: tensor<1x2x5x5xf16>, %w: tensor<3x2x3x3xf16>, %b: tensor<3xf16>) -> tensor<1x3x3x3xf16> {
    %y = webnn.conv2d %x, %w {strides = [2, 2], autoPad = "same-upper", bias = %b, activation = "relu"} : (tensor<1x2x5x5xf16>, tensor<3x2x3x3xf16>, tensor<3xf16>) -> tensor<1x3x3x3xf16>
    func.return %y : tensor<1x3x3x3xf16>
  }
}
