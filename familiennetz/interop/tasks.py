"""Background jobs of the interop app (django-tasks; arguments are ids)."""

from __future__ import annotations

import logging

from django_tasks import task

from familiennetz.alliances.scopes import all_alliances, alliance_scope

from .models import ImportUpload
from .services import ImportBudgetExceeded, import_upload_check, import_upload_fail

logger = logging.getLogger(__name__)


@task()
def check_import_upload(upload_id: str) -> str:
    """The first check of an uploaded import file (ADR 1520): the file is read in a child
    process with a memory and time budget; a file over the budget, or one that breaks the
    check, is deleted and its uploader told why. Idempotent: a task run again after its
    worker died finds the check done (or the upload gone) and stops."""
    with all_alliances():
        upload = ImportUpload.objects.filter(pk=upload_id).select_related("alliance").first()
    if upload is None:
        return "gone"
    if upload.checked or upload.committed_at is not None:
        return "checked"
    with alliance_scope(upload.alliance_id):
        try:
            import_upload_check(upload=upload)
        except ImportBudgetExceeded as exc:
            import_upload_fail(upload=upload, limit=exc.limit, value=exc.value)
            return f"refused: {exc.limit}"
        except BaseException:
            import_upload_fail(upload=upload)
            raise
    return "checked"
