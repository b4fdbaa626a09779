// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @reduce_all_axes
  // CHECK: webnn.reduceSum %{{[^ ]+}} : (tensor<2x3x4xf32>) -> tensor<f32>
  // CHECK: webnn.reduceSum %{{[^ ]+}} {keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x1x1xf32>
  func.func @reduce_all_axes(%x: tensor<2x3x4xf32>) -> tensor<f32> {
    %0 = webnn.reduceSum %x : (tensor<2x3x4xf32>) -> tensor<f32>
    %1 = webnn.reduceSum %x {keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x1x1xf32>
    func.return %0 : tensor<f32>
  }

  // CHECK-LABEL: func.func @reduce_some_axes
  // CHECK: webnn.reduceMean %{{[^ ]+}} {axes = [2]} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.reduceMean %{{[^ ]+}} {axes = [2, 0], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  // CHECK: webnn.reduceMean %{{[^ ]+}} {axes = [0], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
  func.func @reduce_some_axes(%x: tensor<2x3x4xf32>) -> tensor<2x3xf32> {
    %0 = webnn.reduceMean %x {axes = [2]} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
    %1 = webnn.reduceMean %x {axes = [2, 0], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
    %2 = webnn.reduceMean %x {axes = [0], keepDimensions = false} : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // Empty axes reduce nothing; a scalar input reduces to a scalar.
  // CHECK-LABEL: func.func @reduce_no_axes
  // CHECK: webnn.reduceMin %{{[^ ]+}} {axes = []} : (tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.reduceMax %{{[^ ]+}} : (tensor<i64>) -> tensor<i64>
  func.func @reduce_no_axes(%x: tensor<2x3xui8>, %s: tensor<i64>) -> tensor<2x3xui8> {
    %0 = webnn.reduceMin %x {axes = []} : (tensor<2x3xui8>) -> tensor<2x3xui8>
    %1 = webnn.reduceMax %s : (tensor<i64>) -> tensor<i64>
    func.return %0 : tensor<2x3xui8>
  }

  // CHECK-LABEL: func.func @reduce_every_kind
  // CHECK: webnn.reduceL1 %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceL2 %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceLogSum %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceLogSumExp %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceMax %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceMean %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceMin %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceProduct %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceSum %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  // CHECK: webnn.reduceSumSquare %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
  func.func @reduce_every_kind(%x: tensor<2x3xf16>) -> tensor<2xf16> {
    %0 = webnn.reduceL1 %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %1 = webnn.reduceL2 %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %2 = webnn.reduceLogSum %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %3 = webnn.reduceLogSumExp %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %4 = webnn.reduceMax %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %5 = webnn.reduceMean %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %6 = webnn.reduceMin %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %7 = webnn.reduceProduct %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %8 = webnn.reduceSum %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    %9 = webnn.reduceSumSquare %x {axes = [1]} : (tensor<2x3xf16>) -> tensor<2xf16>
    func.return %9 : tensor<2xf16>
  }

  // Summable integer types for L1/Product/Sum/SumSquare; any type for Max/Min.
  // CHECK-LABEL: func.func @reduce_integer_types
  // CHECK: webnn.reduceL1 %{{[^ ]+}} : (tensor<4xi32>) -> tensor<i32>
  // CHECK: webnn.reduceProduct %{{[^ ]+}} : (tensor<4xui32>) -> tensor<ui32>
  // CHECK: webnn.reduceSum %{{[^ ]+}} : (tensor<4xi64>) -> tensor<i64>
  // CHECK: webnn.reduceSumSquare %{{[^ ]+}} : (tensor<4xui64>) -> tensor<ui64>
  // CHECK: webnn.reduceMax %{{[^ ]+}} : (tensor<4xi8>) -> tensor<i8>
  func.func @reduce_integer_types(%a: tensor<4xi32>, %b: tensor<4xui32>, %c: tensor<4xi64>, %d: tensor<4xui64>, %e: tensor<4xi8>) -> tensor<i32> {
    %0 = webnn.reduceL1 %a : (tensor<4xi32>) -> tensor<i32>
    %1 = webnn.reduceProduct %b : (tensor<4xui32>) -> tensor<ui32>
    %2 = webnn.reduceSum %c : (tensor<4xi64>) -> tensor<i64>
    %3 = webnn.reduceSumSquare %d : (tensor<4xui64>) -> tensor<ui64>
    %4 = webnn.reduceMax %e : (tensor<4xi8>) -> tensor<i8>
    func.return %0 : tensor<i32>
  }

  // CHECK-LABEL: func.func @arg_min_max
  // CHECK: webnn.argMax %{{[^ ]+}} {axis = 1} : (tensor<2x3xf32>) -> tensor<2xi32>
  // CHECK: webnn.argMin %{{[^ ]+}} {axis = 0, keepDimensions = true, outputDataType = "int64"} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  // CHECK: webnn.argMax %{{[^ ]+}} {axis = 0, outputDataType = "int32"} : (tensor<5xui8>) -> tensor<i32>
  func.func @arg_min_max(%x: tensor<2x3xf32>, %y: tensor<5xui8>) -> tensor<2xi32> {
    %0 = webnn.argMax %x {axis = 1} : (tensor<2x3xf32>) -> tensor<2xi32>
    %1 = webnn.argMin %x {axis = 0, keepDimensions = true, outputDataType = "int64"} : (tensor<2x3xf32>) -> tensor<1x3xi64>
    %2 = webnn.argMax %y {axis = 0, outputDataType = "int32"} : (tensor<5xui8>) -> tensor<i32>
    func.return %0 : tensor<2xi32>
  }

  // CHECK-LABEL: func.func @cumulative_sum
  // CHECK: webnn.cumulativeSum %{{[^ ]+}} {axis = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.cumulativeSum %{{[^ ]+}} {axis = 0, exclusive = true, reversed = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.cumulativeSum %{{[^ ]+}} {axis = 0, exclusive = false} : (tensor<7xi64>) -> tensor<7xi64>
  func.func @cumulative_sum(%x: tensor<2x3xf32>, %p: tensor<7xi64>) -> tensor<2x3xf32> {
    %0 = webnn.cumulativeSum %x {axis = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.cumulativeSum %x {axis = 0, exclusive = true, reversed = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.cumulativeSum %p {axis = 0, exclusive = false} : (tensor<7xi64>) -> tensor<7xi64>
    func.return %0 : tensor<2x3xf32>
  }
}
