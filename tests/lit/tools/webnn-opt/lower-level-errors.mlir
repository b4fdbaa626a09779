// Hand-written IR of the later stages gets located errors too, never an internal error:
// some upstream verifiers raise a bare Exception, and some rules MLIR checks xDSL does
// not (the compiler's passes would crash on them).
// RUN: webnn-opt %s --split-input-file --verify-diagnostics

builtin.module attributes {webnn.version = 2} {
  func.func @load(%m: memref<2x3xf32>, %i: index) -> f32 {
    // expected-error@+1 {{'memref.load' op expected an index for each dimension}}
    %0 = memref.load %m[%i] : memref<2x3xf32>
    func.return %0 : f32
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @store(%m: memref<2x3xf32>, %i: index, %v: f32) {
    // expected-error@+1 {{'memref.store' op Expected an index for each dimension}}
    "memref.store"(%v, %m, %i, %i, %i) : (f32, memref<2x3xf32>, index, index, index) -> ()
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @index(%b: memref<8xf32>, %c: memref<8xf32>) {
    linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%b : memref<8xf32>) outs(%c : memref<8xf32>) {
    ^bb0(%y: f32, %acc: f32):
      // expected-error@+1 {{'linalg.index' op dimension 1 is not a loop of the enclosing linalg.generic, which has 1}}
      %i = linalg.index 1 : index
      // expected-error@+1 {{'linalg.index' op dimension -1 is negative}}
      %j = linalg.index -1 : index
      linalg.yield %y : f32
    }
    func.return
  }
}
