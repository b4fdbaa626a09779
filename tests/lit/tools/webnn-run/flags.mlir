// webnn-run's input, output and mode flags.

// --inputs reads every graph input from an .npz, by name; an --input given as well wins.
// RUN: %python -c "import numpy as np; np.savez(r'%t.in.npz', x=np.array([[1, -2, 3], [-4, 5, -6]], np.float32))"
// RUN: %python -c "import numpy as np; np.save(r'%t.x.npy', np.full((2, 3), -7, np.float32))"
// RUN: webnn-run %s --inputs %t.in.npz | FileCheck %s --check-prefix=INPUTS
// INPUTS: y: float32[2, 3] min=0 max=6 mean=2
// INPUTS-NEXT: [0. 2. 0. 4. 0. 6.]
// RUN: webnn-run %s --inputs %t.in.npz --input x=%t.x.npy | FileCheck %s --check-prefix=OVERRIDE
// OVERRIDE: y: float32[2, 3] min=7 max=7 mean=7
// RUN: not webnn-run %s --inputs %t.missing.npz 2>&1 | FileCheck %s --check-prefix=NO-NPZ
// NO-NPZ: webnn-run: error: could not read inputs from '{{.*}}missing.npz'

// --outputs returns any named value, intermediates included, in the order asked.
// RUN: webnn-run %s --inputs %t.in.npz --outputs negated,y | FileCheck %s --check-prefix=OUTPUTS
// OUTPUTS: negated: float32[2, 3] min=-5 max=6 mean=0.5
// OUTPUTS-NEXT: [-1.  2. -3.  4. -5.  6.]
// OUTPUTS-NEXT: y: float32[2, 3] min=0 max=6 mean=2
// RUN: not webnn-run %s --outputs nosuch 2>&1 | FileCheck %s --check-prefix=NO-VALUE
// NO-VALUE: webnn-run: error: the graph has no value named 'nosuch'; named values are negated, x, y

// --interpret runs the reference executor: the same values, and nothing is compiled
// (so --timings has no compile time to print).
// RUN: webnn-run %s --inputs %t.in.npz --interpret --outputs negated,y --timings | FileCheck %s --check-prefix=INTERPRET
// INTERPRET-NOT: compile:
// INTERPRET: negated: float32[2, 3] min=-5 max=6 mean=0.5
// INTERPRET: y: float32[2, 3] min=0 max=6 mean=2
// INTERPRET-NEXT: [0. 2. 0. 4. 0. 6.]
// INTERPRET-NOT: compile:
// RUN: not webnn-run %s --interpret --compare 2>&1 | FileCheck %s --check-prefix=EXCLUSIVE
// EXCLUSIVE: webnn-run: error: argument --compare: not allowed with argument --interpret

// --seed picks the generated data of inputs not given: the same seed gives the same
// data, another seed other data.
// RUN: webnn-run %s --seed 3 --outputs x -o %t.seed3a.npz
// RUN: webnn-run %s --seed 3 --outputs x -o %t.seed3b.npz
// RUN: webnn-run %s --seed 4 --outputs x -o %t.seed4.npz
// RUN: %python -c "import numpy as np; a, b, c = (np.load(r'%t.seed' + s + '.npz')['x'] for s in ('3a', '3b', '4')); print('same seed', np.array_equal(a, b), 'other seed', np.array_equal(a, c))" | FileCheck %s --check-prefix=SEED
// SEED: same seed True other seed False

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
    %negated = webnn.neg %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %0 = webnn.relu %negated : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}
