// RUN: webnn-opt %s --split-input-file -p convert-webnn-to-linalg,fuse-elementwise | FileCheck %s
// RUN: webnn-opt %s --split-input-file -p convert-webnn-to-linalg,fuse-elementwise --print-debuginfo | FileCheck %s --check-prefix=LOC

// A chain of element-wise ops becomes one generic that reads x and y once: the
// producers' bodies come first, in order, and nothing else is left.
// CHECK-LABEL: func.func @chain(
// CHECK-NEXT:    tensor.empty() : tensor<2x3xf32>
// CHECK-NEXT:    %[[R:.*]] = linalg.generic {{.*}} ins(%x, %y, %x : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK-NEXT:    ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %[[C:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      %[[M:.*]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK-NEXT:      %[[S:.*]] = arith.addf %[[M]], %[[C]] : f32
// CHECK-NEXT:      %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:      %[[O:.*]] = arith.maximumf %[[S]], %[[Z]] : f32
// CHECK-NEXT:      linalg.yield %[[O]] : f32
// CHECK-NEXT:    } -> tensor<2x3xf32>
// CHECK-NEXT:    func.return %[[R]] : tensor<2x3xf32>
// Each scalar op keeps its own line; the fused generic names all three.
// LOC-LABEL: func.func @chain(
// LOC:      arith.mulf {{.*}} loc("{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5)
// LOC:      arith.addf {{.*}} loc("{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5)
// LOC:      arith.maximumf {{.*}} loc("{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5)
// LOC:      } -> tensor<2x3xf32> loc(fused["{{.*}}fuse-elementwise.mlir":[[# @LINE + 6]]:5, "{{.*}}fuse-elementwise.mlir":[[# @LINE + 7]]:5, "{{.*}}fuse-elementwise.mlir":[[# @LINE + 8]]:5])
// LOC-NOT:  linalg.generic
// LOC:      func.return

builtin.module attributes {webnn.version = 2} {
  func.func @chain(%x: tensor<2x3xf32> {webnn.name = "x"}, %y: tensor<2x3xf32> {webnn.name = "y"}) -> (tensor<2x3xf32> {webnn.name = "z"}) {
    %0 = webnn.mul %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.add %0, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.relu %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %2 : tensor<2x3xf32>
  }
}

// -----

// A producer with two consumers is computed once, not once per consumer.
// CHECK-LABEL: func.func @two_uses(
// CHECK:         %[[E:.*]] = linalg.generic {{.*}} ins(%x : tensor<4xf32>)
// CHECK:           math.exp
// CHECK:         linalg.generic {{.*}} ins(%[[E]] : tensor<4xf32>)
// CHECK-NOT:       math.exp
// CHECK:           arith.negf
// CHECK:         linalg.generic {{.*}} ins(%[[E]] : tensor<4xf32>)
// CHECK-NOT:       math.exp
// CHECK:           math.absf
// CHECK:         func.return

builtin.module attributes {webnn.version = 2} {
  func.func @two_uses(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}, tensor<4xf32> {webnn.name = "z"}) {
    %0 = webnn.exp %x : (tensor<4xf32>) -> tensor<4xf32>
    %1 = webnn.neg %0 : (tensor<4xf32>) -> tensor<4xf32>
    %2 = webnn.abs %0 : (tensor<4xf32>) -> tensor<4xf32>
    func.return %1, %2 : tensor<4xf32>, tensor<4xf32>
  }
}

// -----

// A reduction computes its element-wise producer on the fly (exp before the sum; a
// float32 sum accumulates in float64 and is rounded once at the end).
// CHECK-LABEL: func.func @into_reduction(
// CHECK:         linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%x : tensor<2x3xf32>)
// CHECK-NEXT:    ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f64):
// CHECK-NEXT:      %[[X:.*]] = math.exp %[[V]] : f32
// CHECK-NEXT:      %[[W:.*]] = arith.extf %[[X]] : f32 to f64
// CHECK-NEXT:      arith.addf %[[ACC]], %[[W]] : f64
// CHECK-NOT:     math.exp
// CHECK:         arith.truncf
// CHECK:         func.return

