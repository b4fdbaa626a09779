"""What a compiled graph's code depends on, as one key for the cache (`runtime.cache`).

The key is a SHA-256 over:
* the compiler itself: its version and the source of its packages (`compiler`,
  `dialects`, `passes`, `runtime`), so that any change to a pass is a new key;
* llvmlite's and LLVM's versions;
* the host: its triple, CPU name and features (what the code is generated for), and the
  vector target the kernel passes choose (`passes.target`);
* the graph: its printed IR (the outputs it returns included; a large constant printed
  as the digest of its bytes, which hashes a MobileNetV2 in 0.02 s instead of 0.12 s)
  and the bytes of every weights file it names (`file("w.npz", ...)`, beside the IR
  file); with debug info, its IR printed with every op's location, since the DWARF line
  info carries them.

A graph whose weights file cannot be read gets no key: it compiles (and reports the
error) as it would without a cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
from functools import cache
from pathlib import Path

from .module import Module
from .source import Printer, weights_folder

#: Constants of more bytes than this are hashed, not printed, into the key.
DIGEST_BYTES = 1024

#: The packages whose source the code depends on.
_PACKAGES = ("compiler", "dialects", "passes", "runtime")


@cache
def compiler_identity() -> bytes:
    """A digest of this compiler and of the LLVM it drives (computed once per process)."""
    import llvmlite
    import llvmlite.binding as llvm

    from importlib import metadata

    h = hashlib.sha256()
    try:
        h.update(metadata.version("webnn-mlir").encode())
    except metadata.PackageNotFoundError:
        h.update(b"unversioned")
    for name in _PACKAGES:
        root = Path(importlib.util.find_spec(name).origin).parent  # found, not imported
        for path in sorted(root.rglob("*.py")):
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(path.read_bytes())
    h.update(f"llvmlite {llvmlite.__version__} llvm {llvm.llvm_version_info}".encode())
    return h.digest()


def host_identity() -> bytes:
    """The host the code is generated for, and the vector shape the kernels take."""
    import llvmlite.binding as llvm

    import passes.target
    from runtime.jit import host_triple

    target = passes.target.host_target()
    return (f"{host_triple()} {llvm.get_host_cpu_name()} "
            f"{llvm.get_host_cpu_features().flatten()} "
            f"{target.name} {target.lanes} {target.registers}").encode()


def cache_key(module: Module, *, debug_info: bool = False) -> str | None:
    """The cache key of `module`'s code (with DWARF line info if `debug_info`), or None if
    it cannot be had (unreadable weights)."""
    h = hashlib.sha256()
    h.update(compiler_identity())
    h.update(host_identity())
    if debug_info:
        h.update(b"debug-info\0")
    out = io.StringIO()
    _KeyPrinter(stream=out, print_debuginfo=debug_info).print_op(module.op)
    h.update(out.getvalue().encode())
    folder = weights_folder(module.source_path)
    files = sorted({op.file.data for op in module.op.walk()
                    if op.name == "webnn.constant" and getattr(op, "file", None) is not None})
    for name in files:
        try:
            data = (folder / name).read_bytes()
        except OSError:
            return None
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


class _KeyPrinter(Printer):
    """The IR printer, printing a large constant as the digest of its bytes."""

    digest_constants_over = DIGEST_BYTES


__all__ = ["cache_key", "compiler_identity", "host_identity"]
