// RUN: webnn-opt %s -p convert-webnn-to-linalg,fuse-elementwise | FileCheck %s
// RUN: webnn-opt %s -p convert-webnn-to-linalg,fuse-elementwise --print-debuginfo | FileCheck %s --check-prefix=LOC

// Element-wise chains fuse into one generic; a contraction takes its bias (its initial
// value) as a prologue and its element-wise consumers as an epilogue: conv2d + bias +
// clamp + residual add is one generic reading x, the filter, the bias and x again.
// The prologue replaces the accumulator on the first reduction step, the epilogue the
// sum on the last one.
// CHECK-LABEL: func.func @main
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
//
// matmul + relu: a zero prologue, relu the epilogue.
// CHECK: %[[MM:.*]] = linalg.generic {{.*}} ins(%a, %b : tensor<5x7xf32>, tensor<7x12xf32>)
// CHECK: arith.maximumf
// CHECK: linalg.yield
//
// sigmoid has no vector form here (exp): it stays a generic of its own, reading the
// product, which still computes its zero start itself.
// CHECK: %[[MM2:.*]] = linalg.generic {{.*}} ins(%a, %b : tensor<5x7xf32>, tensor<7x12xf32>)
// CHECK-NOT: math.exp
// CHECK: linalg.yield
// CHECK: linalg.generic {{.*}} ins(%[[MM2]] : tensor<5x12xf32>)
// CHECK: math.exp
// CHECK: func.return %[[CONV]], %[[MM]], %{{.*}}

// The fused generics carry the locations of all their parts.
// LOC: } -> tensor<1x4x6x9xf32> loc(fused["{{.*}}fuse-elementwise.mlir":45:5, "{{.*}}fuse-elementwise.mlir":46:5, "{{.*}}fuse-elementwise.mlir":47:5])
// LOC: } -> tensor<5x12xf32> loc(fused["{{.*}}fuse-elementwise.mlir":48:5, "{{.*}}fuse-elementwise.mlir":49:5])

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x4x6x9xf32> {webnn.name = "x"}, %a: tensor<5x7xf32> {webnn.name = "a"}, %b: tensor<7x12xf32> {webnn.name = "b"}) -> (tensor<1x4x6x9xf32> {webnn.name = "y"}, tensor<5x12xf32> {webnn.name = "z"}, tensor<5x12xf32> {webnn.name = "s"}) {
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
