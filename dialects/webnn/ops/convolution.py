"""Convolution ops: conv2d, convTranspose2d."""
