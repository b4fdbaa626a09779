// RUN: webnn-opt %s --split-input-file -p share-kernels | FileCheck %s
// RUN: webnn-opt %s --split-input-file -p share-kernels --print-debuginfo | FileCheck %s --check-prefix=LOC

// Steps 0 and 2 do the same work on other buffers (another global, another view of the
// arena, a graph argument instead of a view): they call one kernel, made once, whose
// arguments are their buffers in order of first use. Step 1 is like no other and is
// left as it is. Buffers aligned at every call site are `llvm.align`ed; the graph input
// %x is not.
// CHECK-LABEL: func.func private @kernel_0(
// CHECK-SAME:    %0: memref<4xf32> {llvm.align = 64 : i64}, %1: memref<4xf32>, %2: memref<4xf32> {llvm.align = 64 : i64}, %begin: index, %end: index)
// CHECK-SAME:    attributes {webnn.shared_kernel}
// CHECK:         scf.for %{{.*}} = %begin to %end step
// CHECK:           memref.load %0[
// CHECK:           memref.load %1[
// CHECK:           memref.store %{{.*}}, %2[
// CHECK-NOT:     memref.get_global
// CHECK-NOT:     memref.view
// CHECK:         func.return
// CHECK-LABEL: func.func @step_0(
// CHECK-NEXT:    %[[W:.*]] = memref.get_global @w0
// CHECK-NEXT:    %[[OFF:.*]] = arith.constant 64 : index
// CHECK-NEXT:    %[[V:.*]] = memref.view %arena[%[[OFF]]][]
// CHECK-NEXT:    func.call @kernel_0(%[[W]], %x, %[[V]], %begin, %end)
// CHECK-NEXT:    func.return
// CHECK-LABEL: func.func @step_1(
// CHECK:         arith.mulf
// CHECK-LABEL: func.func @step_2(
// CHECK-NEXT:    %[[W:.*]] = memref.get_global @w1
// CHECK-NEXT:    %[[OFF:.*]] = arith.constant 64 : index
// CHECK-NEXT:    %[[V:.*]] = memref.view %arena[%[[OFF]]][]
// CHECK-NEXT:    func.call @kernel_0(%[[W]], %[[V]], %y, %begin, %end)
// The graph function still calls the steps (the runtime's contract is unchanged).
// CHECK-LABEL: func.func @main(
// CHECK:         func.call @step_0(
// CHECK:         func.call @step_1(
// CHECK:         func.call @step_2(

// The kernel is located at every step that calls it; each step keeps its own location.
// LOC-LABEL: func.func private @kernel_0(
// LOC-SAME:    %begin: index loc(fused["a.py":1:1, "a.py":3:1])
// LOC:       } loc(fused["a.py":1:1, "a.py":3:1])
// LOC: func.call @kernel_0({{.*}} loc("a.py":1:1)
// LOC: func.call @kernel_0({{.*}} loc("a.py":3:1)

builtin.module attributes {webnn.version = 2} {
  "memref.global"() <{sym_name = "w0", type = memref<4xf32>, initial_value = dense<1.0> : tensor<4xf32>, sym_visibility = "private", constant, alignment = 64 : i64}> : () -> ()
  "memref.global"() <{sym_name = "w1", type = memref<4xf32>, initial_value = dense<2.0> : tensor<4xf32>, sym_visibility = "private", constant, alignment = 64 : i64}> : () -> ()
  func.func @step_0(%x: memref<4xf32>, %y: memref<4xf32> {webnn.output}, %arena: memref<128xi8> {webnn.arena}, %begin: index, %end: index) {
    %w = memref.get_global @w0 : memref<4xf32>
    %c64 = arith.constant 64 : index
    %t = memref.view %arena[%c64][] : memref<128xi8> to memref<4xf32>
    %c1 = arith.constant 1 : index
    scf.for %i = %begin to %end step %c1 {
      %a = memref.load %w[%i] : memref<4xf32>
      %b = memref.load %x[%i] : memref<4xf32>
      %s = arith.addf %a, %b : f32
      memref.store %s, %t[%i] : memref<4xf32>
    }
    func.return
  } loc("a.py":1:1)
  func.func @step_1(%x: memref<4xf32>, %y: memref<4xf32> {webnn.output}, %arena: memref<128xi8> {webnn.arena}, %begin: index, %end: index) {
    %w = memref.get_global @w0 : memref<4xf32>
    %c64 = arith.constant 64 : index
    %t = memref.view %arena[%c64][] : memref<128xi8> to memref<4xf32>
    %c1 = arith.constant 1 : index
    scf.for %i = %begin to %end step %c1 {
      %a = memref.load %w[%i] : memref<4xf32>
      %b = memref.load %x[%i] : memref<4xf32>
      %s = arith.mulf %a, %b : f32
      memref.store %s, %t[%i] : memref<4xf32>
    }
    func.return
  } loc("a.py":2:1)
  func.func @step_2(%x: memref<4xf32>, %y: memref<4xf32> {webnn.output}, %arena: memref<128xi8> {webnn.arena}, %begin: index, %end: index) {
    %w = memref.get_global @w1 : memref<4xf32>
    %c64 = arith.constant 64 : index
    %t = memref.view %arena[%c64][] : memref<128xi8> to memref<4xf32>
    %c1 = arith.constant 1 : index
    scf.for %i = %begin to %end step %c1 {
      %a = memref.load %w[%i] : memref<4xf32>
      %b = memref.load %t[%i] : memref<4xf32>
      %s = arith.addf %a, %b : f32
      memref.store %s, %y[%i] : memref<4xf32>
    }
    func.return
  } loc("a.py":3:1)
  func.func @main(%x: memref<4xf32>, %y: memref<4xf32> {webnn.output}, %arena: memref<128xi8> {webnn.arena}) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    func.call @step_0(%x, %y, %arena, %c0, %c4) : (memref<4xf32>, memref<4xf32>, memref<128xi8>, index, index) -> ()
    func.call @step_1(%x, %y, %arena, %c0, %c4) : (memref<4xf32>, memref<4xf32>, memref<128xi8>, index, index) -> ()
    func.call @step_2(%x, %y, %arena, %c0, %c4) : (memref<4xf32>, memref<4xf32>, memref<128xi8>, index, index) -> ()
    func.return
  }
}

