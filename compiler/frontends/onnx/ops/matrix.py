"""Matrix products: MatMul, Gemm, MatMulInteger and the matrix-product cases of Einsum.

WebNN's `matmul` takes ranks >= 2; ONNX's NumPy-style 1-D operands get a unit dimension
that is dropped again afterwards. Einsum with one or two operands (no repeated index
within one operand) is written as reductions, transposes, reshapes and one batched
`matmul`, which covers the contractions exporters produce (bmm, attention scores, outer
products, traces of batch dimensions are not among them).
"""

from __future__ import annotations

import string
from math import prod

from ..node import Node, converts


def matmul(n: Node, a, b):
    """ONNX MatMul semantics (1-D operands included) with WebNN's rank >= 2 matmul."""
    sa, sb = n.spec_of(a).shape, n.spec_of(b).shape
    if len(sa) == 1:
        a = n.reshape(a, [1, sa[0]])
    if len(sb) == 1:
        b = n.reshape(b, [sb[0], 1])
    y = n.op("matmul", n.to_tensor(a), n.to_tensor(b))
    shape = list(n.spec_of(y).shape)
    if len(sb) == 1:
        del shape[-1]
    if len(sa) == 1:
        del shape[-1 if len(sb) == 1 else -2]
    return n.reshape(y, shape)


@converts("MatMul")
def matmul_node(n: Node):
    return [matmul(n, n.value(0), n.value(1))]


@converts("Gemm")
def gemm(n: Node):
    c = n.tensor(2) if n.has(2) else None
    return [n.op("gemm", n.tensor(0), n.tensor(1), c=c, alpha=n.attr("alpha", 1.0),
                 beta=n.attr("beta", 1.0), aTranspose=bool(n.attr("transA", 0)),
                 bTranspose=bool(n.attr("transB", 0)))]


@converts("MatMulInteger")
def matmul_integer(n: Node):
    # As ONNX Runtime's WebNN provider does: the product in float32 of the inputs minus
    # their zero points, cast back to int32 (exact while the sums stay below 2^24).
    a = n.cast(n.tensor(0), "float32")
    b = n.cast(n.tensor(1), "float32")
    if n.has(2):
        zero = n.cast(n.tensor(2), "float32")
        if n.rank(2) == 1 and n.rank(0) >= 2:  # one zero point per row of a
            zero = n.reshape(zero, [n.shape(2)[0], 1])
        a = n.op("sub", a, zero)
    if n.has(3):
        b = n.op("sub", b, n.cast(n.tensor(3), "float32"))
    return [n.cast(matmul(n, a, b), "int32")]


@converts("Einsum")
def einsum(n: Node):
    equation = n.attr("equation", "").replace(" ", "")
    lhs, arrow, rhs = equation.partition("->")
    terms = lhs.split(",")
    if len(terms) not in (1, 2) or len(terms) != n.count():
        n.refuse(f"einsum '{equation}' with {len(terms)} operands: only one or two "
                 "operands are expressible")
    shapes = [n.shape(i) for i in range(len(terms))]
    terms, rhs = _expand_ellipsis(n, equation, terms, rhs if arrow else None, shapes)
    sizes: dict[str, int] = {}
    for term, shape in zip(terms, shapes):
        if len(term) != len(shape):
            n.refuse(f"einsum term '{term}' does not match an operand of rank {len(shape)}")
        if len(set(term)) != len(term):
            n.refuse(f"einsum term '{term}' repeats an index (a diagonal), which is not "
                     "expressible")
        for letter, size in zip(term, shape):
            if sizes.setdefault(letter, size) != size:
                n.refuse(f"einsum index '{letter}' has sizes {sizes[letter]} and {size}; "
                         "broadcasting an index is not supported")
    values = [n.value(i) for i in range(len(terms))]
    # Indices that appear in one operand only and not in the output are summed first.
    for k, term in enumerate(terms):
        others = "".join(t for j, t in enumerate(terms) if j != k)
        summed = [i for i, c in enumerate(term) if c not in rhs and c not in others]
        if summed:
            values[k] = n.op("reduceSum", n.to_tensor(values[k]), axes=summed)
            terms[k] = "".join(c for c in term if c in rhs or c in others)
    if len(terms) == 1:
        (term,) = terms
        return [n.transpose(values[0], [term.index(c) for c in rhs])]
    a_term, b_term = terms
    batch = [c for c in rhs if c in a_term and c in b_term]
    contract = [c for c in a_term if c in b_term and c not in rhs]
    a_keep = [c for c in a_term if c in rhs and c not in b_term]
    b_keep = [c for c in b_term if c in rhs and c not in a_term]

    def size(letters):
        return prod(sizes[c] for c in letters)

    a = n.transpose(values[0], [a_term.index(c) for c in batch + a_keep + contract])
    a = n.reshape(a, [size(batch), size(a_keep), size(contract)])
    b = n.transpose(values[1], [b_term.index(c) for c in batch + contract + b_keep])
    b = n.reshape(b, [size(batch), size(contract), size(b_keep)])
    y = n.op("matmul", a, b)
    order = batch + a_keep + b_keep
    y = n.reshape(y, [sizes[c] for c in order] or [1])
    if not order:
        return [n.reshape(y, [])]
    return [n.transpose(y, [order.index(c) for c in rhs])]


def _expand_ellipsis(n: Node, equation: str, terms: list[str], rhs: str | None, shapes):
    """Terms with `...` spelled out in unused letters; the implicit output made explicit."""
    unused = [c for c in string.ascii_letters if c not in equation]
    ranks = [len(shape) - (len(t) - 3) for t, shape in zip(terms, shapes) if "..." in t]
    width = max(ranks, default=0)
    if width < 0:
        n.refuse(f"einsum '{equation}' does not match its operands' ranks")
    ellipsis = "".join(unused[:width])
    out = []
    for term, shape in zip(terms, shapes):
        if "..." in term:
            k = len(shape) - (len(term) - 3)
            term = term.replace("...", ellipsis[width - k:] if k else "")
        out.append(term)
    if rhs is None:
        letters = "".join(out)
        rhs = ellipsis + "".join(sorted(c for c in set(letters) if letters.count(c) == 1
                                        and c not in ellipsis))
    else:
        rhs = rhs.replace("...", ellipsis)
    return out, rhs
