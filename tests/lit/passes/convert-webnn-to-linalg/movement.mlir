// RUN: webnn-opt %s -p convert-webnn-to-linalg | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // reshape is a view: no generic, no copy.
  // CHECK-LABEL: func.func @reshape
  // CHECK:       tensor.reshape %x(%{{.*}}) : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  // CHECK-NOT:   linalg.generic
  func.func @reshape(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
    %0 = webnn.reshape %x {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    func.return %0 : tensor<3x2xf32>
  }

  // transpose: the permutation is the input's indexing map; the body only yields.
  // CHECK-LABEL: func.func @transpose
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d2, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
  // CHECK-NEXT:  ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
  // CHECK-NEXT:    linalg.yield %[[IN]] : f32
  func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
    %0 = webnn.transpose %x {permutation = [2, 0, 1]} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
    func.return %0 : tensor<4x2x3xf32>
  }

  // concat: one generic per input, each writing its slab into the previous result.
  // The first slab starts at 0 but is narrower than the output, so its offset is a
  // unit loop (d2) over a 2x1x1 view of the input, not a bare d1.
  // CHECK-LABEL: func.func @concat
  // CHECK:       %[[E:.*]] = tensor.empty() : tensor<2x4xf32>
  // CHECK:       %[[A:.*]] = tensor.reshape %a({{.*}}) -> tensor<2x1x1xf32>
  // CHECK:       %[[S0:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, (d1 + d2))>]{{.*}} ins(%[[A]] : tensor<2x1x1xf32>) outs(%[[E]] : tensor<2x4xf32>)
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, (d1 + 1))>]{{.*}} ins(%b : tensor<2x3xf32>) outs(%[[S0]] : tensor<2x4xf32>)
  func.func @concat(%a: tensor<2x1xf32>, %b: tensor<2x3xf32>) -> tensor<2x4xf32> {
    %0 = webnn.concat %a, %b {axis = 1} : (tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }

  // split: each piece reads the input at its offset along the axis.
  // CHECK-LABEL: func.func @split
  // CHECK:       affine_map<(d0, d1, d2) -> (d0, (d1 + d2), d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>
  // CHECK-SAME:  outs(%{{.*}} : tensor<2x2xi32>)
  // CHECK:       affine_map<(d0, d1) -> (d0, (d1 + 2))>, affine_map<(d0, d1) -> (d0, d1)>
  // CHECK-SAME:  ins(%x : tensor<2x5xi32>) outs(%{{.*}} : tensor<2x3xi32>)
  func.func @split(%x: tensor<2x5xi32>) -> (tensor<2x2xi32>, tensor<2x3xi32>) {
    %0:2 = webnn.split %x {splits = [2, 3], axis = 1} : (tensor<2x5xi32>) -> (tensor<2x2xi32>, tensor<2x3xi32>)
    func.return %0#0, %0#1 : tensor<2x2xi32>, tensor<2x3xi32>
  }

  // slice: start + stride * i in the input's map.
  // CHECK-LABEL: func.func @slice
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, ((d1 * 3) + 1))>, affine_map<(d0, d1) -> (d0, d1)>]
  func.func @slice(%x: tensor<4x9xf32>) -> tensor<4x3xf32> {
    %0 = webnn.slice %x {starts = [0, 1], sizes = [4, 7], strides = [1, 3]} : (tensor<4x9xf32>) -> tensor<4x3xf32>
    func.return %0 : tensor<4x3xf32>
  }

  // expand: a broadcasting map.
  // CHECK-LABEL: func.func @expand
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d1, 0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
  func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
    %0 = webnn.expand %x {newShape = [2, 3, 4]} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
    func.return %0 : tensor<2x3x4xf32>
  }

  // tile: the input is read modulo its size along repeated dimensions.
  // CHECK-LABEL: func.func @tile
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> ((d0 mod 2), d1)>, affine_map<(d0, d1) -> (d0, d1)>]
  func.func @tile(%x: tensor<2x3xi8>) -> tensor<4x3xi8> {
    %0 = webnn.tile %x {repetitions = [2, 1]} : (tensor<2x3xi8>) -> tensor<4x3xi8>
    func.return %0 : tensor<4x3xi8>
  }

  // reverse: n - 1 - i along the reversed axes only.
  // CHECK-LABEL: func.func @reverse
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, ((d1 * -1) + 2))>, affine_map<(d0, d1) -> (d0, d1)>]
  func.func @reverse(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %0 = webnn.reverse %x {axes = [1]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // pad (reflection): the output position is mirrored into the input, then clamped,
  // then read with tensor.extract.
  // CHECK-LABEL: func.func @pad_reflection
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>]{{.*}} outs(%{{.*}} : tensor<5x6xf32>)
  // CHECK:         linalg.index 0 : index
  // CHECK:         arith.maxsi
  // CHECK:         arith.minsi
  // CHECK:         linalg.index 1 : index
  // CHECK:         %[[V:.*]] = tensor.extract %x[%{{.*}}, %{{.*}}] : tensor<3x4xf32>
  // CHECK-NEXT:    linalg.yield %[[V]] : f32
  func.func @pad_reflection(%x: tensor<3x4xf32>) -> tensor<5x6xf32> {
    %0 = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [1, 0], mode = "reflection"} : (tensor<3x4xf32>) -> tensor<5x6xf32>
    func.return %0 : tensor<5x6xf32>
  }

  // pad (constant): in-range test, clamped read, and the value converted to uint8 (300
  // saturates to 255, as every MLNumber does).
  // CHECK-LABEL: func.func @pad_constant
  // CHECK:         %[[IN:.*]] = arith.cmpi ult, %{{.*}}, %{{.*}} : index
  // CHECK:         %[[X:.*]] = tensor.extract %x[%{{.*}}] : tensor<3xi8>
  // CHECK:         %[[C:.*]] = arith.constant -1 : i8
  // CHECK:         arith.select %[[IN]], %[[X]], %[[C]] : i8
  func.func @pad_constant(%x: tensor<3xui8>) -> tensor<5xui8> {
    %0 = webnn.pad %x {beginningPadding = [1], endingPadding = [1], value = 300} : (tensor<3xui8>) -> tensor<5xui8>
    func.return %0 : tensor<5xui8>
  }

  // triangular: keep where col - row <= diagonal (lower), else 0.
  // CHECK-LABEL: func.func @triangular
  // CHECK:         %[[R:.*]] = linalg.index 0 : index
  // CHECK:         %[[C:.*]] = linalg.index 1 : index
  // CHECK:         %[[D:.*]] = arith.subi %[[C]], %[[R]] : index
  // CHECK:         arith.cmpi sle, %[[D]], %{{.*}} : index
  // CHECK:         arith.select
  func.func @triangular(%x: tensor<3x3xf32>) -> tensor<3x3xf32> {
    %0 = webnn.triangular %x {upper = false, diagonal = -1} : (tensor<3x3xf32>) -> tensor<3x3xf32>
    func.return %0 : tensor<3x3xf32>
  }

  // where: three broadcasting maps, a non-zero test and a select.
  // CHECK-LABEL: func.func @where
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>]
  // CHECK:         %[[T:.*]] = arith.cmpi ne, %{{.*}}, %{{.*}} : i8
  // CHECK:         arith.select %[[T]], %{{.*}}, %{{.*}} : f32
  func.func @where(%c: tensor<2x1xui8>, %a: tensor<3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
    %0 = webnn.where %c, %a, %b : (tensor<2x1xui8>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // cast float16 -> uint32: widen, then an unsigned (saturating) conversion.
  // CHECK-LABEL: func.func @cast
  // CHECK:         arith.extf %{{.*}} : f16 to f32
  // CHECK:         arith.fptoui %{{.*}} : f32 to i32
  func.func @cast(%x: tensor<4xf16>) -> tensor<4xui32> {
    %0 = webnn.cast %x {dataType = "uint32"} : (tensor<4xf16>) -> tensor<4xui32>
    func.return %0 : tensor<4xui32>
  }

  // resample2d nearest: source rows and columns are constant tables read through maps.
  // CHECK-LABEL: func.func @resample_nearest
  // CHECK:       %[[H:.*]] = arith.constant dense<[0, 0, 1, 1]> : tensor<4xi64>
  // CHECK:       linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2)>, affine_map<(d0, d1, d2, d3) -> (d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
  // CHECK:         tensor.extract %x[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : tensor<1x1x2x2xf32>
  func.func @resample_nearest(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
    %0 = webnn.resample2d %x {scales = [2.0, 2.0]} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
    func.return %0 : tensor<1x1x4x4xf32>
  }

  // resample2d linear on uint8: half-pixel weights as tables, four reads, round and
  // saturate to [0, 255].
  // CHECK-LABEL: func.func @resample_linear
  // CHECK:       arith.constant dense<[0.000000e+00, 2.500000e-01, 7.500000e-01, 0.000000e+00]> : tensor<4xf64>
  // CHECK-COUNT-4: tensor.extract %x
  // CHECK:         math.roundeven
  // CHECK:         arith.constant 2.550000e+02 : f64
  // CHECK:         arith.fptoui %{{.*}} : f64 to i8
  func.func @resample_linear(%x: tensor<1x1x2x2xui8>) -> tensor<1x1x4x3xui8> {
    %0 = webnn.resample2d %x {mode = "linear", sizes = [4, 3]} : (tensor<1x1x2x2xui8>) -> tensor<1x1x4x3xui8>
    func.return %0 : tensor<1x1x4x3xui8>
  }
}
