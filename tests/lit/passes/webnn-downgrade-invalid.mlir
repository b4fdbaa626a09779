// --target-version=1 names every op, option value and data type version 1 cannot
// express, each at its location, with the version and spec change that brought it.
// RUN: webnn-opt %s --split-input-file --verify-diagnostics --target-version=1
// RUN: not webnn-opt %s --split-input-file --target-version=3 2>&1 | FileCheck %s --check-prefix=NEWER
// NEWER: error: target version 3 is not a version this compiler writes (1 to 2)

builtin.module attributes {webnn.version = 2} {
  func.func @new_ops(%x: tensor<2x3xf32>, %i: tensor<2x2xi32>) -> (tensor<2x2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
    // expected-error@+1 {{'webnn.gather' op cannot be written as webnn version 1: gather was added in version 2 (2023-12, #478)}}
    %g = webnn.gather %x, %i : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x2x3xf32>
    // expected-error@+1 {{'webnn.gelu' op cannot be written as webnn version 1: gelu was added in version 2 (2024-04, #628)}}
    %e = webnn.gelu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    // expected-error@+1 {{'webnn.cumulativeSum' op cannot be written as webnn version 1: cumulativeSum was added in version 2 (2025-03, #805)}}
    %c = webnn.cumulativeSum %x {axis = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    // A version 1 op among them is fine.
    %r = webnn.relu %c : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %g, %e, %r : tensor<2x2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @options(%x: tensor<2x3x4xf32>, %y: tensor<1x3x4x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x2xf32>, tensor<2x3x8x4xf32>, tensor<2x3x4xf32>) {
    // expected-error@+1 {{'webnn.softmax' op cannot be written as webnn version 1: axis 2 on a rank-3 input: version 1 softmax takes a 2-D input and normalizes axis 1 (axis added in version 2: 2024-04, #649)}}
    %s = webnn.softmax %x {axis = 2} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    // expected-error@+1 {{'webnn.slice' op cannot be written as webnn version 1: option 'strides' [1, 1, 2] was added in version 2 (2025-03, #805)}}
    %t = webnn.slice %x {starts = [0, 0, 0], sizes = [2, 3, 4], strides = [1, 1, 2]} : (tensor<2x3x4xf32>) -> tensor<2x3x2xf32>
    // expected-error@+1 {{'webnn.resample2d' op cannot be written as webnn version 1: axes [0, 2] are not consecutive: version 1 resamples [0, 1], [1, 2] or [2, 3] (any two axes since version 2: 2024-08, #752)}}
    %r = webnn.resample2d %y {scales = [2.0, 2.0], axes = [0, 2]} : (tensor<1x3x4x4xf32>) -> tensor<2x3x8x4xf32>
    // expected-error@+1 {{'webnn.clamp' op cannot be written as webnn version 1: option 'maxValue' 9007199254740993 is not exactly a float, as version 1 stores it (MLNumber since version 2: 2024-07, #647)}}
    %c = webnn.clamp %x {maxValue = 9007199254740993} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
    func.return %s, %t, %r, %c : tensor<2x3x4xf32>, tensor<2x3x2xf32>, tensor<2x3x8x4xf32>, tensor<2x3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{'func.func' op cannot be written as webnn version 1: its signature uses data type int64 (added in version 2: 2023-12, #478)}}
  func.func @int64(%x: tensor<4xi64>, %y: tensor<4xf32>) -> tensor<4xi32> {
    // expected-error@+1 {{'webnn.cast' op cannot be written as webnn version 1: cast was added in version 2 (2023-12, #478)}}
    %c = webnn.cast %x {dataType = "int32"} : (tensor<4xi64>) -> tensor<4xi32>
    // int64 indices are version 1's argMax (its 2023-12 form, versions.ADOPTED): no error.
    %a = webnn.argMax %y {axis = 0, outputDataType = "int64"} : (tensor<4xf32>) -> tensor<i64>
    // expected-error@+1 {{'webnn.abs' op cannot be written as webnn version 1: it uses data type int64 (added in version 2: 2023-12, #478)}}
    %b = webnn.abs %x : (tensor<4xi64>) -> tensor<4xi64>
    func.return %c : tensor<4xi32>
  }
}

// -----

// argMin/argMax: version 1 (the 2023-12 form) returns int64 indices only; int32 (#730,
// the default since) has no version 1 form. int64 indices are a fine graph output, but
// no other version 1 op takes them.
builtin.module attributes {webnn.version = 2} {
  func.func @indices(%x: tensor<2x5xf32>, %m: tensor<4xui8>) -> (tensor<2xi32>, tensor<2x1xi32>, tensor<2xi64>, tensor<2xi64>, tensor<4xui8>) {
    // expected-error@+1 {{'webnn.argMax' op cannot be written as webnn version 1: outputDataType "int32": version 1 argMax returns int64 indices (outputDataType, default int32, added in version 2: 2024-07, #730)}}
    %0 = webnn.argMax %x {axis = 1} : (tensor<2x5xf32>) -> tensor<2xi32>
    // expected-error@+1 {{'webnn.argMin' op cannot be written as webnn version 1: outputDataType "int32": version 1 argMin returns int64 indices (outputDataType, default int32, added in version 2: 2024-07, #730)}}
    %1 = webnn.argMin %x {axis = 1, keepDimensions = true, outputDataType = "int32"} : (tensor<2x5xf32>) -> tensor<2x1xi32>
    %2 = webnn.argMin %x {axis = 1, outputDataType = "int64"} : (tensor<2x5xf32>) -> tensor<2xi64>
    // expected-error@+1 {{'webnn.abs' op cannot be written as webnn version 1: it uses data type int64 (added in version 2: 2023-12, #478)}}
    %3 = webnn.abs %2 : (tensor<2xi64>) -> tensor<2xi64>
    %4 = webnn.logicalNot %m : (tensor<4xui8>) -> tensor<4xui8>
    func.return %0, %1, %2, %3, %4 : tensor<2xi32>, tensor<2x1xi32>, tensor<2xi64>, tensor<2xi64>, tensor<4xui8>
  }
}
