"""The ONNX op conversion tables, one module per family of ops (importing a module
registers its conversion functions in `node.CONVERTERS`)."""

from . import (  # noqa: F401
    convolution,
    elementwise,
    indexing,
    matrix,
    movement,
    normalization,
    quantization,
    recurrent,
    reduction,
)
