// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // gather: indices come through a map; each is made an index, shifted by the
  // dimension when negative, clamped into [0, 2], and only then used to extract.
  // CHECK-LABEL: func.func @gather
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>]
  // CHECK:         %[[I:.*]] = arith.index_cast %{{.*}} : i64 to index
  // CHECK:         %[[NEG:.*]] = arith.cmpi slt, %[[I]], %{{.*}} : index
  // CHECK:         %[[UP:.*]] = arith.addi %[[I]], %{{.*}} : index
  // CHECK:         %[[W:.*]] = arith.select %[[NEG]], %[[UP]], %[[I]] : index
  // CHECK:         %[[LO:.*]] = arith.maxsi %[[W]], %{{.*}} : index
  // CHECK:         %[[TWO:.*]] = arith.constant 2 : index
  // CHECK:         %[[J:.*]] = arith.minsi %[[LO]], %[[TWO]] : index
  // CHECK:         tensor.extract %x[%{{.*}}, %[[J]]] : tensor<4x3xf32>
  func.func @gather(%x: tensor<4x3xf32>, %i: tensor<2xi64>) -> tensor<4x2xf32> {
    %0 = webnn.gather %x, %i {axis = 1} : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<4x2xf32>
    func.return %0 : tensor<4x2xf32>
  }

  // uint32 indices are zero-extended and cannot be negative: only the clamp.
  // CHECK-LABEL: func.func @gather_u32
  // CHECK:         arith.extui %{{.*}} : i32 to i64
  // CHECK-NOT:     arith.cmpi slt
  // CHECK:         arith.minsi
  // CHECK:         tensor.extract %x
  func.func @gather_u32(%x: tensor<4x3xf32>, %i: tensor<2xui32>) -> tensor<2x3xf32> {
    %0 = webnn.gather %x, %i : (tensor<4x3xf32>, tensor<2xui32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // gatherElements: the clamped index replaces the axis coordinate.
  // CHECK-LABEL: func.func @gather_elements
  // CHECK:         %[[ROW:.*]] = linalg.index 0 : index
  // CHECK:         %[[COL:.*]] = arith.minsi
  // CHECK:         tensor.extract %x[%[[ROW]], %[[COL]]] : tensor<4x3xf32>
  func.func @gather_elements(%x: tensor<4x3xf32>, %i: tensor<4x1xi32>) -> tensor<4x1xf32> {
    %0 = webnn.gatherElements %x, %i {axis = 1} : (tensor<4x3xf32>, tensor<4x1xi32>) -> tensor<4x1xf32>
    func.return %0 : tensor<4x1xf32>
  }

  // gatherND: both coordinates of a tuple are extracted from the indices, clamped to
  // their own dimensions (1 and 2), then address the input.
  // CHECK-LABEL: func.func @gather_nd
  // CHECK:         tensor.extract %i[%{{.*}}, %{{.*}}] : tensor<5x2xi32>
  // CHECK:         %[[A:.*]] = arith.minsi %{{.*}}, %{{.*}} : index
  // CHECK:         tensor.extract %i[%{{.*}}, %{{.*}}] : tensor<5x2xi32>
  // CHECK:         %[[B:.*]] = arith.minsi %{{.*}}, %{{.*}} : index
  // CHECK:         tensor.extract %x[%[[A]], %[[B]], %{{.*}}] : tensor<2x3x4xf32>
  func.func @gather_nd(%x: tensor<2x3x4xf32>, %i: tensor<5x2xi32>) -> tensor<5x4xf32> {
    %0 = webnn.gatherND %x, %i : (tensor<2x3x4xf32>, tensor<5x2xi32>) -> tensor<5x4xf32>
    func.return %0 : tensor<5x4xf32>
  }

  // scatterElements: the output starts as the input; a reduction over the updates'
  // axis keeps the last update whose clamped index is this row.
  // CHECK-LABEL: func.func @scatter_elements
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%i, %u : tensor<2x3xi32>, tensor<2x3xf32>) outs(%x : tensor<4x3xf32>)
  // CHECK:         %[[T:.*]] = arith.minsi
  // CHECK:         %[[ROW:.*]] = linalg.index 0 : index
  // CHECK:         %[[HIT:.*]] = arith.cmpi eq, %[[T]], %[[ROW]] : index
  // CHECK:         arith.select %[[HIT]]
  func.func @scatter_elements(%x: tensor<4x3xf32>, %i: tensor<2x3xi32>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
    %0 = webnn.scatterElements %x, %i, %u {axis = 0} : (tensor<4x3xf32>, tensor<2x3xi32>, tensor<2x3xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }

  // scatterND: first which tuple wins each row (-1: none), then the output reads the
  // winning update row, or the input.
  // CHECK-LABEL: func.func @scatter_nd
  // CHECK:       arith.constant -1 : i64
  // CHECK:       %[[WIN:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, 0)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%i : tensor<2x1xi64>)
  // CHECK:         arith.cmpi eq
  // CHECK:       linalg.generic {{.*}} ins(%x, %[[WIN]] : tensor<8x4xf32>, tensor<8xi64>)
  // CHECK:         %[[FOUND:.*]] = arith.cmpi sge
  // CHECK:         %[[U:.*]] = tensor.extract %u
  // CHECK:         arith.select %[[FOUND]], %[[U]], %{{.*}} : f32
  func.func @scatter_nd(%x: tensor<8x4xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>) -> tensor<8x4xf32> {
    %0 = webnn.scatterND %x, %i, %u : (tensor<8x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<8x4xf32>
    func.return %0 : tensor<8x4xf32>
  }
}
