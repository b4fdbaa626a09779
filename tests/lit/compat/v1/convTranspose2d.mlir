// convTranspose2d in version 1: every option, autoPad (whose "same-*" padding makes the
// output input * stride) and a fused activation.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x5x5xf32>
  func.func @defaults(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32> {
    %y = webnn.convTranspose2d %x, %w : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x5x5xf32>
    func.return %y : tensor<1x3x5x5xf32>
  }

  // CHECK-LABEL: func.func @explicit_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, padding = [1, 1, 0, 0], strides = [2, 2], dilations = [1, 1], outputPadding = [1, 0], groups = 1, inputLayout = "nchw", filterLayout = "iohw"} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x3x6x7xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x6x7xf32>
  func.func @explicit_options(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x6x7xf32> {
    %y = webnn.convTranspose2d %x, %w {padding = [1, 1, 0, 0], strides = [2, 2], dilations = [1, 1], outputPadding = [1, 0], autoPad = "explicit", groups = 1, inputLayout = "nchw", filterLayout = "iohw", bias = %b} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x3x6x7xf32>
    func.return %y : tensor<1x3x6x7xf32>
  }

  // CHECK-LABEL: func.func @output_sizes(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {strides = [2, 2], outputSizes = [8, 7]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x8x7xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x8x7xf32>
  func.func @output_sizes(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x8x7xf32> {
    %y = webnn.convTranspose2d %x, %w {strides = [2, 2], outputSizes = [8, 7]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x8x7xf32>
    func.return %y : tensor<1x3x8x7xf32>
  }

  // CHECK-LABEL: func.func @same_upper(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [0, 1, 0, 1], strides = [2, 2]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x6x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x6x6xf32>
  func.func @same_upper(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x6x6xf32> {
    %y = webnn.convTranspose2d %x, %w {strides = [2, 2], autoPad = "same-upper"} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x6x6xf32>
    func.return %y : tensor<1x3x6x6xf32>
  }

  // CHECK-LABEL: func.func @same_lower_output_padding(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [1, 1, 1, 0], strides = [2, 2], outputPadding = [1, 0]} : (tensor<1x2x3x4xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x6x8xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x6x8xf32>
  func.func @same_lower_output_padding(%x: tensor<1x2x3x4xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x6x8xf32> {
    %y = webnn.convTranspose2d %x, %w {strides = [2, 2], outputPadding = [1, 0], autoPad = "same-lower"} : (tensor<1x2x3x4xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x6x8xf32>
    func.return %y : tensor<1x3x6x8xf32>
  }

  // CHECK-LABEL: func.func @same_upper_dilated(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [1, 1, 1, 1], dilations = [2, 2]} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x3x3xf32>
  func.func @same_upper_dilated(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32> {
    %y = webnn.convTranspose2d %x, %w {dilations = [2, 2], autoPad = "same-upper"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
    func.return %y : tensor<1x1x3x3xf32>
  }

  // CHECK-LABEL: func.func @grouped_nhwc_hwoi(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {groups = 2, inputLayout = "nhwc", filterLayout = "hwoi"} : (tensor<1x3x3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<1x4x4x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x4x4x6xf32>
  func.func @grouped_nhwc_hwoi(%x: tensor<1x3x3x4xf32>, %w: tensor<2x2x3x4xf32>) -> tensor<1x4x4x6xf32> {
    %y = webnn.convTranspose2d %x, %w {groups = 2, inputLayout = "nhwc", filterLayout = "hwoi"} : (tensor<1x3x3x4xf32>, tensor<2x2x3x4xf32>) -> tensor<1x4x4x6xf32>
    func.return %y : tensor<1x4x4x6xf32>
  }

  // CHECK-LABEL: func.func @ohwi_bias_relu(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, filterLayout = "ohwi"} : (tensor<1x2x3x3xf32>, tensor<3x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.relu %{{[a-z0-9_#]+}} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x4x4xf32>
  func.func @ohwi_bias_relu(%x: tensor<1x2x3x3xf32>, %w: tensor<3x2x2x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x4x4xf32> {
    %y = webnn.convTranspose2d %x, %w {filterLayout = "ohwi", bias = %b, activation = "relu"} : (tensor<1x2x3x3xf32>, tensor<3x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
    func.return %y : tensor<1x3x4x4xf32>
  }

  // CHECK-LABEL: func.func @same_upper_sigmoid(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.convTranspose2d %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {padding = [0, 1, 0, 1], strides = [2, 2]} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x6x6xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.sigmoid %{{[a-z0-9_#]+}} : (tensor<1x3x6x6xf32>) -> tensor<1x3x6x6xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x3x6x6xf32>
  func.func @same_upper_sigmoid(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x3x3xf32>) -> tensor<1x3x6x6xf32> {
    %y = webnn.convTranspose2d %x, %w {strides = [2, 2], autoPad = "same-upper", activation = "sigmoid"} : (tensor<1x2x3x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x6x6xf32>
    func.return %y : tensor<1x3x6x6xf32>
  }
}
