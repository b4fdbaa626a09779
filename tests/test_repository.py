"""The repository tests itself alone: CI runs the README's test command, and the test
data lives inside the checkout."""

from pathlib import Path

from tests.conformance import wpt

ROOT = Path(__file__).resolve().parents[1]


def readme_test_command() -> str:
    """The command under the README's "Install and run every test"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("Install and run every test", 1)[1].split("```sh\n", 1)[1]
    return block.split("\n```", 1)[0].strip()


def test_ci_runs_the_readme_test_command_word_for_word():
    command = readme_test_command()
    assert command.startswith("python3 -m venv .venv && ") and "pytest" in command
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in lines


def test_ci_runs_in_a_fresh_clone():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "git clone" in script and "mktemp -d" in script


def test_wpt_data_is_inside_the_repository():
    assert wpt.WPT_DIR.resolve().is_relative_to(ROOT)
    assert (wpt.WPT_DIR / "README.md").is_file() and (wpt.WPT_DIR / "LICENSE.md").is_file()
    assert len(list((wpt.WPT_DIR / "conformance").glob("*.json"))) == 64
