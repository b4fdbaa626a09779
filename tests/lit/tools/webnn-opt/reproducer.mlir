// A pass that crashes on input that verified: the error says so, the IR
// the pass was given is saved with its locations next to the input (a temporary folder
// for stdin), and the exact command replaying the failing pass is printed.
// (convert-linalg-to-loops needs buffers; on tensors xDSL's lowering gives up.)
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/graph.mlir
// RUN: not webnn-opt %t/graph.mlir -p convert-webnn-to-linalg,convert-linalg-to-loops 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=SAVED < %t/graph.convert-linalg-to-loops.repro.mlir
// RUN: not webnn-opt %t/graph.convert-linalg-to-loops.repro.mlir -p convert-linalg-to-loops 2>&1 | FileCheck %s --check-prefix=REPLAY
// RUN: not webnn-opt -p convert-webnn-to-linalg,convert-linalg-to-loops < %s 2>&1 | FileCheck %s --check-prefix=STDIN

// The error stands at the op the pass failed on (the exp's line).
// CHECK:      graph.mlir:[[# @LINE + 19]]:5: error: pass 'convert-linalg-to-loops' failed on input that verified: NotImplementedError: lowering for linalg.generic with tensor results not yet supported
// CHECK-NEXT: %0 = webnn.exp
// CHECK-NEXT: ^
// CHECK-NEXT: note: the IR it was given is saved in {{.*}}/graph.convert-linalg-to-loops.repro.mlir
// CHECK-NEXT: note: replay the failing pass: webnn-opt {{.*}}/graph.convert-linalg-to-loops.repro.mlir -p convert-linalg-to-loops

// The saved IR is the input of the failing pass (linalg on tensors), with the locations
// of the original lines.
// SAVED: linalg.generic
// SAVED: loc("{{.*}}graph.mlir":[[# @LINE + 10]]:5)

// Replaying it fails the same way, at the same original line.
// REPLAY: graph.mlir:[[# @LINE + 7]]:5: error: pass 'convert-linalg-to-loops' failed on input that verified: NotImplementedError
// REPLAY: note: the IR it was given is saved in {{.*}}/graph.convert-linalg-to-loops.repro.mlir

// STDIN: note: the IR it was given is saved in {{.*}}webnn-reproducer-{{[^/]+}}/graph.convert-linalg-to-loops.repro.mlir

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}) {
    %0 = webnn.exp %x : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}
