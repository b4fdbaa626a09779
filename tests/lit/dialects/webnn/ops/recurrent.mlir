// RUN: webnn-opt %s | webnn-opt | FileCheck %s
// RUN: webnn-opt %s --print-op-generic | webnn-opt | FileCheck %s

builtin.module attributes {webnn.version = 2} {
  // CHECK-LABEL: func.func @gru_minimal
  // CHECK: webnn.gru %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
  func.func @gru_minimal(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }

  // Optional operands in any subset; returnSequence adds the per-step outputs.
  // CHECK-LABEL: func.func @gru_options
  // CHECK: webnn.gru %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, initialHiddenState = %{{[^ ]+}}, steps = 2, hiddenSize = 4, resetAfter = false, returnSequence = true, layout = "rzn", activations = ["relu", "tanh"]} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<1x12xf32>, tensor<1x1x4xf32>) -> (tensor<1x1x4xf32>, tensor<2x1x1x4xf32>)
  func.func @gru_options(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>, %b: tensor<1x12xf32>, %h0: tensor<1x1x4xf32>) -> tensor<2x1x1x4xf32> {
    %0:2 = webnn.gru %x, %w, %r {bias = %b, initialHiddenState = %h0, steps = 2, hiddenSize = 4, resetAfter = false, returnSequence = true, layout = "rzn", activations = ["relu", "tanh"]} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<1x12xf32>, tensor<1x1x4xf32>) -> (tensor<1x1x4xf32>, tensor<2x1x1x4xf32>)
    func.return %0#1 : tensor<2x1x1x4xf32>
  }

  // CHECK-LABEL: func.func @gru_both_directions
  // CHECK: webnn.gru %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, recurrentBias = %{{[^ ]+}}, initialHiddenState = %{{[^ ]+}}, steps = 3, hiddenSize = 4, returnSequence = false, direction = "both"} : (tensor<3x2x5xf16>, tensor<2x12x5xf16>, tensor<2x12x4xf16>, tensor<2x12xf16>, tensor<2x12xf16>, tensor<2x2x4xf16>) -> tensor<2x2x4xf16>
  // CHECK: webnn.gru %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {steps = 3, hiddenSize = 4, direction = "backward", layout = "zrn"} : (tensor<3x2x5xf16>, tensor<1x12x5xf16>, tensor<1x12x4xf16>) -> tensor<1x2x4xf16>
  func.func @gru_both_directions(%x: tensor<3x2x5xf16>, %w: tensor<2x12x5xf16>, %r: tensor<2x12x4xf16>, %b: tensor<2x12xf16>, %rb: tensor<2x12xf16>, %h0: tensor<2x2x4xf16>, %w1: tensor<1x12x5xf16>, %r1: tensor<1x12x4xf16>) -> tensor<2x2x4xf16> {
    %0 = webnn.gru %x, %w, %r {bias = %b, recurrentBias = %rb, initialHiddenState = %h0, steps = 3, hiddenSize = 4, returnSequence = false, direction = "both"} : (tensor<3x2x5xf16>, tensor<2x12x5xf16>, tensor<2x12x4xf16>, tensor<2x12xf16>, tensor<2x12xf16>, tensor<2x2x4xf16>) -> tensor<2x2x4xf16>
    %1 = webnn.gru %x, %w1, %r1 {steps = 3, hiddenSize = 4, direction = "backward", layout = "zrn"} : (tensor<3x2x5xf16>, tensor<1x12x5xf16>, tensor<1x12x4xf16>) -> tensor<1x2x4xf16>
    func.return %0 : tensor<2x2x4xf16>
  }

  // CHECK-LABEL: func.func @gru_cell
  // CHECK: webnn.gruCell %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {hiddenSize = 4} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  // CHECK: webnn.gruCell %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, recurrentBias = %{{[^ ]+}}, hiddenSize = 4, resetAfter = false, layout = "rzn", activations = ["sigmoid", "relu"]} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>, tensor<12xf32>, tensor<12xf32>) -> tensor<1x4xf32>
  // CHECK: webnn.gruCell %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {recurrentBias = %{{[^ ]+}}, hiddenSize = 4} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>, tensor<12xf32>) -> tensor<1x4xf32>
  func.func @gru_cell(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>, %b: tensor<12xf32>) -> tensor<1x4xf32> {
    %0 = webnn.gruCell %x, %w, %r, %h {hiddenSize = 4} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    %1 = webnn.gruCell %x, %w, %r, %h {bias = %b, recurrentBias = %b, hiddenSize = 4, resetAfter = false, layout = "rzn", activations = ["sigmoid", "relu"]} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>, tensor<12xf32>, tensor<12xf32>) -> tensor<1x4xf32>
    %2 = webnn.gruCell %x, %w, %r, %h {recurrentBias = %b, hiddenSize = 4} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>, tensor<12xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }

  // CHECK-LABEL: func.func @lstm_minimal
  // CHECK: webnn.lstm %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
  func.func @lstm_minimal(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    %0:2 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#1 : tensor<1x1x4xf32>
  }

  // CHECK-LABEL: func.func @lstm_all_options
  // CHECK: webnn.lstm %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, recurrentBias = %{{[^ ]+}}, peepholeWeight = %{{[^ ]+}}, initialHiddenState = %{{[^ ]+}}, initialCellState = %{{[^ ]+}}, steps = 2, hiddenSize = 4, returnSequence = true, direction = "both", layout = "ifgo", activations = ["sigmoid", "relu", "tanh"]} : (tensor<2x1x3xf32>, tensor<2x16x3xf32>, tensor<2x16x4xf32>, tensor<2x16xf32>, tensor<2x16xf32>, tensor<2x12xf32>, tensor<2x1x4xf32>, tensor<2x1x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x1x4xf32>, tensor<2x2x1x4xf32>)
  // CHECK: webnn.lstm %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {peepholeWeight = %{{[^ ]+}}, steps = 2, hiddenSize = 4, direction = "forward", layout = "iofg"} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>, tensor<1x12xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
  func.func @lstm_all_options(%x: tensor<2x1x3xf32>, %w: tensor<2x16x3xf32>, %r: tensor<2x16x4xf32>, %b: tensor<2x16xf32>, %p: tensor<2x12xf32>, %h0: tensor<2x1x4xf32>, %w1: tensor<1x16x3xf32>, %r1: tensor<1x16x4xf32>, %p1: tensor<1x12xf32>) -> tensor<2x2x1x4xf32> {
    %0:3 = webnn.lstm %x, %w, %r {bias = %b, recurrentBias = %b, peepholeWeight = %p, initialHiddenState = %h0, initialCellState = %h0, steps = 2, hiddenSize = 4, returnSequence = true, direction = "both", layout = "ifgo", activations = ["sigmoid", "relu", "tanh"]} : (tensor<2x1x3xf32>, tensor<2x16x3xf32>, tensor<2x16x4xf32>, tensor<2x16xf32>, tensor<2x16xf32>, tensor<2x12xf32>, tensor<2x1x4xf32>, tensor<2x1x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x1x4xf32>, tensor<2x2x1x4xf32>)
    %1:2 = webnn.lstm %x, %w1, %r1 {peepholeWeight = %p1, steps = 2, hiddenSize = 4, direction = "forward", layout = "iofg"} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>, tensor<1x12xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#2 : tensor<2x2x1x4xf32>
  }

  // CHECK-LABEL: func.func @lstm_cell
  // CHECK: webnn.lstmCell %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {hiddenSize = 4} : (tensor<2x3xf16>, tensor<16x3xf16>, tensor<16x4xf16>, tensor<2x4xf16>, tensor<2x4xf16>) -> (tensor<2x4xf16>, tensor<2x4xf16>)
  // CHECK: webnn.lstmCell %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}}, %{{[^ ]+}} {bias = %{{[^ ]+}}, recurrentBias = %{{[^ ]+}}, peepholeWeight = %{{[^ ]+}}, hiddenSize = 4, layout = "ifgo", activations = ["tanh", "tanh", "relu"]} : (tensor<2x3xf16>, tensor<16x3xf16>, tensor<16x4xf16>, tensor<2x4xf16>, tensor<2x4xf16>, tensor<16xf16>, tensor<16xf16>, tensor<12xf16>) -> (tensor<2x4xf16>, tensor<2x4xf16>)
  func.func @lstm_cell(%x: tensor<2x3xf16>, %w: tensor<16x3xf16>, %r: tensor<16x4xf16>, %h: tensor<2x4xf16>, %c: tensor<2x4xf16>, %b: tensor<16xf16>, %p: tensor<12xf16>) -> tensor<2x4xf16> {
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {hiddenSize = 4} : (tensor<2x3xf16>, tensor<16x3xf16>, tensor<16x4xf16>, tensor<2x4xf16>, tensor<2x4xf16>) -> (tensor<2x4xf16>, tensor<2x4xf16>)
    %1:2 = webnn.lstmCell %x, %w, %r, %h, %c {bias = %b, recurrentBias = %b, peepholeWeight = %p, hiddenSize = 4, layout = "ifgo", activations = ["tanh", "tanh", "relu"]} : (tensor<2x3xf16>, tensor<16x3xf16>, tensor<16x4xf16>, tensor<2x4xf16>, tensor<2x4xf16>, tensor<16xf16>, tensor<16xf16>, tensor<12xf16>) -> (tensor<2x4xf16>, tensor<2x4xf16>)
    func.return %0#0 : tensor<2x4xf16>
  }
}
