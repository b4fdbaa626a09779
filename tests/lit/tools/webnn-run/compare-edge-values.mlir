// --compare counts equal infinities and NaN against NaN as agreement (inf - inf is
// NaN, which once made every infinite result a "MISMATCH").
// RUN: %python -c "import numpy as np; np.save(r'%t.npy', np.array([np.inf, -np.inf, np.nan, 3e38, -0.0, 2.0], np.float32))"
// RUN: webnn-run %s --input x=%t.npy --compare | FileCheck %s
// CHECK: comparison with the reference executor:
// CHECK-DAG: square: max abs error 0, max rel error 0 (ok)
// CHECK-DAG: relu: max abs error 0, max rel error 0 (ok)
// CHECK-NOT: MISMATCH

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<6xf32> {webnn.name = "x"}) -> (tensor<6xf32> {webnn.name = "square"}, tensor<6xf32> {webnn.name = "relu"}) {
    %0 = webnn.mul %x, %x : (tensor<6xf32>, tensor<6xf32>) -> tensor<6xf32>
    %1 = webnn.relu %x : (tensor<6xf32>) -> tensor<6xf32>
    func.return %0, %1 : tensor<6xf32>, tensor<6xf32>
  }
}
