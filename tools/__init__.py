"""Tools of the repository, not of the service: the demo (``python -m tools.demo``), the
benchmarks (``python -m tools.bench.<area>``) and the data builders the benchmarks and the
tests share. Run from the repository root; never installed, never imported by the service."""
