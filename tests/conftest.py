"""Shared pytest setup: the repository root is importable without installation too, and
the IR is verified after every pass."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Every pass of every test is followed by the verifier (compiler/pass_runner.py): a pass
# that leaves invalid IR fails the test that ran it, not a later stage or a user.
os.environ.setdefault("WEBNN_VERIFY_EACH", "1")
