// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s
// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s --check-prefix=NONE

// Recurrent ops decompose into gemms, element-wise ops and slices, their time loop
// unrolled; no webnn op is left.
// NONE-NOT: = webnn.

builtin.module attributes {webnn.version = 2} {
  // gru, 2 steps, batch 1, resetAfter (default): one gemm projects the input of both
  // steps ([steps * batch, 3 * hidden]); each step then runs one recurrent gemm whose
  // accumulator starts at that step's rows of it, z/r columns only (a constant mask
  // selects zero for n), plus the recurrent bias.
  // CHECK-LABEL: func.func @gru
  // CHECK:       linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<12x3xf32>) outs(%{{.*}} : tensor<2x12xf32>)
  // CHECK:       arith.constant dense<[1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]> : tensor<12xi8>
  // step 0 (the initial state is zeros):
  // CHECK:       arith.select
  // CHECK:       linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<1x4xf32>, tensor<12x4xf32>) outs(%{{.*}} : tensor<1x12xf32>)
  // CHECK:       math.tanh
  // step 1 reads row 1 of the projection:
  // CHECK:       affine_map<(d0, d1) -> ((d0 + 1), d1)>{{.*}} ins(%{{.*}} : tensor<2x12xf32>) outs(%{{.*}} : tensor<1x12xf32>)
  // CHECK:       arith.select
  // CHECK:       linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<1x4xf32>, tensor<12x4xf32>) outs(%{{.*}} : tensor<1x12xf32>)
  // CHECK:       math.tanh
  // CHECK:       %[[H:.*]] = tensor.reshape {{.*}} -> tensor<1x1x4xf32>
  // CHECK:       func.return %[[H]] : tensor<1x1x4xf32>
  func.func @gru(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>, %b: tensor<1x12xf32>) -> tensor<1x1x4xf32> {
    %h = webnn.gru %x, %w, %r {bias = %b, steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<1x12xf32>) -> tensor<1x1x4xf32>
    func.return %h : tensor<1x1x4xf32>
  }

  // lstmCell in float16 with a peephole: operands are extended to f32 once, the input
  // and recurrent gemms accumulate in f32, the peephole weight is sliced [i, o, f], and
  // both results are rounded to f16 only at the end.
  // CHECK-LABEL: func.func @lstm_cell
  // CHECK:       arith.extf %{{.*}} : f16 to f32
  // CHECK:       linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x3xf32>, tensor<16x3xf32>) outs(%{{.*}} : tensor<1x16xf32>)
  // CHECK:       affine_map<(d0) -> ((d0 + 4))>{{.*}} ins(%{{.*}} : tensor<12xf32>) outs(%{{.*}} : tensor<4xf32>)
  // CHECK:       affine_map<(d0) -> ((d0 + 8))>{{.*}} ins(%{{.*}} : tensor<12xf32>) outs(%{{.*}} : tensor<4xf32>)
  // CHECK:       linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x4xf32>, tensor<16x4xf32>) outs(%{{.*}} : tensor<1x16xf32>)
  // CHECK:       math.exp
  // CHECK:       math.tanh
  // CHECK:       math.tanh
  // CHECK:       %h1 = linalg.generic
  // CHECK:         arith.truncf %{{.*}} : f32 to f16
  // CHECK:       %c1 = linalg.generic
  // CHECK:         arith.truncf %{{.*}} : f32 to f16
  // CHECK:       func.return %h1, %c1 : tensor<1x4xf16>, tensor<1x4xf16>
  func.func @lstm_cell(%x: tensor<1x3xf16>, %w: tensor<16x3xf16>, %r: tensor<16x4xf16>, %h0: tensor<1x4xf16>, %c0: tensor<1x4xf16>, %p: tensor<12xf16>) -> (tensor<1x4xf16>, tensor<1x4xf16>) {
    %h1, %c1 = webnn.lstmCell %x, %w, %r, %h0, %c0 {peepholeWeight = %p, hiddenSize = 4} : (tensor<1x3xf16>, tensor<16x3xf16>, tensor<16x4xf16>, tensor<1x4xf16>, tensor<1x4xf16>, tensor<12xf16>) -> (tensor<1x4xf16>, tensor<1x4xf16>)
    func.return %h1, %c1 : tensor<1x4xf16>, tensor<1x4xf16>
  }
}
