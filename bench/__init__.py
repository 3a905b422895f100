"""Benchmarks, each run side by side with its peer."""
