// argMin/argMax in their 2023-12 form (#478), which the project counts as version 1
// (dialects/webnn/versions.py, ADOPTED): `axes = [a]`, keepDimensions, selectLastIndex,
// int64 indices. Version 2 has a scalar `axis` (#724) and `outputDataType` (#730; the
// upgrade keeps int64); selectLastIndex (gone in #722) becomes reverse, the first index,
// and (dimension - 1) - index. @ties concatenates an input with itself, so every
// extremum is tied and the first and last index differ.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @first_index(
  // CHECK-NEXT: [[FIRST_INDEX_0:%[a-z0-9_#]+]] = webnn.argMax %{{[a-z0-9_#]+}} {axis = 1, outputDataType = "int64"} : (tensor<3x4x5xf32>) -> tensor<3x5xi64>
  // CHECK-NEXT: [[FIRST_INDEX_1:%[a-z0-9_#]+]] = webnn.argMin %{{[a-z0-9_#]+}} {axis = 2, keepDimensions = true, outputDataType = "int64"} : (tensor<3x4x5xf32>) -> tensor<3x4x1xi64>
  // CHECK-NEXT: [[FIRST_INDEX_2:%[a-z0-9_#]+]] = webnn.argMax %{{[a-z0-9_#]+}} {axis = 0, keepDimensions = false, outputDataType = "int64"} : (tensor<3x4x5xf32>) -> tensor<4x5xi64>
  // CHECK-NEXT: [[FIRST_INDEX_3:%[a-z0-9_#]+]] = webnn.argMin %{{[a-z0-9_#]+}} {axis = 0, keepDimensions = true, outputDataType = "int64"} : (tensor<4x6xf16>) -> tensor<1x6xi64>
  // CHECK-NEXT: [[FIRST_INDEX_4:%[a-z0-9_#]+]] = webnn.argMax %{{[a-z0-9_#]+}} {axis = 1, keepDimensions = true, outputDataType = "int64"} : (tensor<5x3xui8>) -> tensor<5x1xi64>
  // CHECK-NEXT: func.return [[FIRST_INDEX_0]], [[FIRST_INDEX_1]], [[FIRST_INDEX_2]], [[FIRST_INDEX_3]], [[FIRST_INDEX_4]] : tensor<3x5xi64>, tensor<3x4x1xi64>, tensor<4x5xi64>, tensor<1x6xi64>, tensor<5x1xi64>
  func.func @first_index(%x: tensor<3x4x5xf32>, %h: tensor<4x6xf16>, %u: tensor<5x3xui8>) -> (tensor<3x5xi64>, tensor<3x4x1xi64>, tensor<4x5xi64>, tensor<1x6xi64>, tensor<5x1xi64>) {
    %0 = webnn.argMax %x {axes = [1]} : (tensor<3x4x5xf32>) -> tensor<3x5xi64>
    %1 = webnn.argMin %x {axes = [2], keepDimensions = true} : (tensor<3x4x5xf32>) -> tensor<3x4x1xi64>
    %2 = webnn.argMax %x {axes = [0], keepDimensions = false, selectLastIndex = false} : (tensor<3x4x5xf32>) -> tensor<4x5xi64>
    %3 = webnn.argMin %h {axes = [0], keepDimensions = true, selectLastIndex = false} : (tensor<4x6xf16>) -> tensor<1x6xi64>
    %4 = webnn.argMax %u {axes = [1], keepDimensions = true} : (tensor<5x3xui8>) -> tensor<5x1xi64>
    func.return %0, %1, %2, %3, %4 : tensor<3x5xi64>, tensor<3x4x1xi64>, tensor<4x5xi64>, tensor<1x6xi64>, tensor<5x1xi64>
  }

  // CHECK-LABEL: func.func @last_index(
  // CHECK-NEXT: [[LAST_INDEX_0:%[a-z0-9_#]+]] = webnn.reverse %{{[a-z0-9_#]+}} {axes = [1]} : (tensor<3x4x5xf32>) -> tensor<3x4x5xf32>
  // CHECK-NEXT: [[LAST_INDEX_1:%[a-z0-9_#]+]] = webnn.argMax [[LAST_INDEX_0]] {axis = 1, outputDataType = "int64"} : (tensor<3x4x5xf32>) -> tensor<3x5xi64>
  // CHECK-NEXT: [[LAST_INDEX_2:%[a-z0-9_#]+]] = webnn.constant dense<3> : tensor<i64>
  // CHECK-NEXT: [[LAST_INDEX_3:%[a-z0-9_#]+]] = webnn.sub [[LAST_INDEX_2]], [[LAST_INDEX_1]] : (tensor<i64>, tensor<3x5xi64>) -> tensor<3x5xi64>
  // CHECK-NEXT: [[LAST_INDEX_4:%[a-z0-9_#]+]] = webnn.reverse %{{[a-z0-9_#]+}} {axes = [2]} : (tensor<3x4x5xf32>) -> tensor<3x4x5xf32>
  // CHECK-NEXT: [[LAST_INDEX_5:%[a-z0-9_#]+]] = webnn.argMin [[LAST_INDEX_4]] {axis = 2, keepDimensions = true, outputDataType = "int64"} : (tensor<3x4x5xf32>) -> tensor<3x4x1xi64>
  // CHECK-NEXT: [[LAST_INDEX_6:%[a-z0-9_#]+]] = webnn.constant dense<4> : tensor<i64>
  // CHECK-NEXT: [[LAST_INDEX_7:%[a-z0-9_#]+]] = webnn.sub [[LAST_INDEX_6]], [[LAST_INDEX_5]] : (tensor<i64>, tensor<3x4x1xi64>) -> tensor<3x4x1xi64>
  // CHECK-NEXT: [[LAST_INDEX_8:%[a-z0-9_#]+]] = webnn.reverse %{{[a-z0-9_#]+}} {axes = [0]} : (tensor<6x2xi32>) -> tensor<6x2xi32>
  // CHECK-NEXT: [[LAST_INDEX_9:%[a-z0-9_#]+]] = webnn.argMin [[LAST_INDEX_8]] {axis = 0, keepDimensions = false, outputDataType = "int64"} : (tensor<6x2xi32>) -> tensor<2xi64>
  // CHECK-NEXT: [[LAST_INDEX_10:%[a-z0-9_#]+]] = webnn.constant dense<5> : tensor<i64>
  // CHECK-NEXT: [[LAST_INDEX_11:%[a-z0-9_#]+]] = webnn.sub [[LAST_INDEX_10]], [[LAST_INDEX_9]] : (tensor<i64>, tensor<2xi64>) -> tensor<2xi64>
  // CHECK-NEXT: func.return [[LAST_INDEX_3]], [[LAST_INDEX_7]], [[LAST_INDEX_11]] : tensor<3x5xi64>, tensor<3x4x1xi64>, tensor<2xi64>
  func.func @last_index(%x: tensor<3x4x5xf32>, %i: tensor<6x2xi32>) -> (tensor<3x5xi64>, tensor<3x4x1xi64>, tensor<2xi64>) {
    %0 = webnn.argMax %x {axes = [1], selectLastIndex = true} : (tensor<3x4x5xf32>) -> tensor<3x5xi64>
    %1 = webnn.argMin %x {axes = [2], keepDimensions = true, selectLastIndex = true} : (tensor<3x4x5xf32>) -> tensor<3x4x1xi64>
    %2 = webnn.argMin %i {axes = [0], keepDimensions = false, selectLastIndex = true} : (tensor<6x2xi32>) -> tensor<2xi64>
    func.return %0, %1, %2 : tensor<3x5xi64>, tensor<3x4x1xi64>, tensor<2xi64>
  }

  // CHECK-LABEL: func.func @ties(
  // CHECK-NEXT: [[TIES_T:%[a-z0-9_#]+]] = webnn.concat %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {axis = 1} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  // CHECK-NEXT: [[TIES_0:%[a-z0-9_#]+]] = webnn.argMax [[TIES_T]] {axis = 1, outputDataType = "int64"} : (tensor<2x6xf32>) -> tensor<2xi64>
  // CHECK-NEXT: [[TIES_1:%[a-z0-9_#]+]] = webnn.reverse [[TIES_T]] {axes = [1]} : (tensor<2x6xf32>) -> tensor<2x6xf32>
  // CHECK-NEXT: [[TIES_2:%[a-z0-9_#]+]] = webnn.argMax [[TIES_1]] {axis = 1, outputDataType = "int64"} : (tensor<2x6xf32>) -> tensor<2xi64>
  // CHECK-NEXT: [[TIES_3:%[a-z0-9_#]+]] = webnn.constant dense<5> : tensor<i64>
  // CHECK-NEXT: [[TIES_4:%[a-z0-9_#]+]] = webnn.sub [[TIES_3]], [[TIES_2]] : (tensor<i64>, tensor<2xi64>) -> tensor<2xi64>
  // CHECK-NEXT: [[TIES_5:%[a-z0-9_#]+]] = webnn.argMin [[TIES_T]] {axis = 1, keepDimensions = true, outputDataType = "int64"} : (tensor<2x6xf32>) -> tensor<2x1xi64>
  // CHECK-NEXT: [[TIES_6:%[a-z0-9_#]+]] = webnn.reverse [[TIES_T]] {axes = [1]} : (tensor<2x6xf32>) -> tensor<2x6xf32>
  // CHECK-NEXT: [[TIES_7:%[a-z0-9_#]+]] = webnn.argMin [[TIES_6]] {axis = 1, keepDimensions = true, outputDataType = "int64"} : (tensor<2x6xf32>) -> tensor<2x1xi64>
  // CHECK-NEXT: [[TIES_8:%[a-z0-9_#]+]] = webnn.constant dense<5> : tensor<i64>
  // CHECK-NEXT: [[TIES_9:%[a-z0-9_#]+]] = webnn.sub [[TIES_8]], [[TIES_7]] : (tensor<i64>, tensor<2x1xi64>) -> tensor<2x1xi64>
  // CHECK-NEXT: [[TIES_J:%[a-z0-9_#]+]] = webnn.concat %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {axis = 0} : (tensor<3x2xi32>, tensor<3x2xi32>, tensor<3x2xi32>) -> tensor<9x2xi32>
  // CHECK-NEXT: [[TIES_10:%[a-z0-9_#]+]] = webnn.reverse [[TIES_J]] {axes = [0]} : (tensor<9x2xi32>) -> tensor<9x2xi32>
  // CHECK-NEXT: [[TIES_11:%[a-z0-9_#]+]] = webnn.argMax [[TIES_10]] {axis = 0, keepDimensions = true, outputDataType = "int64"} : (tensor<9x2xi32>) -> tensor<1x2xi64>
  // CHECK-NEXT: [[TIES_12:%[a-z0-9_#]+]] = webnn.constant dense<8> : tensor<i64>
  // CHECK-NEXT: [[TIES_13:%[a-z0-9_#]+]] = webnn.sub [[TIES_12]], [[TIES_11]] : (tensor<i64>, tensor<1x2xi64>) -> tensor<1x2xi64>
  // CHECK-NEXT: [[TIES_14:%[a-z0-9_#]+]] = webnn.reverse [[TIES_J]] {axes = [0]} : (tensor<9x2xi32>) -> tensor<9x2xi32>
  // CHECK-NEXT: [[TIES_15:%[a-z0-9_#]+]] = webnn.argMin [[TIES_14]] {axis = 0, outputDataType = "int64"} : (tensor<9x2xi32>) -> tensor<2xi64>
  // CHECK-NEXT: [[TIES_16:%[a-z0-9_#]+]] = webnn.constant dense<8> : tensor<i64>
  // CHECK-NEXT: [[TIES_17:%[a-z0-9_#]+]] = webnn.sub [[TIES_16]], [[TIES_15]] : (tensor<i64>, tensor<2xi64>) -> tensor<2xi64>
  // CHECK-NEXT: func.return [[TIES_0]], [[TIES_4]], [[TIES_5]], [[TIES_9]], [[TIES_13]], [[TIES_17]] : tensor<2xi64>, tensor<2xi64>, tensor<2x1xi64>, tensor<2x1xi64>, tensor<1x2xi64>, tensor<2xi64>
  func.func @ties(%x: tensor<2x3xf32>, %i: tensor<3x2xi32>) -> (tensor<2xi64>, tensor<2xi64>, tensor<2x1xi64>, tensor<2x1xi64>, tensor<1x2xi64>, tensor<2xi64>) {
    %t = webnn.concat %x, %x {axis = 1} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
    %0 = webnn.argMax %t {axes = [1]} : (tensor<2x6xf32>) -> tensor<2xi64>
    %1 = webnn.argMax %t {axes = [1], selectLastIndex = true} : (tensor<2x6xf32>) -> tensor<2xi64>
    %2 = webnn.argMin %t {axes = [1], keepDimensions = true} : (tensor<2x6xf32>) -> tensor<2x1xi64>
    %3 = webnn.argMin %t {axes = [1], keepDimensions = true, selectLastIndex = true} : (tensor<2x6xf32>) -> tensor<2x1xi64>
    %j = webnn.concat %i, %i, %i {axis = 0} : (tensor<3x2xi32>, tensor<3x2xi32>, tensor<3x2xi32>) -> tensor<9x2xi32>
    %4 = webnn.argMax %j {axes = [0], keepDimensions = true, selectLastIndex = true} : (tensor<9x2xi32>) -> tensor<1x2xi64>
    %5 = webnn.argMin %j {axes = [0], selectLastIndex = true} : (tensor<9x2xi32>) -> tensor<2xi64>
    func.return %0, %1, %2, %3, %4, %5 : tensor<2xi64>, tensor<2xi64>, tensor<2x1xi64>, tensor<2x1xi64>, tensor<1x2xi64>, tensor<2xi64>
  }
}
