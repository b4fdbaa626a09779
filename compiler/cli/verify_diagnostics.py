"""`webnn-opt --verify-diagnostics`: the diagnostics a test file expects, checked.

A test annotates the line an error should point at, as mlir-opt's tests do:

    %0 = webnn.relu %x : ...   // expected-error {{'webnn.relu' op ...}}
    // expected-error@+1 {{...}}      (the next line; @-2: two lines up)
    // expected-warning@above {{...}}, expected-note@below, expected-error@unknown

Every reported diagnostic (notes included) must match an expectation of its severity, at
its line, whose text it contains; every expectation must be matched. What differs comes
back as error diagnostics, located where a reader can fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Diagnostic, DiagnosticEngine, Position

_EXPECTED = re.compile(
    r"expected-(error|warning|note|remark)(?:@([+-]\d+|above|below|unknown))?\s*\{\{(.*?)\}\}")


@dataclass
class Expectation:
    """One `expected-<severity>` annotation."""

    severity: str
    line: int | None  # None = @unknown
    text: str
    at: int  # line of the annotation itself
    column: int
    seen: bool = False


def expectations(chunk: str) -> list[Expectation]:
    """The annotations of a file (or of one `// -----` chunk of it)."""
    out = []
    for number, line in enumerate(chunk.split("\n"), start=1):
        for m in _EXPECTED.finditer(line):
            where = m.group(2)
            if where is None:
                target: int | None = number
            elif where == "unknown":
                target = None
            elif where == "above":
                target = number - 1
            elif where == "below":
                target = number + 1
            else:
                target = number + int(where)
            out.append(Expectation(m.group(1), target, m.group(3), number, m.start() + 1))
    return out


def check_expectations(name: str, chunk: str, diags: DiagnosticEngine) -> list[Diagnostic]:
    """Problems (as error diagnostics) between what was expected and what was reported."""
    expected = expectations(chunk)
    problems: list[Diagnostic] = []
    reported = []
    for d in diags.diagnostics:
        reported.append(d)
        reported.extend(d.notes)
    for d in reported:
        line = d.position.line if d.position and d.position.file == name else None
        match = next((e for e in expected if not e.seen and e.severity == d.severity
                      and e.line == line and e.text in d.message), None)
        if match is None:
            problems.append(Diagnostic("error", f"unexpected {d.severity}: {d.message}",
                                       d.position))
        else:
            match.seen = True
    for e in expected:
        if not e.seen:
            problems.append(Diagnostic(
                "error", f"expected {e.severity} \"{e.text}\" was not produced",
                Position(name, e.at, e.column)))
    return problems


__all__ = ["Expectation", "expectations", "check_expectations"]
