// Version 1 constructs with no version 2 form: the upgrade refuses them, each at its op,
// all at once, and the module is not written.
// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 1} {
  func.func @recurrent(%x: tensor<1x1x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x6x2xf32>, %x2: tensor<1x3xf32>, %w4: tensor<8x3xf32>, %r4: tensor<8x2xf32>, %h: tensor<1x2xf32>, %c: tensor<1x2xf32>) -> tensor<1x1x2xf32> {
    // expected-error@+1 {{'webnn.gru' op activation "hardSigmoid"(alpha = 0.2, beta = 0.5) has no version 2 form: version 2 recurrent activations are "relu", "sigmoid" and "tanh" without options (2024-07, #718)}}
    %g = webnn.gru %x, %w, %r {steps = 1, hiddenSize = 2, activations = ["hardSigmoid"(alpha = 0.2, beta = 0.5), "tanh"]} : (tensor<1x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>) -> tensor<1x1x2xf32>
    // expected-error@+1 {{'webnn.lstmCell' op activation "elu" has no version 2 form}}
    %h1, %c1 = webnn.lstmCell %x2, %w4, %r4, %h, %c {hiddenSize = 2, activations = ["sigmoid", "elu", "tanh"]} : (tensor<1x3xf32>, tensor<8x3xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>)
    func.return %g : tensor<1x1x2xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 1} {
  func.func @pad(%x: tensor<2x3xf32>) -> (tensor<6x3xf32>, tensor<2x9xf32>) {
    // expected-error@+1 {{'webnn.pad' op "symmetric" padding beginningPadding[0] = 3 exceeds input dimension 0 of size 2: version 2 has no symmetric mode (2025-05, #843) and the upgrade mirrors at most the whole dimension}}
    %s = webnn.pad %x {beginningPadding = [3, 0], endingPadding = [1, 0], mode = "symmetric"} : (tensor<2x3xf32>) -> tensor<6x3xf32>
    // expected-error@+1 {{'webnn.pad' op "reflection" padding beginningPadding[1] = 3 is not smaller than input dimension 1 of size 3, which version 2 requires (2025-05, #843)}}
    %r = webnn.pad %x {beginningPadding = [0, 3], endingPadding = [0, 3], mode = "reflection"} : (tensor<2x3xf32>) -> tensor<2x9xf32>
    func.return %s, %r : tensor<6x3xf32>, tensor<2x9xf32>
  }
}
