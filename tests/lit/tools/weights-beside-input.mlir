// Weights (`file("w.npz", "key")`) are read beside the IR file that names them, by every
// tool and whatever the working directory: webnn-opt's pass, webnn-translate's stage,
// the JIT and the interpreter alike.
// RUN: rm -rf %t && mkdir -p %t/model %t/elsewhere
// RUN: cp %s %t/model/graph.mlir
// RUN: %python -c "import numpy as np; np.savez(r'%t/model/w.npz', w=np.array([1.5, -2.5], np.float32))"
// RUN: %python -c "import numpy as np; np.save(r'%t/x.npy', np.zeros(2, np.float32))"
// RUN: cd %t/elsewhere && webnn-opt ../model/graph.mlir -p convert-webnn-to-linalg | FileCheck %s
// RUN: cd %t/elsewhere && webnn-translate ../model/graph.mlir --emit=linalg | FileCheck %s
// CHECK: arith.constant dense<[1.500000e+00, -2.500000e+00]> : tensor<2xf32>
// RUN: cd %t/elsewhere && webnn-run ../model/graph.mlir --input x=%t/x.npy | FileCheck %s --check-prefix=EXEC
// RUN: cd %t/elsewhere && webnn-run ../model/graph.mlir --input x=%t/x.npy --interpret | FileCheck %s --check-prefix=EXEC
// EXEC: y: float32[2] min=-2.5 max=1.5
// EXEC-NEXT: [ 1.5 -2.5]

// One loader: an array missing from the archive, or of another type than the IR says, is
// the same error at the constant's line for the lowering and for the interpreter.
// RUN: %python -c "import numpy as np; np.savez(r'%t/model/w.npz', v=np.zeros(2, np.float32))"
// RUN: not webnn-opt %t/model/graph.mlir -p convert-webnn-to-linalg 2>&1 | FileCheck %s --check-prefix=KEY
// RUN: not webnn-run %t/model/graph.mlir 2>&1 | FileCheck %s --check-prefix=KEY
// RUN: not webnn-run %t/model/graph.mlir --interpret 2>&1 | FileCheck %s --check-prefix=KEY
// KEY: graph.mlir:[[# @LINE + 11]]:5: error: 'webnn.constant' op array 'w' is not in '{{.*}}w.npz' (it holds v)
// RUN: %python -c "import numpy as np; np.savez(r'%t/model/w.npz', w=np.zeros(2, np.float64))"
// RUN: not webnn-translate %t/model/graph.mlir --emit=linalg 2>&1 | FileCheck %s --check-prefix=TYPE
// RUN: not webnn-run %t/model/graph.mlir --interpret 2>&1 | FileCheck %s --check-prefix=TYPE
// TYPE: graph.mlir:[[# @LINE + 7]]:5: error: 'webnn.constant' op array 'w' in '{{.*}}w.npz' is float64[2], the IR declares float32[2]
// RUN: rm %t/model/w.npz
// RUN: not webnn-run %t/model/graph.mlir --interpret 2>&1 | FileCheck %s --check-prefix=FILE
// FILE: graph.mlir:[[# @LINE + 4]]:5: error: 'webnn.constant' op cannot read constant file '{{.*}}w.npz'

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %w = webnn.constant file("w.npz", "w") : tensor<2xf32>
    %0 = webnn.add %x, %w : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}
