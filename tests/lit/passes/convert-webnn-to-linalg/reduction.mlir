// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // A reduction: fill the accumulator with the identity, then one generic over the
  // input's space with the reduced dimension as a "reduction" iterator. Float sums
  // accumulate in f64 and are rounded once by a final element-wise generic.
  // CHECK-LABEL: func.func @sum_axis1
  // CHECK:       arith.constant 0.000000e+00 : f64
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x3xf32>) outs(%{{.*}} : tensor<4xf64>)
  // CHECK:         arith.extf %{{.*}} : f32 to f64
  // CHECK:         arith.addf %{{.*}}, %{{.*}} : f64
  // CHECK:       linalg.generic
  // CHECK:         arith.truncf %{{.*}} : f64 to f32
  // CHECK-NOT:   linalg.generic
  // CHECK:       func.return
  func.func @sum_axis1(%x: tensor<4x3xf32>) -> tensor<4xf32> {
    %0 = webnn.reduceSum %x {axes = [1]} : (tensor<4x3xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }

  // keepDimensions: the output map has 0 in the reduced positions; the mean divides
  // by the count in a final element-wise generic.
  // CHECK-LABEL: func.func @mean_keep
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (0, d1, 0)>], iterator_types = ["reduction", "parallel", "reduction"]}
  // CHECK:       linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel"]}
  // CHECK:         arith.constant 8.000000e+00 : f64
  // CHECK:         arith.divf
  func.func @mean_keep(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
    %0 = webnn.reduceMean %x {axes = [2, 0], keepDimensions = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
    func.return %0 : tensor<1x3x1xf32>
  }

  // All axes (absent): a rank-0 accumulator; float16 accumulates in f64 too, sqrt,
  // rounds once (round to odd into f32, then to f16: one correct rounding).
  // CHECK-LABEL: func.func @l2_f16
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%x : tensor<4x3xf16>) outs(%{{.*}} : tensor<f64>)
  // CHECK:         arith.extf %{{.*}} : f16 to f64
  // CHECK:         arith.mulf
  // CHECK:       math.sqrt
  // CHECK:       arith.truncf %{{.*}} : f64 to f32
  // CHECK:       arith.truncf %{{.*}} : f32 to f16
  func.func @l2_f16(%x: tensor<4x3xf16>) -> tensor<f16> {
    %0 = webnn.reduceL2 %x : (tensor<4x3xf16>) -> tensor<f16>
    func.return %0 : tensor<f16>
  }

  // Unsigned max starts from 0 and compares unsigned.
  // CHECK-LABEL: func.func @max_u8
  // CHECK:       arith.constant 0 : i8
  // CHECK:       iterator_types = ["reduction", "parallel"]
  // CHECK:         arith.maxui
  func.func @max_u8(%x: tensor<5x2xui8>) -> tensor<2xui8> {
    %0 = webnn.reduceMax %x {axes = [0]} : (tensor<5x2xui8>) -> tensor<2xui8>
    func.return %0 : tensor<2xui8>
  }

  // Empty axes reduce nothing: the scalar function element-wise, no reduction iterator.
  // CHECK-LABEL: func.func @l1_no_axes
  // CHECK-NOT:   reduction
  // CHECK:       arith.cmpi slt
  // CHECK:       arith.subi
  // CHECK:       func.return
  func.func @l1_no_axes(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
    %0 = webnn.reduceL1 %x {axes = []} : (tensor<2x3xi32>) -> tensor<2x3xi32>
    func.return %0 : tensor<2x3xi32>
  }

  // log-sum-exp: a max pass, then the sum of exp(x - max) reading the max back.
  // CHECK-LABEL: func.func @log_sum_exp
  // CHECK:       iterator_types = ["parallel", "reduction"]
  // CHECK:         arith.maximumf
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]}
  // CHECK:         arith.subf
  // CHECK:         math.exp
  // CHECK:       math.log
  func.func @log_sum_exp(%x: tensor<2x3xf32>) -> tensor<2xf32> {
    %0 = webnn.reduceLogSumExp %x {axes = [1]} : (tensor<2x3xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }

  // argMax: one generic with two outputs (best value, its index), the index from
  // linalg.index of the reduced dimension.
  // CHECK-LABEL: func.func @arg_max
  // CHECK:       %{{.*}}, %{{.*}} = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, 0)>], iterator_types = ["parallel", "reduction"]}
  // CHECK:         linalg.index 1 : index
  // CHECK:         arith.cmpf ugt
  // CHECK:         arith.index_cast %{{.*}} : index to i64
  // CHECK:       } -> (tensor<4x1xf32>, tensor<4x1xi64>)
  func.func @arg_max(%x: tensor<4x3xf32>) -> tensor<4x1xi64> {
    %0 = webnn.argMax %x {axis = 1, keepDimensions = true, outputDataType = "int64"} : (tensor<4x3xf32>) -> tensor<4x1xi64>
    func.return %0 : tensor<4x1xi64>
  }

  // cumulativeSum: log-step scan, shifts 1 then 2 (axis of 3), each reading its
  // neighbour with tensor.extract at an index kept in bounds.
  // CHECK-LABEL: func.func @cumulative_sum
  // CHECK:       iterator_types = ["parallel", "parallel"]
  // CHECK:         arith.constant 1 : index
  // CHECK:         arith.cmpi uge
  // CHECK:         tensor.extract %x
  // CHECK:       iterator_types = ["parallel", "parallel"]
  // CHECK:         arith.constant 2 : index
  // CHECK:         tensor.extract
  // CHECK-NOT:   linalg.generic
  // CHECK:       func.return
  func.func @cumulative_sum(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
    %0 = webnn.cumulativeSum %x {axis = 1} : (tensor<2x3xi32>) -> tensor<2x3xi32>
    func.return %0 : tensor<2x3xi32>
  }

  // softmax: max and sum along the axis (kept as size 1), then exp(x - max) / sum.
  // CHECK-LABEL: func.func @softmax
  // CHECK:       affine_map<(d0, d1, d2) -> (d0, 0, d2)>], iterator_types = ["parallel", "reduction", "parallel"]}
  // CHECK:         arith.maximumf
  // CHECK:       iterator_types = ["parallel", "reduction", "parallel"]
  // CHECK:         math.exp
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]}
  // CHECK:         math.exp
  // CHECK:         arith.divf
  func.func @softmax(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
    %0 = webnn.softmax %x {axis = 1} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }
}
