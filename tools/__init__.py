"""Command-line tools: thin mains over the shared driver in `compiler.driver`."""
