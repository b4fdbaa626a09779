"""Quantization ops: dequantizeLinear, quantizeLinear."""
