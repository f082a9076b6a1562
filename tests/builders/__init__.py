"""Data built straight into the database for the tests only (the ones the benchmarks
share live in ``tools.builders``)."""
