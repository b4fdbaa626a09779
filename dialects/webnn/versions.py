"""The version log of the `webnn` dialect: each version's spec snapshot, and every change.

A module says which op set it is written in with `builtin.module attributes
{webnn.version = N}`. Version N is one snapshot of the W3C WebNN spec; `SNAPSHOTS` names
it. `CHANGES` lists, for each later version, every difference a program can see, with
the spec PR or issue that made it and what `webnn-upgrade` does with it. `ADDED_OPS` and
`REMOVED_OPS` say which version brought or dropped an op; diagnostics quote them.

The legacy op definitions of version N live in `legacy/v<N>/`; the rewrite rules from
N to N + 1 in `passes/webnn_upgrade.py` (and back in `passes/webnn_downgrade.py`); the
frozen corpus of version-N files in `tests/lit/compat/v<N>/`. The corpus README states
the compatibility guarantee and the checklist for adding a version.

Version 1 spelling of the fused activations (an `MLActivation` object in the spec,
made by `builder.relu()`, `builder.leakyRelu({alpha})`, ...): the activation's op name
as a string, followed by its options in parentheses when any is given:

    %y = webnn.conv2d %x, %w {autoPad = "same-upper", activation = "relu"} : ...
    %z = webnn.batchNormalization %x, %m, %v {activation = "leakyRelu"(alpha = 0.1)} : ...
    %h = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4, activations = ["sigmoid", "hardSigmoid"(alpha = 0.2, beta = 0.5)]} : ...

The stored property is a dictionary, `{name = "leakyRelu", alpha = 1.0e-01 : f64}`
(that is also the generic form). The kinds are the eleven the spec could fuse: relu,
sigmoid, tanh, hardSwish, softsign (no options), leakyRelu(alpha), elu(alpha),
hardSigmoid(alpha, beta), linear(alpha, beta), softplus(steepness), clamp(minValue,
maxValue); an option left out takes the op's default. Version 1 `reshape` spells its
wildcard dimension `null` (`newShape = [2, null]`; stored as -1).

Version 1 is the CR of 2023-03-30 *and* four ops of 2023-12 in the forms they had then
(`ADOPTED` says which and why): argMin/argMax with `axes` (one axis), `keepDimensions`,
`selectLastIndex` and int64 indices, `not`, and `where`:

    %i = webnn.argMax %x {axes = [1], selectLastIndex = true} : (tensor<2x5xf32>) -> tensor<2xi64>
    %n = webnn.not %m : (tensor<4xui8>) -> tensor<4xui8>
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    """The spec text a dialect version follows."""

    version: int
    title: str
    date: str
    url: str
    op_count: int


SNAPSHOTS: dict[int, Snapshot] = {
    1: Snapshot(1, "WebNN W3C Candidate Recommendation", "2023-03-30",
                "https://www.w3.org/TR/2023/CR-webnn-20230330/", 60),
    2: Snapshot(2, "WebNN editor's draft (after #910, minimum data types and ranks)",
                "2026-06", "https://webmachinelearning.github.io/webnn/", 95),
}


@dataclass(frozen=True)
class Adopted:
    """A spec form later than version `version`'s snapshot that counts as that version."""

    version: int
    form: str
    ref: str
    became: str


#: Why version 1 is more than its snapshot. The project's issue defines version 1 as "the
#: WebNN Candidate Recommendation of 2023-03-30 (60 ops; fused activation options ...;
#: autoPad; squeeze; softmax without axis; roundingType; the v1 argMin/argMax and slice
#: forms; and the rest listed in webnn-history.md)", and asks that every v1 op and every
#: changed option of that history's upgrade table upgrade. The table's argMin/argMax,
#: `not` and `where` rows are 2023-12 forms (#478), after the CR 2023 and gone (or
#: renamed) before version 2: the CR Snapshot 2024 that had them is no version here, so
#: the project counts them as version 1 (64 ops), and int64 with them as far as they need
#: it (the indices argMin/argMax return, which a graph may output).
ADOPTED: tuple[Adopted, ...] = (
    Adopted(1, "argMin / argMax `(input, {axes, keepDimensions = false, selectLastIndex "
               "= false})` with int64 indices; read in the one-axis form `axes = [a]` "
               "(the 2023-12 text also allowed no or several axes, with an index order "
               "it never defined)", "2023-12, #478",
            "selectLastIndex removed 2024-07, #722; a scalar positional `axis` 2024-07, "
            "#724; `outputDataType` with default int32 2024-07, #730"),
    Adopted(1, "`not(a)` on uint8 (1 where a is 0)", "2023-12, #478",
            "renamed `logicalNot` 2024-05, #692"),
    Adopted(1, "`where(condition, input, other)`", "2023-12, #478",
            "operands renamed `trueValue`, `falseValue` 2024-07, #719; IR operands are "
            "positional, so its IR form is the current one (same class in both versions)"),
    Adopted(1, "int64, as the data type of argMin/argMax indices (so also of graph "
               "outputs); no graph input, constant or other op has it", "2023-12, #478",
            "any op's data type per the current tables"),
)

