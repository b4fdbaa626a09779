// RUN: webnn-opt %s -p convert-func-to-llvm | FileCheck %s
// RUN: webnn-opt %s -p convert-func-to-llvm --print-debuginfo | FileCheck %s --check-prefix=LOC

// Graph and step functions become C-callable llvm.funcs. Every buffer is noalias;
// outputs and the arena, which the runtime allocates, are 64-byte aligned, graph inputs
// (the caller's arrays) are not. The function's webnn.* attributes stay for the runtime;
// calls and returns become their llvm forms, and other ops (cf here) are left alone.
// CHECK-LABEL: llvm.func @main(%in: !llvm.ptr {webnn.name = "in", llvm.noalias}, %out: !llvm.ptr {webnn.name = "y", webnn.output, llvm.noalias, llvm.align = 64 : i64}, %arena: !llvm.ptr {webnn.arena, llvm.noalias, llvm.align = 64 : i64}) attributes {webnn.arena_size = 64 : i64} {
// CHECK:         %[[N:.*]] = llvm.mlir.constant(4) : i64
// CHECK-NEXT:    cf.br ^[[BB:.*]]
// CHECK-NEXT:  ^[[BB]]:
// CHECK-NEXT:    llvm.call @step_0(%in, %out, %[[N]]) : (!llvm.ptr, !llvm.ptr, i64) -> ()
// CHECK-NEXT:    llvm.return
// A non-pointer argument gets no buffer attributes.
// CHECK-LABEL: llvm.func @step_0(%src: !llvm.ptr {llvm.noalias}, %dst: !llvm.ptr {llvm.noalias}, %{{[^ ]+}}: i64) {
// CHECK-NEXT:    llvm.return
// CHECK-NOT:   func.
// Functions, calls and returns keep their locations.
// LOC: llvm.call {{.*}} loc("{{.*}}convert-func-to-llvm.mlir":[[# @LINE + 11]]:5)
// LOC: llvm.return loc("{{.*}}convert-func-to-llvm.mlir":[[# @LINE + 11]]:5)
// LOC: } loc("{{.*}}convert-func-to-llvm.mlir":[[# @LINE + 5]]:3)
// LOC: llvm.return loc("{{.*}}convert-func-to-llvm.mlir":[[# @LINE + 12]]:5)
// LOC: } loc("{{.*}}convert-func-to-llvm.mlir":[[# @LINE + 10]]:3)

builtin.module attributes {webnn.version = 2} {
  func.func @main(%in: !llvm.ptr {webnn.name = "in"}, %out: !llvm.ptr {webnn.name = "y", webnn.output}, %arena: !llvm.ptr {webnn.arena}) attributes {webnn.arena_size = 64 : i64} {
    %n = llvm.mlir.constant(4 : i64) : i64
    cf.br ^bb1
  ^bb1:
    func.call @step_0(%in, %out, %n) : (!llvm.ptr, !llvm.ptr, i64) -> ()
    func.return
  }
  func.func @step_0(%src: !llvm.ptr, %dst: !llvm.ptr, %n: i64) {
    func.return
  }
}
