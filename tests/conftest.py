"""Shared pytest setup: the repository root is importable without installation too, the
IR is verified after every pass, and compiled code is cached in a temporary folder."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Every pass of every test is followed by the verifier (compiler/pass_runner.py): a pass
# that leaves invalid IR fails the test that ran it, not a later stage or a user.
os.environ.setdefault("WEBNN_VERIFY_EACH", "1")

# Compiled code goes to a cache of this run (each xdist worker its own), never into the
# user's cache folder, whatever the environment names; the folder goes when the run ends.
_CACHE = tempfile.mkdtemp(prefix="webnn-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["WEBNN_CACHE_DIR"] = _CACHE
os.environ.pop("WEBNN_CACHE", None)
