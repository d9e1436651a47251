"""Issue 16: the reminder's links come from SITE_URL, and its two links do different things."""

import datetime as dt
import re

from django.core import mail
from django.utils import timezone

from familiennetz.directory.tests.factories import OfferFactory, OrganisationFactory
from familiennetz.freshness.services import reminders_run

LONG_AGO = dt.timedelta(days=400)


def _links(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def test_reminder_links_use_site_url_and_differ(alliance, visitor, settings):
    settings.SITE_URL = "http://127.0.0.1:8106"
    organisation = OrganisationFactory(alliance=alliance, email="info@kita.example")
    offer = OfferFactory(
        alliance=alliance, organisation=organisation, last_checked_at=timezone.now() - LONG_AGO
    )
    reminders_run()
    body = mail.outbox[0].body
    still_correct, change = (link for link in _links(body) if "/aktuell/" in link)
    assert still_correct.startswith("http://127.0.0.1:8106/hainichen/aktuell/")
    assert change.startswith("http://127.0.0.1:8106/")
    assert still_correct != change
    assert "localhost:8000" not in body

    confirm_page = visitor.get(still_correct.removeprefix(settings.SITE_URL)).content.decode()
    assert 'value="confirm"' in confirm_page and 'value="changes"' not in confirm_page
    change_page = visitor.get(change.removeprefix(settings.SITE_URL)).content.decode()
    assert 'value="changes"' in change_page and 'value="confirm"' not in change_page
    offer.refresh_from_db()
    assert offer.is_stale  # opening either link changes nothing
