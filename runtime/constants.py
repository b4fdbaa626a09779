"""The data of a graph constant as a numpy array: inline bytes, or an array of an .npz.

One loader for every consumer (the lowering that embeds weights in the code, the
interpreter that evaluates the graph), so a missing or mismatched weights file is the
same error, with the same words, wherever it is read. The data is checked, never cast:
an array whose dtype or shape differs from the IR's declaration is refused.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Sequence

import numpy as np

from .values import NUMPY_DTYPES


class ConstantDataError(ValueError):
    """A constant's data cannot be had; the message names the file, the array and why."""


def from_bytes(raw: bytes, dtype: str, shape: Sequence[int]) -> np.ndarray:
    """Inline data (row-major bytes) as a read-only array of WebNN `dtype` and `shape`."""
    return np.frombuffer(raw, dtype=NUMPY_DTYPES[dtype]).reshape(tuple(shape))


def load_npz(path: str | os.PathLike, key: str, dtype: str, shape: Sequence[int]
             ) -> np.ndarray:
    """Array `key` of the .npz archive at `path`, which must be of WebNN `dtype` and
    `shape`; ConstantDataError otherwise."""
    try:
        archive = np.load(path, allow_pickle=False)
        if not isinstance(archive, np.lib.npyio.NpzFile):
            raise ValueError("it holds a single array, not an archive of named arrays")
        with archive:
            if key not in archive.files:
                raise ConstantDataError(
                    f"array '{key}' is not in '{path}' (it holds "
                    f"{', '.join(sorted(archive.files)) or 'nothing'})")
            array = archive[key]
    except ConstantDataError:
        raise
    except OSError as err:
        raise ConstantDataError(f"cannot read constant file '{path}': {err}") from None
    except (ValueError, zipfile.BadZipFile) as err:
        raise ConstantDataError(f"constant file '{path}' is not a valid .npz: {err}") from None
    want = NUMPY_DTYPES[dtype]
    if array.shape != tuple(shape) or array.dtype != want:
        raise ConstantDataError(f"array '{key}' in '{path}' is {array.dtype}"
                                f"{list(array.shape)}, the IR declares {want}{list(shape)}")
    return array


__all__ = ["ConstantDataError", "from_bytes", "load_npz"]
