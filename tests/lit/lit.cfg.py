"""lit configuration: every .mlir file below tests/lit is a test; tools come from PATH.

Substitutions mirror LLVM's names so RUN lines read like MLIR's own tests:
`FileCheck` runs the Python `filecheck` port, and `%python` the interpreter running lit.
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

# Tools installed next to the running interpreter (a venv's bin/) come first.
bin_dir = os.path.dirname(sys.executable)
config.environment["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])
for var in ("HOME", "TMPDIR", "WEBNN_DEBUG"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

filecheck = shutil.which("filecheck", path=config.environment["PATH"]) or "filecheck"
config.substitutions.append(("FileCheck", filecheck))
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(
    ("%onnx_from_text", f"{sys.executable} "
     + os.path.join(config.test_source_root, "frontends", "Inputs", "onnx_from_text.py")))
