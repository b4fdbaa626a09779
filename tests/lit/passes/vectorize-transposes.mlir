// RUN: webnn-opt %s -p 'convert-webnn-to-linalg,bufferize,interchange-for-vectorization,collapse-dimensions,parallelize,vectorize-transposes{target=avx2}' | FileCheck %s

// A [12, 20] -> [20, 12] transpose in tiles of 8 x 8 (AVX2's lanes). Along the
// input's rows (20: two whole tiles and 4 over) the tiles loop; along the output's
// (12: one whole tile and 4 over) they are written out. A whole tile: 8 row loads,
// 3 rounds of 8 shuffles, 8 row stores. The tile with 4 output rows loads 4 input rows
// (the other 4 rows of its registers repeat the last) and stores under the mask of
// 4 lanes. The tiles with 4 input columns load under that mask and store 4 rows only.
// CHECK-LABEL: func.func @step_0
// CHECK: %[[X:.*]] = memref.reinterpret_cast %x to offset: [0], sizes: [240], strides: [1]
// CHECK: %[[Y:.*]] = memref.reinterpret_cast %0 to offset: [0], sizes: [240], strides: [1]
// CHECK: %[[MASK:.*]] = vector.create_mask %{{.*}} : vector<8xi1>
// CHECK: scf.for
// CHECK-COUNT-8: vector.load %[[X]]
// CHECK-COUNT-24: vector.shuffle
// CHECK-COUNT-8: vector.store %{{.*}}, %[[Y]]
// CHECK-COUNT-4: vector.load %[[X]]
// CHECK-COUNT-24: vector.shuffle
// CHECK-COUNT-8: vector.maskedstore %[[Y]][%{{.*}}], %[[MASK]]
// CHECK: }
// CHECK-COUNT-8: vector.maskedload %[[X]][%{{.*}}], %[[MASK]]
// CHECK-COUNT-4: vector.store %{{.*}}, %[[Y]]
// CHECK-NOT: vector.store
// CHECK-COUNT-4: vector.maskedload %[[X]][%{{.*}}], %[[MASK]]
// CHECK-COUNT-4: vector.maskedstore %[[Y]][%{{.*}}], %[[MASK]]
// CHECK-NOT: vector.
// CHECK-LABEL: func.func @main

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x12x20xf32> {webnn.name = "x"}) -> (tensor<1x20x12xf32> {webnn.name = "y"}) {
    %0 = webnn.transpose %x {permutation = [0, 2, 1]} : (tensor<1x12x20xf32>) -> tensor<1x20x12xf32>
    func.return %0 : tensor<1x20x12xf32>
  }
}
