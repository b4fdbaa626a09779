// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

// Ops written without options are checked with %{{[^ ]+}} for the operand, so that a
// spurious option dictionary in the printed form would not match.

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @add_same_shape(
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @add_same_shape(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // Bidirectional broadcasting: either side may stretch, ranks align on the right.
  // CHECK-LABEL: func.func @add_broadcast(
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<f32>, tensor<f32>) -> tensor<f32>
  func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<2x1x4xf32>, %d: tensor<3x1xf32>, %s: tensor<f32>) -> tensor<2x3xf32> {
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %1 = webnn.add %b, %a : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.add %c, %d : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
    %3 = webnn.add %s, %a : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %4 = webnn.add %s, %s : (tensor<f32>, tensor<f32>) -> tensor<f32>
    func.return %0 : tensor<2x3xf32>
  }

  // Every WebNN data type is allowed.
  // CHECK-LABEL: func.func @add_integer_types(
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xui64>, tensor<4xui64>) -> tensor<4xui64>
  // CHECK: webnn.add %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  func.func @add_integer_types(%a: tensor<4xi8>, %b: tensor<4xui8>, %c: tensor<4xi32>, %d: tensor<4xui32>, %e: tensor<4xi64>, %f: tensor<4xui64>, %h: tensor<4xf16>) -> tensor<4xi8> {
    %0 = webnn.add %a, %a : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
    %1 = webnn.add %b, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    %2 = webnn.add %c, %c : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
    %3 = webnn.add %d, %d : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
    %4 = webnn.add %e, %e : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
    %5 = webnn.add %f, %f : (tensor<4xui64>, tensor<4xui64>) -> tensor<4xui64>
    %6 = webnn.add %h, %h : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<4xi8>
  }

  // CHECK-LABEL: func.func @sub(
  // CHECK: webnn.sub %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
  // CHECK: webnn.sub %{{[^ ]+}}, %{{[^ ]+}} : (tensor<5xf16>, tensor<5xf16>) -> tensor<5xf16>
  func.func @sub(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>, %c: tensor<5xf16>) -> tensor<2x3xi32> {
    %0 = webnn.sub %a, %b : (tensor<2x3xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
    %1 = webnn.sub %c, %c : (tensor<5xf16>, tensor<5xf16>) -> tensor<5xf16>
    func.return %0 : tensor<2x3xi32>
  }

  // CHECK-LABEL: func.func @mul(
  // CHECK: webnn.mul %{{[^ ]+}}, %{{[^ ]+}} : (tensor<1x4xf16>, tensor<3x1xf16>) -> tensor<3x4xf16>
  // CHECK: webnn.mul %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  func.func @mul(%a: tensor<1x4xf16>, %b: tensor<3x1xf16>, %c: tensor<2xui8>) -> tensor<3x4xf16> {
    %0 = webnn.mul %a, %b : (tensor<1x4xf16>, tensor<3x1xf16>) -> tensor<3x4xf16>
    %1 = webnn.mul %c, %c : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
    func.return %0 : tensor<3x4xf16>
  }

  // CHECK-LABEL: func.func @div(
  // CHECK: webnn.div %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xi64>, tensor<i64>) -> tensor<2x3xi64>
  // CHECK: webnn.div %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @div(%a: tensor<2x3xi64>, %b: tensor<i64>, %c: tensor<2x3xf32>) -> tensor<2x3xi64> {
    %0 = webnn.div %a, %b : (tensor<2x3xi64>, tensor<i64>) -> tensor<2x3xi64>
    %1 = webnn.div %c, %c : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xi64>
  }

  // CHECK-LABEL: func.func @max(
  // CHECK: webnn.max %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4x1xui32>, tensor<5xui32>) -> tensor<4x5xui32>
  // CHECK: webnn.max %{{[^ ]+}}, %{{[^ ]+}} : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi8>
  func.func @max(%a: tensor<4x1xui32>, %b: tensor<5xui32>, %c: tensor<3xi8>) -> tensor<4x5xui32> {
    %0 = webnn.max %a, %b : (tensor<4x1xui32>, tensor<5xui32>) -> tensor<4x5xui32>
    %1 = webnn.max %c, %c : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi8>
    func.return %0 : tensor<4x5xui32>
  }

  // CHECK-LABEL: func.func @min(
  // CHECK: webnn.min %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
  // CHECK: webnn.min %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  func.func @min(%a: tensor<2x3xi8>, %b: tensor<3xi8>, %c: tensor<2xf32>) -> tensor<2x3xi8> {
    %0 = webnn.min %a, %b : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
    %1 = webnn.min %c, %c : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2x3xi8>
  }

  // CHECK-LABEL: func.func @pow(
  // CHECK: webnn.pow %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK: webnn.pow %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xui64>, tensor<4xui64>) -> tensor<4xui64>
  func.func @pow(%a: tensor<2x3xf32>, %b: tensor<f32>, %c: tensor<4xui64>) -> tensor<2x3xf32> {
    %0 = webnn.pow %a, %b : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %1 = webnn.pow %c, %c : (tensor<4xui64>, tensor<4xui64>) -> tensor<4xui64>
    func.return %0 : tensor<2x3xf32>
  }

  // Comparisons produce uint8 whatever the operand type.
  // CHECK-LABEL: func.func @equal(
  // CHECK: webnn.equal %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xui8>
  func.func @equal(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xui8> {
    %0 = webnn.equal %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xui8>
    func.return %0 : tensor<2x3xui8>
  }

  // CHECK-LABEL: func.func @not_equal(
  // CHECK: webnn.notEqual %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xui8>
  func.func @not_equal(%a: tensor<2x3xi32>, %b: tensor<3xi32>) -> tensor<2x3xui8> {
    %0 = webnn.notEqual %a, %b : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xui8>
    func.return %0 : tensor<2x3xui8>
  }

  // CHECK-LABEL: func.func @greater(
  // CHECK: webnn.greater %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4x1xf16>, tensor<1x5xf16>) -> tensor<4x5xui8>
  func.func @greater(%a: tensor<4x1xf16>, %b: tensor<1x5xf16>) -> tensor<4x5xui8> {
    %0 = webnn.greater %a, %b : (tensor<4x1xf16>, tensor<1x5xf16>) -> tensor<4x5xui8>
    func.return %0 : tensor<4x5xui8>
  }

  // CHECK-LABEL: func.func @greater_or_equal(
  // CHECK: webnn.greaterOrEqual %{{[^ ]+}}, %{{[^ ]+}} : (tensor<3xi64>, tensor<i64>) -> tensor<3xui8>
  func.func @greater_or_equal(%a: tensor<3xi64>, %b: tensor<i64>) -> tensor<3xui8> {
    %0 = webnn.greaterOrEqual %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xui8>
    func.return %0 : tensor<3xui8>
  }

  // CHECK-LABEL: func.func @lesser(
  // CHECK: webnn.lesser %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x2xui8>, tensor<2x2xui8>) -> tensor<2x2xui8>
  func.func @lesser(%a: tensor<2x2xui8>, %b: tensor<2x2xui8>) -> tensor<2x2xui8> {
    %0 = webnn.lesser %a, %b : (tensor<2x2xui8>, tensor<2x2xui8>) -> tensor<2x2xui8>
    func.return %0 : tensor<2x2xui8>
  }

  // CHECK-LABEL: func.func @lesser_or_equal(
  // CHECK: webnn.lesserOrEqual %{{[^ ]+}}, %{{[^ ]+}} : (tensor<ui32>, tensor<2x3xui32>) -> tensor<2x3xui8>
  // CHECK: webnn.lesserOrEqual %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xui8>
  func.func @lesser_or_equal(%a: tensor<ui32>, %b: tensor<2x3xui32>, %c: tensor<4xi8>) -> tensor<2x3xui8> {
    %0 = webnn.lesserOrEqual %a, %b : (tensor<ui32>, tensor<2x3xui32>) -> tensor<2x3xui8>
    %1 = webnn.lesserOrEqual %c, %c : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xui8>
    func.return %0 : tensor<2x3xui8>
  }

  // CHECK-LABEL: func.func @logical_binary(
  // CHECK: webnn.logicalAnd %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.logicalOr %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xui8>, tensor<3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.logicalXor %{{[^ ]+}}, %{{[^ ]+}} : (tensor<ui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  func.func @logical_binary(%a: tensor<2x3xui8>, %b: tensor<3xui8>, %s: tensor<ui8>) -> tensor<2x3xui8> {
    %0 = webnn.logicalAnd %a, %a : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
    %1 = webnn.logicalOr %a, %b : (tensor<2x3xui8>, tensor<3xui8>) -> tensor<2x3xui8>
    %2 = webnn.logicalXor %s, %a : (tensor<ui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
    func.return %0 : tensor<2x3xui8>
  }

  // CHECK-LABEL: func.func @logical_not(
  // CHECK: webnn.logicalNot %{{[^ ]+}} : (tensor<2x3xui8>) -> tensor<2x3xui8>
  // CHECK: webnn.logicalNot %{{[^ ]+}} : (tensor<ui8>) -> tensor<ui8>
  func.func @logical_not(%a: tensor<2x3xui8>, %s: tensor<ui8>) -> tensor<2x3xui8> {
    %0 = webnn.logicalNot %a : (tensor<2x3xui8>) -> tensor<2x3xui8>
    %1 = webnn.logicalNot %s : (tensor<ui8>) -> tensor<ui8>
    func.return %0 : tensor<2x3xui8>
  }

  // CHECK-LABEL: func.func @is_nan_is_infinite(
  // CHECK: webnn.isNaN %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xui8>
  // CHECK: webnn.isInfinite %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xui8>
  // CHECK: webnn.isNaN %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xui8>
  // CHECK: webnn.isInfinite %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xui8>
  func.func @is_nan_is_infinite(%a: tensor<2x3xf32>, %b: tensor<4xf16>) -> tensor<2x3xui8> {
    %0 = webnn.isNaN %a : (tensor<2x3xf32>) -> tensor<2x3xui8>
    %1 = webnn.isInfinite %b : (tensor<4xf16>) -> tensor<4xui8>
    %2 = webnn.isNaN %b : (tensor<4xf16>) -> tensor<4xui8>
    %3 = webnn.isInfinite %a : (tensor<2x3xf32>) -> tensor<2x3xui8>
    func.return %0 : tensor<2x3xui8>
  }

  // abs, neg and sign take the signed types, integers included.
  // CHECK-LABEL: func.func @abs_neg_sign(
  // CHECK: webnn.abs %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.abs %{{[^ ]+}} : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK: webnn.abs %{{[^ ]+}} : (tensor<4xi8>) -> tensor<4xi8>
  // CHECK: webnn.neg %{{[^ ]+}} : (tensor<3xf16>) -> tensor<3xf16>
  // CHECK: webnn.neg %{{[^ ]+}} : (tensor<4xi64>) -> tensor<4xi64>
  // CHECK: webnn.neg %{{[^ ]+}} : (tensor<4xi8>) -> tensor<4xi8>
  // CHECK: webnn.sign %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.sign %{{[^ ]+}} : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK: webnn.sign %{{[^ ]+}} : (tensor<4xi64>) -> tensor<4xi64>
  func.func @abs_neg_sign(%f: tensor<2x3xf32>, %h: tensor<3xf16>, %i: tensor<4xi32>, %j: tensor<4xi64>, %k: tensor<4xi8>) -> tensor<2x3xf32> {
    %0 = webnn.abs %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.abs %i : (tensor<4xi32>) -> tensor<4xi32>
    %2 = webnn.abs %k : (tensor<4xi8>) -> tensor<4xi8>
    %3 = webnn.neg %h : (tensor<3xf16>) -> tensor<3xf16>
    %4 = webnn.neg %j : (tensor<4xi64>) -> tensor<4xi64>
    %5 = webnn.neg %k : (tensor<4xi8>) -> tensor<4xi8>
    %6 = webnn.sign %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %7 = webnn.sign %i : (tensor<4xi32>) -> tensor<4xi32>
    %8 = webnn.sign %j : (tensor<4xi64>) -> tensor<4xi64>
    func.return %0 : tensor<2x3xf32>
  }

  // The float-only unary math ops, on float32, float16 and a scalar.
  // CHECK-LABEL: func.func @float_unary(
  // CHECK: webnn.ceil %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.cos %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: webnn.erf %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.exp %{{[^ ]+}} : (tensor<f32>) -> tensor<f32>
  // CHECK: webnn.floor %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: webnn.log %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.reciprocal %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: webnn.roundEven %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.sin %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: webnn.sqrt %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.tan %{{[^ ]+}} : (tensor<f32>) -> tensor<f32>
  func.func @float_unary(%f: tensor<2x3xf32>, %h: tensor<4xf16>, %s: tensor<f32>) -> tensor<2x3xf32> {
    %0 = webnn.ceil %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.cos %h : (tensor<4xf16>) -> tensor<4xf16>
    %2 = webnn.erf %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %3 = webnn.exp %s : (tensor<f32>) -> tensor<f32>
    %4 = webnn.floor %h : (tensor<4xf16>) -> tensor<4xf16>
    %5 = webnn.log %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %6 = webnn.reciprocal %h : (tensor<4xf16>) -> tensor<4xf16>
    %7 = webnn.roundEven %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %8 = webnn.sin %h : (tensor<4xf16>) -> tensor<4xf16>
    %9 = webnn.sqrt %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %10 = webnn.tan %s : (tensor<f32>) -> tensor<f32>
    func.return %0 : tensor<2x3xf32>
  }

  // identity takes every data type.
  // CHECK-LABEL: func.func @identity(
  // CHECK: webnn.identity %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.identity %{{[^ ]+}} : (tensor<4xui8>) -> tensor<4xui8>
  // CHECK: webnn.identity %{{[^ ]+}} : (tensor<4xui64>) -> tensor<4xui64>
  // CHECK: webnn.identity %{{[^ ]+}} : (tensor<i32>) -> tensor<i32>
  func.func @identity(%f: tensor<2x3xf32>, %a: tensor<4xui8>, %b: tensor<4xui64>, %c: tensor<i32>) -> tensor<2x3xf32> {
    %0 = webnn.identity %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.identity %a : (tensor<4xui8>) -> tensor<4xui8>
    %2 = webnn.identity %b : (tensor<4xui64>) -> tensor<4xui64>
    %3 = webnn.identity %c : (tensor<i32>) -> tensor<i32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @relu_sigmoid_tanh(
  // CHECK: webnn.relu %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.relu %{{[^ ]+}} : (tensor<4xi8>) -> tensor<4xi8>
  // CHECK: webnn.relu %{{[^ ]+}} : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK: webnn.sigmoid %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.tanh %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  func.func @relu_sigmoid_tanh(%f: tensor<2x3xf32>, %h: tensor<4xf16>, %i: tensor<4xi8>, %j: tensor<4xi32>) -> tensor<2x3xf32> {
    %0 = webnn.relu %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.relu %i : (tensor<4xi8>) -> tensor<4xi8>
    %2 = webnn.relu %j : (tensor<4xi32>) -> tensor<4xi32>
    %3 = webnn.sigmoid %f : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %4 = webnn.tanh %h : (tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<2x3xf32>
  }

  // Float bounds; equal bounds are allowed; options print in the spec's order.
  // CHECK-LABEL: func.func @clamp_float_bounds(
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = 0.0, maxValue = 6.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = -1.5, maxValue = 1.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = 1.0, maxValue = 1.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = -inf, maxValue = inf} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @clamp_float_bounds(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %0 = webnn.clamp %x {minValue = 0.0, maxValue = 6.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.clamp %x {minValue = -1.5, maxValue = 1.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.clamp %x {maxValue = 1.0, minValue = 1.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %3 = webnn.clamp %x {minValue = -inf, maxValue = inf} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // Integer bounds stay integers (MLNumber), up to the uint64 range.
  // CHECK-LABEL: func.func @clamp_integer_bounds(
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = -3, maxValue = 3} : (tensor<4xi32>) -> tensor<4xi32>
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = 10, maxValue = 200} : (tensor<4xui8>) -> tensor<4xui8>
  // CHECK: webnn.clamp %{{[^ ]+}} {maxValue = 18446744073709551615} : (tensor<4xui64>) -> tensor<4xui64>
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = 0, maxValue = 6} : (tensor<4xf16>) -> tensor<4xf16>
  func.func @clamp_integer_bounds(%i: tensor<4xi32>, %u: tensor<4xui8>, %w: tensor<4xui64>, %f: tensor<4xf16>) -> tensor<4xi32> {
    %0 = webnn.clamp %i {minValue = -3, maxValue = 3} : (tensor<4xi32>) -> tensor<4xi32>
    %1 = webnn.clamp %u {minValue = 10, maxValue = 200} : (tensor<4xui8>) -> tensor<4xui8>
    %2 = webnn.clamp %w {maxValue = 18446744073709551615} : (tensor<4xui64>) -> tensor<4xui64>
    %3 = webnn.clamp %f {minValue = 0, maxValue = 6} : (tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<4xi32>
  }

  // One bound or none: an absent bound does not limit; an empty dictionary prints as nothing.
  // CHECK-LABEL: func.func @clamp_one_bound(
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = 0.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.clamp %{{[^ ]+}} {maxValue = 6.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.clamp %{{[^ ]+}} {minValue = -7} : (tensor<3xi64>) -> tensor<3xi64>
  // CHECK: webnn.clamp %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.clamp %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @clamp_one_bound(%x: tensor<2x3xf32>, %i: tensor<3xi64>) -> tensor<2x3xf32> {
    %0 = webnn.clamp %x {minValue = 0.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.clamp %x {maxValue = 6.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.clamp %i {minValue = -7} : (tensor<3xi64>) -> tensor<3xi64>
    %3 = webnn.clamp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %4 = webnn.clamp %x {} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @elu(
  // CHECK: webnn.elu %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.elu %{{[^ ]+}} {alpha = 0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.elu %{{[^ ]+}} {alpha = 2.0} : (tensor<4xf16>) -> tensor<4xf16>
  func.func @elu(%x: tensor<2x3xf32>, %h: tensor<4xf16>) -> tensor<2x3xf32> {
    %0 = webnn.elu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.elu %x {alpha = 0.5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.elu %h {alpha = 2} : (tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @gelu(
  // CHECK: webnn.gelu %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.gelu %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  func.func @gelu(%x: tensor<2x3xf32>, %h: tensor<4xf16>) -> tensor<2x3xf32> {
    %0 = webnn.gelu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.gelu %h : (tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @hard_sigmoid(
  // CHECK: webnn.hardSigmoid %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.hardSigmoid %{{[^ ]+}} {alpha = 0.1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.hardSigmoid %{{[^ ]+}} {beta = 0.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.hardSigmoid %{{[^ ]+}} {alpha = 0.125, beta = -0.25} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @hard_sigmoid(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %0 = webnn.hardSigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.hardSigmoid %x {alpha = 0.1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.hardSigmoid %x {beta = 0.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %3 = webnn.hardSigmoid %x {beta = -0.25, alpha = 0.125} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @hard_swish(
  // CHECK: webnn.hardSwish %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.hardSwish %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  func.func @hard_swish(%x: tensor<2x3xf32>, %h: tensor<4xf16>) -> tensor<2x3xf32> {
    %0 = webnn.hardSwish %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.hardSwish %h : (tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<2x3xf32>
  }

  // A default written out is kept as written.
  // CHECK-LABEL: func.func @leaky_relu(
  // CHECK: webnn.leakyRelu %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.leakyRelu %{{[^ ]+}} {alpha = 0.1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.leakyRelu %{{[^ ]+}} {alpha = 0.01} : (tensor<4xf16>) -> tensor<4xf16>
  func.func @leaky_relu(%x: tensor<2x3xf32>, %h: tensor<4xf16>) -> tensor<2x3xf32> {
    %0 = webnn.leakyRelu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.leakyRelu %x {alpha = 0.1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.leakyRelu %h {alpha = 0.01} : (tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @linear(
  // CHECK: webnn.linear %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.linear %{{[^ ]+}} {alpha = 2.0, beta = -1.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.linear %{{[^ ]+}} {beta = 3.5} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: webnn.linear %{{[^ ]+}} {alpha = 0.001} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.func @linear(%x: tensor<2x3xf32>, %h: tensor<4xf16>) -> tensor<2x3xf32> {
    %0 = webnn.linear %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.linear %x {alpha = 2.0, beta = -1.0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %2 = webnn.linear %h {beta = 3.5} : (tensor<4xf16>) -> tensor<4xf16>
    %3 = webnn.linear %x {alpha = 1.0e-3} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @softplus_softsign(
  // CHECK: webnn.softplus %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.softplus %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: webnn.softsign %{{[^ ]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.softsign %{{[^ ]+}} : (tensor<4xf16>) -> tensor<4xf16>
  func.func @softplus_softsign(%x: tensor<2x3xf32>, %h: tensor<4xf16>) -> tensor<2x3xf32> {
    %0 = webnn.softplus %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.softplus %h : (tensor<4xf16>) -> tensor<4xf16>
    %2 = webnn.softsign %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %3 = webnn.softsign %h : (tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<2x3xf32>
  }

  // The slope broadcasts unidirectionally to the input.
  // CHECK-LABEL: func.func @prelu(
  // CHECK: webnn.prelu %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.prelu %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.prelu %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK: webnn.prelu %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  // CHECK: webnn.prelu %{{[^ ]+}}, %{{[^ ]+}} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  // CHECK: webnn.prelu %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
  // CHECK: webnn.prelu %{{[^ ]+}}, %{{[^ ]+}} : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  func.func @prelu(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %t: tensor<f32>, %u: tensor<2x1xf32>, %i: tensor<2x3xi32>, %j: tensor<3xi32>, %k: tensor<4xi8>, %h: tensor<4xf16>) -> tensor<2x3xf32> {
    %0 = webnn.prelu %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %1 = webnn.prelu %x, %s : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %2 = webnn.prelu %x, %t : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %3 = webnn.prelu %x, %u : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
    %4 = webnn.prelu %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
    %5 = webnn.prelu %k, %k : (tensor<4xi8>, tensor<4xi8>) -> tensor<4xi8>
    %6 = webnn.prelu %h, %h : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
    func.return %0 : tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @softmax(
  // CHECK: webnn.softmax %{{[^ ]+}} {axis = 1} : (tensor<2x10xf32>) -> tensor<2x10xf32>
  // CHECK: webnn.softmax %{{[^ ]+}} {axis = 0} : (tensor<2x10xf32>) -> tensor<2x10xf32>
  // CHECK: webnn.softmax %{{[^ ]+}} {axis = 0} : (tensor<5xf32>) -> tensor<5xf32>
  // CHECK: webnn.softmax %{{[^ ]+}} {axis = 2} : (tensor<2x3x4xf16>) -> tensor<2x3x4xf16>
  // CHECK: webnn.softmax %{{[^ ]+}} {axis = 1} : (tensor<2x3x4xf16>) -> tensor<2x3x4xf16>
  func.func @softmax(%x: tensor<2x10xf32>, %v: tensor<5xf32>, %h: tensor<2x3x4xf16>) -> tensor<2x10xf32> {
    %0 = webnn.softmax %x {axis = 1} : (tensor<2x10xf32>) -> tensor<2x10xf32>
    %1 = webnn.softmax %x {axis = 0} : (tensor<2x10xf32>) -> tensor<2x10xf32>
    %2 = webnn.softmax %v {axis = 0} : (tensor<5xf32>) -> tensor<5xf32>
    %3 = webnn.softmax %h {axis = 2} : (tensor<2x3x4xf16>) -> tensor<2x3x4xf16>
    %4 = webnn.softmax %h {axis = 1} : (tensor<2x3x4xf16>) -> tensor<2x3x4xf16>
    func.return %0 : tensor<2x10xf32>
  }
}
