"""The arrays of `webnn-run`: inputs from files or seeded random data, one-line summaries
of results, and the comparison of two runs (JIT against the reference executor)."""

from __future__ import annotations

import numpy as np

from runtime.values import NUMPY_DTYPES

from ..source import UsageError


def feeds(module, npz: str | None, items: list[str], seed: int) -> dict[str, np.ndarray]:
    """Every graph input: from the `npz` archive (by name), then from `NAME=FILE.npy`
    items (which win), else seeded random data of its type; UsageError for a file that
    cannot be read or a name the graph has no input for."""
    given: dict = {}
    if npz:
        archive = _load(npz, f"inputs from '{npz}'")
        if not isinstance(archive, np.lib.npyio.NpzFile):
            raise UsageError(f"--inputs takes an .npz archive of named arrays, but "
                             f"'{npz}' holds one array (use --input NAME=FILE.npy)")
        with archive:
            given.update({k: archive[k] for k in archive.files})
    for item in items:
        name, sep, path = item.partition("=")
        if not sep:
            raise UsageError(f"--input takes NAME=FILE.npy, got '{item}'")
        array = _load(path, f"input '{name}' from '{path}'")
        if isinstance(array, np.lib.npyio.NpzFile):
            array.close()
            raise UsageError(f"--input takes one array (.npy), but '{path}' is an .npz "
                             "archive (use --inputs FILE.npz)")
        given[name] = array
    rng = np.random.default_rng(seed)
    out = {}
    for name, spec in module.inputs:
        if name in given:
            out[name] = given.pop(name)
            continue
        dtype = NUMPY_DTYPES[spec.dtype]
        if dtype.kind == "f":
            out[name] = rng.uniform(-1, 1, spec.shape).astype(dtype)
        elif dtype.kind == "u":
            out[name] = rng.integers(0, 10, spec.shape).astype(dtype)
        else:
            out[name] = rng.integers(-5, 5, spec.shape).astype(dtype)
    if given:
        raise UsageError(f"the graph has no input named '{sorted(given)[0]}'; its inputs are "
                         + ", ".join(n for n, _ in module.inputs))
    return out


def _load(path: str, what: str):
    """np.load without pickles; an unreadable file is a usage error naming `what`."""
    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError) as err:
        raise UsageError(f"could not read {what}: {err}") from None


def summary(name: str, value: np.ndarray) -> str:
    """`name: dtype[shape] min= max= mean=`, and the values themselves when few."""
    head = f"{name}: {value.dtype}{list(value.shape)}"
    if value.size == 0:
        return head
    data = value.astype(np.float64)
    line = f"{head} min={data.min():.6g} max={data.max():.6g} mean={data.mean():.6g}"
    if value.size <= 16:
        line += "\n  " + np.array2string(value.reshape(-1), precision=6, max_line_width=100)
    return line


def compare(name: str, actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float
            ) -> tuple[bool, str]:
    """(whether `actual` is within tolerance of `expected`, a line saying by how much)."""
    if actual.shape != expected.shape or actual.dtype != expected.dtype:
        return False, (f"  {name}: MISMATCH {actual.dtype}{list(actual.shape)} vs "
                       f"{expected.dtype}{list(expected.shape)}")
    a, e = actual.astype(np.float64), expected.astype(np.float64)
    # Equal values (equal infinities included) and NaN against NaN agree exactly;
    # inf - inf would otherwise count as a NaN error.
    same = (a == e) | (np.isnan(a) & np.isnan(e))
    with np.errstate(invalid="ignore"):
        diff = np.where(same, 0.0, np.abs(a - e))
    max_abs = float(np.nanmax(diff)) if diff.size else 0.0
    rel = diff / np.maximum(np.abs(e), 1e-30)
    max_rel = float(np.nanmax(np.where(diff <= atol, 0.0, rel))) if diff.size else 0.0
    ok = bool(np.all(same | (diff <= atol + rtol * np.abs(e))))
    verdict = "ok" if ok else "MISMATCH"
    return ok, f"  {name}: max abs error {max_abs:.3g}, max rel error {max_rel:.3g} ({verdict})"


__all__ = ["feeds", "summary", "compare"]
