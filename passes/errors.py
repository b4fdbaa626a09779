"""How a pass reports that it cannot do its job: located diagnostics, never a crash."""

from __future__ import annotations

from xdsl.ir import Attribute


class PassError(Exception):
    """Raised by a pass with every problem it found, each at the location of its op.

    `problems` holds (severity, message, location) triples; the pass runner renders them as
    diagnostics pointing at the original source.
    """

    def __init__(self, problems: list[tuple[str, str, Attribute | None]]):
        super().__init__("; ".join(message for _, message, _ in problems))
        self.problems = problems
