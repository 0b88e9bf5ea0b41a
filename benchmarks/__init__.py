"""Benchmarks: throughput of privacy-filtered list endpoints against raw `.values()` views."""
