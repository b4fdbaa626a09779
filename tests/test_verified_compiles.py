"""What verifies, compiles: mutated graphs are refused at their op, or compile, run and agree.

The seeds are the ops of the round-trip lit files (tests/lit/dialects/webnn/ops), which
between them use every op of the dialect with its options. Each mutant is one op as a
whole graph (its operands are the graph inputs) with one thing changed: an option set to
an extreme value of its kind (NaN, +-inf, 1e308, int64 limits, huge strides, an empty or
too long list, another enum value, a flipped bool), the data type of one operand or of
all operands sharing one, or one dimension of an operand (changed, dropped or added).
When the shape rule accepts the mutant, its result types are re-inferred, so the
verifier sees a consistent op and the mutant is a graph a user could write.

Every mutant must then either be refused by the verifier with errors located at the
op's line, or compile; a compiled mutant of modest size must run through
`webnn-run --compare` (generated inputs, the reference executor, the default tolerance)
without a mismatch. Any other outcome (an exception escaping, an internal error, an
unlocated diagnostic, a lowering that fails on a verified op) fails the test.
"""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest
from xdsl.dialects import func
from xdsl.dialects.builtin import ArrayAttr, DictionaryAttr, IntegerAttr, ModuleOp, StringAttr
from xdsl.ir import Block, Region

import compiler
from compiler.diagnostics import DiagnosticEngine
from compiler.cli.webnn_run import main as run_main
from compiler.compat import parse as parse_ir
from compiler.ir import make_context
from compiler.module import Module
from dialects.webnn import CURRENT_VERSION, WebNNOp
from dialects.webnn import options as kinds
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.types import ALL, TensorSpec

ROOT = Path(__file__).resolve().parents[1]
SEED_FILES = sorted((ROOT / "tests" / "lit" / "dialects" / "webnn" / "ops").glob("*.mlir"))

INTS = [0, 1, -1, 2, 3, -7, 2**31 - 1, -(2**31), 2**32, 2**62, -(2**63), 2**63 - 1]
FLOATS = [math.nan, math.inf, -math.inf, 0.0, -0.0, 1e308, -1e308, 1e-320, 3.5e38, 65504.0,
          70000.0, -0.5, 0.5, 1.5]
NUMBERS = FLOATS + [2**64 - 1, 2**63, -(2**63), 2**63 - 1, 300, -129, 2**32, -1, 255]
DIMS = [1, 2, 3, 5, 7, 16]
#: Mutants with a tensor larger than this are verified and compiled, not run.
RUN_LIMIT = 1 << 16
#: Mutants with a tensor larger than this are only verified (compiling a graph of
#: gigabyte tensors is legitimate but too slow for a unit test).
COMPILE_LIMIT = 1 << 24


def _seeds() -> list[tuple[type[WebNNOp], dict, dict, list]]:
    """(op class, operand specs by name, properties, result specs) of every op in the
    seed files."""
    seeds = []
    for path in SEED_FILES:
        diags = DiagnosticEngine()
        module = parse_ir(path.read_text(), str(path), diags, make_context())
        assert module is not None, diags.render_all()
        for op in module.walk():
            if not isinstance(op, WebNNOp) or isinstance(op, ConstantOp):
                continue
            operands = {}
            for name in op.OPERAND_NAMES:
                value = getattr(op, name)
                if name in op.VARIADIC_OPERANDS:
                    operands[name] = [TensorSpec.from_type(v.type) for v in value]
                else:
                    operands[name] = None if value is None else TensorSpec.from_type(value.type)
            seeds.append((type(op), operands, dict(op.properties),
                          [TensorSpec.from_type(r.type) for r in op.results]))
    return seeds


SEEDS = _seeds()


