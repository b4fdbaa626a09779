// webnn-translate prints every stage of the lowering.
// RUN: webnn-translate %s --emit=webnn | FileCheck %s --check-prefix=WEBNN
// WEBNN: webnn.relu
// RUN: webnn-translate %s --emit=linalg | FileCheck %s --check-prefix=LINALG
// LINALG: linalg.generic
// LINALG-NOT: webnn.relu
// RUN: webnn-translate %s --emit=buffers | FileCheck %s --check-prefix=BUFFERS
// BUFFERS: func.func @main(%x: memref<2x8xf32> {webnn.name = "x"}, %{{.*}}: memref<2x8xf32> {webnn.name = "y", webnn.output}, %arena: memref<0xi8> {webnn.arena})
// RUN: webnn-translate %s --emit=loops | FileCheck %s --check-prefix=LOOPS
// LOOPS: scf.for
// RUN: webnn-translate %s --emit=llvm-dialect | FileCheck %s --check-prefix=LLVMD
// LLVMD: llvm.func @main
// RUN: webnn-translate %s --emit=llvm | FileCheck %s --check-prefix=LLVM
// LLVM: define void @"main"(ptr noalias %v0, ptr noalias align 64 %v1, ptr noalias align 64 %v2)
// RUN: webnn-translate %s --emit=llvm-opt | FileCheck %s --check-prefix=OPT
// OPT: <{{[0-9]+}} x float>
// RUN: webnn-translate %s --emit=asm | FileCheck %s --check-prefix=ASM
// ASM: main:
// RUN: webnn-translate %s --emit=dot | FileCheck %s --check-prefix=DOT
// DOT: digraph webnn
// DOT: [shape=box, label="relu"]
// RUN: not webnn-translate %s --emit=nonsense 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: invalid choice: 'nonsense'

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x8xf32> {webnn.name = "x"}) -> (tensor<2x8xf32> {webnn.name = "y"}) {
    %0 = webnn.relu %x : (tensor<2x8xf32>) -> tensor<2x8xf32>
    func.return %0 : tensor<2x8xf32>
  }
}
