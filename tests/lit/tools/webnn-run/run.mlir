// webnn-run JIT-compiles a graph and runs it on generated or given inputs.
// RUN: webnn-run %s --compare | FileCheck %s
// CHECK: y: float32[2, 3]
// CHECK: comparison with the reference executor:
// CHECK-NEXT: y: max abs error 0, max rel error 0 (ok)

// RUN: %python -c "import numpy as np; np.save(r'%t.npy', np.array([[1, -2, 3], [-4, 5, -6]], np.float32))"
// RUN: webnn-run %s --input x=%t.npy -o %t.npz | FileCheck %s --check-prefix=GIVEN
// GIVEN: y: float32[2, 3] min=0 max=5
// GIVEN-NEXT: [1. 0. 3. 0. 5. 0.]
// RUN: %python -c "import numpy as np; print(np.load(r'%t.npz')['y'].tolist())" | FileCheck %s --check-prefix=NPZ
// NPZ: {{\[\[}}1.0, 0.0, 3.0], [0.0, 5.0, 0.0]]

// RUN: %python -c "import numpy as np; np.save(r'%t.bad.npy', np.zeros((3, 2), np.float32))"
// RUN: not webnn-run %s --input x=%t.bad.npy 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: webnn-run: error: input 'x' has shape [3, 2], expected [2, 3]
// RUN: not webnn-run %s --input z=%t.npy 2>&1 | FileCheck %s --check-prefix=NAME
// NAME: webnn-run: error: the graph has no input named 'z'; its inputs are x
// RUN: not webnn-run %s --input x=%t.missing.npy 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: webnn-run: error: could not read input 'x'

// RUN: webnn-run %s --bench 5 --timings --no-cache | FileCheck %s --check-prefix=BENCH
// BENCH: compile: {{[0-9.]+}} ms
// BENCH: convert-webnn-to-linalg
// BENCH: bench: 5 calls, median {{[0-9.]+}} ms, min {{[0-9.]+}} ms

// --threads takes a positive count; anything else is a usage error.
// RUN: webnn-run %s --threads 3 --compare | FileCheck %s
// RUN: not webnn-run %s --threads 0 2>&1 | FileCheck %s --check-prefix=ZERO
// ZERO: webnn-run: error: argument --threads: must be at least 1, got 0
// RUN: not webnn-run %s --threads two 2>&1 | FileCheck %s --check-prefix=TWO
// TWO: webnn-run: error: argument --threads: expected an integer, got 'two'

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
    %0 = webnn.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}
