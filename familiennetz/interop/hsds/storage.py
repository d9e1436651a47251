"""The HSDS ZIP downloads of an alliance as files on disk.

Built on the first request after a change and kept under ``HSDS_EXPORT_DIR/<alliance pk>/``,
one file per format, keyed by the alliance's ``content_version`` (changes with every edit,
see familiennetz/alliances/content_version.py) and the day (the events' upcoming dates move
with the clock). The ZIP is written member by member into a temporary file and renamed into
place, so no process holds the whole archive (29.6 MB for 10,000 services) or all its
documents in memory, and concurrent builds never serve a half-written file. Older versions
of the same format are removed after a build.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from familiennetz.alliances.content_version import version_used
from familiennetz.alliances.models import Alliance

from .export import export_tables, members_for, write_zip_stream

FORMATS = ("json", "csv")
STALE_TEMP_SECONDS = 3600  # a temporary file this old belongs to a build that died


def export_dir() -> Path:
    return Path(settings.HSDS_EXPORT_DIR)


def hsds_zip_path(*, alliance: Alliance, fmt: str) -> Path:
    """The current HSDS ZIP (``fmt``: "json" or "csv") of ``alliance``, built if needed."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    version_used(alliance.pk)
    directory = export_dir() / str(alliance.pk)
    prefix = f"hsds-{fmt}-"
    path = directory / f"{prefix}{timezone.localdate().isoformat()}-{alliance.content_version}.zip"
    if path.exists():
        return path
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{prefix}", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            write_zip_stream(members_for(export_tables(alliance=alliance), fmt), out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _remove_older(directory, prefix, keep=path)
    return path


def _remove_older(directory: Path, prefix: str, *, keep: Path) -> None:
    """Earlier versions of this format (a reader that has one open keeps reading it), and
    temporary files of builds that died."""
    for old in directory.glob(f"{prefix}*.zip"):
        if old != keep:
            old.unlink(missing_ok=True)
    limit = time.time() - STALE_TEMP_SECONDS
    for part in directory.glob(f".{prefix}*.part"):
        try:
            if part.stat().st_mtime < limit:
                part.unlink(missing_ok=True)
        except FileNotFoundError:
            pass
