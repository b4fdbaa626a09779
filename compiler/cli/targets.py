"""`webnn-opt`'s target flags: `--print-target`, `--check-target`, `--partition`.

    webnn-opt --print-target=coreml            # the JSON coreml's opSupportLimits() returns
    webnn-opt model.mlir --check-target=tflite # every refusal, at its line; exit 1 if any
    webnn-opt model.mlir --check-target=my-browser.json --partition
    webnn-opt model.mlir --check-target=all    # one portability table over every target

A checked file is not printed back: the diagnostics (and the report) are the output.
"""

from __future__ import annotations

import argparse
import json

from xdsl.dialects.builtin import ModuleOp

from ..diagnostics import DiagnosticEngine
from ..source import UsageError
from ..targets import TARGET_NAMES, TargetError, load_target
from ..targets.checker import check_graph
from ..targets.report import partition_report, portability_table


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--print-target", metavar="NAME|FILE.json",
                    help="print a target's limits as the JSON a browser's "
                         "context.opSupportLimits() returns, and exit; targets: "
                         + ", ".join(TARGET_NAMES))
    ap.add_argument("--check-target", metavar="NAME|FILE.json|all",
                    help="report everything the target cannot run, each at its location "
                         "(exit 1 if anything); 'all' prints a portability table over "
                         "every target; FILE.json is an opSupportLimits() result")
    ap.add_argument("--partition", action="store_true",
                    help="with --check-target: which ops would run on the target, which "
                         "would fall back to the CPU, and the tensors crossing between them")


def print_target(name: str) -> str:
    """The opSupportLimits() JSON of a target (UsageError for a bad name or file)."""
    return json.dumps(_profile(name).op_support_limits(), indent=2) + "\n"


def _profile(name: str):
    """A target flag's profile; a bad target name or profile file is a usage error."""
    try:
        return load_target(name)
    except TargetError as err:
        raise UsageError(str(err)) from None


def check(module: ModuleOp, target: str, diags: DiagnosticEngine, *,
          partition: bool = False, records: bool = True) -> tuple[bool, str]:
    """Check one verified module; findings go to `diags`. (all passed, report text).

    For "all" the table is the answer; its findings (every target's, each record naming
    its target) go to `diags` only when `records` is asked for (json and sarif output).
    """
    if target == "all":
        results = {name: check_graph(module, _profile(name)) for name in TARGET_NAMES}
        failed = any(f.diagnostic.severity == "error"
                     for findings in results.values() for f in findings)
        if records:
            diags.diagnostics.extend(f.diagnostic for fs in results.values() for f in fs)
        text = portability_table(results)
        if partition:
            text += "".join(partition_report(module, name, findings)
                            for name, findings in results.items() if name != "cpu")
        return not failed, text
    profile = _profile(target)
    findings = check_graph(module, profile)
    diags.diagnostics.extend(f.diagnostic for f in findings)
    text = partition_report(module, profile.name, findings) if partition else ""
    return not any(f.diagnostic.severity == "error" for f in findings), text


__all__ = ["add_arguments", "print_target", "check"]
