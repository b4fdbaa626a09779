"""Indexing ops: gather, gatherElements, gatherND, scatterElements, scatterND."""
