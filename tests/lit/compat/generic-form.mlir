// The stamp is found wherever the module's attributes stand: in the generic form they
// follow the body, and a version 1 generic file is read as version 1 and upgraded.
// RUN: webnn-opt %s | FileCheck %s
// Version 1 output in the generic form reads back as version 1:
// RUN: webnn-opt %s --target-version=1 --print-op-generic | FileCheck %s --check-prefix=V1
// RUN: webnn-opt %s --target-version=1 --print-op-generic | webnn-opt | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
// CHECK: webnn.conv2d %{{[^ ]+}}, %{{[^ ]+}} {padding = [1, 1, 1, 1]}
// CHECK-NEXT: webnn.relu
// CHECK-NEXT: webnn.reshape %{{[^ ]+}} {newShape = [1, 16]}
// CHECK-NEXT: webnn.softmax %{{[^ ]+}} {axis = 1}
// V1: "webnn.softmax"(%{{[^ ]+}}) : (tensor<1x16xf32>) -> tensor<1x16xf32>
// V1: {webnn.version = 1 : i64}
"builtin.module"() ({
  "func.func"() <{function_type = (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x16xf32>, sym_name = "f"}> ({
  ^bb0(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>):
    %y = "webnn.conv2d"(%x, %w) <{autoPad = "same-upper", activation = {name = "relu"}, operandSegmentSizes = array<i32: 1, 1, 0>}> : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
    %r = "webnn.reshape"(%y) <{newShape = array<i64: 1, -1>}> : (tensor<1x1x4x4xf32>) -> tensor<1x16xf32>
    %s = "webnn.softmax"(%r) : (tensor<1x16xf32>) -> tensor<1x16xf32>
    "func.return"(%s) : (tensor<1x16xf32>) -> ()
  }) : () -> ()
}) {"webnn.version" = 1 : i64} : () -> ()
