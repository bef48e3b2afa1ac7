"""Benchmarks: our code against a bare baseline measured in the same run (``make bench``)."""
