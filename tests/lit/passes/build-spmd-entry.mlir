// RUN: webnn-opt %s --split-input-file --verify-diagnostics -p build-spmd-entry | FileCheck %s

// Steps become internal (only main_spmd calls them) and are never inlined.
// CHECK: llvm.func internal @step_0({{.*}} attributes {{{.*}}no_inline}
// CHECK: llvm.func internal @step_1(
// Every thread runs main_spmd; the graph's buffers come from the array %args.
// CHECK-LABEL: llvm.func @main_spmd(%args: !llvm.ptr, %tid: i64, %nthreads: i64, %sync: !llvm.ptr) attributes {no_inline}
// CHECK: %[[IN:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK: %[[OUT:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK: %[[ARENA:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// step_0 is split: extent 10 in granules of 4 makes 3 units; thread t starts at unit
// t * 3 / n, i.e. iteration 4 * (t * 3 / n), at most 10.
// CHECK: %[[U:.*]] = llvm.mlir.constant(3) : i64
// CHECK: %[[TU:.*]] = llvm.mul %tid, %[[U]] : i64
// CHECK: %[[FIRST:.*]] = llvm.udiv %[[TU]], %nthreads : i64
// CHECK: %[[G:.*]] = llvm.mlir.constant(4) : i64
// CHECK: llvm.mul %[[FIRST]], %[[G]] : i64
// CHECK: llvm.mlir.constant(10) : i64
// CHECK: %[[BEGIN:.*]] = llvm.select
// CHECK: %[[END:.*]] = llvm.select
// CHECK: llvm.call @step_0(%[[IN]], %[[OUT]], %[[ARENA]], %[[BEGIN]], %[[END]])
// step_1 waits for step_0 on every thread, then runs on thread 1 mod n only.
// CHECK: llvm.call @webnn_barrier(%sync, %nthreads)
// CHECK: %[[SLOT:.*]] = llvm.mlir.constant(1) : i64
// CHECK-NEXT: %[[OWNER:.*]] = llvm.urem %[[SLOT]], %nthreads : i64
// CHECK: llvm.icmp "eq" %[[OWNER]], %tid : i64
// CHECK: llvm.call @step_1(
// CHECK: llvm.return
// The barrier: count in (atomicrmw), the last one bumps the generation (release); the
// others wait for it (acquire), pausing, then yielding.
// CHECK-LABEL: llvm.func internal @webnn_barrier(%sync{{.*}}: !llvm.ptr, %nthreads{{.*}}: i64)
// CHECK: llvmx.load_atomic acquire
// CHECK: llvmx.atomicrmw add acq_rel
// CHECK: llvmx.store_atomic release
// CHECK: llvmx.spin_hint
// CHECK: llvm.call @sched_yield() : () -> i32
// CHECK: llvm.func @sched_yield() -> i32
// The graph function keeps its C signature: main_spmd on one thread.
// CHECK-LABEL: llvm.func @main(%in{{.*}}: !llvm.ptr, %out{{.*}}: !llvm.ptr, %arena{{.*}}: !llvm.ptr)
// CHECK: %[[ARR:.*]] = llvm.alloca %{{.*}} x !llvm.ptr
// CHECK: llvm.store %in{{.*}}, %{{.*}} : !llvm.ptr, !llvm.ptr
// CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK: llvm.call @main_spmd(%[[ARR]], %{{.*}}, %{{.*}}, %[[NULL]])
// CHECK-NEXT: llvm.return

builtin.module attributes {webnn.version = 2} {
  llvm.func @step_0(%in: !llvm.ptr, %out: !llvm.ptr, %arena: !llvm.ptr, %begin: i64, %end: i64) attributes {webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 10 : i64, webnn.parallel_granule = 4 : i64} {
    llvm.return
  }
  llvm.func @step_1(%in: !llvm.ptr, %out: !llvm.ptr, %arena: !llvm.ptr, %begin: i64, %end: i64) attributes {webnn.thread_slot = 1 : i64, webnn.barrier} {
    llvm.return
  }
  llvm.func @main(%in: !llvm.ptr, %out: !llvm.ptr, %arena: !llvm.ptr) attributes {webnn.arena_size = 0 : i64} {
    %0 = llvm.mlir.constant(0 : i64) : i64
    %1 = llvm.mlir.constant(10 : i64) : i64
    %2 = llvm.mlir.constant(1 : i64) : i64
    llvm.call @step_0(%in, %out, %arena, %0, %1) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64) -> ()
    llvm.call @step_1(%in, %out, %arena, %0, %2) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, i64, i64) -> ()
    llvm.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  llvm.func @helper(%in: !llvm.ptr, %begin: i64, %end: i64)
  // expected-error@+1 {{build-spmd-entry expects a graph function that only calls steps}}
  llvm.func @main(%in: !llvm.ptr) attributes {webnn.arena_size = 0 : i64} {
    %0 = llvm.mlir.constant(0 : i64) : i64
    llvm.call @helper(%in, %0, %0) : (!llvm.ptr, i64, i64) -> ()
    llvm.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{build-spmd-entry expects a graph function that only calls steps}}
  llvm.func @main(%in: !llvm.ptr) attributes {webnn.arena_size = 0 : i64} {
    %0 = llvm.mlir.constant(0 : i64) : i64
    llvm.store %0, %in : i64, !llvm.ptr
    llvm.return
  }
}

// -----

// A step compiled in another part of the graph (`compiler.parts`) is only declared here,
// with the attributes of its schedule: main_spmd slices its range as for any step, and
// the declaration stays external (the loader links it to the other part's definition).
// CHECK-LABEL: llvm.func @step_0(!llvm.ptr, i64, i64) attributes {{{.*}}no_inline
// CHECK-NOT: internal
// CHECK-LABEL: llvm.func @main_spmd(
// CHECK: llvm.mlir.constant(8) : i64
// CHECK: llvm.call @step_0(
builtin.module attributes {webnn.version = 2} {
  llvm.func @step_0(!llvm.ptr, i64, i64) attributes {webnn.parallel_dim = 0 : i64, webnn.parallel_extent = 8 : i64}
  llvm.func @main(%in: !llvm.ptr) attributes {webnn.arena_size = 0 : i64} {
    %0 = llvm.mlir.constant(0 : i64) : i64
    %1 = llvm.mlir.constant(8 : i64) : i64
    llvm.call @step_0(%in, %0, %1) : (!llvm.ptr, i64, i64) -> ()
    llvm.return
  }
}
