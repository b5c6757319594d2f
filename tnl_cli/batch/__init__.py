"""The batch pre-check: cells, columns, identity, chunks, workers and the compiled evaluator."""
