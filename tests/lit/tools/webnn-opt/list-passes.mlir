// --list-passes prints every pass flag -p accepts, one per line, sorted: ours (one per
// module of passes/) and the upstream xDSL passes the pipeline uses. It reads no input.
// RUN: webnn-opt --list-passes | FileCheck %s
// RUN: webnn-opt --list-passes %s | FileCheck %s
// RUN: webnn-opt --list-passes | %python -c "import sys; names = sys.stdin.read().split(); print('sorted', names == sorted(names), 'unique', len(set(names)) == len(names))" | FileCheck %s --check-prefix=ORDER
// ORDER: sorted True unique True

// Each flag, in order (a pass added later may fall in between).
// CHECK: bind-parallel-range
// CHECK: bufferize
// CHECK: build-spmd-entry
// CHECK: canonicalize
// CHECK: convert-arith-to-llvm
// CHECK: convert-cf-to-llvm
// CHECK: convert-func-to-llvm
// CHECK: convert-linalg-to-loops
// CHECK: convert-math-to-llvm
// CHECK: convert-memref-to-llvm
// CHECK: convert-memref-to-ptr
// CHECK: convert-scf-to-cf
// CHECK: convert-webnn-to-linalg
// CHECK: cse
// CHECK: dce
// CHECK: expand-math
// CHECK: fuse-elementwise
// CHECK: interchange-for-vectorization
// CHECK: licm
// CHECK: lower-affine
// CHECK: parallelize
// CHECK: reconcile-unrealized-casts
// CHECK: share-kernels
// CHECK: webnn-downgrade
// CHECK: webnn-upgrade
