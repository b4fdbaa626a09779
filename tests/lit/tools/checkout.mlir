// The tools that lit runs are this checkout's: each tool, run with Python's import
// tracing, loads its main and its module in compiler/cli/ from below the checkout root
// (%{root}), never from an installed copy or another checkout.
// RUN: env PYTHONVERBOSE=1 webnn-opt %s 2>&1 >/dev/null | FileCheck %s -DROOT=%{root} --check-prefix=OPT
// RUN: env PYTHONVERBOSE=1 webnn-translate %s --emit=webnn 2>&1 >/dev/null | FileCheck %s -DROOT=%{root} --check-prefix=TRANSLATE
// RUN: env PYTHONVERBOSE=1 webnn-run %s --interpret 2>&1 >/dev/null | FileCheck %s -DROOT=%{root} --check-prefix=EXEC
// RUN: not env PYTHONVERBOSE=1 webnn-import %s 2>&1 >/dev/null | FileCheck %s -DROOT=%{root} --check-prefix=IMPORT
// RUN: %python -c "import compiler, os; print(os.path.dirname(compiler.__file__))" | FileCheck %s -DROOT=%{root} --check-prefix=PYTHON

// OPT: {{code object from|matches}} [[ROOT]]/tools/webnn_opt.py
// OPT: {{code object from|matches}} [[ROOT]]/compiler/cli/webnn_opt.py
// TRANSLATE: {{code object from|matches}} [[ROOT]]/tools/webnn_translate.py
// TRANSLATE: {{code object from|matches}} [[ROOT]]/compiler/cli/webnn_translate.py
// EXEC: {{code object from|matches}} [[ROOT]]/tools/webnn_run.py
// EXEC: {{code object from|matches}} [[ROOT]]/compiler/cli/webnn_run.py
// IMPORT: {{code object from|matches}} [[ROOT]]/tools/webnn_import.py
// IMPORT: {{code object from|matches}} [[ROOT]]/compiler/cli/webnn_import.py
// PYTHON: [[ROOT]]/compiler{{$}}

func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
  %0 = webnn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
  func.return %0 : tensor<2xf32>
}
