"""Misuse of the Python API and of webnn-run gives the documented error, never a crash.

Python API: a wrong argument is a `TypeError` (wrong kind) or `ValueError` (wrong value)
naming the argument, or a located `CompileError` from a builder call. webnn-run: a bad
flag value is a usage error, exit status 2, one line naming the flag.
"""

import numpy as np
import pytest

import compiler
from compiler.cli.webnn_opt import main as opt_main
from compiler.cli.webnn_run import main as run_main
from compiler.interpret import interpret

SCALARS = """
builtin.module attributes {webnn.version = 2} {
  func.func @main(%s: tensor<i32> {webnn.name = "s"}, %f: tensor<f16> {webnn.name = "f"}) -> (tensor<f16> {webnn.name = "y"}) {
    %0 = webnn.cast %s {dataType = "float16"} : (tensor<i32>) -> tensor<f16>
    %1 = webnn.add %0, %f : (tensor<f16>, tensor<f16>) -> tensor<f16>
    func.return %1 : tensor<f16>
  }
}
"""

GRAPH = """
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}
"""


@pytest.fixture(scope="module")
def scalars():
    return compiler.compile(SCALARS, threads=1)


def test_scalar_inputs_take_numbers_of_their_type(scalars):
    assert scalars(s=3, f=0.5)["y"] == np.float16(3.5)
    assert scalars(s=np.int64(-2), f=np.float32(0.25))["y"] == np.float16(-1.75)
    assert scalars(s=7.0, f=1)["y"] == np.float16(8)  # whole floats are whole numbers


@pytest.mark.parametrize("inputs, message", [
    ({"s": 2**40, "f": 0.0}, r"input 's' 1099511627776 is out of range for int32 "
                             r"\[-2147483648, 2147483647\]"),
    ({"s": -2**31 - 1, "f": 0.0}, "input 's' -2147483649 is out of range for int32"),
    ({"s": 1.5, "f": 0.0}, "input 's' 1.5 is not a whole number, as int32 needs"),
    ({"s": float("nan"), "f": 0.0}, "input 's' nan is not a whole number"),
    ({"s": 1, "f": 1e6}, r"input 'f' 1000000.0 is out of range for float16 \(largest 65504\)"),
    ({"s": "3", "f": 0.0}, "input 's' must be a number, got str '3'"),
    ({"s": 1, "f": "0.5"}, "input 'f' must be a number, got str '0.5'"),
    ({"s": True, "f": 0.0}, "input 's' must be a number, got bool True"),
    ({"s": None, "f": 0.0}, "input 's' must be a number, got NoneType None"),
    ({"s": 1, "f": 1j}, "input 'f' must be a number, got complex 1j"),
])
def test_scalar_inputs_refuse_what_their_type_cannot_hold(scalars, inputs, message):
    with pytest.raises(ValueError, match=message):
        scalars.run(inputs)


def test_outputs_must_be_a_list_of_distinct_names(scalars):
    feeds = {"s": 1, "f": 0.0}
    assert list(scalars.run(feeds, outputs=("y",))) == ["y"]
    with pytest.raises(TypeError, match="outputs must be a list of value names, got str 'y'"):
        scalars.run(feeds, outputs="y")
    with pytest.raises(TypeError, match="got int 3 in it"):
        scalars.run(feeds, outputs=["y", 3])
    with pytest.raises(ValueError, match="outputs names 'y' twice"):
        scalars.run(feeds, outputs=["y", "y"])
    with pytest.raises(TypeError, match="inputs must map input names to arrays, got list"):
        scalars.run([1, 0.0])


def test_the_reference_executor_checks_inputs_as_the_jit_does(scalars):
    module = compiler.parse(SCALARS)
    assert interpret(module, {"s": 3, "f": 0.5})["y"] == np.float16(3.5)
    for inputs in ({"s": np.int64(3), "f": np.zeros((), np.float32)},  # wrong dtype
                   {"s": "3", "f": 0.5}, {"s": 2**40, "f": 0.5}, {"s": 3}):
        with pytest.raises(ValueError) as jit_error:
            scalars.run(inputs)
        with pytest.raises(ValueError) as reference_error:
            interpret(module, inputs)
        assert str(reference_error.value) == str(jit_error.value)
    with pytest.raises(TypeError, match="got str 'y'"):
        interpret(module, {"s": 3, "f": 0.5}, outputs="y")


@pytest.mark.parametrize("threads, error, message", [
    (True, TypeError, "threads must be a positive integer or None, got bool True"),
    (2.0, TypeError, "got float 2.0"),
    ("2", TypeError, "got str '2'"),
    (0, ValueError, "threads must be a positive integer or None, got 0"),
    (-3, ValueError, "got -3"),
])
def test_threads_must_be_a_positive_integer(threads, error, message):
    with pytest.raises(error, match=message):
        compiler.compile(GRAPH, threads=threads)


def test_numpy_integers_are_thread_counts():
    exe = compiler.compile(GRAPH, threads=np.int64(2))
    assert exe._kernel.threads == 2


