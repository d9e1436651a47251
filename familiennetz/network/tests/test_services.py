"""Network services: partners, ties (bad input named by field, nothing half-saved),
contributions, snapshots, derived ties, renewals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from familiennetz.directory.tests.factories import (
    LocationFactory,
    OfferFactory,
    OrganisationFactory,
)
from familiennetz.events.tests.factories import EventFactory

from .. import selectors, services
from ..models import Partner, Sector, Snapshot, Tie
from . import factories as f

pytestmark = pytest.mark.django_db


def errors_of(exc: pytest.ExceptionInfo) -> dict:
    return exc.value.message_dict


def test_default_sectors_are_created_once_and_keep_own_names(alliance):
    services.ensure_default_sectors(alliance)
    kita = Sector.objects.get(alliance=alliance, code="kita")
    kita.name = "Kitas und Tagespflege"
    kita.save()
    services.ensure_default_sectors(alliance)
    assert Sector.objects.filter(alliance=alliance).count() == len(services.DEFAULT_SECTORS)
    assert Sector.objects.get(alliance=alliance, code="kita").name == "Kitas und Tagespflege"


def test_partner_of_another_alliances_organisation_is_refused(alliance, other_alliance):
    foreign = OrganisationFactory(alliance=other_alliance)
    with pytest.raises(ValidationError) as exc:
        services.partner_save(alliance=alliance, values={"organisation": foreign})
    assert "organisation" in errors_of(exc)
    assert not Partner.objects.exists()


def test_partner_cannot_leave_before_joining(alliance):
    org = OrganisationFactory(alliance=alliance)
    with pytest.raises(ValidationError) as exc:
        services.partner_save(
            alliance=alliance,
            values={
                "organisation": org,
                "member_since": dt.date(2025, 5, 1),
                "left_on": dt.date(2024, 1, 1),
            },
        )
    assert "left_on" in errors_of(exc)


def test_tie_pair_is_normalised_and_unique(alliance):
    a, b = f.partner(alliance, "Kita A"), f.partner(alliance, "ASD")
    values = {"partner_a": b, "partner_b": a, "intensity": 4, "topics": "x, ,y"}
    tie = services.tie_save(alliance=alliance, values=values)
    assert (tie.partner_a_id, tie.partner_b_id) == (min(a.pk, b.pk), max(a.pk, b.pk))
    assert tie.topics == "x, y"
    with pytest.raises(ValidationError) as exc:
        services.tie_save(alliance=alliance, values={"partner_a": a, "partner_b": b})
    assert "partner_b" in errors_of(exc)
    assert Tie.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"same": True}, "partner_b"),
        ({"intensity": 5}, "intensity"),
        ({"intensity": -1}, "intensity"),
        ({"foreign": True}, "partner_b"),
    ],
)
def test_bad_ties_name_the_field_and_save_nothing(alliance, other_alliance, change, field):
    a, b = f.partner(alliance, "Kita A"), f.partner(alliance, "ASD")
    if change.pop("same", False):
        b = a
    if change.pop("foreign", False):
        b = f.partner(other_alliance, "Fremd")
    values = {"partner_a": a, "partner_b": b, "intensity": 2} | change
    with pytest.raises(ValidationError) as exc:
        services.tie_save(alliance=alliance, values=values)
    assert field in errors_of(exc)
    assert not Tie.objects.exists()


def test_a_bad_agreement_file_saves_nothing(alliance):
    a, b = f.partner(alliance, "Kita A"), f.partner(alliance, "ASD")
    with pytest.raises(ValidationError) as exc:
        services.tie_save(
            alliance=alliance,
            values={"partner_a": a, "partner_b": b, "intensity": 4},
            agreement_file=ContentFile(b"MZ\x90\x00\x03binary\x00", name="vertrag.pdf"),
        )
    assert "agreement" in errors_of(exc)
    assert not Tie.objects.exists()


def test_agreement_is_stored_privately(alliance):
    a, b = f.partner(alliance, "Kita A"), f.partner(alliance, "ASD")
    tie = services.tie_save(
        alliance=alliance,
        values={"partner_a": a, "partner_b": b, "intensity": 4},
        agreement_file=ContentFile(b"Vereinbarung", name="vereinbarung.txt"),
    )
    assert tie.has_agreement and tie.agreement_name == "vereinbarung.txt"
    with pytest.raises(ValueError):
        tie.agreement.url  # noqa: B018  (private files have no URL)


def test_contribution_year_and_amount_are_checked(alliance):
    p = f.partner(alliance, "Autohaus Meier", "wirtschaft")
    with pytest.raises(ValidationError) as exc:
        services.contribution_save(
            partner=p, values={"kind": "rooms", "description": "Saal", "year": 1800}
        )
    assert "year" in errors_of(exc)
    row = services.contribution_save(
        partner=p, values={"kind": "rooms", "description": "Saal", "year": 2026}
    )
    assert row.partner == p


def test_snapshot_in_the_future_is_refused(alliance):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.snapshot_take(alliance=alliance, taken_on=tomorrow)
    assert "taken_on" in errors_of(exc)
    assert not Snapshot.objects.exists()


def test_snapshot_freezes_partners_of_that_date_and_compares(alliance):
    a = f.partner(alliance, "Kita A", member_since=dt.date(2020, 1, 1))
    b = f.partner(alliance, "ASD", member_since=dt.date(2020, 1, 1))
    f.tie(a, b, since=dt.date(2021, 1, 1))
    snap = services.snapshot_take(alliance=alliance, taken_on=dt.date(2022, 1, 1))
    assert services.snapshot_take
    c = f.partner(alliance, "Neu", member_since=dt.date(2024, 1, 1))
    f.tie(a, c)
    with pytest.raises(ValidationError):
        services.snapshot_take(alliance=alliance, taken_on=dt.date(2022, 1, 1))
    result = selectors.compare(snap, selectors.network_data(alliance, include_derived=False))
    assert result.new_partners == ["Neu"]
    assert result.new_ties == [("Kita A", "Neu")]
    assert result.lost_ties == []
    assert result.density_before == 1.0
    assert result.density_after == pytest.approx(2 / 3)


def test_derived_ties_come_from_shared_offers_and_events_and_stay_apart(alliance):
    kita = f.partner(alliance, "Kita A")
    fb = f.partner(alliance, "Familienbildung")
    club = f.partner(alliance, "Sportverein")
    place = LocationFactory(alliance=alliance, organisation=kita.organisation)
    OfferFactory(alliance=alliance, organisation=fb.organisation, locations=[place])
    EventFactory(alliance=alliance, organisation=club.organisation, location=place)
    f.tie(kita, fb, intensity=3)
    data = selectors.network_data(alliance)
    kinds = sorted((e["kind"], tuple(sorted((e["source"], e["target"])))) for e in data.edges)
    pair_fb = tuple(sorted((kita.pk, fb.pk)))
    pair_club = tuple(sorted((kita.pk, club.pk)))
    assert ("declared", pair_fb) in kinds and ("derived", pair_fb) in kinds
    assert ("derived", pair_club) in kinds
    assert len(kinds) == 3


def test_renewals_due_within_sixty_days(alliance):
    a, b, c = (f.partner(alliance, n) for n in ("A", "B", "C"))
    today = timezone.localdate()
    soon = f.tie(a, b, 4, renewal_on=today + dt.timedelta(days=30))
    f.tie(a, c, 4, renewal_on=today + dt.timedelta(days=90))
    assert list(selectors.renewals_due(alliance)) == [soon]
