"""Shared pytest setup: the repository root is importable without installation too, the
IR is verified after every pass, and compiled code is cached in a temporary folder."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

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


@pytest.fixture
def split_everything(monkeypatch):
    """A cost model that splits every step it can and waits for parked workers, and calls
    that always use the threads (never the single thread, however fast), so that small
    graphs exercise slices and barriers."""
    from passes import parallelize
    from runtime import executable

    monkeypatch.setattr(parallelize, "MIN_PARALLEL_WORK", 0)
    monkeypatch.setattr(parallelize, "MIN_GRAPH_WORK", 0)
    monkeypatch.setattr(parallelize, "WAKE_WORK", 0)
    monkeypatch.setattr(executable, "ADAPTIVE", False)


@pytest.fixture
def teams(monkeypatch):
    """The team size of every pooled call (0: the pool was busy, the call ran alone).
    Calls wait for their workers however busy the machine is (by default a call leaves a
    descheduled worker out), so that the team is known."""
    from compiler.pipeline import thread_pool

    pool = thread_pool()
    monkeypatch.setattr(pool, "patience", 1 << 40)
    seen = []
    run = pool.run

    def recording(*args):
        team = run(*args)
        seen.append(team)
        return team
    monkeypatch.setattr(pool, "run", recording)
    return seen