// -----

// Steps whose buffers overlap (here a view read and a view written that share bytes)
// are not shared: the kernel's pointer arguments are `noalias`.
// CHECK-LABEL: func.func @step_0(
// CHECK-NOT:     func.call @kernel_
// CHECK:         memref.view %arena
// CHECK:         memref.view %arena
// CHECK-NOT:   func.func private @kernel_

builtin.module attributes {webnn.version = 2} {
  func.func @step_0(%arena: memref<128xi8> {webnn.arena}, %begin: index, %end: index) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %a = memref.view %arena[%c0][] : memref<128xi8> to memref<4xf32>
    %b = memref.view %arena[%c8][] : memref<128xi8> to memref<4xf32>
    %c1 = arith.constant 1 : index
    scf.for %i = %begin to %end step %c1 {
      %v = memref.load %a[%i] : memref<4xf32>
      memref.store %v, %b[%i] : memref<4xf32>
    }
    func.return
  }
  func.func @step_1(%arena: memref<128xi8> {webnn.arena}, %begin: index, %end: index) {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %a = memref.view %arena[%c0][] : memref<128xi8> to memref<4xf32>
    %b = memref.view %arena[%c8][] : memref<128xi8> to memref<4xf32>
    %c1 = arith.constant 1 : index
    scf.for %i = %begin to %end step %c1 {
      %v = memref.load %a[%i] : memref<4xf32>
      memref.store %v, %b[%i] : memref<4xf32>
    }
    func.return
  }
}

// -----

// Equal bodies on buffers of other types (here a 6- and an 8-element input read through
// the same 4-element view) are not shared: a kernel's argument has one type.
// CHECK-LABEL: func.func @step_0(
// CHECK-NOT:     func.call @kernel_
// CHECK-LABEL: func.func @step_1(
// CHECK-NOT:     func.call @kernel_
// CHECK-NOT:   func.func private @kernel_

builtin.module attributes {webnn.version = 2} {
  func.func @step_0(%a: memref<6xf32>, %b: memref<8xf32>, %y: memref<4xf32> {webnn.output}, %begin: index, %end: index) {
    %v = memref.reinterpret_cast %a to offset: [0], sizes: [4], strides: [1] : memref<6xf32> to memref<4xf32>
    %c1 = arith.constant 1 : index
    scf.for %i = %begin to %end step %c1 {
      %x = memref.load %v[%i] : memref<4xf32>
      memref.store %x, %y[%i] : memref<4xf32>
    }
    func.return
  }
  func.func @step_1(%a: memref<6xf32>, %b: memref<8xf32>, %y: memref<4xf32> {webnn.output}, %begin: index, %end: index) {
    %v = memref.reinterpret_cast %b to offset: [0], sizes: [4], strides: [1] : memref<8xf32> to memref<4xf32>
    %c1 = arith.constant 1 : index
    scf.for %i = %begin to %end step %c1 {
      %x = memref.load %v[%i] : memref<4xf32>
      memref.store %x, %y[%i] : memref<4xf32>
    }
    func.return
  }
}
