"""Journeys 6, 7 and 9: a provider edits her offer, the coordinator accepts the diff; the
reminder link confirms entries without login; a parent's error report reaches the queue.
axe-core checks every workspace page on the way."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from .helpers import axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"


def _user(email: str, role: str, alliance, organisations=()):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership

    user = User.objects.create_user(email=email, password=PASSWORD, first_name=email.split("@")[0])
    membership = Membership.objects.create(user=user, alliance=alliance, role=role)
    membership.organisations.set(organisations)
    return user


@pytest.fixture
def team(corpus):
    return {
        "provider": _user(
            "leitung@familienzentrum.example", "provider", corpus.alliance, [corpus.familienzentrum]
        ),
        "coordinator": _user("koordination@hainichen.example", "coordinator", corpus.alliance),
    }


def log_in(page, email: str, next_path: str):
    visit(page, f"/accounts/anmelden/?next={next_path}")
    axe_check(page)
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def test_provider_edit_is_reviewed_and_accepted_then_public(corpus, team, new_page):
    offer = corpus.sonnenschein
    provider = new_page()
    log_in(provider, "leitung@familienzentrum.example", "/manage/hainichen/")
    axe_check(provider)  # dashboard
    provider.locator("nav.ws-nav a[href$='/manage/hainichen/angebote/']").click()
    provider.wait_for_url("**/manage/hainichen/angebote/")
    axe_check(provider)
    rows = provider.locator("table.ws-table tbody tr")
    expect(rows).to_have_count(4)  # the family centre's offers only (incl. the draft)
    provider.get_by_role("link", name=offer.name, exact=True).click()
    provider.wait_for_url(re.compile(rf"/manage/hainichen/angebote/{offer.pk}/$"))
    axe_check(provider)
    summary = provider.locator("#id_summary")
    summary.fill("Jetzt mittwochs von 9 bis 11 Uhr, mit Frühstück.")
    provider.locator("button[name=preview]").click()
    expect(provider.locator(".ws-preview")).to_contain_text("Jetzt mittwochs")
    axe_check(provider)
    provider.locator("button[name=save]").click()
    expect(provider.locator(".ws-message")).to_be_visible()
    # Still the old text in public until the coordination accepts.
    visit(provider, offer.get_absolute_url())
    expect(provider.locator("main")).not_to_contain_text("Jetzt mittwochs")

    coordinator = new_page()
    log_in(coordinator, "koordination@hainichen.example", "/manage/hainichen/")
    expect(coordinator.locator(".ws-nav .ws-count")).to_have_text("1")
    coordinator.locator("nav.ws-nav a[href$='/pruefung/']").click()
    coordinator.wait_for_url("**/manage/hainichen/pruefung/")
    axe_check(coordinator)
    coordinator.locator("table.ws-table tbody a").first.click()
    coordinator.wait_for_url(re.compile(r"/manage/hainichen/pruefung/\d+/$"))
    diff = coordinator.locator("table.ws-diff")
    expect(diff.locator("tbody tr")).to_have_count(1)  # only the summary changed
    expect(diff.locator("del")).to_have_text(offer.summary)
    expect(diff.locator("ins")).to_have_text("Jetzt mittwochs von 9 bis 11 Uhr, mit Frühstück.")
    axe_check(coordinator)
    coordinator.locator("button[name=action][value=accept]").click()
    coordinator.wait_for_url("**/manage/hainichen/pruefung/")

    visit(coordinator, offer.get_absolute_url())
    expect(coordinator.locator(".lead")).to_have_text(
        "Jetzt mittwochs von 9 bis 11 Uhr, mit Frühstück."
    )


def test_provider_workspace_works_on_a_phone(corpus, team, phone_page):
    log_in(phone_page, "leitung@familienzentrum.example", "/manage/hainichen/angebote/")
    no_horizontal_scroll(phone_page)
    phone_page.locator("table.ws-table tbody a").first.click()
    phone_page.wait_for_url(re.compile(r"/manage/hainichen/angebote/\d+/$"))
    no_horizontal_scroll(phone_page)
    axe_check(phone_page)


def test_coordinator_adds_an_own_session_without_a_place_on_a_phone(corpus, team, phone_page):
    """A session "online / by arrangement": a row whose place is left empty is the offer's
    own session (ADR 1540); it shows on the public page under "Regelmäßige Zeiten"."""
    from familiennetz.directory.models import Schedule

    offer = corpus.sonnenschein
    edit = f"/manage/hainichen/angebote/{offer.pk}/"
    log_in(phone_page, "koordination@hainichen.example", edit)
    no_horizontal_scroll(phone_page)
    axe_check(phone_page)
    place = phone_page.locator("select[name=sessions_1_place]")
    expect(place.locator("option:checked")).to_have_text("(kein Ort – Termin des Angebots)")
    phone_page.locator("input[name=sessions_1_days][value=TH]").check()
    phone_page.locator("input[name=sessions_1_from]").fill("19:00")
    phone_page.locator("input[name=sessions_1_to]").fill("20:30")
    phone_page.locator("input[name=sessions_1_note]").fill("per Video")
    phone_page.locator("button[name=save]").click()
    expect(phone_page.locator(".ws-message")).to_be_visible()
    own = Schedule.objects.get(offer=offer)
    assert (own.rrule, own.opens_at, own.closes_at) == (
        "FREQ=WEEKLY;BYDAY=TH",
        dt.time(19),
        dt.time(20, 30),
    )
    assert Schedule.objects.filter(offer_location__offer=offer).count() == 1  # still there
    # The saved row comes back without a place (first: rows are sorted by weekday, TH < TU).
    visit(phone_page, edit)
    expect(phone_page.locator("input[name=sessions_0_note]")).to_have_value("per Video")
    expect(phone_page.locator("select[name=sessions_0_place] option:checked")).to_have_text(
        "(kein Ort – Termin des Angebots)"
    )
    no_horizontal_scroll(phone_page)

    visit(phone_page, offer.get_absolute_url())
    when = phone_page.locator("section[aria-labelledby=when-where]")
    expect(when).to_contain_text("Regelmäßige Zeiten")
    expect(when).to_contain_text("per Video")
    no_horizontal_scroll(phone_page)
    axe_check(phone_page)


def test_reminder_link_confirms_the_entries_without_login(corpus, new_page):
    from django.core import mail
    from django.utils import timezone

    from familiennetz.directory.models import Offer
    from familiennetz.freshness.services import reminders_run

    offer = corpus.sonnenschein
    old = timezone.now() - dt.timedelta(days=400)
    Offer.objects.filter(pk=offer.pk).update(last_checked_at=old)
    mail.outbox.clear()
    reminders_run()
    message = next(m for m in mail.outbox if offer.name in m.body)
    path = re.search(r"https?://[^/\s]+(/\S*/aktuell/\S+/)", message.body).group(1)

    page = new_page()
    visit(page, path)
    axe_check(page)
    expect(page.locator("main")).to_contain_text(offer.name)
    page.locator("button[name=action][value=confirm]").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    offer.refresh_from_db()
    assert timezone.now() - offer.last_checked_at < dt.timedelta(minutes=5)
    visit(page, offer.get_absolute_url())
    today = timezone.localdate().strftime("%d.%m.%Y").lstrip("0")
    expect(page.locator("main .checked")).to_contain_text(str(timezone.localdate().year))
    assert today.split(".")[-1] in page.locator("main .checked").inner_text()


def test_public_error_report_reaches_the_review_queue(corpus, team, new_page):
    offer = corpus.sonnenschein
    parent = new_page()
    visit(parent, offer.get_absolute_url())
    parent.locator("main a[href*='/melden/angebot/']").click()
    parent.wait_for_url("**/melden/angebot/**")
    axe_check(parent)
    parent.locator("#id_message").fill("Die Gruppe trifft sich jetzt im Gemeindehaus.")
    parent.locator("main form button[type=submit]").click()
    parent.wait_for_url("**/hainichen/vorschlagen/danke/")
    axe_check(parent)

    coordinator = new_page()
    log_in(coordinator, "koordination@hainichen.example", "/manage/hainichen/pruefung/")
    item = coordinator.locator("table.ws-table tbody tr").filter(has_text=offer.name)
    expect(item).to_have_count(1)
    item.locator("a").first.click()
    expect(coordinator.locator("main")).to_contain_text("Gemeindehaus")
    axe_check(coordinator)
