"""ZIP and XLSX files are hostile until their size is known (zip bombs; docs/adr/1101).

Checked *before* anything is decompressed into memory or handed to a parser:

- ``check_zip(data, limits)``: the number of members, each member's and the total
  uncompressed size as the central directory declares them, and the compression ratio of
  large members. Python's ``zipfile`` never returns more bytes than a member declares (the
  stream ends there, and a wrong CRC raises), so the declared sizes are what a reader gets.
- ``check_xlsx(data, limits)``: ``check_zip`` plus, for every worksheet, a streaming count of
  rows, cells per row and cells in all (expat, no tree is built; stops at the first limit), and
  no DTD (entity expansion). Formulas or shared strings are not evaluated here.

Both raise ``ArchiveLimitError`` whose message names the limit and the value found; callers
turn it into a form error or an import report error. ``open_xlsx`` loads a checked workbook
with openpyxl's read-only streaming reader.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import IO
from xml.parsers import expat

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MiB = 1024 * 1024


class ArchiveLimitError(ValueError):
    """The file exceeds a limit (the message says which) or is not a readable archive."""


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 1_000
    max_member_bytes: int = 100 * MiB
    max_total_bytes: int = 200 * MiB
    max_ratio: int = 200  # uncompressed : compressed, for members above ratio_from_bytes
    ratio_from_bytes: int = 1 * MiB


@dataclass(frozen=True)
class XlsxLimits:
    zip: ZipLimits = ZipLimits()
    max_rows: int = 100_000
    max_columns: int = 200
    max_cells: int = 2_000_000


def _source(data: bytes | IO[bytes]) -> IO[bytes]:
    return io.BytesIO(data) if isinstance(data, bytes | bytearray | memoryview) else data


def check_zip(data: bytes | IO[bytes], limits: ZipLimits = ZipLimits()) -> list[zipfile.ZipInfo]:
    """The archive's file members, or ArchiveLimitError naming the first limit exceeded."""
    try:
        with zipfile.ZipFile(_source(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ArchiveLimitError(
            _("The ZIP file cannot be read: %(error)s") % {"error": exc}
        ) from exc
    files = [info for info in infos if not info.is_dir()]
    if len(infos) > limits.max_members:
        raise ArchiveLimitError(
            _("The archive has %(n)d files; at most %(max)d are allowed.")
            % {"n": len(infos), "max": limits.max_members}
        )
    total = 0
    for info in files:
        if info.file_size > limits.max_member_bytes:
            raise ArchiveLimitError(
                _("“%(name)s” in the archive unpacks to %(size)s; at most %(max)s are allowed.")
                % {
                    "name": info.filename[:80],
                    "size": filesizeformat(info.file_size),
                    "max": filesizeformat(limits.max_member_bytes),
                }
            )
        if info.file_size > limits.ratio_from_bytes and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise ArchiveLimitError(
                _(
                    "“%(name)s” in the archive is compressed more than %(max)d to 1 "
                    "(%(size)s from %(packed)s): refused as a possible zip bomb."
                )
                % {
                    "name": info.filename[:80],
                    "max": limits.max_ratio,
                    "size": filesizeformat(info.file_size),
                    "packed": filesizeformat(info.compress_size),
                }
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise ArchiveLimitError(
            _("The archive unpacks to %(size)s; at most %(max)s are allowed.")
            % {"size": filesizeformat(total), "max": filesizeformat(limits.max_total_bytes)}
        )
    return files


class _SheetCounter:
    """Counts rows and cells of one worksheet's XML as it streams past."""

    def __init__(self, name: str, limits: XlsxLimits, cells_before: int):
        self.name, self.limits = name, limits
        self.rows = 0
        self.row_cells = 0
        self.cells = cells_before

    def start(self, tag: str, attrs) -> None:
        local = tag.rsplit("}", 1)[-1]
        if local == "row":
            self.rows += 1
            self.row_cells = 0
            if self.rows > self.limits.max_rows:
                raise ArchiveLimitError(
                    _("The worksheet has more than %(max)s rows (the limit).")
                    % {"max": f"{self.limits.max_rows:,}"}
                )
        elif local == "c":
            self.row_cells += 1
            self.cells += 1
            if self.row_cells > self.limits.max_columns:
                raise ArchiveLimitError(
                    _("Row %(row)d of the worksheet has more than %(max)d cells (column limit).")
                    % {"row": self.rows, "max": self.limits.max_columns}
                )
            if self.cells > self.limits.max_cells:
                raise ArchiveLimitError(
                    _("The workbook has more than %(max)s cells (the limit).")
                    % {"max": f"{self.limits.max_cells:,}"}
                )


def _no_dtd(*args) -> None:
    raise ArchiveLimitError(_("The workbook contains a DTD; it is not an Excel file."))


def check_xlsx(data: bytes | IO[bytes], limits: XlsxLimits = XlsxLimits()) -> None:
    """ArchiveLimitError unless the workbook is within ``limits`` (see the module)."""
    source = _source(data)
    infos = check_zip(source, limits.zip)
    sheets = [
        info
        for info in infos
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
    ]
    if not any(info.filename == "xl/workbook.xml" for info in infos):
        raise ArchiveLimitError(_("The file is not an Excel workbook (.xlsx)."))
    cells = 0
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            for info in sheets:
                counter = _SheetCounter(info.filename, limits, cells)
                parser = expat.ParserCreate(namespace_separator="}")
                parser.StartElementHandler = counter.start
                parser.StartDoctypeDeclHandler = _no_dtd
                parser.EntityDeclHandler = _no_dtd
                with archive.open(info) as stream:
                    while chunk := stream.read(256 * 1024):
                        parser.Parse(chunk, False)
                parser.Parse(b"", True)
                cells = counter.cells
    except ArchiveLimitError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, expat.ExpatError) as exc:
        raise ArchiveLimitError(
            _("The Excel file could not be read: %(error)s") % {"error": exc}
        ) from exc
    finally:
        source.seek(0)


def open_xlsx(data: bytes, limits: XlsxLimits = XlsxLimits()):
    """The workbook (openpyxl, read-only streaming, cached values) after ``check_xlsx``."""
    from openpyxl import load_workbook

    check_xlsx(data, limits)
    return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
