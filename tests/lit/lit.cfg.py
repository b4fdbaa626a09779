"""lit configuration: every .mlir file below tests/lit (and every .webnn graph and
.onnxtxt model) is a test of this checkout.

The tools are this checkout's, never whatever `webnn-opt` is on PATH or installed: RUN
lines keep reading `webnn-opt ...`, and a substitution turns each tool name into
`<this interpreter> -m tools.webnn_opt` with PYTHONPATH set to the checkout root, so
`compiler`, `dialects`, `passes`, `runtime` and `tools` are imported from the tree the
test sits in (tests/lit/tools/checkout.mlir proves it).

Other substitutions mirror LLVM's names so RUN lines read like MLIR's own tests:
`FileCheck` runs the Python `filecheck` port, `%python` the interpreter running lit (with
the same PYTHONPATH), and `%{root}` is the checkout root.
"""

import os
import shutil
import sys

import lit.formats

config.name = "webnn-mlir"
config.test_format = lit.formats.ShTest(execute_external=False)
# .webnn graphs and ONNX models in ONNX's text syntax (.onnxtxt, turned into a binary
# model by Inputs/onnx_from_text.py) are tests too; their RUN lines are `#` comments.
config.suffixes = [".mlir", ".webnn", ".onnxtxt"]
config.excludes = ["Inputs", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
root = os.path.dirname(os.path.dirname(config.test_source_root))

# Only FileCheck is looked up on PATH: first beside the running interpreter (a venv's bin/).
bin_dir = os.path.dirname(sys.executable)
config.environment["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])
config.environment["PYTHONPATH"] = root
for var in ("HOME", "TMPDIR", "WEBNN_DEBUG"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# Every tool verifies the IR after every pass it runs (compiler/pass_runner.py), so a
# pass that leaves invalid IR fails the test that ran it.
config.environment["WEBNN_VERIFY_EACH"] = "1"

# A tool name is replaced only where it stands as a word (not inside a path such as
# tests/lit/tools/webnn-opt/ or a file name such as webnn-opt.mlir).
for tool in ("webnn-opt", "webnn-translate", "webnn-run", "webnn-import"):
    module = "tools." + tool.replace("-", "_")
    config.substitutions.append(
        (rf"(?<![\w./-]){tool}(?![\w./-])", f'"{sys.executable}" -m {module}'))

filecheck = shutil.which("filecheck", path=config.environment["PATH"]) or "filecheck"
config.substitutions.append(("FileCheck", filecheck))
config.substitutions.append(("%python", f'"{sys.executable}"'))
config.substitutions.append(("%{root}", root))
config.substitutions.append(
    ("%onnx_from_text", f'"{sys.executable}" "'
     + os.path.join(config.test_source_root, "frontends", "Inputs", "onnx_from_text.py") + '"'))
