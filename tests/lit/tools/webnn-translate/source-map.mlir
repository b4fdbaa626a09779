// --source-map writes a Source Map v3 next to any emitted stage: each generated line maps
// to the line of this file that wrote its op (all three lines for the fused exp + add + relu).
// RUN: webnn-translate %s --emit=buffers -o %t.mlir --source-map %t.map
// RUN: %python -c "import json, sys; from compiler.sourcemap import decode; m = json.load(open(sys.argv[1])); print(m['version'], [s.rsplit('/', 1)[-1] for s in m['sources']], m['file'].endswith('.mlir')); print(*sorted({s[2] for row in decode(m) for s in row})); print('fused', *[sorted({s[2] for s in row}) for row in decode(m) if len({s[2] for s in row}) > 1][0])" %t.map | FileCheck %s
// CHECK:      3 ['source-map.mlir'] True
// CHECK-NEXT: [[# @LINE + 3]] [[# @LINE + 4]] [[# @LINE + 5]] [[# @LINE + 6]] [[# @LINE + 7]] [[# @LINE + 8]]
// CHECK-NEXT: fused [[# @LINE + 4]] [[# @LINE + 5]] [[# @LINE + 6]]

builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4xf32> {webnn.name = "x"}) -> (tensor<4xf32> {webnn.name = "y"}) {
    %0 = webnn.exp %x : (tensor<4xf32>) -> tensor<4xf32>
    %1 = webnn.add %0, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %2 = webnn.relu %1 : (tensor<4xf32>) -> tensor<4xf32>
    func.return %2 : tensor<4xf32>
  }
}
