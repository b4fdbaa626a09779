"""Graph plumbing: `webnn.constant` (graph inputs are function arguments).

A constant holds its data inline, or names an array in an `.npz` file that lies beside
the IR file (resolved relative to that file when the graph is compiled):

    %b = webnn.constant dense<[0.5, -1.0]> : tensor<2xf32>
    %w = webnn.constant file("weights.npz", "conv1_w") : tensor<8x3x3x3xf32>

Large inline constants print as hex (`dense<"0x...">`), which reads back bit-exactly;
a constant whose elements are all equal prints as a splat (`dense<2.0>`) at any size.
"""

from __future__ import annotations

import hashlib

from xdsl.dialects.builtin import DenseIntOrFPElementsAttr, StringAttr, TensorType
from xdsl.irdl import opt_prop_def, result_def
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ..base import WebNNOp, webnn_op
from ..types import TensorSpec, shape_problem

#: Inline constants with more elements than this print in hex form.
HEX_THRESHOLD = 256


@webnn_op
class ConstantOp(WebNNOp):
    """A constant tensor: inline `dense<...>` data or `file("x.npz", "key")`."""

    name = "webnn.constant"
    value = opt_prop_def(DenseIntOrFPElementsAttr)
    file = opt_prop_def(StringAttr)
    key = opt_prop_def(StringAttr)
    output = result_def(TensorType)

    def verify_(self) -> None:
        spec = TensorSpec.from_type(self.output.type)
        if spec is None:
            raise VerifyException(f"result must be a statically shaped tensor of a WebNN "
                                  f"data type, got {self.output.type}")
        problem = shape_problem(spec.shape, spec.dtype)
        if problem is not None:
            raise VerifyException(f"result type {self.output.type} is invalid: {problem}")
        inline = self.value is not None
        external = self.file is not None or self.key is not None
        if inline == external:
            raise VerifyException("needs either inline data or a file and key, not "
                                  + ("both" if inline else "neither"))
        if external and (self.file is None or self.key is None):
            raise VerifyException("an external constant needs both a file and a key")
        if inline and self.value.type != self.output.type:
            raise VerifyException(f"data type {self.value.type} does not match result "
                                  f"type {self.output.type}")

    @classmethod
    def parse(cls, parser: Parser) -> ConstantOp:
        properties = {}
        if parser.parse_optional_keyword("file") is not None:
            parser.parse_punctuation("(")
            properties["file"] = StringAttr(parser.parse_str_literal())
            parser.parse_punctuation(",")
            properties["key"] = StringAttr(parser.parse_str_literal())
            parser.parse_punctuation(")")
            parser.parse_punctuation(":")
            result_type = parser.parse_type()
        else:
            pos = parser.pos
            try:
                value = parser.parse_attribute()
            except (OverflowError, ValueError) as err:
                # xDSL packs the literal into its element type as it parses: 1e39 does
                # not fit f32, nor 300 ui8. Report it at the literal, not past the op.
                parser.raise_error(f"dense data does not fit its element type: {err}", pos,
                                   parser.pos)
            if not isinstance(value, DenseIntOrFPElementsAttr):
                parser.raise_error("expected dense<...> data or file(\"name.npz\", \"key\")",
                                   pos, parser.pos)
            properties["value"] = value
            result_type = value.type
        return cls.build(result_types=[result_type], properties=properties)

    def print(self, printer: Printer) -> None:
        if self.value is None:
            file = self.file.data if self.file else ""
            key = self.key.data if self.key else ""
            printer.print_string(' file(')
            printer.print_string_literal(file)
            printer.print_string(", ")
            printer.print_string_literal(key)
            printer.print_string(") : ")
            printer.print_attribute(self.output.type)
            return
        printer.print_string(" ")
        data = self.value.data.data
        # A printer that hashes IR (the compile cache's key) asks for large data as its
        # digest, as MLIR's printer can elide large elements attributes.
        limit = getattr(printer, "digest_constants_over", None)
        if limit is not None and len(data) > limit:
            printer.print_string(f'dense_sha256<"{hashlib.sha256(data).hexdigest()}"> : ')
            printer.print_attribute(self.value.type)
            return
        size = len(data) // max(len(self.value), 1)
        splat = data == data[:size] * len(self.value)
        if len(self.value) > HEX_THRESHOLD and not splat:
            printer.print_string(f'dense<"0x{self.value.data.data.hex().upper()}"> : ')
            printer.print_attribute(self.value.type)
        else:
            printer.print_attribute(self.value)


#: The ops of the graph family, in one table: `dialects/webnn/__init__.py` registers
#: the dialect from these tables.
OPS = (ConstantOp,)
