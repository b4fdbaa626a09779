// Bad input of any kind gives a clear error and a non-zero exit, never a traceback.

// RUN: not webnn-opt %S/Inputs/does-not-exist.mlir 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: webnn-opt: error: could not open input file '{{.*}}does-not-exist.mlir': no such file
// MISSING-NOT: Traceback

// RUN: not webnn-opt %S 2>&1 | FileCheck %s --check-prefix=DIR
// DIR: error: could not open input file '{{.*}}': it is a directory

// RUN: %python -c "open(r'%t.bin', 'wb').write(b'func.func @f() {\n\xff\xfe\x00 }\n')"
// RUN: not webnn-opt %t.bin 2>&1 | FileCheck %s --check-prefix=UTF8
// UTF8: webnn-opt: error: input file '{{.*}}' is not valid UTF-8 (byte 0xff on line 2)
// UTF8-NOT: Traceback

// RUN: echo '@@@ garbage {{{' | not webnn-opt 2>&1 | FileCheck %s --check-prefix=GARBAGE
// GARBAGE: <stdin>:1:1: error:
// GARBAGE-NOT: Traceback

// RUN: not webnn-opt --no-such-flag %s 2>&1 | FileCheck %s --check-prefix=FLAG
// FLAG: webnn-opt: error: unrecognized argument '--no-such-flag'

// RUN: not webnn-opt %s -p no-such-pass 2>&1 | FileCheck %s --check-prefix=PASS
// PASS: webnn-opt: error: invalid pass pipeline 'no-such-pass'

// RUN: webnn-opt %s -o %t.out && FileCheck %s --check-prefix=OUT < %t.out
// OUT: func.func @ok

func.func @ok(%x: tensor<2xf32>) -> tensor<2xf32> {
  func.return %x : tensor<2xf32>
}