# ----------------------------------------------------------------------------- mutations
def _extreme(rng: random.Random, option: kinds.Option, value):
    """An extreme value of `option`'s kind, or None when it has none to offer."""
    if isinstance(option, kinds.Bool):
        return not value
    if isinstance(option, kinds.Number):
        return rng.choice(NUMBERS)
    if isinstance(option, kinds.Float):
        return rng.choice(FLOATS)
    if isinstance(option, kinds.Int):
        return rng.choice(INTS)
    if isinstance(option, kinds.Floats):
        values = list(value or (1.0, 1.0))
        values[rng.randrange(len(values))] = rng.choice(FLOATS)
        return values
    if isinstance(option, kinds.IntOrInts):
        if isinstance(value, int) or rng.random() < 0.3:
            return rng.choice(INTS)
        values = list(value)
        if values:
            values[rng.randrange(len(values))] = rng.choice(INTS)
        return values
    if isinstance(option, kinds.Ints):
        values = list(value) if isinstance(value, tuple) else []
        roll = rng.random()
        if values and roll < 0.7:
            values[rng.randrange(len(values))] = rng.choice(INTS)
        elif values and roll < 0.85:
            values.pop()
        else:
            values.append(rng.choice(INTS))
        return values
    if isinstance(option, kinds.Strs):
        return [rng.choice(option.values) for _ in range(len(value or ()) or 2)]
    if isinstance(option, kinds.Enum):
        return rng.choice(option.values)
    return None


def _mutate_option(rng, cls, operands, props):
    if not cls.OPTIONS:
        return None
    option = rng.choice(cls.OPTIONS)
    stored = props.get(option.name)
    value = _extreme(rng, option, option.default if stored is None
                     else option.from_attr(stored))
    try:
        attr = option.to_attr(value)
    except kinds.OptionError:  # (a value the custom syntax cannot even spell)
        return None
    return operands, {**props, option.name: attr}, f"{option.name} = {value!r}"


def _mutate_operand(rng, cls, operands, props, what: str):
    names = [n for n, s in operands.items() if s]
    if not names:
        return None
    name = rng.choice(names)
    spec = operands[name]
    index = rng.randrange(len(spec)) if isinstance(spec, list) else None
    target = spec[index] if index is not None else spec
    if what == "dtype" and rng.random() < 0.5:
        dtype = rng.choice(ALL)

        def retype(s):
            return s.with_dtype(dtype) if s.dtype == target.dtype else s
        changed = {k: None if s is None else [retype(x) for x in s] if isinstance(s, list)
                   else retype(s) for k, s in operands.items()}
        return changed, props, f"every {target.dtype} operand -> {dtype}"
    if what == "dtype":
        new = target.with_dtype(rng.choice(ALL))
    else:
        shape = list(target.shape)
        roll = rng.random()
        if shape and roll < 0.5:
            shape[rng.randrange(len(shape))] = rng.choice(DIMS)
        elif shape and roll < 0.7:
            shape.pop(rng.randrange(len(shape)))
        else:
            shape.insert(rng.randrange(len(shape) + 1), rng.choice(DIMS[:3]))
        new = target.with_shape(shape)
    changed = dict(operands)
    if index is None:
        changed[name] = new
    else:
        changed[name] = [*spec[:index], new, *spec[index + 1:]]
    return changed, props, f"{name} -> {new}"


