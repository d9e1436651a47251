"""Stored notice-board sheets (private files, expire after NOTICE_FILE_HOURS) are deleted by
the daily retention job, also when nobody asks for them again."""

import datetime as dt
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from familiennetz.core.files import private_storage
from familiennetz.outreach import notices

pytestmark = pytest.mark.django_db


def stored(alliance, key: str, hours_old: float) -> str:
    notices.file_store(alliance.pk, key, b"%PDF-1.7 sheet")
    name = notices.file_name(alliance, key)
    made = (timezone.now() - dt.timedelta(hours=hours_old)).timestamp()
    os.utime(private_storage().path(name), (made, made))
    return name


def test_the_daily_job_deletes_expired_sheets_and_keeps_fresh_ones(alliance, other_alliance):
    storage = private_storage()
    old = stored(alliance, "a" * 32, hours_old=notices.NOTICE_FILE_HOURS + 1)
    other_old = stored(other_alliance, "b" * 32, hours_old=30)
    fresh = stored(alliance, "c" * 32, hours_old=1)

    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "2 expired notice-board sheet(s) deleted" in out.getvalue()
    assert storage.exists(old) and storage.exists(other_old)

    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "2 expired notice-board sheet(s) deleted" in out.getvalue()
    assert not storage.exists(old) and not storage.exists(other_old)
    assert storage.exists(fresh)
    assert notices.file_ready(alliance, "c" * 32)


def test_nothing_stored_yet_is_no_error():
    assert notices.purge_expired_files() == 0
