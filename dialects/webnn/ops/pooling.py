"""Pooling ops: averagePool2d, l2Pool2d, maxPool2d."""