builtin.module attributes {webnn.version = 2} {
  func.func @into_reduction(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.reduceSum %0 {axes = [1]} : (tensor<2x3xf32>) -> tensor<2xf32>
    func.return %1 : tensor<2xf32>
  }
}

// -----

// A broadcast read would evaluate the producer once per consumer element: a cheap
// producer (neg) is fused anyway, an expensive one (sigmoid) is computed once apart.
// CHECK-LABEL: func.func @broadcast(
// CHECK:         linalg.generic {{.*}} ins(%x, %b : tensor<2x3xf32>, tensor<3xf32>)
// CHECK:           arith.negf
// CHECK:           arith.addf
// CHECK:         %[[SIG:.*]] = linalg.generic {{.*}} ins(%b : tensor<3xf32>)
// CHECK:           math.exp
// CHECK:         linalg.generic {{.*}} ins(%x, %[[SIG]] : tensor<2x3xf32>, tensor<3xf32>)
// CHECK-NOT:       math.exp
// CHECK:         func.return

builtin.module attributes {webnn.version = 2} {
  func.func @broadcast(%x: tensor<2x3xf32> {webnn.name = "x"}, %b: tensor<3xf32> {webnn.name = "b"}) -> (tensor<2x3xf32> {webnn.name = "y"}, tensor<2x3xf32> {webnn.name = "z"}) {
    %0 = webnn.neg %b : (tensor<3xf32>) -> tensor<3xf32>
    %1 = webnn.add %x, %0 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %2 = webnn.sigmoid %b : (tensor<3xf32>) -> tensor<3xf32>
    %3 = webnn.add %x, %2 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    func.return %1, %3 : tensor<2x3xf32>, tensor<2x3xf32>
  }
}

// -----

// A contraction takes its initial value as a prologue and its element-wise consumers
// as an epilogue: conv2d + bias + clamp + residual add is one generic reading x, the
// filter, the bias and x again. The prologue replaces the accumulator on the first
// reduction step, the epilogue the sum on the last one.
// CHECK-LABEL: func.func @contractions(
// CHECK: %[[CONV:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (0, d3, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d3, 0, 0)>, affine_map<(d0, d1, d2, d3) -> (d0)>, affine_map<(d0, d1, d2, d3) -> (0, d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (0, d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%x, %w, %bias, %x : {{.*}}) outs(%{{.*}} : tensor<1x4x6x9xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %[[F:.*]]: f32, %[[B:.*]]: f32, %[[R:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %{{.*}}, %{{.*}} : index
// CHECK-NEXT: %[[START:.*]] = arith.select %[[FIRST]], %[[B]], %[[ACC]] : f32
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[IN]], %[[F]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[START]], %[[P]] : f32
// CHECK: %[[LAST:.*]] = arith.cmpi eq, %{{.*}}, %{{.*}} : index
// CHECK: arith.maximumf %[[S]]
// CHECK: %[[CLAMPED:.*]] = arith.minimumf
// CHECK: %[[SUM:.*]] = arith.addf %[[CLAMPED]], %[[R]] : f32
// CHECK: %[[Y:.*]] = arith.select %[[LAST]], %[[SUM]], %[[S]] : f32
// CHECK-NEXT: linalg.yield %[[Y]] : f32
// matmul + relu: a zero prologue, relu the epilogue.
// CHECK: %[[MM:.*]] = linalg.generic {{.*}} ins(%a, %b : tensor<5x7xf32>, tensor<7x12xf32>)
// CHECK: arith.maximumf
// CHECK: linalg.yield
// sigmoid has no vector form here (exp): it stays a generic of its own, reading the
// product, which still computes its zero start itself.
// CHECK: %[[MM2:.*]] = linalg.generic {{.*}} ins(%a, %b : tensor<5x7xf32>, tensor<7x12xf32>)
// CHECK-NOT: math.exp
// CHECK: linalg.yield
// CHECK: linalg.generic {{.*}} ins(%[[MM2]] : tensor<5x12xf32>)
// CHECK: math.exp
// CHECK: func.return %[[CONV]], %[[MM]], %{{.*}}
// The fused generics carry the locations of all their parts.
// LOC-LABEL: func.func @contractions(
// LOC: } -> tensor<1x4x6x9xf32> loc(fused["{{.*}}fuse-elementwise.mlir":[[# @LINE + 7]]:5, "{{.*}}fuse-elementwise.mlir":[[# @LINE + 8]]:5, "{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5])
// LOC: } -> tensor<5x12xf32> loc(fused["{{.*}}fuse-elementwise.mlir":[[# @LINE + 9]]:5, "{{.*}}fuse-elementwise.mlir":[[# @LINE + 10]]:5])

