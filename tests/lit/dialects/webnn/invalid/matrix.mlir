// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xi32>, %b: tensor<3x4xi32>) -> tensor<2x4xi32> {
    // expected-error@+1 {{'webnn.matmul' op a data type int32 is not one of float32, float16}}
    %0 = webnn.matmul %a, %b : (tensor<2x3xi32>, tensor<3x4xi32>) -> tensor<2x4xi32>
    func.return %0 : tensor<2x4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf16>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.matmul' op b data type float16 does not match a data type float32}}
    %0 = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf16>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<3xf32>, %b: tensor<3x4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.matmul' op a rank 1 is not at least 2}}
    %0 = webnn.matmul %a, %b : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.matmul' op b rank 1 is not at least 2}}
    %0 = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.matmul' op a shape [2, 3] and b shape [4, 5] have mismatched inner dimensions 3 and 4}}
    %0 = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x2x3xf32>, %b: tensor<3x3x4xf32>) -> tensor<2x2x4xf32> {
    // expected-error@+1 {{'webnn.matmul' op batch shapes [2] and [3] are not broadcastable}}
    %0 = webnn.matmul %a, %b : (tensor<2x2x3xf32>, tensor<3x3x4xf32>) -> tensor<2x2x4xf32>
    func.return %0 : tensor<2x2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x5xf32> {
    // expected-error@+1 {{'webnn.matmul' op result type tensor<2x5xf32> does not match the inferred type tensor<2x4xf32>}}
    %0 = webnn.matmul %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x5xf32>
    func.return %0 : tensor<2x5xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xi8>, %b: tensor<3x4xi8>) -> tensor<2x4xi8> {
    // expected-error@+1 {{'webnn.gemm' op a data type int8 is not one of float32, float16}}
    %0 = webnn.gemm %a, %b : (tensor<2x3xi8>, tensor<3x4xi8>) -> tensor<2x4xi8>
    func.return %0 : tensor<2x4xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf16>, %b: tensor<3x4xf32>) -> tensor<2x4xf16> {
    // expected-error@+1 {{'webnn.gemm' op b data type float32 does not match a data type float16}}
    %0 = webnn.gemm %a, %b : (tensor<2x3xf16>, tensor<3x4xf32>) -> tensor<2x4xf16>
    func.return %0 : tensor<2x4xf16>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<1x2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.gemm' op a rank 3 is not 2}}
    %0 = webnn.gemm %a, %b : (tensor<1x2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2xf32> {
    // expected-error@+1 {{'webnn.gemm' op b rank 1 is not 2}}
    %0 = webnn.gemm %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<3x4xf32> {
    // expected-error@+1 {{'webnn.gemm' op transposed a shape [3, 2] and b shape [3, 4] have mismatched inner dimensions 2 and 3}}
    %0 = webnn.gemm %a, %b {aTranspose = true} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
    func.return %0 : tensor<3x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x3xf32> {
    // expected-error@+1 {{'webnn.gemm' op a shape [2, 3] and transposed b shape [4, 3] have mismatched inner dimensions 3 and 4}}
    %0 = webnn.gemm %a, %b {bTranspose = true} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<4xf16>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.gemm' op c data type float16 does not match a data type float32}}
    %0 = webnn.gemm %a, %b {c = %c} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf16>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<1x2x4xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.gemm' op c rank 3 is not in [0, 2]}}
    %0 = webnn.gemm %a, %b {c = %c} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<1x2x4xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<3xf32>) -> tensor<2x4xf32> {
    // expected-error@+1 {{'webnn.gemm' op c [3] and [2, 4] are not broadcastable}}
    %0 = webnn.gemm %a, %b {c = %c} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<2x4xf32>
    func.return %0 : tensor<2x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<1x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gemm' op c shape [2, 4] is not unidirectionally broadcastable to [1, 4]}}
    %0 = webnn.gemm %a, %b {c = %c} : (tensor<1x3xf32>, tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}
