// RUN: webnn-opt %s --split-input-file --verify-diagnostics

// The atomic ops refuse orderings LLVM refuses.
builtin.module attributes {webnn.version = 2} {
  func.func @f(%p: !llvm.ptr) {
    // expected-error@+1 {{'llvmx.load_atomic' cannot have the ordering 'release'}}
    %g = llvmx.load_atomic release %p : !llvm.ptr -> i64
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%p: !llvm.ptr, %v: i64) {
    // expected-error@+1 {{'llvmx.store_atomic' cannot have the ordering 'acq_rel'}}
    llvmx.store_atomic acq_rel %v, %p : i64, !llvm.ptr
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%p: !llvm.ptr, %v: i64) {
    // expected-error@+1 {{'llvmx.cmpxchg' cannot have a failure ordering 'release'}}
    %seen, %ok = llvmx.cmpxchg acq_rel release %p, %v, %v : !llvm.ptr, i64
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f(%p: !llvm.ptr, %v: i64) {
    // expected-error@+1 {{Expected `monotonic`, `acquire`, `release`, `acq_rel`, or `seq_cst`.}}
    %g = llvmx.atomicrmw add relaxed %p, %v : !llvm.ptr, i64
    func.return
  }
}
