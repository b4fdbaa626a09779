// RUN: webnn-opt %s --split-input-file -p convert-to-nhwc | FileCheck %s
// RUN: webnn-opt %s --split-input-file -p convert-to-nhwc --print-debuginfo | FileCheck %s --check-prefix=LOC

// Four depthwise convolutions and a 1x1 one on 80 channels, 114 multiply-adds per
// element transposed at the edges: every convolution runs in NHWC, its filter
// transposed at compile time (one copy per filter, shared), and transposes remain only
// at the edges:
// the input, once for the first convolution and the residual add, and the pooled
// features. The clamp, relu and add are computed in NHWC, the pool reads NHWC.
// CHECK-LABEL: func.func @main
// CHECK-DAG: %[[DW:.*]] = webnn.constant dense<5.000000e-01> : tensor<1x3x3x80xf32>
// CHECK-DAG: %[[PW:.*]] = webnn.constant dense<2.500000e-01> : tensor<1x1x80x80xf32>
// CHECK: %[[X:.*]] = webnn.transpose %x {permutation = [0, 2, 3, 1]} : (tensor<1x80x10x10xf32>) -> tensor<1x10x10x80xf32>
// CHECK: %[[C0:.*]] = webnn.conv2d %[[X]], %[[DW]] {padding = [1, 1, 1, 1], groups = 80, inputLayout = "nhwc", filterLayout = "ihwo"}
// CHECK: %[[R0:.*]] = webnn.clamp %[[C0]] {minValue = 0.0, maxValue = 6.0} : (tensor<1x10x10x80xf32>) -> tensor<1x10x10x80xf32>
// CHECK: %[[C1:.*]] = webnn.conv2d %[[R0]], %[[DW]]
// CHECK: %[[C2:.*]] = webnn.conv2d %[[C1]], %[[PW]] {bias = %{{.*}}, inputLayout = "nhwc", filterLayout = "hwio"}
// CHECK: %[[SUM:.*]] = webnn.add %[[C2]], %[[X]] : (tensor<1x10x10x80xf32>, tensor<1x10x10x80xf32>) -> tensor<1x10x10x80xf32>
// CHECK: webnn.conv2d %[[SUM]], %[[DW]]
// CHECK: webnn.relu
// CHECK: %[[C4:.*]] = webnn.conv2d
// CHECK: %[[POOL:.*]] = webnn.averagePool2d %[[C4]] {layout = "nhwc"} : (tensor<1x10x10x80xf32>) -> tensor<1x1x1x80xf32>
// CHECK: %[[Y:.*]] = webnn.transpose %[[POOL]] {permutation = [0, 3, 1, 2]} : (tensor<1x1x1x80xf32>) -> tensor<1x80x1x1xf32>
// CHECK-NOT: webnn.transpose
// CHECK: func.return %[[Y]]

// Every new op is located at the op it stands for: the input's transpose at the first
// convolution, the clamp where it was, the last transpose at the pool.
// LOC-LABEL: func.func @main
// LOC: webnn.transpose %x {{.*}} loc("{{.*}}convert-to-nhwc.mlir":[[CONV:[0-9]+]]:5)
// LOC-NEXT: webnn.conv2d {{.*}} loc("{{.*}}convert-to-nhwc.mlir":[[CONV]]:5)
// LOC-NEXT: webnn.clamp {{.*}} loc("{{.*}}convert-to-nhwc.mlir":[[CLAMP:[0-9]+]]:5)
// LOC: webnn.averagePool2d {{.*}} loc("{{.*}}convert-to-nhwc.mlir":[[POOL:[0-9]+]]:5)
// LOC-NEXT: webnn.transpose {{.*}} loc("{{.*}}convert-to-nhwc.mlir":[[POOL]]:5)

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x80x10x10xf32> {webnn.name = "x"}) -> (tensor<1x80x1x1xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<0.5> : tensor<80x1x3x3xf32>
    %p = webnn.constant dense<0.25> : tensor<80x80x1x1xf32>
    %b = webnn.constant dense<0.125> : tensor<80xf32>
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1], groups = 80} : (tensor<1x80x10x10xf32>, tensor<80x1x3x3xf32>) -> tensor<1x80x10x10xf32>
    %1 = webnn.clamp %0 {minValue = 0.0, maxValue = 6.0} : (tensor<1x80x10x10xf32>) -> tensor<1x80x10x10xf32>
    %2 = webnn.conv2d %1, %w {padding = [1, 1, 1, 1], groups = 80} : (tensor<1x80x10x10xf32>, tensor<80x1x3x3xf32>) -> tensor<1x80x10x10xf32>
    %3 = webnn.conv2d %2, %p {bias = %b} : (tensor<1x80x10x10xf32>, tensor<80x80x1x1xf32>, tensor<80xf32>) -> tensor<1x80x10x10xf32>
    %4 = webnn.add %3, %x : (tensor<1x80x10x10xf32>, tensor<1x80x10x10xf32>) -> tensor<1x80x10x10xf32>
    %5 = webnn.conv2d %4, %w {padding = [1, 1, 1, 1], groups = 80} : (tensor<1x80x10x10xf32>, tensor<80x1x3x3xf32>) -> tensor<1x80x10x10xf32>
    %6 = webnn.relu %5 : (tensor<1x80x10x10xf32>) -> tensor<1x80x10x10xf32>
    %7 = webnn.conv2d %6, %w {padding = [1, 1, 1, 1], groups = 80} : (tensor<1x80x10x10xf32>, tensor<80x1x3x3xf32>) -> tensor<1x80x10x10xf32>
    %8 = webnn.averagePool2d %7 : (tensor<1x80x10x10xf32>) -> tensor<1x80x1x1xf32>
    func.return %8 : tensor<1x80x1x1xf32>
  }
}

