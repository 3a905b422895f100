"""Top-level sub-commands, one module each (found by listing this package)."""
