"""Element-wise ONNX ops: arithmetic, comparisons, logic, math, activations, casts.

Most map one to one (`Relu` -> `relu`); the rest are short compositions of webnn ops
(`Selu` = gamma * elu, `Mish` = x * tanh(softplus(x)), `Mean` = sum / n, ...).
Opset 1-6 binary ops broadcast only with `broadcast=1`, aligning the second operand at
`axis`; that is rewritten as a reshape followed by NumPy broadcasting.
"""

from __future__ import annotations

import math

import numpy as np
from onnx import TensorProto

from ..node import Node, converts, onnx_type_name, webnn_type_of

UNARY = {
    "Abs": "abs", "Ceil": "ceil", "Cos": "cos", "Erf": "erf", "Exp": "exp",
    "Floor": "floor", "Log": "log", "Neg": "neg", "Reciprocal": "reciprocal",
    "Round": "roundEven", "Sign": "sign", "Sin": "sin", "Sqrt": "sqrt", "Tan": "tan",
    "Tanh": "tanh", "Sigmoid": "sigmoid", "Relu": "relu", "Not": "logicalNot",
    "IsNaN": "isNaN", "Softplus": "softplus", "Softsign": "softsign",
    "HardSwish": "hardSwish",
}
BINARY = {
    "Add": "add", "Sub": "sub", "Mul": "mul", "Div": "div", "Pow": "pow",
    "Equal": "equal", "Greater": "greater", "GreaterOrEqual": "greaterOrEqual",
    "Less": "lesser", "LessOrEqual": "lesserOrEqual", "And": "logicalAnd",
    "Or": "logicalOr", "Xor": "logicalXor",
}
#: Variadic ops folded pairwise: ONNX op -> webnn binary op.
VARIADIC = {"Max": "max", "Min": "min", "Sum": "add", "Mean": "add"}


@converts(*UNARY)
def unary(n: Node):
    return [n.op(UNARY[n.op_type], n.tensor(0))]


def binary_operands(n: Node):
    """Inputs 0 and 1, the second aligned for opset 1-6 `broadcast=1` semantics."""
    a, b = n.value(0), n.value(1)
    if n.opset < 7 and n.attr("broadcast", 0):
        ra, rb = n.rank(0), n.rank(1)
        axis = n.attr("axis", ra - rb)
        axis = axis + ra if axis < 0 else axis
        if rb and not 0 <= axis <= ra - rb:
            n.refuse(f"broadcast axis {axis} does not fit shapes {list(n.shape(0))} and "
                     f"{list(n.shape(1))}")
        b = n.reshape(b, [1] * axis + list(n.shape(1)) + [1] * (ra - axis - rb))
    return n.to_tensor(a), n.to_tensor(b)


@converts(*BINARY)
def binary(n: Node):
    a, b = binary_operands(n)
    if n.op_type == "Pow" and n.dtype(1) != n.dtype(0):
        b = n.cast(b, n.dtype(0))  # ONNX lets the exponent have its own type
    return [n.op(BINARY[n.op_type], a, b)]


@converts(*VARIADIC)
def variadic(n: Node):
    values = [n.tensor(i) for i in range(n.count()) if n.has(i)]
    result = values[0]
    for value in values[1:]:
        result = n.op(VARIADIC[n.op_type], result, value)
    if n.op_type == "Mean" and len(values) > 1:
        result = n.op("div", result, n.scalar(len(values), n.dtype(0)))
    return [result]


@converts("Where")
def where(n: Node):
    return [n.op("where", n.tensor(0), n.tensor(1), n.tensor(2))]


@converts("PRelu")
def prelu(n: Node):
    x_shape, slope = n.shape(0), n.value(1)
    slope_shape = n.shape(1)
    # A per-channel slope [C] written for NCHW data (opset 1-6 exports) stretches along
    # axis 1, not along the last axis as NumPy broadcasting would read it.
    if (len(slope_shape) == 1 and len(x_shape) >= 3 and slope_shape[0] == x_shape[1]
            and slope_shape[0] != x_shape[-1] and slope_shape[0] != 1):
        slope = n.reshape(slope, [slope_shape[0]] + [1] * (len(x_shape) - 2))
    return [n.op("prelu", n.tensor(0), n.to_tensor(slope))]


@converts("Elu")
def elu(n: Node):
    return [n.op("elu", n.tensor(0), alpha=n.attr("alpha", 1.0))]


@converts("LeakyRelu")
def leaky_relu(n: Node):
    return [n.op("leakyRelu", n.tensor(0), alpha=n.attr("alpha", 0.01))]


@converts("HardSigmoid")
def hard_sigmoid(n: Node):
    return [n.op("hardSigmoid", n.tensor(0), alpha=n.attr("alpha", 0.2),
                 beta=n.attr("beta", 0.5))]


@converts("Selu")
def selu(n: Node):
    # selu(x) = gamma * (x > 0 ? x : alpha * (e^x - 1)) = gamma * elu(x, alpha)
    alpha = n.attr("alpha", 1.67326319217681884765625)
    gamma = n.attr("gamma", 1.05070102214813232421875)
    return [n.op("linear", n.op("elu", n.tensor(0), alpha=alpha), alpha=gamma)]


