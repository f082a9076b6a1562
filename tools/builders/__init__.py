"""Data built straight into the database, shared by the benchmarks and the tests."""
