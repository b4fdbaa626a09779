// --verify-diagnostics fails on a missing or an unexpected diagnostic.
// RUN: not webnn-opt %S/Inputs/wrong-expectations.mlir --verify-diagnostics 2>&1 | FileCheck %s
// CHECK-DAG: wrong-expectations.mlir:4:5: error: unexpected error: 'webnn.add' op shapes [2, 3] and [4] are not broadcastable
// CHECK-DAG: wrong-expectations.mlir:5:8: error: expected error "this is never reported" was not produced