builtin.module attributes {webnn.version = 2} {
  func.func @contractions(%x: tensor<1x4x6x9xf32> {webnn.name = "x"}, %a: tensor<5x7xf32> {webnn.name = "a"}, %b: tensor<7x12xf32> {webnn.name = "b"}) -> (tensor<1x4x6x9xf32> {webnn.name = "y"}, tensor<5x12xf32> {webnn.name = "z"}, tensor<5x12xf32> {webnn.name = "s"}) {
    %w = webnn.constant dense<0.25> : tensor<4x4x1x1xf32>
    %bias = webnn.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
    %0 = webnn.conv2d %x, %w {bias = %bias} : (tensor<1x4x6x9xf32>, tensor<4x4x1x1xf32>, tensor<4xf32>) -> tensor<1x4x6x9xf32>
    %1 = webnn.clamp %0 {minValue = 0.0, maxValue = 6.0} : (tensor<1x4x6x9xf32>) -> tensor<1x4x6x9xf32>
    %2 = webnn.add %1, %x : (tensor<1x4x6x9xf32>, tensor<1x4x6x9xf32>) -> tensor<1x4x6x9xf32>
    %3 = webnn.matmul %a, %b : (tensor<5x7xf32>, tensor<7x12xf32>) -> tensor<5x12xf32>
    %4 = webnn.relu %3 : (tensor<5x12xf32>) -> tensor<5x12xf32>
    %5 = webnn.matmul %a, %b : (tensor<5x7xf32>, tensor<7x12xf32>) -> tensor<5x12xf32>
    %6 = webnn.sigmoid %5 : (tensor<5x12xf32>) -> tensor<5x12xf32>
    func.return %2, %4, %6 : tensor<1x4x6x9xf32>, tensor<5x12xf32>, tensor<5x12xf32>
  }
}

// -----

// A zero padding feeding a contraction is read in place: the convolution reads x
// through a guarded read (clamped indices, zero outside), no padded copy is left.
// CHECK-LABEL: func.func @padding(
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%w : tensor<4x2x3x3xf32>) outs(%{{.*}} : tensor<1x4x5x7xf32>) {
// CHECK: %[[C:.*]] = arith.minsi %{{.*}}, %{{.*}} : index
// CHECK: %[[OK:.*]] = arith.cmpi eq, %{{.*}}, %[[C]] : index
// CHECK: %[[V:.*]] = tensor.extract %x[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : tensor<1x2x5x7xf32>
// CHECK: %[[P:.*]] = arith.select %{{.*}}, %[[V]], %{{.*}} : f32
// CHECK: arith.mulf %[[P]], %{{.*}} : f32
// CHECK-NOT: linalg.generic
// CHECK: func.return %[[Y]]

builtin.module attributes {webnn.version = 2} {
  func.func @padding(%x: tensor<1x2x5x7xf32> {webnn.name = "x"}) -> (tensor<1x4x5x7xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<0.5> : tensor<4x2x3x3xf32>
    %0 = webnn.conv2d %x, %w {padding = [1, 1, 1, 1]} : (tensor<1x2x5x7xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x5x7xf32>
    func.return %0 : tensor<1x4x5x7xf32>
  }
}
