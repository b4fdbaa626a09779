"""The ONNX graph walker: an ONNX model becomes one verified webnn graph function.

Nodes are visited in the graph's (topological) order. For each node:

1. Values known when the graph is built are folded: a node whose inputs are all
   constants is evaluated with the `onnx` package's reference implementation of that op
   at the model's opset (`Shape` and `Size` fold on any input, shapes being static), so
   the Shape -> Gather -> Concat -> Reshape chains of exported models become constant
   `newShape`s. Compute-heavy ops (convolutions, matrix products, ...) stay in the graph.
2. Otherwise the node's conversion function (`ops/`, one module per op family) emits
   webnn ops through `WebNNOp.make`, each located at the node:
   `loc("conv1"("Conv"("model.onnx":0:0)))`, printed `model.onnx: node 'conv1' (Conv)`.
3. An op without a conversion function whose ONNX schema defines it as a function of
   other ops (Celu, Mish, Swish, MeanVarianceNormalization, ...) is expanded into that
   function's nodes, which are imported in turn at the same location.

What cannot be expressed (an op, an attribute value, a data type, a dynamic shape) is
collected per node; the import fails with every problem at once, each naming its node.
Outputs of a refused node are not reported again where they are used.

Graph inputs are the model's inputs that are not initializers (an initializer listed as
an input too is a constant: ONNX Runtime uses its value when the input is not fed).
Symbolic dimensions of the inputs are bound by `dims`; an unbound one is an error naming
it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import onnx
from onnx import defs, helper, numpy_helper
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Block, SSAValue

from compiler.builder import constant_op, graph_module
from dialects.webnn.types import TensorSpec, shape_problem
from compiler.diagnostics import CompileError, DiagnosticEngine, Position, node_location

from . import ops  # noqa: F401  (registers the conversion functions)
from .node import (CONVERTERS, Node, Refused, onnx_type_name, onnx_type_of, webnn_dtype,
                   webnn_type_of)

#: Ops never evaluated at import time even on constant inputs: the heavy ones stay in
#: the graph (the compiler makes them fast), random ones have no fixed value, and
#: quantized weights keep their compact form.
NO_FOLD = frozenset({
    "Conv", "ConvTranspose", "ConvInteger", "MatMul", "MatMulInteger", "Gemm", "Einsum",
    "AveragePool", "MaxPool", "LpPool", "GlobalAveragePool", "GlobalMaxPool",
    "GlobalLpPool", "LRN", "GRU", "LSTM", "RNN", "BatchNormalization",
    "InstanceNormalization", "LayerNormalization", "GroupNormalization", "Resize",
    "Upsample", "DequantizeLinear", "QuantizeLinear", "DynamicQuantizeLinear",
    "RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike",
    "Multinomial", "Bernoulli", "If", "Loop", "Scan",
})

#: The ONNX domains whose ops this importer knows ("" and "ai.onnx" are the same).
DEFAULT_DOMAINS = ("", "ai.onnx")


class OnnxImporter:
    """Imports one ONNX model; `run()` returns the module or raises CompileError."""

    def __init__(self, model: onnx.ModelProto, file: str, dims: Mapping[str, int] | None):
        self.model = model
        self.file = file
        self.dims = dict(dims or {})
        self.block = Block()
        self.diags = DiagnosticEngine()
        #: ONNX value name -> webnn value or numpy array.
        self.values: dict[str, SSAValue | np.ndarray] = {}
        #: Values a refused node would have produced.
        self.poisoned: set[str] = set()
        self._materialized: dict[str, SSAValue] = {}
        self._scalars: dict[tuple, SSAValue] = {}
        self.opset = next((o.version for o in model.opset_import
                           if o.domain in DEFAULT_DOMAINS), None)

    # ------------------------------------------------------------------ the walk
    def run(self) -> ModuleOp:
        graph = self.model.graph
        where = Position(self.file, 0, 0)
        if self.opset is None:
            self.diags.error("the model imports no version of the default ONNX domain",
                             where)
            raise CompileError.from_engine(self.diags)
        for init in graph.initializer:
            try:
                self.values[init.name] = numpy_helper.to_array(init)
            except Exception as err:  # external data missing, bad raw data, ...
                self.diags.error(f"initializer '{init.name}' cannot be read: {err}", where)
                self.poisoned.add(init.name)
        for sparse in graph.sparse_initializer:
            self.diags.error(f"sparse initializer '{sparse.values.name}' is not supported",
                             where)
            self.poisoned.add(sparse.values.name)
        input_names = self._inputs(graph, where)
        for index, proto in enumerate(graph.node):
            self._node(proto, index, self.opset)
        outputs = self._outputs(graph, where)
        if self.diags.has_errors:
            raise CompileError.from_engine(self.diags)
        return graph_module(self.block, input_names, outputs,
                            node_location(self.file, graph.name or "graph", "graph"),
                            name=graph.name or "graph")

    def _inputs(self, graph, where: Position) -> list[str]:
        names = []
        for value_info in graph.input:
            if value_info.name in self.values or value_info.name in self.poisoned:
                continue  # an initializer: a constant (ONNX Runtime's default value)
            # Until it is known to be usable, the input's consumers are not converted
            # (the input's problem is the one reported).
            self.poisoned.add(value_info.name)
            t = value_info.type
            if not t.HasField("tensor_type"):
                self.diags.error(f"input '{value_info.name}' is not a tensor "
                                 f"({t.WhichOneof('value')}); WebNN inputs are tensors",
                                 where)
                continue
            elem = t.tensor_type.elem_type
            dtype = webnn_type_of(elem)
            if dtype is None:
                self.diags.error(f"input '{value_info.name}' has data type "
                                 f"{onnx_type_name(elem)}, which WebNN lacks", where)
                continue
            if not t.tensor_type.HasField("shape"):
                self.diags.error(f"input '{value_info.name}' has no shape; WebNN inputs "
                                 "are statically shaped", where)
                continue
            shape = []
            for axis, dim in enumerate(t.tensor_type.shape.dim):
                if dim.HasField("dim_value") and dim.dim_value > 0:
                    shape.append(dim.dim_value)
                elif dim.HasField("dim_param") and dim.dim_param in self.dims:
                    shape.append(self.dims[dim.dim_param])
                elif dim.HasField("dim_param"):
                    self.diags.error(
                        f"input '{value_info.name}' dimension {axis} is the symbolic "
                        f"'{dim.dim_param}', which is not bound; bind it with "
                        f"dims={{'{dim.dim_param}': SIZE}} (--dim {dim.dim_param}=SIZE)",
                        where)
                    shape.append(None)
                else:
                    self.diags.error(f"input '{value_info.name}' dimension {axis} has no "
                                     "size; WebNN inputs are statically shaped", where)
                    shape.append(None)
            if None in shape:
                continue
            problem = shape_problem(shape, dtype)
            if problem is not None:
                self.diags.error(f"input '{value_info.name}' shape {shape} is invalid in "
                                 f"WebNN: {problem}", where)
                continue
            loc = node_location(self.file, value_info.name, "input")
            arg = self.block.insert_arg(TensorSpec(tuple(shape), dtype).to_type(),
                                        len(self.block.args), loc)
            _name(arg, value_info.name)
            self.values[value_info.name] = arg
            self.poisoned.discard(value_info.name)
            names.append(value_info.name)
        if not names and not self.diags.has_errors:
            self.diags.error("the model has no inputs besides its initializers; a WebNN "
                             "graph needs at least one input", where)
        return names

    def _outputs(self, graph, where: Position) -> dict[str, SSAValue]:
        outputs: dict[str, SSAValue] = {}
        loc = node_location(self.file, graph.name or "graph", "graph")
        for value_info in graph.output:
            name = value_info.name
            if name in self.poisoned:
                continue
            value = self.values.get(name)
            if value is None:
                self.diags.error(f"output '{name}' is produced by no node", where)
                continue
            if isinstance(value, np.ndarray) or value in self.block.args or any(
                    value is v for v in outputs.values()):
                # A WebNN graph output is computed by an op: give constants, inputs
                # and repeated outputs their own copy.
                node = Node(self, onnx.NodeProto(op_type="Identity"), name,
                            node_location(self.file, name, "output"), self.opset)
                try:
                    value = node.op("identity", node.to_tensor(value))
                except Refused as refused:
                    self.diags.error(f"output '{name}': {refused.reason}", loc)
                    continue
            outputs[name] = value
        if not outputs and not self.diags.has_errors:
            self.diags.error("the model has no outputs", where)
        return outputs

    def _node(self, proto, index: int, opset: int, location=None, within: str = "") -> None:
        """Convert one node; `location` and `within` are given for the nodes of an
        expanded function (located at the expanded node, messages saying which part)."""
        name = proto.name or next((o for o in proto.output if o), f"#{index}")
        loc = location or node_location(self.file, name, proto.op_type)
        node = Node(self, proto, name, loc, opset)
        if any(i in self.poisoned for i in proto.input if i):
            self.poisoned.update(o for o in proto.output if o)
            return
        try:
            missing = [i for i in proto.input if i and i not in self.values]
            if missing:
                node.refuse(f"input '{missing[0]}' is produced by no earlier node")
            outputs = self._convert(node, proto)
            self._bind(node, outputs)
        except Refused as refused:
            if not isinstance(refused, _AlreadyReported):
                self.diags.error(within + refused.reason, loc)
            self.poisoned.update(o for o in proto.output if o)
        except (ValueError, TypeError, IndexError, KeyError, ArithmeticError) as err:
            # A node that breaks the ONNX spec (a missing attribute, an out-of-range
            # value) trips a conversion: report it at the node, not as a crash.
            detail = str(err).strip().splitlines()[0] if str(err).strip() else repr(err)
            self.diags.error(f"{within}cannot be converted ({type(err).__name__}: "
                             f"{detail}); the node does not look like valid ONNX "
                             f"{proto.op_type}", loc)
            self.poisoned.update(o for o in proto.output if o)

    def _convert(self, node: Node, proto) -> list:
        domain = proto.domain or ""
        if domain not in DEFAULT_DOMAINS:
            node.refuse(f"ops of domain '{domain}' have no WebNN equivalent")
        folded = self._fold(node, proto)
        if folded is not None:
            return folded
        convert = CONVERTERS.get(proto.op_type)
        if convert is not None:
            return list(convert(node))
        if self._expand(node, proto):
            return [self.values.get(o) for o in proto.output]
        node.refuse(f"ONNX op {proto.op_type} has no WebNN equivalent")

    def _bind(self, node: Node, outputs: list) -> None:
        for i, name in enumerate(node.outputs):
            if not name:
                continue
            value = outputs[i] if i < len(outputs) else None
            if value is None:
                node.refuse(f"output {i} ('{name}') is not supported")
            if isinstance(value, np.generic):
                value = np.asarray(value)
            self.values[name] = value
            if isinstance(value, SSAValue):
                _name(value, name)

    # ------------------------------------------------------------------ folding
    def _fold(self, node: Node, proto) -> list | None:
        """The node's outputs when they are known at import time, else None."""
        if proto.op_type in ("Shape", "Size") and node.has(0):
            shape = np.array(node.shape(0), dtype=np.int64)
            if proto.op_type == "Size":
                return [np.array(np.prod(shape), dtype=np.int64)]
            start, end = node.attr("start", 0), node.attr("end", None)
            return [shape[start:end]]
        if proto.op_type in NO_FOLD:
            return None
        args = [self.values[i] if i else None for i in proto.input]
        if not all(a is None or isinstance(a, np.ndarray) for a in args):
            return None
        if proto.op_type not in ("Constant",) and not proto.input:
            return None
        from onnx.reference.ops import load_op

        try:
            impl = load_op("", proto.op_type, node.opset)
        except Exception:
            return None  # the reference has no implementation: convert it instead
        try:
            runner = impl(proto, {"log": lambda *a: None, "opsets": {"": node.opset},
                                  "verbose": 0, "new_ops": None})
            results = runner.run(*args)
        except Exception as err:
            node.refuse(f"could not be evaluated on its constant inputs: "
                        f"{str(err).strip().splitlines()[0] if str(err).strip() else err!r}")
        return [None if r is None else np.asarray(r) for r in results]

    # ------------------------------------------------------------------ functions
    def _expand(self, node: Node, proto) -> bool:
        """Import the node as the nodes of its ONNX function definition, if it has one."""
        try:
            schema = defs.get_schema(proto.op_type, node.opset, "")
        except Exception:
            return False
        body = None
        if schema.has_function:
            versions = [v for v in schema.function_opset_versions if v <= node.opset]
            if versions:
                body = schema.get_function_with_opset_version(max(versions))
        if body is None and schema.has_context_dependent_function:
            versions = [v for v in schema.context_dependent_function_opset_versions
                        if v <= node.opset]
            if versions:
                types = [self._type_proto(node, i).SerializeToString()
                         for i in range(len(proto.input))]
                data = schema.get_context_dependent_function_with_opset_version(
                    max(versions), proto.SerializeToString(), types)
                body = onnx.FunctionProto()
                body.ParseFromString(data)
        if body is None:
            return False
        if isinstance(body, bytes):
            body = onnx.FunctionProto.FromString(body)
        opset = next((o.version for o in body.opset_import if o.domain in DEFAULT_DOMAINS),
                     node.opset)
        rename = {f: a for f, a in zip(body.input, proto.input)}
        rename.update({f: a for f, a in zip(body.output, proto.output)})
        prefix = f"{node.name}/"
        attrs = {a.name: a for a in proto.attribute}
        defaults = {name: a.default_value for name, a in schema.attributes.items()
                    if a.default_value.type != 0}
        for sub in body.node:
            inner = onnx.NodeProto()
            inner.CopyFrom(sub)
            del inner.input[:]
            del inner.output[:]
            inner.input.extend(rename.get(i, prefix + i) if i else "" for i in sub.input)
            inner.output.extend(rename.get(o, prefix + o) if o else "" for o in sub.output)
            inner.name = prefix + (sub.name or sub.op_type)
            del inner.attribute[:]
            for a in sub.attribute:
                if a.ref_attr_name:
                    given = attrs.get(a.ref_attr_name) or defaults.get(a.ref_attr_name)
                    if given is None:
                        continue
                    copy = onnx.AttributeProto()
                    copy.CopyFrom(given)
                    copy.name = a.name
                    inner.attribute.append(copy)
                else:
                    inner.attribute.append(a)
            self._node(inner, 0, opset, node.loc,
                       f"{sub.op_type} (in the definition of {proto.op_type}): ")
            if any(o in self.poisoned for o in inner.output if o):
                raise _AlreadyReported
        return True

    def _type_proto(self, node: Node, i: int):
        if not node.has(i):
            return onnx.TypeProto()
        value = node.value(i)
        if isinstance(value, np.ndarray):
            elem = helper.np_dtype_to_tensor_dtype(value.dtype)
            shape = value.shape
        else:
            spec = node.spec(i)
            elem = onnx_type_of(spec.dtype)
            shape = spec.shape
        return helper.make_tensor_type_proto(elem, list(shape))

    # ------------------------------------------------------------------ constants
    def constant(self, array: np.ndarray, node: Node) -> SSAValue:
        dtype = webnn_dtype(array)
        if dtype is None:
            node.refuse(f"a constant of data type {array.dtype} has no WebNN data type")
        if array.size == 0:
            node.refuse(f"a constant of shape {list(array.shape)} is empty; WebNN tensors "
                        "have no zero-sized dimensions")
        if array.dtype == np.bool_:
            array = array.astype(np.uint8)
        op = constant_op(array, node.loc)
        self.block.add_op(op)
        return op.output

    def materialize(self, name: str, array: np.ndarray, node: Node) -> SSAValue:
        value = self._materialized.get(name)
        if value is None:
            value = self.constant(array, node)
            _name(value, name)
            self._materialized[name] = value
        return value

    def scalar(self, number, dtype: str, node: Node) -> SSAValue:
        key = (dtype, float(number))
        value = self._scalars.get(key)
        if value is None:
            value = self.constant(np.array(number, dtype=dtype), node)
            self._scalars[key] = value
        return value


class _AlreadyReported(Refused):
    """A node of an expanded function was refused (and reported at its node)."""

    def __init__(self):
        super().__init__("")


def _name(value: SSAValue, onnx_name: str) -> None:
    """Give a value the (sanitized) ONNX name it has, so the IR reads like the model."""
    if value.name_hint is not None:
        return
    cleaned = "".join(c if c.isalnum() or c in "_$." else "_" for c in onnx_name)
    if cleaned and not cleaned[0].isdigit() and SSAValue.is_valid_name(cleaned):
        value.name_hint = cleaned


__all__ = ["OnnxImporter", "NO_FOLD"]
