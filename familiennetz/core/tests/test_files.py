import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from familiennetz.core.files import (
    DOCUMENTS,
    IMAGES,
    JPEG,
    PDF,
    check_upload,
    private_storage,
    strip_image_metadata,
)


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x8825] = {2: (51.0, 2.0, 3.0)}  # GPSInfo: latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_a_pdf_is_recognised_by_its_content():
    upload = SimpleUploadedFile("vereinbarung.pdf", b"%PDF-1.7\n%...")
    assert check_upload(upload, kinds=DOCUMENTS) is PDF


def test_a_script_renamed_to_pdf_is_refused_with_the_allowed_types():
    upload = SimpleUploadedFile("vereinbarung.pdf", b"\x7fELF\x02\x01\x01\x00" + bytes(100))
    with pytest.raises(ValidationError, match="Erlaubt: PDF, Word"):
        check_upload(upload, kinds=DOCUMENTS)


def test_a_pdf_named_docx_is_refused():
    upload = SimpleUploadedFile("konzept.docx", b"%PDF-1.7\n")
    with pytest.raises(ValidationError, match="passt nicht zum Inhalt"):
        check_upload(upload, kinds=DOCUMENTS)


def test_a_zip_that_is_no_office_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("evil.exe", b"MZ")
    upload = SimpleUploadedFile("konzept.docx", out.getvalue())
    with pytest.raises(ValidationError, match="nicht erlaubt"):
        check_upload(upload, kinds=DOCUMENTS)


def test_too_large_files_name_the_limit():
    upload = SimpleUploadedFile("gross.pdf", b"%PDF-" + bytes(2 * 1024 * 1024))
    with pytest.raises(ValidationError, match="höchstens 1 MB"):
        check_upload(upload, kinds=DOCUMENTS, max_bytes=1024 * 1024)


def test_a_broken_picture_is_refused():
    upload = SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0" + bytes(50))
    with pytest.raises(ValidationError, match="kann nicht gelesen werden"):
        check_upload(upload, kinds=IMAGES)


def test_photo_locations_are_removed():
    upload = SimpleUploadedFile("begehung.jpg", _jpeg_with_gps())
    assert check_upload(upload, kinds=IMAGES) is JPEG
    assert Image.open(io.BytesIO(_jpeg_with_gps())).getexif().get(0x8825)
    clean = strip_image_metadata(upload)
    assert not Image.open(io.BytesIO(clean.read())).getexif()


def test_private_files_have_no_public_url(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "familiennetz.core.files.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path, "base_url": None},
        },
    }
    storage = private_storage()
    name = storage.save("a.txt", io.BytesIO(b"x"))
    with pytest.raises(ValueError):
        storage.url(name)
