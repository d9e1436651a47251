import io

import pytest
from django.core.cache import cache


def decode_qr(png: bytes) -> list[str]:
    """The texts of the QR codes in a PNG image (zxing-cpp)."""
    import zxingcpp
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()
