"""Benchmarks for familiennetz (not part of the test suite, not installed with the package).

``python -m bench.search_bench`` measures the search at N offers on SQLite and PostgreSQL;
``python -m bench.generate`` only fills a database. See bench/README.md.
"""
