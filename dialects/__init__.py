"""Dialects of webnn-mlir: `webnn` (the W3C WebNN op set) and any of our own below it."""
