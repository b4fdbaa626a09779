"""webnn-opt never shows a traceback: mutated and truncated IR gives located errors."""

import random
from pathlib import Path

import pytest

from compiler.driver import opt_main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "mlp.mlir"


def _mutations(text: str, count: int, seed: int = 1234):
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


@pytest.mark.parametrize("seed", range(4))
def test_mutated_inputs_fail_cleanly(tmp_path, capsys, seed):
    text = EXAMPLE.read_text()
    for n, mutated in enumerate(_mutations(text, 40, seed)):
        path = tmp_path / f"m{n}.mlir"
        path.write_text(mutated, encoding="utf-8")
        status = opt_main([str(path)])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        assert "internal error" not in captured.err, (mutated, captured.err)
        assert status in (0, 1)
        if status == 1:
            assert f"{path}:" in captured.err  # the error is located in the file


def test_example_parses_and_prints(capsys):
    assert opt_main([str(EXAMPLE)]) == 0
    assert "webnn.softmax" in capsys.readouterr().out
