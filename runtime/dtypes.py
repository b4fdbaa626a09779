"""WebNN data types as numpy dtypes: the one table every layer reads.

The runtime (reference executor, executables), the passes (constant folding, weights)
and the compiler (builder, interpreter, tools) all hold tensors as numpy arrays. The
table lives in the runtime because the runtime imports nothing but numpy and llvmlite:
the dialect, which imports no numpy, names the types (`dialects/webnn/types.py`), and
`tests/test_dtypes.py` checks that both list the same types with the same sizes.
"""

from __future__ import annotations

import numpy as np

#: WebNN data type name -> numpy dtype.
NUMPY_DTYPES: dict[str, np.dtype] = {
    "float32": np.dtype(np.float32),
    "float16": np.dtype(np.float16),
    "int32": np.dtype(np.int32),
    "uint32": np.dtype(np.uint32),
    "int64": np.dtype(np.int64),
    "uint64": np.dtype(np.uint64),
    "int8": np.dtype(np.int8),
    "uint8": np.dtype(np.uint8),
}

#: numpy dtype -> WebNN data type name.
WEBNN_DTYPES: dict[np.dtype, str] = {v: k for k, v in NUMPY_DTYPES.items()}


__all__ = ["NUMPY_DTYPES", "WEBNN_DTYPES"]
