"""Lowerings of the indexing family (none yet: its ops are reported as not lowered)."""

from .framework import lowering  # noqa: F401
