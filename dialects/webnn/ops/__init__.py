"""The `webnn` ops, one module per family of webnn-ops.md."""
