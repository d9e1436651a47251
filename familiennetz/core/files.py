"""Private files (agreements, meeting attachments, walk photos): uploaded files are hostile
until checked, stored outside the public media URL, and only served through a view that
checks permissions first.

- ``private_storage()``: the ``STORAGES["private"]`` backend (by default the folder
  ``PRIVATE_MEDIA_ROOT`` outside MEDIA_ROOT; an S3-compatible bucket in production).
- ``check_upload(file, kinds=…, max_bytes=…)``: the file's real type from its first bytes (not
  its name or the browser's claim), its size, and for images a decode test; raises a
  ``ValidationError`` naming the problem.
- ``strip_image_metadata(file)``: a JPEG/PNG re-encoded without EXIF (the location of a phone
  photo), unless the caller keeps it on purpose.
- ``private_file_response(field_file, filename)``: an attachment download, never rendered inline.
"""

from __future__ import annotations

import io
import mimetypes
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse
from django.utils import formats
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("pdf", "PDF", (".pdf",), "application/pdf")
PNG = FileKind("png", "PNG", (".png",), "image/png")
JPEG = FileKind("jpeg", "JPEG", (".jpg", ".jpeg"), "image/jpeg")
DOCX = FileKind(
    "docx",
    "Word (DOCX)",
    (".docx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = FileKind(
    "xlsx",
    "Excel (XLSX)",
    (".xlsx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
ODT = FileKind("odt", "OpenDocument (ODT)", (".odt",), "application/vnd.oasis.opendocument.text")
TXT = FileKind("txt", "Text", (".txt",), "text/plain")
IMAGES = (JPEG, PNG)
DOCUMENTS = (PDF, DOCX, XLSX, ODT, TXT)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder outside MEDIA_ROOT whose files have no URL of their own."""

    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a permission-checked view.")


class _PrivateStorage(LazyObject):
    """``storages["private"]``, looked up again after the STORAGES setting changed (tests)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty  # type: ignore[assignment]  # LazyObject's reset


def private_storage():
    """The private storage; pass the function itself to a FileField: ``storage=private_storage``."""
    return _private


def _zip_kind(head: bytes, file) -> FileKind | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # never the whole member
                    mimetype = member.read(100)
                return ODT if mimetype == ODT.content_type.encode() else None
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        file.seek(0)
    return None


def sniff(file) -> FileKind | None:
    """The kind of ``file`` by its content (None: none we accept)."""
    file.seek(0)
    head = file.read(2048)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(head, file)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" not in text:
        return TXT
    return None


def check_upload(file, *, kinds=DOCUMENTS, max_bytes: int = DEFAULT_MAX_BYTES) -> FileKind:
    """The kind of an uploaded file, or a ValidationError that says what is wrong with it."""
    if file.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s MB); at most %(max)s MB are allowed.")
            % {
                "size": formats.number_format(file.size / 1048576, 1),
                "max": f"{max_bytes / 1048576:.0f}",
            }
        )
    kind = sniff(file)
    allowed = ", ".join(k.label for k in kinds)
    if kind is None or kind not in kinds:
        raise ValidationError(
            _("This type of file is not allowed. Allowed: %(kinds)s.") % {"kinds": allowed}
        )
    name = (getattr(file, "name", "") or "").lower()
    if not name.endswith(kind.extensions):
        raise ValidationError(
            _("The file's name does not match its content (%(kind)s).") % {"kind": kind.label}
        )
    if kind in IMAGES:
        from PIL import Image

        try:
            with Image.open(file) as image:
                if image.width * image.height > 40_000_000:
                    raise ValidationError(_("The picture is too large (at most 40 megapixels)."))
                image.verify()
        except ValidationError:
            raise
        except Exception as exc:  # any decoder error means: not a picture
            raise ValidationError(_("The picture cannot be read.")) from exc
        finally:
            file.seek(0)
    return kind


def strip_image_metadata(file, *, max_side: int = 2400) -> ContentFile:
    """A copy of a JPEG/PNG without EXIF and other metadata, at most ``max_side`` pixels."""
    from PIL import Image, ImageOps

    file.seek(0)
    with Image.open(file) as original:
        fmt = "PNG" if original.format == "PNG" or original.mode in {"RGBA", "LA", "P"} else "JPEG"
        image = ImageOps.exif_transpose(original)  # keep the orientation, drop the EXIF
        image.thumbnail((max_side, max_side))
        out = io.BytesIO()
        if fmt == "JPEG" and image.mode != "RGB":
            image = image.convert("RGB")
        image.save(out, format=fmt, optimize=True)
    name = (getattr(file, "name", "") or "bild").rsplit(".", 1)[0]
    return ContentFile(out.getvalue(), name=f"{name}.{'png' if fmt == 'PNG' else 'jpg'}")


def private_file_response(field_file, filename: str) -> FileResponse:
    """Serve a private file as a download (the caller has checked the permission)."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
