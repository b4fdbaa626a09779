// RUN: webnn-opt %s -p convert-cf-to-llvm | FileCheck %s
// RUN: webnn-opt %s -p convert-cf-to-llvm --print-debuginfo | FileCheck %s --check-prefix=LOC

// Branches become LLVM branches with the same successors and block arguments (phi
// nodes at translation); everything else, functions included, is left to other passes.
// CHECK-LABEL: func.func @main(
// CHECK:         %[[ZERO:.*]] = llvm.mlir.constant(0) : i64
// CHECK-NEXT:    llvm.br ^[[LOOP:.*]](%[[ZERO]] : i64)
// CHECK-NEXT:  ^[[LOOP]](%[[I:.*]]: i64):
// CHECK-NEXT:    %[[C:.*]] = llvm.icmp "slt" %[[I]], %[[ZERO]] : i64
// CHECK-NEXT:    llvm.cond_br %[[C]], ^[[LOOP]](%[[I]] : i64), ^[[EXIT:.*]]
// CHECK-NEXT:  ^[[EXIT]]:
// CHECK-NEXT:    func.return
// CHECK-NOT:   cf.
// Each branch keeps the location of the branch it replaces.
// LOC: llvm.br {{.*}} loc("{{.*}}convert-cf-to-llvm.mlir":[[# @LINE + 6]]:5)
// LOC: llvm.cond_br {{.*}} loc("{{.*}}convert-cf-to-llvm.mlir":[[# @LINE + 8]]:5)

builtin.module attributes {webnn.version = 2} {
  func.func @main(%in: !llvm.ptr {webnn.name = "in"}) {
    %0 = llvm.mlir.constant(0 : i64) : i64
    cf.br ^bb1(%0 : i64)
  ^bb1(%i: i64):
    %c = llvm.icmp "slt" %i, %0 : i64
    cf.cond_br %c, ^bb1(%i : i64), ^bb2
  ^bb2:
    func.return
  }
}
