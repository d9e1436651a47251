"""Bench-only: count the SQL statements of each request into an ``X-Bench-Queries`` header.

Uses ``connection.execute_wrapper`` (works with DEBUG off, costs one function call per
statement). Enabled by bench/settings.py only.
"""

from django.db import connection


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        return response