#: How `webnn-upgrade` treats a change.
AUTOMATIC = "automatic"            # a rewrite that needs nothing but the op itself
SHAPES = "automatic, from shapes"  # a rewrite that reads the (always static) shapes
PARTIAL = "partly automatic"       # some values upgrade, the rest is refused with a diagnostic
NO_IR_FORM = "no IR form"          # an API change the IR never spelled (nothing to do)


@dataclass(frozen=True)
class Change:
    """One difference between version `version - 1` and `version`."""

    version: int
    before: str
    after: str
    ref: str
    upgrade: str


CHANGES: tuple[Change, ...] = (
    Change(2, "conv2d / convTranspose2d / batchNormalization option `activation`",
           "the op without it, followed by the activation op on its result",
           "2024-05, #664 (issue #658)", AUTOMATIC),
    Change(2, "conv2d / convTranspose2d / pools option `autoPad` (\"explicit\", "
              "\"same-upper\", \"same-lower\")",
           "explicit `padding` computed from the input, filter/window, strides, "
           "dilations (and outputPadding for convTranspose2d)",
           "2024-02-28, #587 (issue #326)", SHAPES),
    Change(2, "pools option `roundingType`", "`outputShapeRounding` (same values)",
           "2025-09, #770", AUTOMATIC),
    Change(2, "`squeeze(input, {axes})`", "`reshape` to the shape without those size-1 "
              "dimensions", "2023-12, #478 (issue #375)", SHAPES),
    Change(2, "`softmax(input)`, 2-D input, normalizes axis 1",
           "`softmax(input, axis)` on any rank; the upgrade fills axis = 1",
           "2024-04, #649", AUTOMATIC),
    Change(2, "`softplus(input, {steepness})`",
           "`softplus(input)`; steepness s != 1 becomes div(softplus(mul(x, s)), s)",
           "2024-04, #651", AUTOMATIC),
    Change(2, "`slice(input, starts, sizes, {axes})`, negative starts count from the "
              "end, size -1 means to the end",
           "full-rank, non-negative `starts` and positive `sizes` (and `strides`, #805)",
           "2023-04, \"Simplify slice\"", SHAPES),
    Change(2, "`reshape` newShape with one `null` wildcard", "every dimension given",
           "2024-01, #505 (wildcard from #291)", SHAPES),
    Change(2, "`matmul` with a 1-D operand (NumPy promotion)",
           "reshape to 2-D, matmul, reshape the result back (both ranks >= 2 now)",
           "2024-02, #523", SHAPES),
    Change(2, "`pad` mode \"symmetric\"",
           "slice + reverse + concat per padded dimension (padding <= dimension)",
           "2025-05, #843", PARTIAL),
    Change(2, "`pad` mode \"reflection\" with padding >= the dimension",
           "refused: reflection padding must be smaller than the dimension",
           "2025-05, #843", PARTIAL),
    Change(2, "gru / gruCell / lstm / lstmCell `activations` as MLActivation objects",
           "`MLRecurrentNetworkActivation` strings \"relu\", \"sigmoid\", \"tanh\"; any "
           "other activation is refused", "2024-07, #718 (objects from #321)", PARTIAL),
    Change(2, "clamp `minValue`/`maxValue` and pad `value` as float",
           "MLNumber (bigint or double); same value", "2024-06/07, #650, #647", AUTOMATIC),
    Change(2, "float options (alpha, beta, epsilon, steepness) as float",
           "double; the IR stores f64 in both versions", "2024-06, #650", AUTOMATIC),
    Change(2, "resample2d `axes` limited to [0, 1], [1, 2] or [2, 3]",
           "any two distinct axes (nothing to rewrite; downgrade checks)",
           "2024-08, #752", AUTOMATIC),
    Change(2, "data types float32, float16, int32, uint32, int8, uint8, and int64 only "
              "for argMin/argMax indices",
           "int64 and uint64 wherever the tables allow (downgrade refuses them, but for "
           "int64 indices)", "2023-12, #478", AUTOMATIC),
    Change(2, "argMin / argMax `{axes: [a], keepDimensions}`, int64 indices (2023-12 form)",
           "`argMin(input, axis, {keepDimensions, outputDataType})`, default int32; the "
           "upgrade writes axis = a and outputDataType = \"int64\"",
           "2024-07, #724, #730", AUTOMATIC),
    Change(2, "argMin / argMax `selectLastIndex = true`: the last of tied extrema",
           "no such option (the first index): reverse along the axis, argMin/argMax, and "
           "(dimension - 1) - index in int64", "2024-07, #722", SHAPES),
    Change(2, "`not(a)` (2023-12 form)", "`logicalNot(a)`", "2024-05, #692", AUTOMATIC),
    Change(2, "`where(condition, input, other)` (2023-12 form)",
           "`where(condition, trueValue, falseValue)`; operands are positional in the IR",
           "2024-07, #719", NO_IR_FORM),
    Change(2, "no per-op data type tables (any type the op could compute)",
           "normative allowed-type tables: the current verifier checks upgraded v1 ops",
           "2024-11, #657, #646; required types #910", AUTOMATIC),
    Change(2, "operand descriptor `{type, dimensions}`",
           "`{dataType, shape}`, shape required; the IR spells tensor types",
           "2023-10 #464, 2024-09 #676, #764", NO_IR_FORM),
    Change(2, "`constant(value, type)`", "`constant(dataType, value)`; the IR spells "
              "`webnn.constant dense<...>`", "2024-06, #650; 2025-09, #888", NO_IR_FORM),
    Change(2, "parameter names (`x` -> `input`, cast `type` -> `dataType`)",
           "operands are positional in the IR", "2023-12 #478, 2025-09 #888", NO_IR_FORM),
    Change(2, "context option `deviceType`", "`accelerated` (context, not graph)",
           "2025-02 #809, 2025-10 #895", NO_IR_FORM),
    Change(2, "no `label` on ops", "`MLOperatorOptions.label` (locations carry names "
              "here)", "2024-07, #742", NO_IR_FORM),
    Change(2, "32 ops that did not exist", "see ADDED_OPS (downgrade refuses them)",
           "#478, #628, #805, #858, #859", AUTOMATIC),
)
"""Every v1 -> v2 change. The spec's forms that lived only between the two snapshots and
that the project counts as version 1 (`ADOPTED`: 2023-12's argMin/argMax `{axes,
keepDimensions, selectLastIndex}`, `not`, `where(condition, input, other)`) are here too."""

