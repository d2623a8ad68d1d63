"""Qorgan's pure core: policy model, matching and decisions; no I/O."""
