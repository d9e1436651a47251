import pytest

from familiennetz.socialspace import geo


@pytest.fixture(autouse=True)
def fresh_boundary_cache():
    geo.clear_cache()
    yield
    geo.clear_cache()
