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


def _require_poppler() -> None:
    import shutil

    if not shutil.which("pdftoppm") or not shutil.which("pdftotext"):
        pytest.fail(
            "poppler-utils is missing (pdftotext, pdftoppm): run `make pdf-deps`.", pytrace=False
        )


def pdf_text(content: bytes) -> str:
    """The text of a PDF (poppler's pdftotext)."""
    import subprocess

    _require_poppler()

    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()


def pdf_qr_codes(content: bytes, *, dpi: int = 150) -> list[str]:
    """The QR codes on the pages of a PDF (pdftoppm renders, zxing-cpp decodes)."""
    import subprocess
    import tempfile
    from pathlib import Path

    _require_poppler()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "doc.pdf"
        pdf.write_bytes(content)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(Path(folder) / "page")], check=True
        )
        found = []
        for page in sorted(Path(folder).glob("page*.png")):
            found += decode_qr(page.read_bytes())
    return found


@pytest.fixture
def logged_in(client, coordinator):
    client.force_login(coordinator.user)
    return client