// -----

// Three depthwise convolutions on 8 channels do 27 multiply-adds per element the
// transposes at their edges would copy: those would cost more than NHWC gains, so the
// graph is left as it is.
// CHECK-LABEL: func.func @main
// CHECK-NOT: webnn.transpose
// CHECK-NOT: "nhwc"
// CHECK: func.return

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x8x10x10xf32> {webnn.name = "x"}) -> (tensor<1x8x10x10xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<0.5> : tensor<8x1x3x3xf32>
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1], groups = 8} : (tensor<1x8x10x10xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x10x10xf32>
    %1 = webnn.conv2d %0, %w {padding = [1, 1, 1, 1], groups = 8} : (tensor<1x8x10x10xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x10x10xf32>
    %2 = webnn.conv2d %1, %w {padding = [1, 1, 1, 1], groups = 8} : (tensor<1x8x10x10xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x10x10xf32>
    func.return %2 : tensor<1x8x10x10xf32>
  }
}

// -----

// An NHWC graph (TFLite's filters are OHWI) keeps its layout, whatever its depthwise
// count, but each constant filter is read in the layout the kernels take as vectors of
// output channels: HWIO, or IHWO for a depthwise one (OHWI's output channels are
// outermost, which left these convolutions to scalar loops).
// CHECK-LABEL: func.func @main
// CHECK-DAG: %[[DW:.*]] = webnn.constant dense<{{\[\[\[\[}}1.000000e+00, 1.500000e+00, 1.000000e-01, 1.000000e+00], [2.000000e+00, 2.500000e+00, 2.000000e-01, 1.000000e+00]{{.*}}> : tensor<1x3x3x4xf32>
// CHECK-DAG: %[[PW:.*]] = webnn.constant dense<{{.*}}> : tensor<1x1x4x6xf32>
// CHECK: %[[A:.*]] = webnn.conv2d %x, %[[DW]] {padding = [1, 1, 1, 1], groups = 4, inputLayout = "nhwc", filterLayout = "ihwo"}
// CHECK: webnn.conv2d %[[A]], %[[PW]] {inputLayout = "nhwc", filterLayout = "hwio"}
// CHECK-NOT: webnn.transpose

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x5x5x4xf32> {webnn.name = "x"}) -> (tensor<1x5x5x6xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<[[[[1.0], [2.0], [3.0]], [[4.0], [5.0], [6.0]], [[7.0], [8.0], [9.0]]], [[[1.5], [2.5], [3.5]], [[4.5], [5.5], [6.5]], [[7.5], [8.5], [9.5]]], [[[0.1], [0.2], [0.3]], [[0.4], [0.5], [0.6]], [[0.7], [0.8], [0.9]]], [[[1.0], [1.0], [1.0]], [[1.0], [1.0], [1.0]], [[1.0], [1.0], [1.0]]]]> : tensor<4x3x3x1xf32>
    %p = webnn.constant dense<0.25> : tensor<6x1x1x4xf32>
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1], groups = 4, inputLayout = "nhwc", filterLayout = "ohwi"} : (tensor<1x5x5x4xf32>, tensor<4x3x3x1xf32>) -> tensor<1x5x5x4xf32>
    %1 = webnn.conv2d %0, %p {inputLayout = "nhwc", filterLayout = "ohwi"} : (tensor<1x5x5x4xf32>, tensor<6x1x1x4xf32>) -> tensor<1x5x5x6xf32>
    func.return %1 : tensor<1x5x5x6xf32>
  }
}
