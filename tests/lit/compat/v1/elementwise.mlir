// The element-wise binary and unary math ops of version 1: unchanged in version 2.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @binary(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.add %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.sub %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.mul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.div %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.max %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.min %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.pow %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  func.func @binary(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
    %add = webnn.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %sub = webnn.sub %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %mul = webnn.mul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %div = webnn.div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %max = webnn.max %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %min = webnn.min %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %pow = webnn.pow %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    func.return %add, %sub, %mul, %div, %max, %min, %pow : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @binary_int32(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.add %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x1xi32>, tensor<1x3xi32>) -> tensor<2x3xi32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.max %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x1xi32>, tensor<1x3xi32>) -> tensor<2x3xi32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xi32>, tensor<2x3xi32>
  func.func @binary_int32(%a: tensor<2x1xi32>, %b: tensor<1x3xi32>) -> (tensor<2x3xi32>, tensor<2x3xi32>) {
    %add = webnn.add %a, %b : (tensor<2x1xi32>, tensor<1x3xi32>) -> tensor<2x3xi32>
    %max = webnn.max %a, %b : (tensor<2x1xi32>, tensor<1x3xi32>) -> tensor<2x3xi32>
    func.return %add, %max : tensor<2x3xi32>, tensor<2x3xi32>
  }

  // CHECK-LABEL: func.func @unary(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.abs %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.ceil %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.cos %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.exp %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.floor %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.log %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.neg %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.sin %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.tan %{{[a-z0-9_#]+}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  func.func @unary(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
    %abs = webnn.abs %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %ceil = webnn.ceil %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %cos = webnn.cos %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %exp = webnn.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %floor = webnn.floor %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %log = webnn.log %abs : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %neg = webnn.neg %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %sin = webnn.sin %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %tan = webnn.tan %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %abs, %ceil, %cos, %exp, %floor, %log, %neg, %sin, %tan : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
  }

  // CHECK-LABEL: func.func @unary_f16(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.abs %{{[a-z0-9_#]+}} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.exp %{{[a-z0-9_#]+}} : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<4xf16>, tensor<4xf16>
  func.func @unary_f16(%x: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xf16>) {
    %abs = webnn.abs %x : (tensor<4xf16>) -> tensor<4xf16>
    %exp = webnn.exp %x : (tensor<4xf16>) -> tensor<4xf16>
    func.return %abs, %exp : tensor<4xf16>, tensor<4xf16>
  }

  // CHECK-LABEL: func.func @constants(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.constant dense<5.000000e-01> : tensor<2x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.mul %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<2x2xf32>
  func.func @constants() -> tensor<2x2xf32> {
    %a = webnn.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
    %b = webnn.constant dense<0.5> : tensor<2x2xf32>
    %c = webnn.mul %a, %b : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
    func.return %c : tensor<2x2xf32>
  }
}
