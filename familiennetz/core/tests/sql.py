"""Helpers for tests that count SQL statements."""


def statements(captured) -> list[str]:
    """The SQL of a ``CaptureQueriesContext`` without transaction control: PostgreSQL wraps the
    full-text query in a savepoint, which is not a query of its own."""
    return [
        q["sql"]
        for q in captured.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))
    ]
