"""The one pass runner: every tool, `compile` and the version upgrade run passes here.

    run_passes(module, passes, diags, source=path, verify_each=None) -> bool

What it does the same for every caller:

* A pass that reads files the IR names (`convert-webnn-to-linalg` and its `.npz`
  weights) reads them beside the IR file: its `weights_dir` option, unless given, is
  the folder of `source` (`source.weights_folder`), whoever runs it.
* A pass's failure becomes located diagnostics: the problems of a `PassError`, each at
  its op. Any other exception is a pass failing on input that verified (callers run
  passes on verified IR): it is reported at the op it failed on (`passes.locations`),
  called a compiler bug when the passes are the compiler's own stages, and leaves a
  reproducer (`reproducer.py`): the IR the pass was given, saved with locations, and the
  `webnn-opt` command replaying that pass.
* With `verify_each` the module is verified after every pass, and the first pass that
  leaves invalid IR is named (with a reproducer too). It is off by default (verifying a
  large graph between sixteen stages costs more than compiling it) and on when the
  environment sets `WEBNN_VERIFY_EACH=1`, as the test configurations do, so every test
  checks every stage.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass, PassPipeline

from dialects.webnn.options import did_you_mean
from passes import PassError, all_passes
from passes.locations import failure_location

from .diagnostics import DiagnosticEngine, first_line
from .ir import make_context, verify
from .reproducer import reproducer_notes
from .source import UsageError, weights_folder

#: Set to 1 to verify the module after every pass (the test configurations do).
VERIFY_EACH_ENV = "WEBNN_VERIFY_EACH"


def verify_each_default() -> bool:
    """Whether passes are verified one by one when the caller does not say."""
    return os.environ.get(VERIFY_EACH_ENV, "").strip() not in ("", "0")


def make_pass(flag: str, **options) -> ModulePass:
    """The pass registered under `flag`, with `options` (field names of its class)."""
    return all_passes()[flag]()(**options)


def parse_pipeline(spec: str) -> list[ModulePass]:
    """The passes of a textual pipeline (`a,b{option=1}`); UsageError when it is invalid."""
    if not spec.strip():
        return []
    try:
        return list(PassPipeline.parse_spec(all_passes(), spec).passes)
    except Exception as err:  # the spec is user input: any parse failure is a usage error
        unknown = re.search(r"Unrecognized passes: \['([^']+)'", str(err))
        hint = did_you_mean(unknown.group(1), all_passes()) if unknown else ""
        raise UsageError(f"invalid pass pipeline '{spec}': {err}{hint}") from None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector off for the duration (unless it is off already: the
    outermost pause decides), then one full collection.

    Passes allocate IR objects by the hundred thousand and free few of them, so each
    collection walks a large, growing heap only to find nothing: about a quarter of a
    large graph's pass time. The garbage made meanwhile (erased ops hold cycles with the
    IR they came from) is collected at once at the end; left to the collector's own
    schedule it would pile up across compiles and fragment the heap.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    # The objects alive before the pause are not this pause's garbage: frozen, the
    # collection does not walk them (a process with a large heap pays for it otherwise:
    # 230,000 objects cost 0.1 s). A process that freezes objects itself is left alone.
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
        if freeze:
            gc.unfreeze()


def run_passes(module: ModuleOp, passes: Sequence[ModulePass], diags: DiagnosticEngine, *,
               source: str | os.PathLike | None = None, verify_each: bool | None = None,
               timings: dict[str, float] | None = None, ctx: Context | None = None,
               stages: bool = False, original: Callable[[], ModuleOp] | None = None
               ) -> bool:
    """Run `passes` on verified `module` in place; report failures to `diags`. True on
    success.

    `source` is the IR file the module was read from (None: none), `timings` collects
    the seconds each pass took, by flag. `stages` says the passes are the compiler's own
    pipeline, so one that crashes is a compiler bug (a pass of a hand-written `-p`
    pipeline may simply have been given IR it does not take). `original` makes a copy
    of `module` as it is now, for a reproducer, should a pass crash (default: a copy is
    taken before the first pass; a caller that can make one again spares that).
    """
    with paused_gc():
        return _run(module, passes, diags, source, verify_each, timings, ctx, stages,
                    original)


def _run(module, passes, diags, source, verify_each, timings, ctx, stages,
         original) -> bool:
    ctx = ctx or make_context()
    if verify_each is None:
        verify_each = verify_each_default()
    folder = weights_folder(source)
    passes = [_reading_files_in(p, folder) for p in passes]
    if original is None:  # what a reproducer replays the earlier passes on
        original = module.clone().clone
    what, bug = ("stage", " (a compiler bug)") if stages else ("pass", "")

    def reproducer(i: int) -> list:
        def input_of_pass() -> ModuleOp:
            copy = original()
            for earlier in passes[:i]:
                earlier.apply(ctx, copy)
            return copy
        return reproducer_notes(input_of_pass, passes[i], source)

    for i, p in enumerate(passes):
        start = time.perf_counter()
        try:
            p.apply(ctx, module)
        except PassError as err:  # problems of the input, each at its op: not a bug
            for severity, message, loc in err.problems:
                diags.emit(severity, message, loc)
            return False
        except (RecursionError, MemoryError):
            raise  # the tools' guard reports these for what they are
        except Exception as err:  # noqa: BLE001 - any crash of a pass on verified IR
            diags.error(f"{what} '{p.name}' failed on input that verified{bug}: "
                        f"{type(err).__name__}: {first_line(err)}",
                        failure_location(err) or module.location, reproducer(i))
            return False
        if timings is not None:
            timings[p.name] = time.perf_counter() - start
        if verify_each and not verify(module, diags):
            diags.error(f"IR is invalid after {what} '{p.name}'{bug}", None, reproducer(i))
            return False
    return True


def _reading_files_in(p: ModulePass, folder: Path) -> ModulePass:
    """`p`, reading the files the IR names in `folder` unless its options say where."""
    if (dataclasses.is_dataclass(p) and "weights_dir" in {f.name for f in dataclasses.fields(p)}
            and p.weights_dir is None):
        return dataclasses.replace(p, weights_dir=str(folder))
    return p


__all__ = ["run_passes", "parse_pipeline", "make_pass", "verify_each_default",
           "VERIFY_EACH_ENV", "paused_gc"]
