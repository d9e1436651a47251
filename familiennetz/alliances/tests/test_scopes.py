"""Tenancy fails loudly (ADR 0501): tenant rows are only read inside a scope, requests are
scoped by their URL, and every background job and command chooses its scope itself.

The rest of the suite runs its test bodies unscoped (conftest.py); these tests switch the
enforcement back on with ``exact_scope(None)``, the state every request and every worker
process starts from."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from familiennetz.alliances.middleware import AllianceMiddleware
from familiennetz.alliances.scopes import (
    ScopeError,
    all_alliances,
    alliance_scope,
    current_alliance_scope,
    exact_scope,
)
from familiennetz.directory.models import Offer
from familiennetz.directory.tests.factories import OfferFactory
from familiennetz.events.tests.registration_support import registration_date
from familiennetz.moderation.services import report_create


@pytest.fixture
def two_offers(alliance, other_alliance):
    return OfferFactory(alliance=alliance), OfferFactory(alliance=other_alliance)


def test_a_tenant_query_outside_any_scope_raises(two_offers):
    with exact_scope(None):
        queryset = Offer.objects.filter(status="published")  # building it is fine
        with pytest.raises(ScopeError, match=r"directory\.Offer was queried outside"):
            list(queryset)
        with pytest.raises(ScopeError):
            Offer.objects.count()
        with pytest.raises(ScopeError):
            Offer.objects.filter(pk=two_offers[0].pk).update(name="x")


def test_inside_an_alliance_scope_only_its_rows_exist(two_offers, alliance, other_alliance):
    mine, theirs = two_offers
    with exact_scope(None), alliance_scope(alliance):
        assert list(Offer.objects.all()) == [mine]
        assert not Offer.objects.filter(pk=theirs.pk).exists()
    with exact_scope(None), alliance_scope([alliance.pk, other_alliance.pk]):
        assert Offer.objects.count() == 2
    with exact_scope(None), all_alliances():
        assert Offer.objects.count() == 2
        assert current_alliance_scope() is None


def _through_middleware(path: str, view) -> HttpResponse:
    request = RequestFactory().get(path)
    request.urlconf = None
    with exact_scope(None):
        return AllianceMiddleware(view)(request)


def test_a_request_to_an_alliance_url_sees_that_alliance_only(two_offers, alliance):
    seen = {}

    def view(request):
        seen["alliance"] = request.alliance
        seen["offers"] = list(Offer.objects.values_list("alliance_id", flat=True))
        return HttpResponse("ok")

    _through_middleware(f"/{alliance.slug}/suche/", view)
    assert seen["alliance"] == alliance
    assert seen["offers"] == [alliance.pk]  # a view that forgot .for_alliance leaks nothing


def test_a_request_without_an_alliance_must_choose(two_offers):
    def view(request):
        Offer.objects.count()
        return HttpResponse("unreachable")

    with pytest.raises(ScopeError):
        _through_middleware("/accounts/anmelden/", view)


def test_a_streamed_response_keeps_its_scope_and_leaves_none_behind(two_offers, alliance):
    def view(request):
        def rows():
            yield f"{Offer.objects.count()}\n"
            yield f"{current_alliance_scope()}\n"

        return StreamingHttpResponse(rows())

    response = _through_middleware(f"/{alliance.slug}/kalender/", view)
    with exact_scope(None):
        first = next(iter(response.streaming_content))  # consumed after the middleware
        assert current_alliance_scope() is None  # the consumer's context is untouched
        assert first == b"1\n"


def test_background_jobs_choose_their_scope(two_offers, alliance, committed, mailoutbox):
    from familiennetz.accounts.tasks import purge_personal_data
    from familiennetz.events.import_tasks import refresh_calendar_sources
    from familiennetz.events.tasks import (
        purge_registrations,
        refresh_occurrences,
        send_event_reminders,
        send_registration_mail,
    )
    from familiennetz.freshness.tasks import send_review_reminders
    from familiennetz.governance.tasks import send_action_reminders
    from familiennetz.moderation.tasks import (
        notify_author,
        notify_coordination,
        purge_suggestion_contacts,
    )

    registration_date(alliance=alliance)
    item = report_create(alliance=alliance, target=two_offers[0], message="Neue Zeiten")
    with exact_scope(None):  # as in a worker process: nothing is open
        send_review_reminders.call()
        notify_coordination.call(item.pk)
        notify_author.call(item.pk)
        purge_suggestion_contacts.call()
        send_event_reminders.call()
        purge_registrations.call()
        refresh_occurrences.call()
        refresh_calendar_sources.call()
        purge_personal_data.call()
        send_action_reminders.call()
        assert send_registration_mail.call(0, "confirm") is False


@pytest.mark.parametrize(
    "command",
    [
        ["send_review_reminders", "--dry-run"],
        ["purge_personal_data", "--dry-run"],
        ["purge_registrations", "--dry-run"],
        ["send_event_reminders", "--dry-run"],
        ["refresh_occurrences", "--dry-run"],
        ["refresh_occurrences", "--dry-run", "--alliance", "hainichen"],
        ["rebuild_search_index", "--dry-run"],
        ["install_taxonomy", "--alliance", "hainichen", "--dry-run"],
        ["send_action_reminders", "--dry-run"],
    ],
)
def test_management_commands_choose_their_scope(command, two_offers):
    with exact_scope(None):
        call_command(*command, stdout=None)
