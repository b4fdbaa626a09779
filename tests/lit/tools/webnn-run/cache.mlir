// Compiled code is cached on disk (WEBNN_CACHE_DIR): the first run compiles and stores
// it, the second loads it (its --timings show the cache, not the passes) and computes
// the same result. --no-cache and WEBNN_CACHE=0 compile anew and store nothing.
// RUN: rm -rf %t.cache
// RUN: env WEBNN_CACHE_DIR=%t.cache webnn-run %s --timings | FileCheck %s --check-prefix=COLD
// RUN: env WEBNN_CACHE_DIR=%t.cache webnn-run %s --timings | FileCheck %s --check-prefix=WARM
// RUN: env WEBNN_CACHE_DIR=%t.cache webnn-run %s --timings --no-cache | FileCheck %s --check-prefix=OFF
// RUN: env WEBNN_CACHE_DIR=%t.cache WEBNN_CACHE=0 webnn-run %s --timings | FileCheck %s --check-prefix=OFF
// RUN: %python -c "import os; print(len(os.listdir(r'%t.cache')))" | FileCheck %s --check-prefix=ONE
// COLD: cache-lookup
// COLD: convert-webnn-to-linalg
// COLD: llvm-codegen
// COLD: cache-store
// COLD: y: float32[4]
// WARM-NOT: convert-webnn-to-linalg
// WARM: cache-load
// WARM-NOT: convert-webnn-to-linalg
// WARM: y: float32[4]
// OFF-NOT: cache-
// OFF: convert-webnn-to-linalg
// OFF-NOT: cache-
// ONE: 1

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}) {
    %0 = webnn.relu %x : (tensor<4xf32>) -> tensor<4xf32>
    func.return %0 : tensor<4xf32>
  }
}
