builtin.module attributes {webnn.version = 2} {
  func.func @f(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
    // This error is real but not annotated:
    %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
    // expected-error@+1 {{this is never reported}}
    %1 = webnn.relu %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %a : tensor<2x3xf32>
  }
}