@converts("Celu")
def celu(n: Node):
    # celu(x) = max(0, x) + min(0, alpha * (e^(x/alpha) - 1)) = alpha * elu(x / alpha)
    alpha = n.attr("alpha", 1.0)
    scaled = n.op("linear", n.tensor(0), alpha=1.0 / alpha)
    return [n.op("linear", n.op("elu", scaled), alpha=alpha)]


@converts("ThresholdedRelu")
def thresholded_relu(n: Node):
    x = n.tensor(0)
    dtype = n.dtype(0)
    above = n.op("greater", x, n.scalar(n.attr("alpha", 1.0), dtype))
    return [n.op("where", above, x, n.scalar(0, dtype))]


@converts("Shrink")
def shrink(n: Node):
    x, dtype = n.tensor(0), n.dtype(0)
    lambd, bias = n.attr("lambd", 0.5), n.attr("bias", 0.0)
    low = n.op("where", n.op("lesser", x, n.scalar(-lambd, dtype)),
               n.op("add", x, n.scalar(bias, dtype)), n.scalar(0, dtype))
    high = n.op("where", n.op("greater", x, n.scalar(lambd, dtype)),
                n.op("sub", x, n.scalar(bias, dtype)), low)
    return [high]


@converts("Mish")
def mish(n: Node):
    x = n.tensor(0)
    return [n.op("mul", x, n.op("tanh", n.op("softplus", x)))]


@converts("Gelu")
def gelu(n: Node):
    x = n.tensor(0)
    approximate = n.attr("approximate", "none")
    if approximate == "none":
        return [n.op("gelu", x)]
    if approximate != "tanh":
        n.refuse(f"approximate='{approximate}' is not an ONNX Gelu mode")
    # 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
    dtype = n.dtype(0)
    cube = n.op("mul", n.op("mul", x, x), x)
    inner = n.op("add", x, n.op("mul", cube, n.scalar(0.044715, dtype)))
    t = n.op("tanh", n.op("mul", inner, n.scalar(math.sqrt(2 / math.pi), dtype)))
    return [n.op("mul", n.op("mul", x, n.scalar(0.5, dtype)),
                 n.op("add", t, n.scalar(1.0, dtype)))]


@converts("IsInf")
def is_inf(n: Node):
    x, dtype = n.tensor(0), n.dtype(0)
    positive, negative = n.attr("detect_positive", 1), n.attr("detect_negative", 1)
    if not positive and not negative:
        return [np.zeros(n.shape(0), dtype=np.bool_)]
    inf = n.op("isInfinite", x)
    if positive and negative:
        return [inf]
    sign = n.op("greater" if positive else "lesser", x, n.scalar(0, dtype))
    return [n.op("logicalAnd", inf, sign)]


@converts("Clip")
def clip(n: Node):
    x = n.tensor(0)
    if n.opset < 11:
        low, high = n.attr("min"), n.attr("max")
        return [n.op("clamp", x, minValue=low, maxValue=high)]
    bounds = {}
    for i, key in ((1, "minValue"), (2, "maxValue")):
        if n.is_const(i):
            bounds[key] = np.asarray(n.value(i)).reshape(-1)[0].item()
    result = n.op("clamp", x, **bounds)
    # Bounds computed at run time: an element-wise max/min with them.
    if n.has(1) and not n.is_const(1):
        result = n.op("max", result, n.tensor(1))
    if n.has(2) and not n.is_const(2):
        result = n.op("min", result, n.tensor(2))
    return [result]


def _target(n: Node, elem: int) -> str:
    dtype = webnn_type_of(elem)
    if dtype is None:
        n.refuse(f"casting to {onnx_type_name(elem)}: WebNN has no such data type")
    return dtype


@converts("Cast")
def cast(n: Node):
    to = n.attr("to")
    if to is None:
        n.refuse("the 'to' attribute is missing")
    return [_cast_to(n, n.tensor(0), to)]


@converts("CastLike")
def cast_like(n: Node):
    return [n.cast(n.tensor(0), n.dtype(1))]


def _cast_to(n: Node, x, elem: int):
    dtype = _target(n, elem)
    if elem == TensorProto.BOOL:
        # bool is 0/1: every non-zero value becomes 1 (a plain cast would floor 0.5).
        return n.op("notEqual", x, n.scalar(0, n.spec_of(x).dtype))
    return n.cast(x, dtype)


@converts("Identity")
def identity(n: Node):
    return [n.value(0)]


@converts("Dropout")
def dropout(n: Node):
    # Inference: the identity. A training-mode dropout cannot be reproduced.
    if n.has(2):
        training = n.const(2, "training_mode")
        if bool(np.asarray(training).reshape(-1)[0]):
            n.refuse("training_mode is true: dropout at training time is random")
    outputs = [n.value(0)]
    if n.wants(1):
        outputs.append(np.ones(n.shape(0), dtype=np.bool_))
    return outputs
