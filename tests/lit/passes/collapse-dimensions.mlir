// RUN: webnn-opt %s -p collapse-dimensions | FileCheck %s

// add + per-channel scale on NCHW: H and W merge for every operand, N and C merge too
// (the scale reads them together and broadcasts H, W with index 0).
// CHECK-LABEL: func.func @scale
// CHECK-DAG: memref.reinterpret_cast %x to offset: [0], sizes: [8, 12], strides: [12, 1] : memref<1x8x3x4xf32> to memref<8x12xf32>
// CHECK-DAG: memref.reinterpret_cast %s to offset: [0], sizes: [8, 1, 1], strides: [1, 1, 1] : memref<1x8x1x1xf32> to memref<8x1x1xf32>
// CHECK-DAG: memref.reinterpret_cast %out to offset: [0], sizes: [8, 12], strides: [12, 1]
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
func.func @scale(%x: memref<1x8x3x4xf32>, %s: memref<1x8x1x1xf32>, %out: memref<1x8x3x4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, h, w)>, affine_map<(n, c, h, w) -> (n, c, 0, 0)>, affine_map<(n, c, h, w) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x, %s : memref<1x8x3x4xf32>, memref<1x8x1x1xf32>) outs(%out : memref<1x8x3x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  }
  func.return
}

// A transposed read walks W before H: only N and C can merge, and only where every
// operand reads them together.
// CHECK-LABEL: func.func @transpose
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]}
func.func @transpose(%x: memref<2x5x4x3xf32>, %out: memref<2x5x3x4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, w, h)>, affine_map<(n, c, h, w) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : memref<2x5x4x3xf32>) outs(%out : memref<2x5x3x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  }
  func.return
}

// Reductions and linalg.index are left alone.
// CHECK-LABEL: func.func @row_sum
// CHECK: iterator_types = ["parallel", "parallel", "reduction"]
func.func @row_sum(%x: memref<2x3x4xf32>, %out: memref<2x3xf32>) {
  linalg.generic {indexing_maps = [affine_map<(a, b, r) -> (a, b, r)>, affine_map<(a, b, r) -> (a, b)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : memref<2x3x4xf32>) outs(%out : memref<2x3xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %s = arith.addf %acc, %v : f32
    linalg.yield %s : f32
  }
  func.return
}
// CHECK-LABEL: func.func @indexed
// CHECK-NOT: reinterpret_cast
// CHECK: iterator_types = ["parallel", "parallel"]
func.func @indexed(%out: memref<3x4xi64>) {
  linalg.generic {indexing_maps = [affine_map<(a, b) -> (a, b)>], iterator_types = ["parallel", "parallel"]} outs(%out : memref<3x4xi64>) {
  ^bb0(%o: i64):
    %i = linalg.index 1 : index
    %v = arith.index_cast %i : index to i64
    linalg.yield %v : i64
  }
  func.return
}

// A strided view is not contiguous: left alone.
// CHECK-LABEL: func.func @strided
// CHECK-NOT: reinterpret_cast
// CHECK: iterator_types = ["parallel", "parallel"]
func.func @strided(%x: memref<3x4xf32, strided<[8, 1]>>, %out: memref<3x4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(a, b) -> (a, b)>, affine_map<(a, b) -> (a, b)>], iterator_types = ["parallel", "parallel"]} ins(%x : memref<3x4xf32, strided<[8, 1]>>) outs(%out : memref<3x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  }
  func.return
}
