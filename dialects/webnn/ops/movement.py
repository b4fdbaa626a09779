"""Movement ops: reshape, transpose, concat, split, slice, expand, tile, pad, reverse, triangular, where, cast, resample2d."""
