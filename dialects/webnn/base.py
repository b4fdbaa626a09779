"""The machinery every `webnn` op shares: options, one shape rule, syntax, verification.

An op is declared once, in its family module:

    @webnn_op
    class Conv2dOp(WebNNOp):
        '''2-D convolution ... (docstring with an IR example)'''
        name = "webnn.conv2d"
        input = operand_def(TensorType)
        filter = operand_def(TensorType)
        bias = opt_operand_def(TensorType)          # an MLOperand member of the options
        output = result_def(TensorType)
        OPTIONS = (Ints("strides", (1, 1), length=2), ...)

        @staticmethod
        def infer(args: Args) -> TensorSpec: ...  # the spec's shape/type rule

`webnn_op` turns each `Option` into an optional property (absent = spec default) and
registers the op with xDSL. The single `infer` rule serves three masters: the verifier
(declared result types must equal the inferred ones), the Python builder (which infers
result types before creating the op), and later the upgrade/downgrade passes.

Custom syntax, the same for every op: required operands, then one dictionary holding the
options and the optional operands (as in WebNN, where `bias` or `c` live in the options
dictionary), then the functional type:

    %y = webnn.conv2d %x, %w {bias = %b, strides = [2, 2]} : (tensor<..>, tensor<..>, tensor<4xf32>) -> tensor<..>
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from xdsl.dialects.builtin import DictionaryAttr, LocationAttr, TensorType
from xdsl.ir import Attribute, SSAValue
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    OptOperandDef,
    OptResultDef,
    VarOperandDef,
    VarResultDef,
    irdl_op_definition,
    opt_prop_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import ParseError, VerifyException

from .options import REQUIRED, Option, OptionError, did_you_mean
from .types import TensorSpec, shape_problem


class Args:
    """One op application as its shape rule reads it.

    Attribute access gives operand specs (`args.input` -> TensorSpec, None for an
    absent optional operand, a tuple for a variadic one) and option values with defaults
    filled in (`args.strides` -> (1, 1)). `args.given(name)` tells whether an option was
    spelled out.
    """

    def __init__(self, op_name: str, operands: dict[str, Any], options: dict[str, Any],
                 given: set[str]):
        self._op_name = op_name
        self._operands = operands
        self._options = options
        self._given = given

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._operands:
            return self._operands[name]
        if name in self._options:
            return self._options[name]
        raise AttributeError(f"{self._op_name} has no operand or option '{name}'")

    def given(self, name: str) -> bool:
        return name in self._given


class WebNNOp(IRDLOperation):
    """Base of all `webnn` ops (see the module docstring)."""

    #: The op's options, in the spec's order.
    OPTIONS: ClassVar[tuple[Option, ...]] = ()
    #: name -> Option, filled in by `webnn_op` (read-only).
    OPTION_MAP: ClassVar[dict[str, Option]] = {}
    #: operand names in order, and which of them are optional / variadic; whether the op
    #: has a variadic list of results. Filled in by `webnn_op` (read-only).
    OPERAND_NAMES: ClassVar[tuple[str, ...]] = ()
    OPTIONAL_OPERANDS: ClassVar[frozenset[str]] = frozenset()
    VARIADIC_OPERANDS: ClassVar[frozenset[str]] = frozenset()
    VARIADIC_RESULTS: ClassVar[bool] = False

    # ------------------------------------------------------------------ the shape rule
    @staticmethod
    def infer(args: Args) -> TensorSpec | Sequence[TensorSpec]:
        """Result specs of the op, or a VerifyException naming the broken rule."""
        raise NotImplementedError

    # ------------------------------------------------------------------ construction
    @classmethod
    def make(cls, operands: Mapping[str, Any], options: Mapping[str, Any] | None = None,
               *, properties: Mapping[str, Attribute] | None = None,
               location: LocationAttr | None = None) -> WebNNOp:
        """A new op from its operands by name and its options; the result types come
        from the op's own shape rule. The public way to make a `webnn` op.

        `operands` maps operand names to values (a list for a variadic operand; absent
        or None for an absent optional operand). `options` holds Python values by spec
        name (None = the spec default); `properties` holds options already stored as
        attributes (as another op's `properties`). Raises `OptionError` for an unknown
        name or an option value of the wrong kind, and `VerifyException` for a broken
        spec rule (an option of the wrong length included); the op is not inserted
        anywhere.
        """
        unknown = [k for k in operands if k not in cls.OPERAND_NAMES]
        unknown += [k for k in [*(options or {}), *(properties or {})]
                    if k not in cls.OPTION_MAP]
        if unknown:
            raise OptionError(f"'{cls.name}' has no operand or option '{unknown[0]}'"
                              + did_you_mean(unknown[0], [*cls.OPERAND_NAMES, *cls.OPTION_MAP]))
        props = dict(properties or {})
        for key, value in (options or {}).items():
            if value is not None:
                props[key] = cls.OPTION_MAP[key].to_attr(value)
        ordered: list[Any] = []
        specs: dict[str, Any] = {}
        for name in cls.OPERAND_NAMES:
            value = operands.get(name)
            if name in cls.VARIADIC_OPERANDS:
                value = list(value or [])
                specs[name] = tuple(_spec_of(v, name) for v in value)
            else:
                specs[name] = None if value is None else _spec_of(value, name)
            ordered.append(value)
        types = [s.to_type() for s in cls.infer_specs(cls.make_args(specs, props))]
        op = cls.build(operands=ordered, properties=props,
                       result_types=[types] if cls.VARIADIC_RESULTS else types)
        if location is not None:
            op.location = location
        return op

    @classmethod
    def names(cls) -> list[str]:
        """What may be spelled in the options dictionary: options and optional operands."""
        return [*(n for n in cls.OPERAND_NAMES if n in cls.OPTIONAL_OPERANDS), *cls.OPTION_MAP]

    def operand(self, name: str) -> SSAValue | tuple[SSAValue, ...] | None:
        """Operand `name`: a value, a tuple for a variadic operand, None when absent."""
        if name not in self.OPERAND_NAMES:
            raise KeyError(f"'{self.name}' has no operand '{name}'")
        value = getattr(self, name)
        return tuple(value) if name in self.VARIADIC_OPERANDS else value

    def operands_by_name(self) -> dict[str, SSAValue | tuple[SSAValue, ...] | None]:
        """Every operand by name (see `operand`)."""
        return {name: self.operand(name) for name in self.OPERAND_NAMES}

    # ------------------------------------------------------------------ options
    def opt(self, name: str) -> Any:
        """The Python value of option `name`, its spec default when not stored."""
        option = self.OPTION_MAP[name]
        attr = self.properties.get(name)
        return option.default if attr is None else option.from_attr(attr)

    @classmethod
    def make_args(cls, operands: dict[str, Any], properties: dict[str, Attribute]) -> Args:
        """Args from operand specs and stored properties; checks the option kinds."""
        values: dict[str, Any] = {}
        for option in cls.OPTIONS:
            attr = properties.get(option.name)
            if attr is None:
                if option.required:
                    raise VerifyException(f"missing required option '{option.name}'")
                values[option.name] = option.default
            else:
                values[option.name] = option.from_attr(attr)
        return Args(cls.name, operands, values,
                    {n for n in properties if n in cls.OPTION_MAP})

    @classmethod
    def infer_specs(cls, args: Args) -> list[TensorSpec]:
        """Run the shape rule and check that every inferred shape is a valid one."""
        out = cls.infer(args)
        specs = [out] if isinstance(out, TensorSpec) else list(out)
        for spec in specs:
            problem = shape_problem(spec.shape, spec.dtype)
            if problem is not None:
                raise VerifyException(f"inferred result shape {list(spec.shape)} is "
                                      f"invalid: {problem}")
        return specs

    def args(self) -> Args:
        """This op's Args (operand types must be static WebNN tensors)."""
        operands: dict[str, Any] = {}
        for name in self.OPERAND_NAMES:
            value = getattr(self, name)
            if name in self.VARIADIC_OPERANDS:
                operands[name] = tuple(_spec_of(v, name) for v in value)
            elif value is None:
                operands[name] = None
            else:
                operands[name] = _spec_of(value, name)
        return self.make_args(operands, dict(self.properties))

    # ------------------------------------------------------------------ verification
    def verify_(self) -> None:
        specs = self.infer_specs(self.args())
        declared = [r.type for r in self.results]
        if len(declared) != len(specs):
            raise VerifyException(f"has {len(declared)} results but the inferred "
                                  f"signature has {len(specs)}")
        for i, (have, want) in enumerate(zip(declared, specs)):
            if TensorSpec.from_type(have) != want:
                which = "result type" if len(specs) == 1 else f"result #{i} type"
                raise VerifyException(f"{which} {have} does not match the inferred "
                                      f"type {want}")

    # ------------------------------------------------------------------ custom syntax
    @classmethod
    def parse(cls, parser: Parser) -> WebNNOp:
        start = parser.pos
        positional = []
        first = parser.parse_optional_unresolved_operand()
        if first is not None:
            positional.append(first)
            while parser.parse_optional_punctuation(",") is not None:
                positional.append(parser.parse_unresolved_operand())

        by_name: dict[str, Any] = {}
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_punctuation("{") is not None:
            if parser.parse_optional_punctuation("}") is None:
                while True:
                    key_pos = parser.pos
                    key = parser.parse_identifier(" for an option name")
                    if key in properties or key in by_name:
                        parser.raise_error(f"option '{key}' is given twice", key_pos,
                                           parser.pos)
                    parser.parse_punctuation("=")
                    if key in cls.OPTIONAL_OPERANDS:
                        by_name[key] = parser.parse_unresolved_operand()
                    elif key in cls.OPTION_MAP:
                        option = cls.OPTION_MAP[key]
                        value_pos = parser.pos
                        try:
                            properties[key] = option.parse(parser)
                        except OptionError as err:
                            parser.raise_error(str(err), key_pos, parser.pos)
                        except ParseError:
                            parser.raise_error(f"option '{key}' expects {option.EXPECTS}",
                                               value_pos, parser.pos)
                    else:
                        parser.raise_error(f"'{cls.name}' has no option '{key}'"
                                           + did_you_mean(key, cls.names()),
                                           key_pos, parser.pos)
                    if parser.parse_optional_punctuation("}") is not None:
                        break
                    parser.parse_punctuation(",")
        attributes = {}
        if parser.parse_optional_keyword("attributes") is not None:
            attributes = parser.parse_optional_attr_dict()

        # Spread the positional operands over the required (and variadic) operands.
        required = [n for n in cls.OPERAND_NAMES if n not in cls.OPTIONAL_OPERANDS]
        n_variadic = len(positional) - (len(required) - (1 if cls.VARIADIC_OPERANDS else 0))
        if (n_variadic < 0 or (not cls.VARIADIC_OPERANDS and n_variadic > 0)
                or (cls.VARIADIC_OPERANDS and n_variadic < 1)):
            want = (f"at least {len(required)}" if cls.VARIADIC_OPERANDS
                    else str(len(required)))
            parser.raise_error(f"'{cls.name}' expects {want} positional operands, got "
                               f"{len(positional)}", start, parser.pos)
        it = iter(positional)
        for name in required:
            if name in cls.VARIADIC_OPERANDS:
                by_name[name] = [next(it) for _ in range(n_variadic)]
            else:
                by_name[name] = next(it)

        parser.parse_punctuation(":")
        type_pos = parser.pos
        ftype = parser.parse_function_type()
        flat = []
        for name in cls.OPERAND_NAMES:
            value = by_name.get(name)
            if isinstance(value, list):
                flat.extend(value)
            elif value is not None:
                flat.append(value)
        inputs = list(ftype.inputs.data)
        if len(inputs) != len(flat):
            parser.raise_error(f"expected {len(flat)} operand types but got {len(inputs)}",
                               type_pos, parser.pos)
        resolved = iter(parser.resolve_operand(u, t) for u, t in zip(flat, inputs))
        operands: list[Any] = []
        for name in cls.OPERAND_NAMES:
            value = by_name.get(name)
            if isinstance(value, list):
                operands.append([next(resolved) for _ in value])
            elif value is None:
                operands.append([] if name in cls.VARIADIC_OPERANDS else None)
            else:
                operands.append(next(resolved))
        outputs = list(ftype.outputs.data)
        result_types: list[Any] = [outputs] if cls.VARIADIC_RESULTS else outputs
        op = cls.build(operands=operands, result_types=result_types,
                       properties=properties, attributes=attributes)
        return op

    def print(self, printer: Printer) -> None:
        positional = []
        for name in self.OPERAND_NAMES:
            if name in self.OPTIONAL_OPERANDS:
                continue
            value = getattr(self, name)
            positional.extend(value if name in self.VARIADIC_OPERANDS else [value])
        if positional:
            printer.print_string(" ")
            printer.print_list(positional, printer.print_operand)
        entries: list[tuple[str, Any]] = []
        for name in self.OPERAND_NAMES:
            if name in self.OPTIONAL_OPERANDS and getattr(self, name) is not None:
                entries.append((name, getattr(self, name)))
        for option in self.OPTIONS:
            if option.name in self.properties:
                entries.append((option.name, option))
        if entries:
            printer.print_string(" {")
            for i, (name, what) in enumerate(entries):
                if i:
                    printer.print_string(", ")
                printer.print_string(f"{name} = ")
                if isinstance(what, Option):
                    what.print(printer, self.properties[name])
                else:
                    printer.print_operand(what)
            printer.print_string("}")
        if self.attributes:
            printer.print_string(" attributes ")
            printer.print_attr_dict(self.attributes)
        printer.print_string(" : ")
        printer.print_function_type(self.operand_types, self.result_types)


def _spec_of(value: SSAValue, name: str) -> TensorSpec:
    spec = TensorSpec.from_type(value.type)
    if spec is None:
        raise VerifyException(f"operand '{name}' must be a statically shaped tensor of "
                              f"a WebNN data type, got {value.type}")
    problem = shape_problem(spec.shape, spec.dtype)
    if problem is not None:
        raise VerifyException(f"operand '{name}' of type {value.type} is invalid: {problem}")
    return spec


def webnn_op(cls: type[WebNNOp]) -> type[WebNNOp]:
    """Register a `webnn` op: options become optional properties, then IRDL takes over."""
    _declare_constants(cls)
    option_map = {}
    for option in cls.OPTIONS:
        if option.name in cls.__dict__ or hasattr(IRDLOperation, option.name):
            raise TypeError(f"{cls.__name__}: option '{option.name}' clashes with a field")
        option_map[option.name] = option
        setattr(cls, option.name, opt_prop_def(option.constraint))
    fields = {k: v for k, v in cls.__dict__.items()}
    optional = [k for k, v in fields.items() if _is_field(v, OptOperandDef)]
    if optional and "irdl_options" not in fields:
        cls.irdl_options = (AttrSizedOperandSegments(as_property=True),)
    op_cls = irdl_op_definition(cls)
    op_def = op_cls.get_irdl_definition()
    op_cls.OPTION_MAP = option_map
    op_cls.OPERAND_NAMES = tuple(n for n, _ in op_def.operands)
    op_cls.OPTIONAL_OPERANDS = frozenset(
        n for n, d in op_def.operands if isinstance(d, OptOperandDef))
    op_cls.VARIADIC_OPERANDS = frozenset(
        n for n, d in op_def.operands
        if isinstance(d, VarOperandDef) and not isinstance(d, OptOperandDef))
    op_cls.VARIADIC_RESULTS = any(
        isinstance(d, VarResultDef) and not isinstance(d, OptResultDef)
        for _, d in op_def.results)
    return op_cls


def _declare_constants(cls: type) -> None:
    """Mark upper-case class constants (DTYPES, OPTIONS, ...) as ClassVars for IRDL.

    IRDL accepts constants only when annotated `ClassVar`; this spares every op family
    from repeating the annotation on each override.
    """
    for klass in cls.__mro__:
        if klass is WebNNOp or not issubclass(klass, WebNNOp):
            break
        annotations = dict(klass.__dict__.get("__annotations__", {}))
        for key in klass.__dict__:
            if key.isupper() and key not in annotations:
                annotations[key] = ClassVar
        klass.__annotations__ = annotations


def _is_field(value: Any, def_cls: type) -> bool:
    return getattr(value, "cls", None) is not None and issubclass(value.cls, def_cls)


__all__ = ["Args", "WebNNOp", "webnn_op", "TensorType", "DictionaryAttr", "REQUIRED"]
