"""5,000 offers in one alliance: every search stays a handful of SQL queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from familiennetz.core.tests.sql import statements
from familiennetz.search.api import reindex_alliance, search_offers

from .bulk import build_large_alliance

pytestmark = pytest.mark.slow  # make test-fast leaves it out

QUERIES = [
    "Kita",
    "Kindergarten",
    "Beratung",
    "Familie",
    "Eltern Kind",
    "Spielplätze",
    "Kinderarzt",
    "Familienzentrum Süd",
    "Krabbelgruppe Sonnenschein",
    "Tagesmutter Regenbogen",
    "Strasse des Friedens",
    "Lowenzahn",
    "Hebame",
    "Beratnug",
    "Babymasage",
    "Schwimmkur",
    "xyzzy",
    "und der",
    '"NEAR(" AND',
    "Eltern Kinder Beratung Musik Tanz Sport Schwimmen Natur Wald Ausflüge Ferien Schule",
]
# What a search may cost in SQL, whatever the size of the index: the timing itself is
# measured by the benchmarks (bench/search_bench.py, make bench), not asserted in tests.
MAX_QUERIES = 8


def test_search_over_5000_offers_makes_a_bounded_number_of_queries(alliance):
    offers = build_large_alliance(alliance, offers=5000)
    assert reindex_alliance(alliance=alliance) == len(offers)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    for query in QUERIES:
        with CaptureQueriesContext(connection) as ctx:
            search_offers(alliance=alliance, query=query)
        assert len(statements(ctx)) <= MAX_QUERIES, (query, statements(ctx))
    assert search_offers(alliance=alliance, query="Krabbelgruppe Sonnenschein").offer_ids
    assert not search_offers(alliance=alliance, query="xyzzy").offer_ids
