"""What the tools share: argument parsing that returns instead of exiting, and the guard
that turns every exception into one clear line and an exit status.

    0    success
    1    diagnostics (the input breaks a rule; each error located)
    2    usage errors (a bad flag, an unreadable file) and internal errors
    130  interrupted; 141 the reader of stdout went away
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable

from ..source import UsageError


def parse_args(ap: argparse.ArgumentParser, argv: list[str] | None):
    """The parsed arguments, or the exit status argparse chose (--help: 0, errors: 2)."""
    try:
        return ap.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def integer(minimum: int) -> Callable[[str], int]:
    """An argparse type: an integer >= `minimum` (anything else is a usage error)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got '{text}'") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def tolerance(text: str) -> float:
    """An argparse type: a finite number >= 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got '{text}'") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0, got {text}")
    return value


def dim_binding(text: str) -> tuple[str, int]:
    """An argparse type: `NAME=SIZE`, binding a symbolic dimension of an imported model."""
    name, sep, value = text.partition("=")
    try:
        size = int(value)
    except ValueError:
        size = 0
    if not sep or not name or size < 1:
        raise argparse.ArgumentTypeError(f"expected NAME=SIZE with a positive SIZE, got "
                                         f"'{text}'")
    return name, size


def add_dim_argument(ap: argparse.ArgumentParser) -> None:
    """`--dim NAME=SIZE` (repeatable) on a tool that reads models; `dims(args)` reads it."""
    ap.add_argument("--dim", dest="dims", type=dim_binding, action="append", default=[],
                    metavar="NAME=SIZE",
                    help="bind a symbolic dimension of an imported model (repeatable)")


def dims(args: argparse.Namespace) -> dict[str, int]:
    """The `--dim` bindings of parsed arguments, by name."""
    return dict(args.dims)


def main(tool: str, ap: argparse.ArgumentParser, body: Callable[[argparse.Namespace], int],
         argv: list[str] | None) -> int:
    """Parse `argv` with `ap` and run `body` under the guard; the exit status."""
    args = parse_args(ap, argv)
    if isinstance(args, int):
        return args
    return guarded(tool, lambda: body(args))


def guarded(tool: str, body: Callable[[], int]) -> int:
    """Run a tool body; usage errors and internal errors become one clear message."""
    try:
        return body()
    except UsageError as err:
        print(f"{tool}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{tool}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`webnn-run ... | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except RecursionError:
        print(f"{tool}: error: input nests too deeply to process", file=sys.stderr)
        return 1
    except MemoryError:
        print(f"{tool}: error: out of memory while processing the input", file=sys.stderr)
        return 1
    except Exception as err:  # a compiler bug: say so plainly, keep the trace on request
        print(f"{tool}: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        if os.environ.get("WEBNN_DEBUG"):
            traceback.print_exc()
        else:
            print(f"{tool}: set WEBNN_DEBUG=1 to see the compiler's stack trace",
                  file=sys.stderr)
        return 2


__all__ = ["parse_args", "integer", "tolerance", "dim_binding", "add_dim_argument", "dims",
           "main", "guarded"]
