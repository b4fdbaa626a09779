// An unknown op or option name is reported with the closest known one.
// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
    // expected-error@+1 {{'webnn.conv2d' has no option 'dilation'; did you mean 'dilations'?}}
    %0 = webnn.conv2d %x, %w {dilation = [1, 1]} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
    func.return %0 : tensor<1x1x2x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{unknown operation 'webnn.rleu': the webnn dialect (version 2) has no such op; did you mean 'webnn.relu'?}}
    %0 = webnn.rleu %x : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}

// -----

// Nothing close: no guess.
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
    // expected-error@+1 {{'webnn.relu' has no option 'zzz'}}
    %0 = webnn.relu %x {zzz = 1} : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}
