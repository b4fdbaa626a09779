// webnn-run --compare: the JIT against the reference executor within --rtol/--atol, on
// one thread or several.
//
// The JIT's exp is a polynomial within 1 ulp of the reference's: the two differ by about
// 1e-7 relative on some of the 16384 values, enough to see each tolerance at work.
// RUN: webnn-run %s --compare | FileCheck %s --check-prefix=DEFAULT
// DEFAULT: comparison with the reference executor:
// DEFAULT-NEXT: y: max abs error {{[0-9.e-]+}}, max rel error {{[0-9.e-]+}} (ok)
// RUN: not webnn-run %s --compare --rtol 0 --atol 0 | FileCheck %s --check-prefix=EXACT
// EXACT: y: max abs error {{[1-9][0-9.e-]+}}, max rel error {{[1-9][0-9.e-]+}} (MISMATCH)
// RUN: webnn-run %s --compare --rtol 1e-4 --atol 0 | FileCheck %s --check-prefix=OK
// RUN: webnn-run %s --compare --rtol 0 --atol 1e-3 | FileCheck %s --check-prefix=OK
// OK: y: max abs error {{[1-9][0-9.e-]+}}, max rel error {{[0-9.e-]+}} (ok)

// --threads: the 512-row sigmoid is split across threads; one thread and two give the
// same bits, and both agree with the reference.
// RUN: webnn-run %s --threads 1 --outputs big -o %t.one.npz
// RUN: webnn-run %s --threads 2 --outputs big -o %t.two.npz --compare | FileCheck %s --check-prefix=THREADS
// THREADS: big: max abs error {{[0-9.e-]+}}, max rel error {{[0-9.e-]+}} (ok)
// RUN: %python -c "import numpy as np; print('same', np.array_equal(np.load(r'%t.one.npz')['big'], np.load(r'%t.two.npz')['big']))" | FileCheck %s --check-prefix=SAME
// SAME: same True

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4x4096xf32> {webnn.name = "x"}, %w: tensor<512x64xf32> {webnn.name = "w"}) -> (tensor<4x4096xf32> {webnn.name = "y"}, tensor<512x64xf32> {webnn.name = "big"}) {
    %0 = webnn.exp %x : (tensor<4x4096xf32>) -> tensor<4x4096xf32>
    %big = webnn.sigmoid %w : (tensor<512x64xf32>) -> tensor<512x64xf32>
    func.return %0, %big : tensor<4x4096xf32>, tensor<512x64xf32>
  }
}
