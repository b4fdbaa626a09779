"""webnn-opt never shows a traceback: mutated and truncated IR gives located errors.

Two kinds of mutants of the example graph. Random ones may happen to stay valid, so they
must either be accepted (and then print IR that parses again) or be refused with a
located error. Targeted ones are invalid by construction (a truncation, an undefined
value, an unknown op or option, a type or option that breaks a verifier rule...): each
must be refused with exit 1 and an error located on the line the mutation broke, so this
test fails if webnn-opt accepts what it must refuse.
"""

import random
import re
from pathlib import Path

import pytest

from compiler.cli.webnn_opt import main as opt_main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "mlp.mlir"
TEXT = EXAMPLE.read_text(encoding="utf-8")


def _line_of(needle: str) -> int:
    """1-based line of the example holding `needle` (the line a mutation breaks)."""
    return TEXT[:TEXT.index(needle)].count("\n") + 1


def mutations(text: str, count: int, seed: int = 1234):
    """`count` copies of `text`, each with a few random edits (seeded): also the
    frontends' robustness tests feed these to their tools."""
    rng = random.Random(seed)
    pieces = ["{", "}", "(", ")", "<", ">", ":", ",", "=", "%", "@", "\"", "x", "-1",
              "0", "99999999999999999999", "tensor<", "f32", "webnn.", "\x00", "é", "\n"]
    for _ in range(count):
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(chars))
            action = rng.random()
            if action < 0.4:
                del chars[i:i + rng.randint(1, 8)]
            elif action < 0.8:
                chars[i:i] = list(rng.choice(pieces))
            else:
                chars = chars[:i]
        yield "".join(chars)


def _run(tmp_path, capsys, name: str, text: str, *flags: str) -> tuple[int, str, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    status = opt_main([str(path), *flags])
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "Traceback" not in stream, (text, stream)
        assert "internal error" not in stream, (text, stream)
    return status, captured.out, captured.err


@pytest.mark.parametrize("seed", range(4))
def test_mutated_inputs_fail_cleanly(tmp_path, capsys, seed):
    for n, mutated in enumerate(mutations(TEXT, 40, seed)):
        status, out, err = _run(tmp_path, capsys, f"m{n}.mlir", mutated)
        assert status in (0, 1), (mutated, err)
        if status == 1:
            assert re.search(rf"m{n}\.mlir:\d+:\d+: error: ", err), (mutated, err)
        else:
            # Accepted means valid: what was printed parses and verifies again.
            again, _, err = _run(tmp_path, capsys, f"m{n}.again.mlir", out)
            assert again == 0, (mutated, out, err)


@pytest.mark.parametrize("seed", range(2))
def test_truncated_inputs_are_refused(tmp_path, capsys, seed):
    """Cutting the graph anywhere before its closing brace leaves it unfinished."""
    rng = random.Random(seed)
    start, end = TEXT.index("builtin.module") + 1, TEXT.rindex("}")
    for n, cut in enumerate(sorted(rng.sample(range(start, end), 25))):
        status, _, err = _run(tmp_path, capsys, f"t{n}.mlir", TEXT[:cut])
        assert status == 1, (TEXT[:cut], err)
        assert re.search(rf"t{n}\.mlir:\d+:\d+: error: ", err), (TEXT[:cut], err)


#: (what breaks, the text replaced, its replacement): each yields an invalid graph whose
#: error must be located on the line of the replaced text.
INVALID = [
    ("undefined value", "webnn.relu %h", "webnn.relu %nowhere"),
    ("unknown op", "webnn.relu", "webnn.rleu"),
    ("unknown option", "{axis = 1}", "{axis = 1, foo = 2}"),
    ("option out of range", "{axis = 1}", "{axis = 7}"),
    ("option of the wrong kind", "c = %b1, bTranspose = true}", "c = %b1, bTranspose = 3}"),
    ("shapes the op refuses", "%w2 {bTranspose = true}", "%w2"),
    ("type differing from the definition", "%a, %w2 {bTranspose = true} : (tensor<2x5xf32>",
     "%a, %w2 {bTranspose = true} : (tensor<2x6xf32>"),
    ("wrong operand count", "webnn.softmax %logits {", "webnn.softmax %logits, %logits {"),
    ("redefined value", "%p = webnn.softmax", "%a = webnn.softmax"),
    ("stray token", "%a = webnn.relu", "@@ %a = webnn.relu"),
    ("constant of the wrong size", "dense<[0.1, -0.1, 0.2, 0.0, 0.05]>",
     "dense<[0.1, -0.1, 0.2, 0.0]>"),
    ("bad data type", "tensor<5xf32>\n", "tensor<5xf31>\n"),
    ("too many returned values", "func.return %p : tensor<2x3xf32>",
     "func.return %p, %p : tensor<2x3xf32>, tensor<2x3xf32>"),
]


@pytest.mark.parametrize("what,old,new", INVALID, ids=[case[0] for case in INVALID])
def test_invalid_mutants_are_refused_at_their_line(tmp_path, capsys, what, old, new):
    assert TEXT.count(old) == 1, f"the example changed: {old!r} no longer occurs once"
    status, out, err = _run(tmp_path, capsys, "bad.mlir", TEXT.replace(old, new))
    assert status == 1, (what, out)
    assert re.search(rf"bad\.mlir:{_line_of(old)}:\d+: error: ", err), (what, err)


def test_example_parses_and_prints(tmp_path, capsys):
    status, out, _ = _run(tmp_path, capsys, "mlp.mlir", TEXT)
    assert status == 0
    assert "webnn.softmax" in out


#: A weight as hex, the way large constants are printed, and the same bytes as a list.
HEX_CONSTANT = ('%w = webnn.constant dense<"0x0000803F000000400000404000008040"> : '
                'tensor<4xf32>')


@pytest.mark.parametrize("literal,error", [
    ('"0x0000803F000000400000404000008040"', None),
    # The lexer's plain path stops at a newline, a missing quote or an escape; the full
    # path then reads (or refuses) the literal.
    ('"0x0000803F00000040\n0000404000008040"', "string"),
    ('"0x0000803F000000400000404000008040', "string"),
    ('"0x0000803F\\"000000400000404000008040"', "hex"),
])
def test_string_literals_read_or_refused_at_their_line(tmp_path, capsys, literal, error):
    source = ("func.func @main() -> (tensor<4xf32> {webnn.name = \"w\"}) {\n  "
              + HEX_CONSTANT.replace('"0x0000803F000000400000404000008040"', literal)
              + "\n  func.return %w : tensor<4xf32>\n}\n")
    status, out, err = _run(tmp_path, capsys, "s.mlir", source)
    if error is None:
        assert status == 0, err
        assert "dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]>" in out
    else:
        assert status == 1, out
        assert re.search(r"s\.mlir:2:\d+: error: .*" + error, err, re.I), err
