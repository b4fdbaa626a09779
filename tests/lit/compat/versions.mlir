// The webnn.version stamp: a newer version than the compiler knows is refused naming
// both versions; a stamp that names no version is refused; a module without a stamp is
// read as the current version, with a warning.
// RUN: webnn-opt %s --split-input-file --verify-diagnostics
// RUN: not webnn-opt %s --split-input-file 2>&1 | FileCheck %s
// CHECK: versions.mlir:[[# @LINE + 3]]:28: error: this file is webnn version 3, which is newer than this compiler's version 2; read it with a newer webnn-mlir

// expected-error@+1 {{this file is webnn version 3, which is newer than this compiler's version 2; read it with a newer webnn-mlir}}
builtin.module attributes {webnn.version = 3} {
  func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
    %0 = webnn.frobnicate %x : (tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

// expected-error@+1 {{webnn.version 0 is not a version of the webnn dialect; this compiler reads versions 1 to 2}}
builtin.module attributes {webnn.version = 0} {
}

// -----

// expected-error@+1 {{webnn.version must be an integer such as 2, got "1"}}
builtin.module attributes {webnn.version = "1"} {
}

// -----

// CHECK: versions.mlir:[[# @LINE + 2]]:1: warning: module has no webnn.version stamp; reading it as version 2, the current version
// expected-warning@+1 {{module has no webnn.version stamp; reading it as version 2, the current version}}
func.func @unstamped(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = webnn.softmax %x {axis = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  func.return %0 : tensor<2x3xf32>
}

// -----

// expected-warning@+1 {{module has no webnn.version stamp}}
builtin.module {
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @removed_op(%x: tensor<1x2xf32>) -> tensor<2xf32> {
    // expected-error@+1 {{unknown operation 'webnn.squeeze': the webnn dialect (version 2) has no such op (squeeze was removed in version 2: 2023-12, #478; use reshape)}}
    %0 = webnn.squeeze %x : (tensor<1x2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}
