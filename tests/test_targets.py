"""Target profiles: the data is complete and cited, `cpu` follows the dialect, the JSON is
what a browser's opSupportLimits() returns, and a pasted JSON is read the same way."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compiler.targets import BACKENDS, TARGET_NAMES, TargetError, load_target
from compiler.targets.cpu import UNBOUNDED, _templates, cpu_profile
from compiler.targets.profile import DATA_TYPES, ROW_METADATA, read_profile
from compiler.targets.spec import PROFILE_DIR, spec_table
from dialects.webnn import OPS_BY_NAME

ROOT = Path(__file__).resolve().parents[1]
DIALECT_OPS = set(OPS_BY_NAME) - {"constant"}


def opt(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "tools.webnn_opt", *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin)


def test_every_dialect_op_has_a_probe_template_and_a_spec_row():
    assert set(_templates()) == DIALECT_OPS
    assert set(spec_table()) == DIALECT_OPS


@pytest.mark.parametrize("name", BACKENDS)
def test_backend_profiles_cover_every_op_and_operand_and_cite_every_row(name):
    data = json.loads((PROFILE_DIR / f"{name}.json").read_text(encoding="utf-8"))
    sources = data["profile"]["sources"]
    profile = load_target(name)
    assert set(profile.ops) == DIALECT_OPS
    for op, members in profile.ops.items():
        assert set(members) == set(spec_table()[op]), op
    rows = [profile.input, profile.constant, profile.output,
            *[m for members in profile.ops.values() for m in members.values()]]
    for row in rows:
        assert row.source in sources and row.row, row
        assert set(row.data_types) <= set(DATA_TYPES)
        assert row.rank_range is not None and row.rank_range[0] <= row.rank_range[1]
    for rule in profile.rules.values():
        assert rule["source"] in sources


def test_backend_facts_from_the_sources():
    tflite, coreml, ort, dml = (load_target(n) for n in BACKENDS)
    assert tflite.preferred_input_layout == "nhwc"
    assert {coreml.preferred_input_layout, ort.preferred_input_layout,
            dml.preferred_input_layout} == {"nchw"}
    assert dml.max_tensor_byte_length == 2**32 - 1 and tflite.max_tensor_byte_length == 2**31 - 1
    assert tflite.ops["l2Pool2d"]["input"].data_types == ()
    assert coreml.ops["gather"]["indices"].data_types == ("int32",)
    assert coreml.input.data_types == ("float32", "float16", "int32")
    assert coreml.ops["argMax"]["output"].data_types == ("int32",)
    assert tflite.ops["pow"]["a"].rank_range == (0, 4)
    assert tflite.rules["resample2d"]["axes"] == [[1, 2]]
    assert coreml.rules["resample2d"]["axes"] == [[2, 3]]


def test_spec_required_profile_is_the_spec_minimum():
    required = load_target("spec-required")
    assert required.ops["conv2d"]["input"].data_types == ("float32", "float16")
    assert required.ops["gather"]["indices"].data_types == ("int32",)
    assert required.ops["add"]["a"].rank_range == (0, 5)
    assert required.input is None and required.max_tensor_byte_length is None


def test_cpu_profile_is_the_dialects_own_rules():
    cpu = cpu_profile()
    from passes.webnn_to_linalg import load_all
    assert set(cpu.ops) == set(load_all()) == DIALECT_OPS
    for op, members in cpu.ops.items():
        assert set(members) == set(spec_table()[op]), op
    # What the shape rules say, operand by operand:
    assert cpu.ops["relu"]["input"].data_types == ("float32", "float16", "int32", "int64", "int8")
    assert cpu.ops["isNaN"]["a"].data_types == ("float32", "float16")
    assert cpu.ops["gather"]["indices"].data_types == ("int32", "uint32", "int64")
    assert cpu.ops["argMin"]["output"].data_types == ("int32", "int64")
    assert cpu.ops["cast"]["output"].data_types == tuple(cpu.input.data_types)
    assert cpu.ops["equal"]["output"].data_types == ("uint8",)
    assert cpu.ops["conv2d"]["bias"].rank_range == (1, 1)
    assert cpu.ops["add"]["a"].rank_range == (0, UNBOUNDED)


def test_the_dialect_never_accepts_more_than_the_spec_allows():
    from compiler.targets.spec import allowed_ranks, allowed_types
    for op, members in cpu_profile().ops.items():
        for name, limits in members.items():
            assert set(limits.data_types) <= set(allowed_types(op, name)), (op, name)
            low, high = allowed_ranks(op, name)
            assert limits.rank_range[0] == low and (high is None or
                                                    limits.rank_range[1] == high)


def test_cpu_profile_follows_a_change_of_the_dialect(monkeypatch):
    from dialects.webnn.ops.elementwise import AbsOp
    monkeypatch.setattr(AbsOp, "DTYPES", ("float32",))
    cpu_profile.cache_clear()
    try:
        assert cpu_profile().ops["abs"]["input"].data_types == ("float32",)
    finally:
        monkeypatch.undo()
        cpu_profile.cache_clear()
    assert "int32" in cpu_profile().ops["abs"]["input"].data_types


@pytest.mark.parametrize("name", TARGET_NAMES)
def test_print_target_prints_what_opSupportLimits_returns(name):
    result = opt(f"--print-target={name}")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == load_target(name).op_support_limits()
    for key, value in printed.items():
        assert key not in ("profile",)
        members = [value] if key in ("input", "constant", "output") else (
            value.values() if isinstance(value, dict) else [])
        for m in members:
            assert set(m) <= {"dataTypes", "rankRange"}, (key, m)
            assert not set(m) & set(ROW_METADATA)


def test_a_pasted_browser_json_reads_like_the_named_profile(tmp_path):
    pasted = tmp_path / "browser.json"
    pasted.write_text(opt("--print-target=coreml").stdout)
    named, read = load_target("coreml"), read_profile(pasted)
    assert read.op_support_limits() == named.op_support_limits()


def test_bad_target_names_and_files_are_usage_errors(tmp_path):
    result = opt("--print-target=coreml2")
    assert result.returncode == 2
    assert "unknown target 'coreml2'; did you mean 'coreml'?" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"add": {"a": {"dataTypes": ["float64"]}}}')
    result = opt(f"--print-target={bad}")
    assert result.returncode == 2 and "'float64', which is not a WebNN data type" in result.stderr
    bad.write_text("[1, 2")
    assert "is not JSON" in opt(f"--print-target={bad}").stderr
    with pytest.raises(TargetError, match="could not read target file"):
        load_target(tmp_path / "missing.json")


def _graph():
    import numpy as np

    import compiler
    g = compiler.GraphBuilder()
    table = g.input("table", "float32", [10, 4])
    ids = g.input("ids", "int64", [3])
    rows = g.gather(table, ids)  # line of the refused op
    z = g.sigmoid(g.constant(np.zeros((1, 2, 3, 4, 5, 6), np.float32)))
    return g.build({"rows": rows, "z": z}), rows


def test_check_returns_located_records_for_a_python_built_graph():
    import inspect

    import compiler
    module, _ = _graph()
    source = inspect.getsource(_graph).splitlines()
    line = inspect.getsourcelines(_graph)[1] + next(
        i for i, text in enumerate(source) if "g.gather(" in text)
    records = compiler.check(module, target="coreml")
    gather = [r for r in records if r.op == "webnn.gather"]
    assert len(gather) == 1 and gather[0].severity == "error"
    assert gather[0].position.file == __file__ and gather[0].position.line == line
    assert gather[0].target == "coreml"
    assert "Unsupported data type int64 for argument indices, must be one of [int32]" \
        in gather[0].message
    assert gather[0].notes[0].message.startswith("rewrite: cast indices from int64 to int32")
    record = gather[0].to_json()
    assert {"file", "line", "column", "severity", "op", "message", "target"} <= set(record)
    assert {r.op for r in records if r.severity == "error"} == {
        None, "webnn.gather", "webnn.constant", "webnn.sigmoid"}
    assert compiler.check(module, target="cpu") == []


def test_check_all_and_a_dict_target():
    import compiler
    module, _ = _graph()
    every = compiler.check(module, target="all")
    assert {r.target for r in every} == {"coreml", "spec-required"}
    pasted = {"gather": {"input": {"dataTypes": ["float32"]},
                         "indices": {"dataTypes": ["int32"]},
                         "output": {"dataTypes": ["float32"]}}}
    records = compiler.check(module, target=pasted)
    assert [r.op for r in records if r.severity == "error"] == ["webnn.gather", "webnn.sigmoid"]


def test_the_example_reports_each_refusal_at_its_python_line():
    """examples/will_it_run.py: a Python-built graph checked against coreml and tflite,
    then partitioned for tflite."""
    example = ROOT / "examples" / "will_it_run.py"
    lines = example.read_text(encoding="utf-8").splitlines()

    def at(marker: str) -> str:  # "<file>:<line>:<col>" of the line ending in `# marker`
        line = next(i for i, text in enumerate(lines, 1) if text.rstrip().endswith(marker))
        return rf"{re.escape(str(example))}:{line}:\d+: error: "

    result = subprocess.run([sys.executable, str(example)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 1, result.stderr
    expected = [
        (at("# int64 input"), "graph input 'ids' is not supported by coreml: Unsupported "
                              "data type int64 for input operand named 'ids'"),
        (at("# int64 indices"), "'webnn.gather' op is not supported by coreml: Unsupported "
                                "data type int64 for argument indices, must be one of "
                                "[int32]"),
        (at("# rank 6"), "'webnn.exp' op is not supported by coreml: Unsupported rank 6"),
        (at("# no l2Pool2d"), "'webnn.l2Pool2d' op is not supported by tflite"),
        (at("# rank 5"), "'webnn.pow' op is not supported by tflite: Unsupported rank 5"),
    ]
    for where, message in expected:
        assert re.search(where + re.escape(message), result.stderr), message
    # tflite takes int64 indices and rank 6; coreml has l2Pool2d and rank-5 pow.
    assert "gather' op is not supported by tflite" not in result.stderr
    assert "pow' op is not supported by coreml" not in result.stderr
    assert "  #2 cpu     2 ops: l2Pool2d (will_it_run.py:" in result.stdout
    assert "8 ops: 6 on tflite, 2 on cpu; 3 partitions; 2 tensors cross" in result.stdout
