"""Execution side of the compiler: the numpy reference executor (`runtime.reference`)."""
