// gru, gruCell, lstm, lstmCell in version 1: activations are activation objects; relu,
// sigmoid and tanh become version 2's activation names.
// RUN: webnn-opt %s --target-version=2 | FileCheck %s
// RUN: webnn-opt %s --target-version=2 | webnn-opt --target-version=2 | FileCheck %s

// CHECK: builtin.module attributes {webnn.version = 2 : i64}
builtin.module attributes {webnn.version = 1} {
  // CHECK-LABEL: func.func @gru_defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.gru %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {steps = 2, hiddenSize = 2} : (tensor<2x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>) -> tensor<1x1x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}} : tensor<1x1x2xf32>
  func.func @gru_defaults(%x: tensor<2x1x3xf32>, %w: tensor<1x6x3xf32>, %r: tensor<1x6x2xf32>) -> tensor<1x1x2xf32> {
    %h = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 2} : (tensor<2x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>) -> tensor<1x1x2xf32>
    func.return %h : tensor<1x1x2xf32>
  }

  // CHECK-LABEL: func.func @gru_all_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} = webnn.gru %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, recurrentBias = %{{[a-z0-9_#]+}}, initialHiddenState = %{{[a-z0-9_#]+}}, steps = 2, hiddenSize = 2, resetAfter = false, returnSequence = true, direction = "both", layout = "rzn", activations = ["sigmoid", "relu"]} : (tensor<2x1x3xf32>, tensor<2x6x3xf32>, tensor<2x6x2xf32>, tensor<2x6xf32>, tensor<2x6xf32>, tensor<2x1x2xf32>) -> (tensor<2x1x2xf32>, tensor<2x2x1x2xf32>)
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<2x1x2xf32>, tensor<2x2x1x2xf32>
  func.func @gru_all_options(%x: tensor<2x1x3xf32>, %w: tensor<2x6x3xf32>, %r: tensor<2x6x2xf32>, %b: tensor<2x6xf32>, %rb: tensor<2x6xf32>, %h0: tensor<2x1x2xf32>) -> (tensor<2x1x2xf32>, tensor<2x2x1x2xf32>) {
    %h, %seq = webnn.gru %x, %w, %r {bias = %b, recurrentBias = %rb, initialHiddenState = %h0, steps = 2, hiddenSize = 2, resetAfter = false, returnSequence = true, direction = "both", layout = "rzn", activations = ["sigmoid", "relu"]} : (tensor<2x1x3xf32>, tensor<2x6x3xf32>, tensor<2x6x2xf32>, tensor<2x6xf32>, tensor<2x6xf32>, tensor<2x1x2xf32>) -> (tensor<2x1x2xf32>, tensor<2x2x1x2xf32>)
    func.return %h, %seq : tensor<2x1x2xf32>, tensor<2x2x1x2xf32>
  }

  // CHECK-LABEL: func.func @gru_cell(
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.gruCell %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {hiddenSize = 2} : (tensor<1x3xf32>, tensor<6x3xf32>, tensor<6x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
  // CHECK-NEXT: %{{[a-z0-9_#]+}} = webnn.gruCell %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, hiddenSize = 2, resetAfter = false, layout = "rzn", activations = ["tanh", "sigmoid"]} : (tensor<1x3xf32>, tensor<6x3xf32>, tensor<6x2xf32>, tensor<1x2xf32>, tensor<6xf32>) -> tensor<1x2xf32>
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<1x2xf32>, tensor<1x2xf32>
  func.func @gru_cell(%x: tensor<1x3xf32>, %w: tensor<6x3xf32>, %r: tensor<6x2xf32>, %h0: tensor<1x2xf32>, %b: tensor<6xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>) {
    %a = webnn.gruCell %x, %w, %r, %h0 {hiddenSize = 2} : (tensor<1x3xf32>, tensor<6x3xf32>, tensor<6x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
    %c = webnn.gruCell %x, %w, %r, %h0 {bias = %b, hiddenSize = 2, resetAfter = false, layout = "rzn", activations = ["tanh", "sigmoid"]} : (tensor<1x3xf32>, tensor<6x3xf32>, tensor<6x2xf32>, tensor<1x2xf32>, tensor<6xf32>) -> tensor<1x2xf32>
    func.return %a, %c : tensor<1x2xf32>, tensor<1x2xf32>
  }

  // CHECK-LABEL: func.func @lstm_defaults(
  // CHECK-NEXT: %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} = webnn.lstm %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {steps = 2, hiddenSize = 2} : (tensor<2x1x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>)
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<1x1x2xf32>, tensor<1x1x2xf32>
  func.func @lstm_defaults(%x: tensor<2x1x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x2xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>) {
    %h, %c = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 2} : (tensor<2x1x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>)
    func.return %h, %c : tensor<1x1x2xf32>, tensor<1x1x2xf32>
  }

  // CHECK-LABEL: func.func @lstm_all_options(
  // CHECK-NEXT: %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} = webnn.lstm %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {bias = %{{[a-z0-9_#]+}}, recurrentBias = %{{[a-z0-9_#]+}}, peepholeWeight = %{{[a-z0-9_#]+}}, initialHiddenState = %{{[a-z0-9_#]+}}, initialCellState = %{{[a-z0-9_#]+}}, steps = 2, hiddenSize = 2, returnSequence = true, direction = "backward", layout = "ifgo", activations = ["sigmoid", "relu", "tanh"]} : (tensor<2x1x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>, tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x6xf32>, tensor<1x1x2xf32>, tensor<1x1x2xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>, tensor<2x1x1x2xf32>)
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<1x1x2xf32>, tensor<1x1x2xf32>, tensor<2x1x1x2xf32>
  func.func @lstm_all_options(%x: tensor<2x1x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x8x2xf32>, %b: tensor<1x8xf32>, %rb: tensor<1x8xf32>, %p: tensor<1x6xf32>, %h0: tensor<1x1x2xf32>, %c0: tensor<1x1x2xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>, tensor<2x1x1x2xf32>) {
    %h, %c, %seq = webnn.lstm %x, %w, %r {bias = %b, recurrentBias = %rb, peepholeWeight = %p, initialHiddenState = %h0, initialCellState = %c0, steps = 2, hiddenSize = 2, returnSequence = true, direction = "backward", layout = "ifgo", activations = ["sigmoid", "relu", "tanh"]} : (tensor<2x1x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>, tensor<1x8xf32>, tensor<1x8xf32>, tensor<1x6xf32>, tensor<1x1x2xf32>, tensor<1x1x2xf32>) -> (tensor<1x1x2xf32>, tensor<1x1x2xf32>, tensor<2x1x1x2xf32>)
    func.return %h, %c, %seq : tensor<1x1x2xf32>, tensor<1x1x2xf32>, tensor<2x1x1x2xf32>
  }

  // CHECK-LABEL: func.func @lstm_cell(
  // CHECK-NEXT: %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} = webnn.lstmCell %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {hiddenSize = 2} : (tensor<1x3xf32>, tensor<8x3xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>)
  // CHECK-NEXT: %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} = webnn.lstmCell %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} {peepholeWeight = %{{[a-z0-9_#]+}}, hiddenSize = 2, layout = "ifgo", activations = ["sigmoid", "tanh", "relu"]} : (tensor<1x3xf32>, tensor<8x3xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<6xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>)
  // CHECK-NEXT: func.return %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}}, %{{[a-z0-9_#]+}} : tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
  func.func @lstm_cell(%x: tensor<1x3xf32>, %w: tensor<8x3xf32>, %r: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>, %p: tensor<6xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
    %h1, %c1 = webnn.lstmCell %x, %w, %r, %h0, %c0 {hiddenSize = 2} : (tensor<1x3xf32>, tensor<8x3xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>)
    %h, %c = webnn.lstmCell %x, %w, %r, %h0, %c0 {peepholeWeight = %p, hiddenSize = 2, layout = "ifgo", activations = ["sigmoid", "tanh", "relu"]} : (tensor<1x3xf32>, tensor<8x3xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<6xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>)
    func.return %h1, %c1, %h, %c : tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
  }
}