def mutants(seed: int, count: int):
    """`count` (description, IR text) mutants, reproducible from `seed`."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        cls, operands, props, results = rng.choice(SEEDS)
        roll = rng.random()
        if roll < 0.5:
            mutant = _mutate_option(rng, cls, operands, props)
        else:
            mutant = _mutate_operand(rng, cls, operands, props,
                                     "dtype" if roll < 0.75 else "shape")
        if mutant is None:
            continue
        new_operands, new_props, what = mutant
        made += 1
        yield f"{cls.name}: {what}", _graph_text(cls, new_operands, new_props, results)


def _graph_text(cls, operands: dict, props: dict, results: list[TensorSpec]) -> str:
    """IR of one graph applying `cls` to inputs of the given specs; its result types
    are the inferred ones, or `results` (the seed's) when the shape rule refuses."""
    try:
        results = cls.infer_specs(cls.make_args(operands, props))
    except Exception:  # (any exception: the verifier must then report it, located)
        pass
    flat = [s for name in cls.OPERAND_NAMES for s in
            (operands[name] if isinstance(operands[name], list)
             else [operands[name]] if operands[name] is not None else [])]
    block = Block(arg_types=[s.to_type() for s in flat])
    args = iter(block.args)
    values = []
    for name in cls.OPERAND_NAMES:
        spec = operands[name]
        if isinstance(spec, list):
            values.append([next(args) for _ in spec])
        elif spec is None:
            values.append([] if name in cls.VARIADIC_OPERANDS else None)
        else:
            values.append(next(args))
    types = [s.to_type() for s in results]
    op = cls.build(operands=values, result_types=[types] if cls.VARIADIC_RESULTS else types,
                   properties=props)
    block.add_ops([op, func.ReturnOp(*op.results)])

    def names(prefix, n):
        return ArrayAttr([DictionaryAttr({"webnn.name": StringAttr(f"{prefix}{i}")})
                          for i in range(n)])
    graph = func.FuncOp("main", ([s.to_type() for s in flat], types), Region(block),
                        arg_attrs=names("in", len(flat)), res_attrs=names("out", len(types)))
    module = ModuleOp([graph])
    module.attributes["webnn.version"] = IntegerAttr(CURRENT_VERSION, 64)
    try:
        return Module(module).text(debuginfo=False)
    except Exception:  # an option value the custom syntax cannot print: generic form
        return Module(module).text(generic=True, debuginfo=False)


# ----------------------------------------------------------------------------- the rule
def _largest(module) -> int:
    return max(math.prod(spec.shape) for _, spec in module.inputs + module.outputs)


def check(what: str, text: str, path: Path, capsys) -> str:
    """Apply the rule to one mutant; returns "refused", "compiled" or "ran"."""
    path.write_text(text)
    op_line = next(i for i, line in enumerate(text.splitlines(), 1)
                   if re.search(r'(= |")webnn\.', line))
    try:
        module = compiler.parse(path)
    except compiler.CompileError as err:
        errors = [d for d in err.diagnostics if d.severity == "error"]
        assert errors, f"{what}: refused without an error\n{text}"
        for d in errors:
            assert d.position is not None and d.position.line == op_line, \
                f"{what}: error not located at the op (line {op_line}):\n{err}\n{text}"
        return "refused"
    size = _largest(module)
    if size > COMPILE_LIMIT:
        return "verified"
    if size > RUN_LIMIT:
        compiler.compile(module)
        return "compiled"
    capsys.readouterr()
    status = run_main([str(path), "--compare"])
    out, err = capsys.readouterr()
    assert status == 0 and "MISMATCH" not in out and not err.strip(), \
        f"{what}: webnn-run --compare exited {status}\n{out}{err}\n{text}"
    return "ran"


@pytest.mark.parametrize("seed", range(8))
def test_mutants_are_refused_at_the_op_or_compile_run_and_agree(seed, tmp_path, capsys):
    outcomes = [check(what, text, tmp_path / f"m{i}.mlir", capsys)
                for i, (what, text) in enumerate(mutants(seed, 50))]
    # The mutations must reach both sides of the rule, or the test proves nothing.
    assert "refused" in outcomes and "ran" in outcomes, outcomes


def test_the_seeds_cover_every_op():
    from dialects.webnn import OPS

    seeded = {cls for cls, *_ in SEEDS}
    missing = sorted(op.name for op in OPS if op is not ConstantOp and op not in seeded)
    assert not missing, f"no seed in the round-trip lit files for {missing}"


def test_a_nan_clamp_bound_is_refused_and_an_infinite_one_saturates(tmp_path, capsys):
    # The case that started this: an integer clamp with minValue = -inf passed the
    # verifier and then crashed the lowering with an OverflowError.
    text = """builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<4xi32> {webnn.name = "x"}) -> (tensor<4xi32> {webnn.name = "y"}) {
    %0 = webnn.clamp %x {minValue = BOUND} : (tensor<4xi32>) -> tensor<4xi32>
    func.return %0 : tensor<4xi32>
  }
}
"""
    assert check("-inf", text.replace("BOUND", "-inf"), tmp_path / "a.mlir", capsys) == "ran"
    assert check("nan", text.replace("BOUND", "nan"), tmp_path / "b.mlir", capsys) == "refused"
