"""Reduction ops: reduceL1 .. reduceSumSquare, argMin, argMax, cumulativeSum."""
