"""storeops: raw e-commerce platform exports to a tested DuckDB warehouse."""

__version__ = "0.1.0"
