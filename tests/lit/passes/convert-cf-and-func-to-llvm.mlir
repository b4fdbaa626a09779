// RUN: webnn-opt %s -p convert-cf-to-llvm,convert-func-to-llvm | FileCheck %s

// Outputs and the arena are 64-byte aligned; every buffer is noalias.
// CHECK: llvm.func @main(%in: !llvm.ptr {webnn.name = "in", llvm.noalias}, %out: !llvm.ptr {webnn.output, llvm.noalias, llvm.align = 64 : i64}, %arena: !llvm.ptr {webnn.arena, llvm.noalias, llvm.align = 64 : i64})
// CHECK: llvm.br ^bb1(%{{.*}} : i64)
// CHECK: llvm.cond_br %{{.*}}, ^bb1(%{{.*}} : i64), ^bb2
// CHECK: llvm.return
func.func @main(%in: !llvm.ptr {webnn.name = "in"}, %out: !llvm.ptr {webnn.output}, %arena: !llvm.ptr {webnn.arena}) {
  %0 = llvm.mlir.constant(0 : i64) : i64
  cf.br ^bb1(%0 : i64)
^bb1(%i: i64):
  %c = llvm.icmp "slt" %i, %0 : i64
  cf.cond_br %c, ^bb1(%i : i64), ^bb2
^bb2:
  func.return
}
