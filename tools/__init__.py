"""Command-line tools: thin mains over their modules in `compiler.cli`."""
