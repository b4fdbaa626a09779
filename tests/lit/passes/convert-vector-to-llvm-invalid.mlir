// Vector ops the kernels never emit have no lowering: each is an error at its location.
// RUN: webnn-opt %s --verify-diagnostics -p convert-vector-to-llvm

builtin.module attributes {webnn.version = 2} {
  func.func @unsupported(%v: vector<4x4xf32>, %s: f32) -> f32 {
    // expected-error@+1 {{'vector.reduction' cannot be lowered to llvm by this compiler}}
    %r = vector.reduction <add>, %v : vector<4x4xf32> into f32
    // expected-error@+1 {{'vector.broadcast' cannot be lowered to llvm by this compiler}}
    %b = vector.broadcast %v : vector<4x4xf32> to vector<2x4x4xf32>
    func.return %r : f32
  }
}
