// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // Grouped nhwc conv2d with padding: the input is first copied into a zero-padded
  // tensor with clamped reads; channels split into (group, channel in group) by
  // reshapes; the accumulator starts at the bias; one generic, batch 1 not a loop.
  // CHECK-LABEL: func.func @conv2d_groups
  // CHECK:       tensor.empty() : tensor<1x7x7x4xf32>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK:         arith.maxsi
  // CHECK:         arith.minsi
  // CHECK:         tensor.extract %x
  // CHECK:         arith.select
  // CHECK:       tensor.reshape {{.*}} -> tensor<1x7x7x2x2xf32>
  // CHECK:       tensor.reshape %w{{.*}} -> tensor<2x3x3x3x2xf32>
  // CHECK:       tensor.reshape %b{{.*}} -> tensor<2x3xf32>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (0, d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (0, (d0 + d4), (d1 + d5), d2, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d2, d3, d4, d5, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (0, d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
  // CHECK:         arith.mulf
  // CHECK:         arith.addf
  // CHECK:       tensor.reshape {{.*}} -> tensor<1x5x5x6xf32>
  func.func @conv2d_groups(%x: tensor<1x5x5x4xf32>, %w: tensor<6x3x3x2xf32>, %b: tensor<6xf32>) -> tensor<1x5x5x6xf32> {
    %0 = webnn.conv2d %x, %w {bias = %b, padding = [1, 1, 1, 1], groups = 2, inputLayout = "nhwc", filterLayout = "ohwi"} : (tensor<1x5x5x4xf32>, tensor<6x3x3x2xf32>, tensor<6xf32>) -> tensor<1x5x5x6xf32>
    func.return %0 : tensor<1x5x5x6xf32>
  }

  // Depthwise nhwc with strides, no padding: the input is read in place, strided; the
  // unit channel-in-group dimensions are no loops, so channels stay the last loop.
  // CHECK-LABEL: func.func @conv2d_depthwise
  // CHECK-NOT:   tensor.reshape
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (0, ((d0 * 2) + d3), ((d1 * 2) + d4), d2)>, affine_map<(d0, d1, d2, d3, d4) -> (0, d3, d4, d2)>, affine_map<(d0, d1, d2, d3, d4) -> (0, d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %w
  func.func @conv2d_depthwise(%x: tensor<1x6x6x8xf32>, %w: tensor<1x3x3x8xf32>) -> tensor<1x2x2x8xf32> {
    %0 = webnn.conv2d %x, %w {strides = [2, 2], groups = 8, inputLayout = "nhwc", filterLayout = "ihwo"} : (tensor<1x6x6x8xf32>, tensor<1x3x3x8xf32>) -> tensor<1x2x2x8xf32>
    func.return %0 : tensor<1x2x2x8xf32>
  }

  // convTranspose2d, stride 2: the input spread with a zero between pixels (clamped
  // reads, a remainder test, a division), then a stride-1 convolution whose input map
  // walks the window backwards; float16 accumulates in float32.
  // CHECK-LABEL: func.func @conv_transpose2d
  // CHECK:       tensor.empty() : tensor<1x4x9x9xf16>
  // CHECK:         arith.remui
  // CHECK:         arith.divui
  // CHECK:         tensor.extract %x
  // CHECK:       tensor.empty() : tensor<1x2x7x7xf32>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (0, d3, ((d1 + 2) + (d4 * -1)), ((d2 + 2) + (d5 * -1)))>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d3, d0, d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (0, d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
  // CHECK:       arith.truncf %{{.*}} : f32 to f16
  func.func @conv_transpose2d(%x: tensor<1x4x3x3xf16>, %w: tensor<4x2x3x3xf16>) -> tensor<1x2x7x7xf16> {
    %0 = webnn.convTranspose2d %x, %w {strides = [2, 2]} : (tensor<1x4x3x3xf16>, tensor<4x2x3x3xf16>) -> tensor<1x2x7x7xf16>
    func.return %0 : tensor<1x2x7x7xf16>
  }
}
