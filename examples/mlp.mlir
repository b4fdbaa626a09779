// A two-layer perceptron over a batch of 2 vectors: gemm + relu + gemm + softmax.
// Try: webnn-opt examples/mlp.mlir --print-debuginfo
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x4xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "probabilities"}) {
    %w1 = webnn.constant dense<[[0.5, -0.25, 0.125, 1.0], [0.75, 0.5, -0.5, 0.25], [-1.0, 0.25, 0.5, 0.5], [0.25, 0.125, 0.75, -0.25], [0.5, 0.5, 0.5, 0.5]]> : tensor<5x4xf32>
    %b1 = webnn.constant dense<[0.1, -0.1, 0.2, 0.0, 0.05]> : tensor<5xf32>
    %w2 = webnn.constant dense<[[1.0, -1.0, 0.5, 0.25, 0.0], [0.5, 0.5, -0.5, 1.0, 0.25], [-0.25, 0.75, 1.0, -1.0, 0.5]]> : tensor<3x5xf32>
    %h = webnn.gemm %x, %w1 {c = %b1, bTranspose = true} : (tensor<2x4xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<2x5xf32>
    %a = webnn.relu %h : (tensor<2x5xf32>) -> tensor<2x5xf32>
    %logits = webnn.gemm %a, %w2 {bTranspose = true} : (tensor<2x5xf32>, tensor<3x5xf32>) -> tensor<2x3xf32>
    %p = webnn.softmax %logits {axis = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %p : tensor<2x3xf32>
  }
}
