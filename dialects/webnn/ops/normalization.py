"""Normalization ops: batchNormalization, instanceNormalization, layerNormalization."""
