"""A persistent cache of compiled graphs: the second compile of a graph loads its code.

The compiler names an entry by a key (a hex digest of everything the code depends on:
the graph, the compiler's own source, llvmlite and LLVM, the host CPU; see
`compiler.pipeline`) and stores what it would otherwise recompute: the object code,
the large constants the code reads (weights packed at compile time) and what the
runtime needs to call it. One file per entry:

    MAGIC | SHA-256 of the rest | header length (8 bytes) | JSON header | blobs

The header repeats the key and gives each blob's name and size. An entry is used only
if all of that checks out; a truncated, corrupt or foreign file (another key, another
format) is counted as rejected and ignored, and the compiler compiles as if there were
no entry. Entries are written to a temporary file and renamed into place, so a reader
never sees half an entry, and two processes storing one key both store a whole one.
Storing is best effort (a read-only or full disk only costs the next compile time).

Where: `$WEBNN_CACHE_DIR`, else `$XDG_CACHE_HOME/webnn-mlir`, else
`~/.cache/webnn-mlir`. `WEBNN_CACHE=0` turns the cache off (as `compile(cache=False)`
and `webnn-run --no-cache` do for one compile). The oldest entries are removed when the
folder grows past `MAX_BYTES`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

#: Environment: "0" (or "off", "false", "no") turns the cache off.
CACHE_ENV = "WEBNN_CACHE"
#: Environment: the cache folder.
CACHE_DIR_ENV = "WEBNN_CACHE_DIR"
#: The folder's size beyond which the least recently used entries are removed.
MAX_BYTES = 2 << 30

MAGIC = b"webnn-mlir compiled graph v1\n"
_DIGEST = hashlib.sha256().digest_size
_SUFFIX = ".webnn-obj"

#: What the cache did in this process: "hits", "misses", "rejected", "stored".
counts: Counter = Counter()
_lock = threading.Lock()


def enabled(flag: bool | None = None) -> bool:
    """Whether to use the cache: `flag` if given, else the environment (on by default)."""
    if flag is not None:
        return bool(flag)
    return os.environ.get(CACHE_ENV, "1").strip().lower() not in ("0", "off", "false", "no")


def default_dir() -> Path:
    """The cache folder the environment names (see the module docstring)."""
    folder = os.environ.get(CACHE_DIR_ENV)
    if folder:
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "webnn-mlir"


@dataclass
class Entry:
    """A cached compile: JSON-able facts and named binary blobs (object code, data)."""

    facts: dict
    blobs: dict[str, bytes] = field(default_factory=dict)


class Cache:
    """The entries of one folder (see the module docstring)."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = Path(folder) if folder is not None else default_dir()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{_SUFFIX}"

    def load(self, key: str) -> Entry | None:
        """The entry stored under `key`, or None (absent, or unusable: see `rejected`)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            counts["misses"] += 1
            return None
        entry = _decode(data, key)
        if entry is None:
            counts["rejected"] += 1
            counts["misses"] += 1
            return None
        counts["hits"] += 1
        try:
            os.utime(path)  # recently used: pruned last
        except OSError:
            pass
        return entry

    def reject(self, key: str) -> None:
        """The entry `load` returned cannot be used after all (its facts are not what the
        compiler expects): count it as a rejected miss and remove it."""
        counts["hits"] -= 1
        counts["misses"] += 1
        counts["rejected"] += 1
        try:
            self.path(key).unlink()
        except OSError:
            pass

    def store(self, key: str, entry: Entry) -> bool:
        """Write `entry` under `key` atomically; False if the disk would not have it."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(_encode(key, entry))
                os.replace(temp, self.path(key))
            except BaseException:
                try:
                    os.unlink(temp)
                except OSError:
                    pass
                raise
        except OSError:
            return False
        counts["stored"] += 1
        self._prune()
        return True

    def _prune(self) -> None:
        """Remove the least recently used entries while the folder exceeds MAX_BYTES."""
        with _lock:
            try:
                files = [(p.stat(), p) for p in self.folder.glob(f"*{_SUFFIX}")
                         if not p.name.startswith(".tmp-")]
            except OSError:
                return
            total = sum(s.st_size for s, _ in files)
            for stat, p in sorted(files, key=lambda f: f[0].st_mtime):
                if total <= MAX_BYTES:
                    break
                try:
                    p.unlink()
                    total -= stat.st_size
                except OSError:
                    pass


def _encode(key: str, entry: Entry) -> bytes:
    header = json.dumps({"key": key, "facts": entry.facts,
                         "blobs": [[name, len(blob)] for name, blob in entry.blobs.items()]},
                        sort_keys=True).encode()
    body = b"".join([len(header).to_bytes(8, "little"), header, *entry.blobs.values()])
    return MAGIC + hashlib.sha256(body).digest() + body


def _decode(data: bytes, key: str) -> Entry | None:
    """The entry in `data` if it is whole, intact and stored under `key`; else None."""
    try:
        if not data.startswith(MAGIC):
            return None
        digest = data[len(MAGIC):len(MAGIC) + _DIGEST]
        body = memoryview(data)[len(MAGIC) + _DIGEST:]
        if hashlib.sha256(body).digest() != digest:
            return None
        size = int.from_bytes(body[:8], "little")
        header = json.loads(bytes(body[8:8 + size]))
        if header.get("key") != key or not isinstance(header.get("facts"), dict):
            return None
        blobs, at = {}, 8 + size
        for name, length in header["blobs"]:
            blobs[str(name)] = bytes(body[at:at + int(length)])
            at += int(length)
        if at != len(body):
            return None
        return Entry(header["facts"], blobs)
    except (ValueError, TypeError, KeyError, json.JSONDecodeError):
        return None


__all__ = ["Cache", "Entry", "enabled", "default_dir", "counts", "CACHE_ENV",
           "CACHE_DIR_ENV", "MAX_BYTES"]