@pytest.mark.parametrize("data_type, value, message", [
    ("int8", 1000, r"constant value 1000 is out of range for int8 \[-128, 127\]"),
    ("uint8", -1, r"constant value -1 is out of range for uint8 \[0, 255\]"),
    ("uint64", 2**64, "constant value 18446744073709551616 is out of range for uint64"),
    ("int32", 2.5, "constant value 2.5 is not a whole number, as int32 needs"),
    ("float16", 70000.0, r"constant value 70000.0 is out of range for float16"),
    ("float32", 2**1000, r"constant value 107150860718\.\.\. \(302 characters\) is out of "
                         r"range for float32"),
    ("float32", "1.5", "constant value must be a number, got str '1.5'"),
    ("float32", None, "constant value must be a number, got NoneType None"),
    ("int32", True, "constant value must be a number, got bool True"),
    ("float32", [1.0, 2.0], r"constant\(dataType, value\) takes a scalar value"),
])
def test_scalar_constants_refuse_what_their_type_cannot_hold(data_type, value, message):
    g = compiler.GraphBuilder()
    with pytest.raises(compiler.CompileError, match=message) as err:
        g.constant(data_type, value)
    assert str(err.value).startswith(f"{__file__}:")  # located at the call


def test_scalar_constants_keep_their_value():
    g = compiler.GraphBuilder()
    for data_type, value in [("int8", -128), ("uint64", 2**64 - 1), ("float16", 65504.0),
                             ("float32", float("-inf")), ("int32", 3.0)]:
        operand = g.constant(data_type, value)
        data = operand.value.owner.value.get_values()
        assert (operand.dataType, data[0]) == (data_type, value)


@pytest.mark.parametrize("source", [123, b"builtin.module {}", None])
def test_parse_takes_text_or_a_path(source):
    with pytest.raises(TypeError, match=f"parse takes IR text or a path, got "
                                        f"{type(source).__name__}"):
        compiler.parse(source)


# ----------------------------------------------------------------------------- tools
def test_opt_target_version_out_of_range_is_a_usage_error(capsys):
    assert opt_main(["--target-version=9", "-"]) == 2
    assert ("webnn-opt: error: target version 9 is not a version this compiler writes"
            in capsys.readouterr().err)


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "g.mlir"
    path.write_text(GRAPH)
    return path


@pytest.mark.parametrize("flags, message", [
    (["--bench", "-5"], "argument --bench: must be at least 0, got -5"),
    (["--bench", "many"], "argument --bench: expected an integer, got 'many'"),
    (["--seed", "-1"], "argument --seed: must be at least 0, got -1"),
    (["--threads", "0"], "argument --threads: must be at least 1, got 0"),
    (["--rtol", "-0.1"], "argument --rtol: must be a finite number >= 0, got -0.1"),
    (["--atol", "nan"], "argument --atol: must be a finite number >= 0, got nan"),
    (["--atol", "inf"], "argument --atol: must be a finite number >= 0, got inf"),
])
def test_run_flag_values_are_usage_errors(graph_file, capsys, flags, message):
    assert run_main([str(graph_file), *flags]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "internal error" not in err and "Traceback" not in err


def test_run_inputs_must_be_an_npz_and_input_an_npy(graph_file, tmp_path, capsys):
    npy, npz = tmp_path / "x.npy", tmp_path / "x.npz"
    np.save(npy, np.zeros(2, np.float32))
    np.savez(npz, x=np.zeros(2, np.float32))
    assert run_main([str(graph_file), "--inputs", str(npy)]) == 2
    assert (f"--inputs takes an .npz archive of named arrays, but '{npy}' holds one array"
            in capsys.readouterr().err)
    assert run_main([str(graph_file), "--input", f"x={npz}"]) == 2
    assert (f"--input takes one array (.npy), but '{npz}' is an .npz archive"
            in capsys.readouterr().err)
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    assert run_main([str(graph_file), "--inputs", str(tmp_path / "junk.npz")]) == 2
    assert "could not read inputs from" in capsys.readouterr().err
    # the right files work
    assert run_main([str(graph_file), "--inputs", str(npz)]) == 0
    assert run_main([str(graph_file), "--input", f"x={npy}"]) == 0
    assert "y: float32[2]" in capsys.readouterr().out


def test_run_interpret_refuses_an_input_of_the_wrong_dtype(graph_file, tmp_path, capsys):
    npy = tmp_path / "x.npy"
    np.save(npy, np.zeros(2, np.int64))
    assert run_main([str(graph_file), "--interpret", "--input", f"x={npy}"]) == 2
    assert "input 'x' has dtype int64, expected float32" in capsys.readouterr().err


def test_run_repeated_outputs_are_a_usage_error(graph_file, capsys):
    assert run_main([str(graph_file), "--outputs", "y,y"]) == 2
    assert "outputs names 'y' twice" in capsys.readouterr().err
