// RUN: webnn-opt %s -p convert-memref-to-llvm | FileCheck %s

// Buffers become pointers; accesses are one typed inbounds GEP on a linear index.
// CHECK-LABEL: func.func @copy(%src: !llvm.ptr, %dst: !llvm.ptr, %arena: !llvm.ptr, %i: index, %j: index)
// CHECK: %[[OFF:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: %[[T:.*]] = llvm.getelementptr inbounds %arena[%[[OFF]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK: %[[M:.*]] = arith.muli %i, %{{.*}} : index
// CHECK: %[[L:.*]] = arith.addi %[[M]], %j : index
// CHECK: %[[L64:.*]] = arith.index_cast %[[L]] : index to i64
// CHECK: %[[P:.*]] = llvm.getelementptr inbounds %src[%[[L64]]] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK: %[[V:.*]] = llvm.load %[[P]] : !llvm.ptr -> f32
// CHECK: llvm.getelementptr inbounds %[[T]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK: llvm.store %[[V]], %{{.*}} : f32, !llvm.ptr
// CHECK-NOT: ptrtoint

builtin.module {
  func.func @copy(%src: memref<4x8xf32>, %dst: memref<4x8xf32>, %arena: memref<256xi8>, %i: index, %j: index) {
    %c64 = arith.constant 64 : index
    %t = memref.view %arena[%c64][] : memref<256xi8> to memref<4x8xf32>
    %v = memref.load %src[%i, %j] : memref<4x8xf32>
    memref.store %v, %t[%i, %j] : memref<4x8xf32>
    func.return
  }

  // A kernel's scratch buffer is a stack array, aligned as asked.
  // CHECK-LABEL: func.func @scratch
  // CHECK: %[[ONE:.*]] = llvm.mlir.constant(1) : i64
  // CHECK: %[[S:.*]] = llvm.alloca %[[ONE]] x !llvm.array<96 x f32> {alignment = 64 : i64} : (i64) -> !llvm.ptr
  // CHECK: llvm.getelementptr inbounds %[[S]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  func.func @scratch(%i: index, %v: f32) {
    %s = memref.alloca() {alignment = 64 : i64} : memref<96xf32>
    memref.store %v, %s[%i] : memref<96xf32>
    func.return
  }
}
