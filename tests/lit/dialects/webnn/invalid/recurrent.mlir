// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xi32>, %w: tensor<1x12x3xi32>, %r: tensor<1x12x4xi32>) -> tensor<1x1x4xi32> {
    // expected-error@+1 {{'webnn.gru' op input data type int32 is not one of float32, float16}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xi32>, tensor<1x12x3xi32>, tensor<1x12x4xi32>) -> tensor<1x1x4xi32>
    func.return %0 : tensor<1x1x4xi32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op input rank 2 is not 3}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op steps 0 must be positive}}
    %0 = webnn.gru %x, %w, %r {steps = 0, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op hiddenSize 0 must be positive}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 0} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op hiddenSize 1000000000 is too large: 6 * hiddenSize = 6000000000 exceeds the largest valid dimension 4294967295}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 1000000000} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op input dimension 0 of size 2 does not match steps 3}}
    %0 = webnn.gru %x, %w, %r {steps = 3, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf16>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op weight data type float16 does not match input data type float32}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf16>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<2x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op weight shape [1, 12, 3] is not [2, 12, 3]}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4, direction = "both"} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<2x1x4xf32>
    func.return %0 : tensor<2x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x3xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op recurrentWeight shape [1, 12, 3] is not [1, 12, 4]}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x3xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>, %o0: tensor<12xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op bias shape [12] is not [1, 12]}}
    %0 = webnn.gru %x, %w, %r {bias = %o0, steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<12xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>, %o0: tensor<1x12xf16>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op recurrentBias data type float16 does not match input data type float32}}
    %0 = webnn.gru %x, %w, %r {recurrentBias = %o0, steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<1x12xf16>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>, %o0: tensor<1x2x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op initialHiddenState shape [1, 2, 4] is not [1, 1, 4]}}
    %0 = webnn.gru %x, %w, %r {initialHiddenState = %o0, steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<1x2x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op option 'activations' must have 2 values, got 3}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4, activations = ["sigmoid", "tanh", "relu"]} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op option 'direction' value "bidirectional" is not one of "forward", "backward", "both"}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4, direction = "bidirectional"} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op option 'layout' value "ifgo" is not one of "zrn", "rzn"}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4, layout = "ifgo"} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op missing required option 'steps'}}
    %0 = webnn.gru %x, %w, %r {hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op has 1 results but the inferred signature has 2}}
    %0 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4, returnSequence = true} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.gru' op result #1 type tensor<1x1x1x4xf32> does not match the inferred type tensor<2x1x1x4xf32>}}
    %0:2 = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4, returnSequence = true} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op input rank 3 is not 2}}
    %0 = webnn.gruCell %x, %w, %r, %h {hiddenSize = 4} : (tensor<1x1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op hiddenSize 0 must be positive}}
    %0 = webnn.gruCell %x, %w, %r, %h {hiddenSize = 0} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op hiddenSize 1000000000 is too large: 6 * hiddenSize = 6000000000 exceeds the largest valid dimension 4294967295}}
    %0 = webnn.gruCell %x, %w, %r, %h {hiddenSize = 1000000000} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x3xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op hiddenState shape [1, 3] is not [1, 4]}}
    %0 = webnn.gruCell %x, %w, %r, %h {hiddenSize = 4} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x3xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf16>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op hiddenState data type float16 does not match input data type float32}}
    %0 = webnn.gruCell %x, %w, %r, %h {hiddenSize = 4} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf16>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>, %o0: tensor<4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op bias shape [4] is not [12]}}
    %0 = webnn.gruCell %x, %w, %r, %h {bias = %o0, hiddenSize = 4} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op option 'activations' must have 2 values, got 1}}
    %0 = webnn.gruCell %x, %w, %r, %h {hiddenSize = 4, activations = ["relu"]} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op missing required option 'hiddenSize'}}
    %0 = webnn.gruCell %x, %w, %r, %h {resetAfter = true} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf16>, %w: tensor<1x16x3xf16>, %r: tensor<1x16x4xf16>) -> tensor<1x1x4xf16> {
    // expected-error@+1 {{'webnn.lstm' op steps -1 must be positive}}
    %0:2 = webnn.lstm %x, %w, %r {steps = -1, hiddenSize = 4} : (tensor<2x1x3xf16>, tensor<1x16x3xf16>, tensor<1x16x4xf16>) -> (tensor<1x1x4xf16>, tensor<1x1x4xf16>)
    func.return %0#0 : tensor<1x1x4xf16>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op hiddenSize 600000000 is too large: 8 * hiddenSize = 4800000000 exceeds the largest valid dimension 4294967295}}
    %0:2 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 600000000} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op input rank 2 is not 3}}
    %0:2 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op input dimension 0 of size 2 does not match steps 1}}
    %0:2 = webnn.lstm %x, %w, %r {steps = 1, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op weight shape [1, 12, 3] is not [1, 16, 3]}}
    %0:2 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xi32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op recurrentWeight data type int32 does not match input data type float32}}
    %0:2 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xi32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>, %o0: tensor<1x16xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op peepholeWeight shape [1, 16] is not [1, 12]}}
    %0:2 = webnn.lstm %x, %w, %r {peepholeWeight = %o0, steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>, tensor<1x16xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<2x16x3xf32>, %r: tensor<2x16x4xf32>, %o0: tensor<1x1x4xf32>) -> tensor<2x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op initialCellState shape [1, 1, 4] is not [2, 1, 4]}}
    %0:2 = webnn.lstm %x, %w, %r {initialCellState = %o0, steps = 2, hiddenSize = 4, direction = "both"} : (tensor<2x1x3xf32>, tensor<2x16x3xf32>, tensor<2x16x4xf32>, tensor<1x1x4xf32>) -> (tensor<2x1x4xf32>, tensor<2x1x4xf32>)
    func.return %0#0 : tensor<2x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op option 'activations' must have 3 values, got 2}}
    %0:2 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4, activations = ["sigmoid", "tanh"]} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op option 'layout' value "zrn" is not one of "iofg", "ifgo"}}
    %0:2 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4, layout = "zrn"} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op result #2 type tensor<2x1x4xf32> does not match the inferred type tensor<2x1x1x4xf32>}}
    %0:3 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4, returnSequence = true} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>, tensor<2x1x4xf32>)
    func.return %0#0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<2x1x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) -> tensor<1x1x4xf32> {
    // expected-error@+1 {{'webnn.lstm' op has 1 results but the inferred signature has 2}}
    %0 = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> tensor<1x1x4xf32>
    func.return %0 : tensor<1x1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xi8>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<1x4xf32>) -> tensor<1x4xi8> {
    // expected-error@+1 {{'webnn.lstmCell' op input data type int8 is not one of float32, float16}}
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {hiddenSize = 4} : (tensor<1x3xi8>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>) -> (tensor<1x4xi8>, tensor<1x4xi8>)
    func.return %0#0 : tensor<1x4xi8>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<2x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.lstmCell' op cellState shape [2, 4] is not [1, 4]}}
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {hiddenSize = 4} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<2x4xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>)
    func.return %0#0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.lstmCell' op hiddenSize 600000000 is too large: 8 * hiddenSize = 4800000000 exceeds the largest valid dimension 4294967295}}
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {hiddenSize = 600000000} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>)
    func.return %0#0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<1x4xf32>, %o0: tensor<16xf32>) -> tensor<1x3xf32> {
    // expected-error@+1 {{'webnn.lstmCell' op weight shape [16, 3] is not [12, 3]}}
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {recurrentBias = %o0, hiddenSize = 3} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>, tensor<16xf32>) -> (tensor<1x3xf32>, tensor<1x3xf32>)
    func.return %0#0 : tensor<1x3xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<1x4xf32>, %o0: tensor<12xf16>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.lstmCell' op peepholeWeight data type float16 does not match input data type float32}}
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {peepholeWeight = %o0, hiddenSize = 4} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>, tensor<12xf16>) -> (tensor<1x4xf32>, tensor<1x4xf32>)
    func.return %0#0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<1x4xf32>, %o0: tensor<12xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.lstmCell' op bias shape [12] is not [16]}}
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {bias = %o0, hiddenSize = 4} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>, tensor<12xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>)
    func.return %0#0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.lstmCell' op option 'activations' must have 3 values, got 4}}
    %0:2 = webnn.lstmCell %x, %w, %r, %h, %c {hiddenSize = 4, activations = ["relu", "relu", "relu", "relu"]} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>)
    func.return %0#0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<16x3xf32>, %r: tensor<16x4xf32>, %h: tensor<1x4xf32>, %c: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.lstmCell' op has 1 results but the inferred signature has 2}}
    %0 = webnn.lstmCell %x, %w, %r, %h, %c {hiddenSize = 4} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%x: tensor<1x3xf32>, %w: tensor<12x3xf32>, %r: tensor<12x4xf32>, %h: tensor<1x4xf32>) -> tensor<1x4xf32> {
    // expected-error@+1 {{'webnn.gruCell' op option 'activations' value "gelu" is not one of "relu", "sigmoid", "tanh"}}
    %0 = "webnn.gruCell"(%x, %w, %r, %h) <{hiddenSize = 4 : i64, activations = ["gelu", "tanh"], operandSegmentSizes = array<i32: 1, 1, 1, 1, 0, 0>}> : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    func.return %0 : tensor<1x4xf32>
  }
}
