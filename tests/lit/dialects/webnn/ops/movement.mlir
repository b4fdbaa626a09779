// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @reshape
  // CHECK: webnn.reshape %{{[^ ]+}} {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  // CHECK: webnn.reshape %{{[^ ]+}} {newShape = [1, 6, 1]} : (tensor<2x3xf32>) -> tensor<1x6x1xf32>
  // CHECK: webnn.reshape %{{[^ ]+}} {newShape = []} : (tensor<1x1xi8>) -> tensor<i8>
  // CHECK: webnn.reshape %{{[^ ]+}} {newShape = [1, 1]} : (tensor<ui64>) -> tensor<1x1xui64>
  func.func @reshape(%x: tensor<2x3xf32>, %one: tensor<1x1xi8>, %s: tensor<ui64>) -> tensor<3x2xf32> {
    %0 = webnn.reshape %x {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    %1 = webnn.reshape %x {newShape = [1, 6, 1]} : (tensor<2x3xf32>) -> tensor<1x6x1xf32>
    %2 = webnn.reshape %one {newShape = []} : (tensor<1x1xi8>) -> tensor<i8>
    %3 = webnn.reshape %s {newShape = [1, 1]} : (tensor<ui64>) -> tensor<1x1xui64>
    func.return %0 : tensor<3x2xf32>
  }

  // CHECK-LABEL: func.func @transpose
  // CHECK: webnn.transpose %{{[^ ]+}} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  // CHECK: webnn.transpose %{{[^ ]+}} {permutation = [0, 2, 1]} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  // CHECK: webnn.transpose %{{[^ ]+}} : (tensor<i32>) -> tensor<i32>
  func.func @transpose(%x: tensor<2x3x4xf32>, %s: tensor<i32>) -> tensor<4x3x2xf32> {
    %0 = webnn.transpose %x : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
    %1 = webnn.transpose %x {permutation = [0, 2, 1]} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
    %2 = webnn.transpose %s : (tensor<i32>) -> tensor<i32>
    func.return %0 : tensor<4x3x2xf32>
  }

  // CHECK-LABEL: func.func @concat
  // CHECK: webnn.concat %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {axis = 1} : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x7xf32>
  // CHECK: webnn.concat %{{[^ ]+}} {axis = 0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>) -> tensor<2x7xf32> {
    %0 = webnn.concat %a, %b, %a {axis = 1} : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x7xf32>
    %1 = webnn.concat %a {axis = 0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x7xf32>
  }

  // CHECK-LABEL: func.func @split
  // CHECK: webnn.split %{{[^ ]+}} {splits = 2, axis = 1} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
  // CHECK: webnn.split %{{[^ ]+}} {splits = [1, 3]} : (tensor<4x2xf32>) -> (tensor<1x2xf32>, tensor<3x2xf32>)
  // CHECK: webnn.split %{{[^ ]+}} {splits = 1} : (tensor<4x2xf32>) -> tensor<4x2xf32>
  func.func @split(%x: tensor<2x4xf32>, %y: tensor<4x2xf32>) -> tensor<2x2xf32> {
    %0:2 = webnn.split %x {splits = 2, axis = 1} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
    %1:2 = webnn.split %y {splits = [1, 3]} : (tensor<4x2xf32>) -> (tensor<1x2xf32>, tensor<3x2xf32>)
    %2 = webnn.split %y {splits = 1} : (tensor<4x2xf32>) -> tensor<4x2xf32>
    func.return %0#1 : tensor<2x2xf32>
  }

  // CHECK-LABEL: func.func @slice
  // CHECK: webnn.slice %{{[^ ]+}} {starts = [0, 1], sizes = [2, 3]} : (tensor<2x5xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.slice %{{[^ ]+}} {starts = [1, 0], sizes = [1, 5], strides = [1, 2]} : (tensor<2x5xf32>) -> tensor<1x3xf32>
  // CHECK: webnn.slice %{{[^ ]+}} {starts = [], sizes = []} : (tensor<f16>) -> tensor<f16>
  func.func @slice(%x: tensor<2x5xf32>, %s: tensor<f16>) -> tensor<2x3xf32> {
    %0 = webnn.slice %x {starts = [0, 1], sizes = [2, 3]} : (tensor<2x5xf32>) -> tensor<2x3xf32>
    %1 = webnn.slice %x {starts = [1, 0], sizes = [1, 5], strides = [1, 2]} : (tensor<2x5xf32>) -> tensor<1x3xf32>
    %2 = webnn.slice %s {starts = [], sizes = []} : (tensor<f16>) -> tensor<f16>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @expand
  // CHECK: webnn.expand %{{[^ ]+}} {newShape = [2, 3, 4]} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  // CHECK: webnn.expand %{{[^ ]+}} {newShape = [5, 2]} : (tensor<i32>) -> tensor<5x2xi32>
  func.func @expand(%x: tensor<3x1xf32>, %s: tensor<i32>) -> tensor<2x3x4xf32> {
    %0 = webnn.expand %x {newShape = [2, 3, 4]} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
    %1 = webnn.expand %s {newShape = [5, 2]} : (tensor<i32>) -> tensor<5x2xi32>
    func.return %0 : tensor<2x3x4xf32>
  }

  // CHECK-LABEL: func.func @tile
  // CHECK: webnn.tile %{{[^ ]+}} {repetitions = [2, 1, 3]} : (tensor<2x3x1xui32>) -> tensor<4x3x3xui32>
  func.func @tile(%x: tensor<2x3x1xui32>) -> tensor<4x3x3xui32> {
    %0 = webnn.tile %x {repetitions = [2, 1, 3]} : (tensor<2x3x1xui32>) -> tensor<4x3x3xui32>
    func.return %0 : tensor<4x3x3xui32>
  }

  // CHECK-LABEL: func.func @pad
  // CHECK: webnn.pad %{{[^ ]+}} {beginningPadding = [1, 2], endingPadding = [0, 3]} : (tensor<2x3xf32>) -> tensor<3x8xf32>
  // CHECK: webnn.pad %{{[^ ]+}} {beginningPadding = [1, 2], endingPadding = [1, 2], mode = "constant", value = -1.5} : (tensor<2x3xf32>) -> tensor<4x7xf32>
  // CHECK: webnn.pad %{{[^ ]+}} {beginningPadding = [0, 2], endingPadding = [1, 0], mode = "edge"} : (tensor<2x3xf32>) -> tensor<3x5xf32>
  // CHECK: webnn.pad %{{[^ ]+}} {beginningPadding = [1, 2], endingPadding = [1, 2], mode = "reflection"} : (tensor<2x3xf32>) -> tensor<4x7xf32>
  // CHECK: webnn.pad %{{[^ ]+}} {beginningPadding = [3], endingPadding = [0], value = 7} : (tensor<2xi64>) -> tensor<5xi64>
  func.func @pad(%x: tensor<2x3xf32>, %i: tensor<2xi64>) -> tensor<3x8xf32> {
    %0 = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [0, 3]} : (tensor<2x3xf32>) -> tensor<3x8xf32>
    %1 = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [1, 2], mode = "constant", value = -1.5} : (tensor<2x3xf32>) -> tensor<4x7xf32>
    %2 = webnn.pad %x {beginningPadding = [0, 2], endingPadding = [1, 0], mode = "edge"} : (tensor<2x3xf32>) -> tensor<3x5xf32>
    %3 = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [1, 2], mode = "reflection"} : (tensor<2x3xf32>) -> tensor<4x7xf32>
    %4 = webnn.pad %i {beginningPadding = [3], endingPadding = [0], value = 7} : (tensor<2xi64>) -> tensor<5xi64>
    func.return %0 : tensor<3x8xf32>
  }

  // CHECK-LABEL: func.func @reverse
  // CHECK: webnn.reverse %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.reverse %{{[^ ]+}} {axes = [1]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.reverse %{{[^ ]+}} {axes = []} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @reverse(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %0 = webnn.reverse %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.reverse %x {axes = [1]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.reverse %x {axes = []} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @triangular
  // CHECK: webnn.triangular %{{[^ ]+}} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  // CHECK: webnn.triangular %{{[^ ]+}} {upper = false, diagonal = -1} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: webnn.triangular %{{[^ ]+}} {upper = true, diagonal = 2} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  func.func @triangular(%x: tensor<3x3xf32>, %b: tensor<2x3x3xf32>) -> tensor<3x3xf32> {
    %0 = webnn.triangular %x : (tensor<3x3xf32>) -> tensor<3x3xf32>
    %1 = webnn.triangular %b {upper = false, diagonal = -1} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
    %2 = webnn.triangular %x {upper = true, diagonal = 2} : (tensor<3x3xf32>) -> tensor<3x3xf32>
    func.return %0 : tensor<3x3xf32>
  }

  // CHECK-LABEL: func.func @where
  // CHECK: webnn.where %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xui8>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.where %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x1xui8>, tensor<3xi32>, tensor<i32>) -> tensor<2x3xi32>
  func.func @where(%c: tensor<2x3xui8>, %a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %c2: tensor<2x1xui8>, %i: tensor<3xi32>, %s: tensor<i32>) -> tensor<2x3xf32> {
    %0 = webnn.where %c, %a, %b : (tensor<2x3xui8>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.where %c2, %i, %s : (tensor<2x1xui8>, tensor<3xi32>, tensor<i32>) -> tensor<2x3xi32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @cast
  // CHECK: webnn.cast %{{[^ ]+}} {dataType = "int32"} : (tensor<2x3xf32>) -> tensor<2x3xi32>
  // CHECK: webnn.cast %{{[^ ]+}} {dataType = "float16"} : (tensor<2x3xf32>) -> tensor<2x3xf16>
  // CHECK: webnn.cast %{{[^ ]+}} {dataType = "uint64"} : (tensor<ui8>) -> tensor<ui64>
  func.func @cast(%x: tensor<2x3xf32>, %b: tensor<ui8>) -> tensor<2x3xi32> {
    %0 = webnn.cast %x {dataType = "int32"} : (tensor<2x3xf32>) -> tensor<2x3xi32>
    %1 = webnn.cast %x {dataType = "float16"} : (tensor<2x3xf32>) -> tensor<2x3xf16>
    %2 = webnn.cast %b {dataType = "uint64"} : (tensor<ui8>) -> tensor<ui64>
    func.return %0 : tensor<2x3xi32>
  }

  // CHECK-LABEL: func.func @resample2d
  // CHECK: webnn.resample2d %{{[^ ]+}} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  // CHECK: webnn.resample2d %{{[^ ]+}} {mode = "linear", scales = [2.0, 0.5]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x2xf32>
  // CHECK: webnn.resample2d %{{[^ ]+}} {mode = "nearest-neighbor", sizes = [5, 7]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x5x7xf32>
  // CHECK: webnn.resample2d %{{[^ ]+}} {scales = [3.0, 1.5], axes = [1, 2]} : (tensor<1x4x4x3xui8>) -> tensor<1x12x6x3xui8>
  // CHECK: webnn.resample2d %{{[^ ]+}} {scales = [0.7, 1.0]} : (tensor<1x1x10x2xi8>) -> tensor<1x1x6x2xi8>
  // CHECK: webnn.resample2d %{{[^ ]+}} {scales = [3.0, 3.0], sizes = [2, 2], axes = [0, 1]} : (tensor<4x4x1x1xf16>) -> tensor<2x2x1x1xf16>
  func.func @resample2d(%x: tensor<1x3x4x4xf32>, %n: tensor<1x4x4x3xui8>, %i: tensor<1x1x10x2xi8>, %h: tensor<4x4x1x1xf16>) -> tensor<1x3x4x4xf32> {
    %0 = webnn.resample2d %x : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    %1 = webnn.resample2d %x {mode = "linear", scales = [2.0, 0.5]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x2xf32>
    %2 = webnn.resample2d %x {mode = "nearest-neighbor", sizes = [5, 7]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x5x7xf32>
    %3 = webnn.resample2d %n {scales = [3.0, 1.5], axes = [1, 2]} : (tensor<1x4x4x3xui8>) -> tensor<1x12x6x3xui8>
    %4 = webnn.resample2d %i {scales = [0.7, 1.0]} : (tensor<1x1x10x2xi8>) -> tensor<1x1x6x2xi8>
    %5 = webnn.resample2d %h {scales = [3.0, 3.0], sizes = [2, 2], axes = [0, 1]} : (tensor<4x4x1x1xf16>) -> tensor<2x2x1x1xf16>
    func.return %0 : tensor<1x3x4x4xf32>
  }
}
