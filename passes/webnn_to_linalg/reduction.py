"""Lowerings of the reduction family (none yet: its ops are reported as not lowered)."""

from .framework import lowering  # noqa: F401