#: op -> (version it first appears in, when and where the spec added it).
ADDED_OPS: dict[str, tuple[int, str]] = {
    **{op: (1, "2023-12, #478; counted as version 1, see ADOPTED") for op in (
        "argMin", "argMax", "not", "where")},
    **{op: (2, "2023-12, #478") for op in (
        "cast", "equal", "greater", "greaterOrEqual", "lesser", "lesserOrEqual", "erf",
        "identity", "reciprocal", "sqrt", "expand", "gather", "layerNormalization",
        "triangular")},
    "gelu": (2, "2024-04, #628"),
    **{op: (2, "2025-03, #805") for op in (
        "cumulativeSum", "sign", "tile", "gatherElements", "scatterElements", "gatherND",
        "scatterND", "dequantizeLinear", "quantizeLinear", "notEqual", "logicalAnd",
        "logicalOr", "logicalXor", "reverse")},
    **{op: (2, "2025-07/08, #858, #859") for op in ("roundEven", "isNaN", "isInfinite")},
}

#: op -> (version it is gone from, when and where, what to write instead).
REMOVED_OPS: dict[str, tuple[int, str, str]] = {
    "squeeze": (2, "2023-12, #478", "reshape"),
}

#: op -> (its old name, version that renamed it, when and where).
RENAMED_OPS: dict[str, tuple[str, int, str]] = {
    "logicalNot": ("not", 2, "2024-05, #692"),
}

#: Data types a version lacks -> (version that added them, reference). Version 1 has
#: int64 only as argMin/argMax indices (see ADOPTED).
ADDED_DTYPES: dict[str, tuple[int, str]] = {
    "int64": (2, "2023-12, #478"),
    "uint64": (2, "2023-12, #478"),
}


def unknown_op_hint(op: str, version: int) -> str:
    """Why `webnn.<op>` is not in `version`, when the log knows; '' otherwise."""
    for new, (old, since, ref) in RENAMED_OPS.items():
        if op == new and since > version:
            return (f" (version {version} spells it {old}; renamed {new} in version "
                    f"{since}: {ref})")
        if op == old and since <= version:
            return f" ({old} was renamed {new} in version {since}: {ref})"
    added = ADDED_OPS.get(op)
    if added is not None and added[0] > version:
        return f" ({op} was added in version {added[0]}: {added[1]})"
    removed = REMOVED_OPS.get(op)
    if removed is not None and removed[0] <= version:
        return f" ({op} was removed in version {removed[0]}: {removed[1]}; use {removed[2]})"
    return ""


__all__ = ["SNAPSHOTS", "ADOPTED", "CHANGES", "ADDED_OPS", "REMOVED_OPS", "RENAMED_OPS",
           "ADDED_DTYPES", "Adopted", "Change", "Snapshot", "unknown_op_hint"]
