// RUN: webnn-opt %s -p 'share-kernels,vectorize-contractions{target=avx512}' | FileCheck %s
// RUN: webnn-opt %s -p 'share-kernels,vectorize-contractions{target=avx512}' --print-debuginfo | FileCheck %s --check-prefix=LOC

// Two steps multiply their own constant matrix (the broadcast operand) by the graph
// input: `share-kernels` (which runs first) makes them call one kernel taking the
// constant as an argument. The kernel's contraction is vectorized once; the constant of
// each call is packed the same way (k outer, m innermost) into a global of its own, passed
// as a new argument (aligned, like every global), and the argument that took the
// originals is gone, with the originals.
// CHECK-NOT: sym_name = "w0",
// CHECK-NOT: sym_name = "w1",
// CHECK: "memref.global"() <{sym_name = "w0_packed_5x6_1_0", type = memref<5x6xf32>
// CHECK: "memref.global"() <{sym_name = "w1_packed_5x6_1_0", type = memref<5x6xf32>
// CHECK-LABEL: func.func private @kernel_0(
// CHECK-SAME: %0: memref<5x40xf32>, %1: memref<6x40xf32>, %2: memref<5x6xf32> {llvm.align = 64 : i64}, %begin: index, %end: index)
// CHECK-NOT: linalg.generic
// CHECK: vector.fma
// CHECK-LABEL: func.func @step_0(
// CHECK-NEXT: %[[P:.*]] = memref.get_global @w0_packed_5x6_1_0 : memref<5x6xf32>
// CHECK-NEXT: func.call @kernel_0(%x, %y0, %[[P]], %begin, %end)
// CHECK-NEXT: func.return
// CHECK-LABEL: func.func @step_1(
// CHECK-NEXT: %[[P:.*]] = memref.get_global @w1_packed_5x6_1_0 : memref<5x6xf32>
// CHECK-NEXT: func.call @kernel_0(%x, %y1, %[[P]], %begin, %end)
// CHECK-NEXT: func.return
// The packed globals keep their originals' locations; their reads are at their steps,
// where `share-kernels` put the reads of the originals.
// LOC: sym_name = "w0_packed_5x6_1_0", {{.*}} loc("w.py":1:1)
// LOC: sym_name = "w1_packed_5x6_1_0", {{.*}} loc("w.py":2:1)
// LOC: memref.get_global @w0_packed_5x6_1_0 : memref<5x6xf32> loc("{{.*}}vectorize-contractions-shared.mlir":[[# @LINE + 6]]:3)
// LOC: memref.get_global @w1_packed_5x6_1_0 : memref<5x6xf32> loc("{{.*}}vectorize-contractions-shared.mlir":[[# @LINE + 15]]:3)

builtin.module attributes {webnn.version = 2} {
  "memref.global"() <{sym_name = "w0", type = memref<6x5xf32>, initial_value = dense<0.5> : tensor<6x5xf32>, sym_visibility = "private", constant, alignment = 64 : i64}> : () -> () loc("w.py":1:1)
  "memref.global"() <{sym_name = "w1", type = memref<6x5xf32>, initial_value = dense<1.5> : tensor<6x5xf32>, sym_visibility = "private", constant, alignment = 64 : i64}> : () -> () loc("w.py":2:1)
  func.func @step_0(%x: memref<5x40xf32>, %y0: memref<6x40xf32>, %y1: memref<6x40xf32>, %begin: index, %end: index) {
    %w = memref.get_global @w0 : memref<6x5xf32> loc("g.py":3:1)
    linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%w, %x : memref<6x5xf32>, memref<5x40xf32>) outs(%y0 : memref<6x40xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    func.return
  }
  func.func @step_1(%x: memref<5x40xf32>, %y0: memref<6x40xf32>, %y1: memref<6x40xf32>, %begin: index, %end: index) {
    %w = memref.get_global @w1 : memref<6x5xf32> loc("g.py":4:1)
    linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%w, %x : memref<6x5xf32>, memref<5x40xf32>) outs(%y1 : memref<6x40xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    func.return
  }
}
