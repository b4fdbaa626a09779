"""WebNN data types as numpy dtypes, and Python numbers as values of those types.

`scalar()` is the one rule for a Python (or numpy) number standing for a WebNN value, as
in `GraphBuilder.constant("int8", 5)` or `exe(s=5)` for a scalar input. NumPy alone
would read `"1.5"` and `None` as numbers, truncate `1.5` to an integer, wrap or raise
`OverflowError` for out-of-range integers, and overflow floats to infinity; here each of
those is an error saying what is wrong.

The table is the one every layer reads: the runtime (reference executor, executables),
the passes (constant folding, weights) and the compiler (builder, interpreter, tools) all
hold tensors as numpy arrays. It lives in the runtime because the runtime imports nothing
but numpy and llvmlite: the dialect, which imports no numpy, names the types
(`dialects/webnn/types.py`), and `tests/test_facts.py` checks that both list the same
types with the same sizes.
"""

from __future__ import annotations

import math
import numbers

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


def scalar(value, data_type: str, what: str = "value") -> np.ndarray:
    """`value` as a 0-d array of `data_type`; errors begin with `what` (the argument).

    TypeError unless `value` is a real number (a bool, a str, None are not); ValueError
    when the type cannot hold it: an integer type takes only whole numbers in its range
    (no fraction, NaN or infinity), a float type any number but a finite one beyond its
    largest value.
    """
    dtype = NUMPY_DTYPES[data_type]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{what} must be a number, got {type(value).__name__} "
                        f"{_shown(value)}")
    if dtype.kind in "iu":
        if not isinstance(value, numbers.Integral) and not float(value).is_integer():
            raise ValueError(f"{what} {_shown(value)} is not a whole number, as "
                             f"{data_type} needs")
        info = np.iinfo(dtype)
        if not info.min <= int(value) <= info.max:
            raise ValueError(f"{what} {_shown(value)} is out of range for {data_type} "
                             f"[{info.min}, {info.max}]")
        return np.asarray(int(value), dtype)
    out_of_range = ValueError(f"{what} {_shown(value)} is out of range for {data_type} "
                              f"(largest {float(np.finfo(dtype).max):g})")
    try:
        number = float(value)
    except OverflowError:  # an integer beyond any double
        raise out_of_range from None
    with np.errstate(over="ignore"):
        result = np.asarray(number, dtype)
    if math.isfinite(number) and not np.isfinite(result):
        raise out_of_range
    return result


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 24 else f"{text[:12]}... ({len(text)} characters)"
