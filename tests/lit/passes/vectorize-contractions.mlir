// RUN: webnn-opt %s -p 'vectorize-contractions{target=avx512}' | FileCheck %s
// RUN: webnn-opt %s -p 'vectorize-contractions{target=avx512}' --print-debuginfo | FileCheck %s --check-prefix=LOC
// RUN: webnn-opt %s -p 'vectorize-contractions{target=avx2}' | FileCheck %s --check-prefix=AVX2
// RUN: webnn-opt %s -p 'vectorize-contractions{target=avx512},convert-linalg-to-loops,bind-parallel-range' | FileCheck %s --check-prefix=BOUND
// RUN: not webnn-opt %s -p 'vectorize-contractions{target=sse}' 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: invalid pass pipeline 'vectorize-contractions{target=sse}': unknown vector target 'sse'; expected host or avx512, avx2, neon

builtin.module attributes {webnn.version = 2} {
  // A matrix product in a step split along m. Rows of `a` are 29 floats apart (not
  // adjacent): blocks of 6 rows x 3 vectors (18 accumulators, carried through the
  // k loop), over the step's [begin, end) rows; the 5 last columns are a block of
  // one half vector (8 lanes, 5 on: on Zen 4 half the work of a masked full one),
  // leftover rows a one-row loop.
  // CHECK-LABEL: func.func @matmul
  // CHECK-NOT: linalg.generic
  // CHECK: %[[C:.*]] = memref.reinterpret_cast %c to offset: [0], sizes: [1961], strides: [1] : memref<37x53xf32> to memref<1961xf32>
  // CHECK: %[[TAIL:.*]] = vector.create_mask %{{.*}} : vector<8xi1>
  // CHECK: scf.for %[[M:.*]] = %begin to %{{.*}} step %{{.*}} {
  // CHECK-COUNT-18: vector.load %[[C]][%{{.*}}] : memref<1961xf32>, vector<16xf32>
  // CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args({{.*}}) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
  // CHECK-COUNT-3: vector.load %{{.*}} : memref<1537xf32>, vector<16xf32>
  // CHECK: memref.load %{{.*}} : memref<1073xf32>
  // CHECK-NEXT: vector.broadcast %{{.*}} : f32 to vector<16xf32>
  // CHECK-COUNT-18: vector.fma
  // CHECK: scf.yield
  // CHECK-COUNT-18: vector.store %{{.*}}, %[[C]]
  // CHECK-COUNT-6: vector.maskedload %[[C]][%{{.*}}], %[[TAIL]], %{{.*}} : memref<1961xf32>, vector<8xi1>, vector<8xf32> into vector<8xf32>
  // CHECK: vector.maskedload %{{.*}}, %[[TAIL]], %{{.*}} : memref<1537xf32>, vector<8xi1>, vector<8xf32> into vector<8xf32>
  // CHECK: vector.broadcast %{{.*}} : f32 to vector<8xf32>
  // CHECK-COUNT-6: vector.maskedstore %[[C]][%{{.*}}], %[[TAIL]]
  // CHECK: scf.for %{{.*}} = %{{.*}} to %end step
  // AVX2-LABEL: func.func @matmul
  // AVX2: vector.fma %{{.*}} : vector<8xf32>
  // BOUND-LABEL: func.func @matmul
  // BOUND: scf.for %{{.*}} = %begin to
  func.func @matmul(%a: memref<37x29xf32>, %b: memref<29x53xf32>, %c: memref<37x53xf32>, %begin: index, %end: index) attributes {webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 37 : i64} {
    linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%a, %b : memref<37x29xf32>, memref<29x53xf32>) outs(%c : memref<37x53xf32>) {
    ^bb0(%x: f32, %y: f32, %acc: f32):
      %p = arith.mulf %x, %y : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    func.return
  }

  // Rows of the run-time right-hand matrix 1 KiB apart: it is packed per call, on the
  // stack, into contiguous panels of KC = 512 sums x 64 columns; the sum runs in two
  // blocks of steps, partial sums passing through the output.
  // CHECK-LABEL: func.func @packed
  // CHECK: %[[PANEL:.*]] = memref.alloca() {alignment = 64 : i64} : memref<32768xf32>
  // CHECK: vector.store %{{.*}}, %[[PANEL]][%{{.*}}] : memref<32768xf32>, vector<16xf32>
  // CHECK: vector.load %[[PANEL]][%{{.*}}] : memref<32768xf32>, vector<16xf32>
  func.func @packed(%a: memref<40x600xf32>, %b: memref<600x256xf32>, %c: memref<40x256xf32>, %begin: index, %end: index) attributes {webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 40 : i64} {
    linalg.generic {indexing_maps = [affine_map<(m, k, n) -> (m, k)>, affine_map<(m, k, n) -> (k, n)>, affine_map<(m, k, n) -> (m, n)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%a, %b : memref<40x600xf32>, memref<600x256xf32>) outs(%c : memref<40x256xf32>) {
    ^bb0(%x: f32, %y: f32, %acc: f32):
      %p = arith.mulf %x, %y : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    func.return
  }

  // A 3x3 convolution with a constant filter, its bias as prologue and relu as
  // epilogue. The filter is packed once, output channels innermost, into a global that
  // keeps the original's location; the original is dropped. The accumulators start at
  // the bias (no load of the output) and relu is applied to them before the store.
  // CHECK-NOT: @__webnn_constant_0 :
  // CHECK: "memref.global"() <{sym_name = "__webnn_constant_0_packed_2x3x3x7_1_2_3_0", type = memref<2x3x3x7xf32>
  // LOC: "memref.global"() <{sym_name = "__webnn_constant_0_packed_2x3x3x7_1_2_3_0", {{.*}} loc("filter.py":3:7)
  // The epilogue's vector op keeps the line of the body op it stands for (relu's).
  // LOC: arith.maximumf %{{.*}}, %{{.*}} : vector<16xf32> loc("{{.*}}vectorize-contractions.mlir":[[# @LINE + 40]]:7)
  // CHECK-LABEL: func.func @conv
  // CHECK: memref.get_global @__webnn_constant_0_packed_2x3x3x7_1_2_3_0 : memref<2x3x3x7xf32>
  // CHECK-NOT: vector.load %{{.*}} : memref<882xf32>
  // CHECK: memref.load %{{.*}} : memref<7xf32>
  // CHECK: vector.broadcast
  // CHECK: scf.for
  // CHECK: vector.fma
  // CHECK: arith.maximumf %{{.*}}, %{{.*}} : vector<16xf32>
  // 21 columns: a whole vector, then 5 on a half one.
  // CHECK: vector.store %{{.*}} : memref<882xf32>, vector<16xf32>
  // CHECK: vector.maskedstore %{{.*}} : memref<882xf32>, vector<8xi1>, vector<8xf32>
  "memref.global"() <{sym_name = "__webnn_constant_0", type = memref<7x2x3x3xf32>, initial_value = dense<0.5> : tensor<7x2x3x3xf32>, sym_visibility = "private", constant, alignment = 64 : i64}> : () -> () loc("filter.py":3:7)
  func.func @conv(%x: memref<1x2x8x23xf32>, %bias: memref<7xf32>, %y: memref<1x7x6x21xf32>, %begin: index, %end: index) {
    %w = memref.get_global @__webnn_constant_0 : memref<7x2x3x3xf32>
    linalg.generic {indexing_maps = [affine_map<(o, r, i, kh, kw, c) -> (0, i, r + kh, c + kw)>, affine_map<(o, r, i, kh, kw, c) -> (o, i, kh, kw)>, affine_map<(o, r, i, kh, kw, c) -> (o)>, affine_map<(o, r, i, kh, kw, c) -> (0, o, r, c)>], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]} ins(%x, %w, %bias : memref<1x2x8x23xf32>, memref<7x2x3x3xf32>, memref<7xf32>) outs(%y : memref<1x7x6x21xf32>) {
    ^bb0(%in: f32, %f: f32, %b: f32, %acc: f32):
      %i0 = linalg.index 2 : index
      %z0 = arith.constant 0 : index
      %e0 = arith.cmpi eq, %i0, %z0 : index
      %i1 = linalg.index 3 : index
      %e1 = arith.cmpi eq, %i1, %z0 : index
      %a1 = arith.andi %e0, %e1 : i1
      %i2 = linalg.index 4 : index
      %e2 = arith.cmpi eq, %i2, %z0 : index
      %first = arith.andi %a1, %e2 : i1
      %start = arith.select %first, %b, %acc : f32
      %p = arith.mulf %in, %f : f32
      %s = arith.addf %start, %p : f32
      %j0 = linalg.index 2 : index
      %l0 = arith.constant 1 : index
      %f0 = arith.cmpi eq, %j0, %l0 : index
      %j1 = linalg.index 3 : index
      %l1 = arith.constant 2 : index
      %f1 = arith.cmpi eq, %j1, %l1 : index
      %b1 = arith.andi %f0, %f1 : i1
      %j2 = linalg.index 4 : index
      %f2 = arith.cmpi eq, %j2, %l1 : index
      %last = arith.andi %b1, %f2 : i1
      %zero = arith.constant 0.0 : f32
      %r = arith.maximumf %s, %zero : f32
      %out = arith.select %last, %r, %s : f32
      linalg.yield %out : f32
    }
    func.return
  }

  // Stride 2 along the output columns: each vector is two contiguous vectors (the
  // second masked so nothing past the last lane's element is read), deinterleaved.
  // CHECK-LABEL: func.func @strided
  // CHECK: vector.maskedload
  // CHECK: vector.shuffle %{{.*}}, %{{.*}} [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30] : vector<16xf32>, vector<16xf32>
  func.func @strided(%x: memref<3x41xf32>, %w: memref<5x3xf32>, %y: memref<5x20xf32>, %begin: index, %end: index) {
    linalg.generic {indexing_maps = [affine_map<(o, i, c) -> (i, c * 2)>, affine_map<(o, i, c) -> (o, i)>, affine_map<(o, i, c) -> (o, c)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%x, %w : memref<3x41xf32>, memref<5x3xf32>) outs(%y : memref<5x20xf32>) {
    ^bb0(%in: f32, %f: f32, %acc: f32):
      %p = arith.mulf %in, %f : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    func.return
  }

  // A strided depthwise convolution (rows load their own vectors): each row holds two
  // loaded vectors until its shuffle, so a block takes half the rows a stride-1 one
  // would (14 accumulators, not 28, which spilled).
  // CHECK-LABEL: func.func @strided_depthwise
  // CHECK: scf.for %{{.*}} iter_args({{(%[^,]*, ){13}%[^,)]*}}) -> (
  // CHECK-NOT: iter_args({{(%[^,]*, ){14}}}
  func.func @strided_depthwise(%x: memref<4x57x65xf32>, %f: memref<4x3x3xf32>, %y: memref<4x28x32xf32>, %begin: index, %end: index) {
    linalg.generic {indexing_maps = [affine_map<(c, h, w, kh, kw) -> (c, h * 2 + kh, w * 2 + kw)>, affine_map<(c, h, w, kh, kw) -> (c, kh, kw)>, affine_map<(c, h, w, kh, kw) -> (c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %f : memref<4x57x65xf32>, memref<4x3x3xf32>) outs(%y : memref<4x28x32xf32>) {
    ^bb0(%in: f32, %w: f32, %acc: f32):
      %p = arith.mulf %in, %w : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    func.return
  }

  // A stride of 5 is more than a vector is built from: left to the scalar loops, as
  // is a dot product (no output dimension any input walks contiguously).
  // CHECK-LABEL: func.func @declined
  // CHECK: linalg.generic
  // CHECK: linalg.generic
  // CHECK-NOT: vector.
  func.func @declined(%x: memref<3x100xf32>, %w: memref<5x3xf32>, %y: memref<5x20xf32>, %a: memref<8x16xf32>, %b: memref<9x16xf32>, %c: memref<8x9xf32>) {
    linalg.generic {indexing_maps = [affine_map<(o, i, c) -> (i, c * 5)>, affine_map<(o, i, c) -> (o, i)>, affine_map<(o, i, c) -> (o, c)>], iterator_types = ["parallel", "reduction", "parallel"]} ins(%x, %w : memref<3x100xf32>, memref<5x3xf32>) outs(%y : memref<5x20xf32>) {
    ^bb0(%in: f32, %f: f32, %acc: f32):
      %p = arith.mulf %in, %f : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : memref<8x16xf32>, memref<9x16xf32>) outs(%c : memref<8x9xf32>) {
    ^bb0(%u: f32, %v: f32, %acc: f32):
      %p = arith.mulf %u, %v : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    }
    func.return
  }
}
