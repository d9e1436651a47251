"""seed_demo builds both demo alliances once per module; tests read them or rebuild inside
their own (rolled back) transaction."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.tests.factories import AllianceFactory
from familiennetz.demo.content import DEMO_ALLIANCES
from familiennetz.demo.content.reports import remove_generated
from familiennetz.demo.services import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD
from familiennetz.directory.models import Location, Offer, Schedule, Status
from familiennetz.directory.tests.factories import OfferFactory

SLUGS = [spec.slug for spec in DEMO_ALLIANCES]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", "--quiet", "--with-admin")
        yield
        with transaction.atomic():
            Alliance.objects.filter(slug__in=SLUGS).delete()
            remove_generated()  # the state office's generated demo networks
            get_user_model().objects.filter(email=DEMO_ADMIN_EMAIL).delete()


pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("seeded")]


def snapshot():
    return {
        "offers": sorted(
            Offer.objects.filter(alliance__slug__in=SLUGS).values_list(
                "alliance__slug", "slug", "status", "age_min_months", "age_max_months"
            )
        ),
        "locations": sorted(
            Location.objects.filter(alliance__slug__in=SLUGS).values_list(
                "alliance__slug", "slug", "latitude", "longitude"
            )
        ),
        "schedules": Schedule.objects.filter(alliance__slug__in=SLUGS).count(),
    }


def test_both_demo_alliances_are_marked_as_demo(db):
    alliances = Alliance.objects.filter(slug__in=SLUGS)
    assert sorted(a.slug for a in alliances) == ["hainichen", "prohlis"]
    for alliance in alliances:
        assert alliance.is_demo
        assert "Demo-Daten" in alliance.about


def test_at_least_150_published_offers_in_all(db):
    published = Offer.objects.published().filter(alliance__slug__in=SLUGS)
    assert published.count() >= 150
    for slug in SLUGS:
        assert published.filter(alliance__slug=slug).count() >= 75


def test_every_offer_has_a_category_and_a_location(db):
    offers = Offer.objects.filter(alliance__slug__in=SLUGS).annotate(
        n_categories=Count("categories", distinct=True),
        n_locations=Count("offer_locations", distinct=True),
    )
    assert not offers.filter(n_categories=0).exists()
    assert not offers.filter(n_locations=0).exists()


def test_every_location_lies_inside_its_town(db):
    for spec in DEMO_ALLIANCES:
        south, west, north, east = spec.bounding_box
        locations = Location.objects.filter(alliance__slug=spec.slug)
        assert locations.exists()
        for location in locations:
            assert south < location.latitude < north, location
            assert west < location.longitude < east, location
            assert location.district is not None


def test_drafts_and_archived_offers_exist_but_are_not_published(db):
    offers = Offer.objects.filter(alliance__slug__in=SLUGS)
    hidden = offers.exclude(status=Status.PUBLISHED)
    assert hidden.filter(status=Status.DRAFT).count() >= 3
    assert hidden.filter(status=Status.ARCHIVED).count() >= 2
    published_ids = set(Offer.objects.published().values_list("pk", flat=True))
    assert not published_ids & set(hidden.values_list("pk", flat=True))


def test_last_checked_dates_spread_over_18_months(db):
    now = timezone.now()
    ages = [
        (now - checked).days
        for checked in Offer.objects.published()
        .filter(alliance__slug__in=SLUGS)
        .values_list("last_checked_at", flat=True)
    ]
    assert max(ages) <= 18 * 31
    assert sum(age > 365 for age in ages) >= 10
    assert sum(age < 90 for age in ages) >= 10


def test_hainichen_has_the_free_arabic_toddler_group(db):
    offer = Offer.objects.get(alliance__slug="hainichen", name__startswith="Eltern-Kind-Gruppe")
    assert offer.status == Status.PUBLISHED
    assert offer.is_free
    assert offer.age_min_months == 0 and offer.age_max_months == 35
    assert "ar" in offer.languages.values_list("code", flat=True)
    assert "elternbildung.eltern-kind-gruppe" in offer.categories.values_list("code", flat=True)
    days = (timezone.now() - offer.last_checked_at).days
    assert 80 <= days <= 100
    assert offer.offer_locations.get().schedules.filter(rrule="FREQ=WEEKLY;BYDAY=WE").exists()


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize(
    "category", ["beratung.trennung", "beratung.trauer", "beratung.schulden", "beratung.erziehung"]
)
def test_counselling_offers_have_phone_numbers(db, slug, category):
    offers = Offer.objects.published().filter(alliance__slug=slug, categories__code=category)
    assert offers.exists()
    assert all(offer.phone for offer in offers)


@pytest.mark.parametrize("slug", SLUGS)
def test_user_journey_offers_exist(db, slug):
    published = Offer.objects.published().filter(alliance__slug=slug)
    assert published.filter(name__icontains="Hebamme").exists()
    assert published.filter(name__icontains="Beratung").count() >= 3
    assert published.filter(name__icontains="Schreibab").exists()
    assert (
        published.filter(categories__code="elternbildung.elterncafe")
        .filter(offer_locations__schedules__rrule__startswith="FREQ=WEEKLY")
        .exists()
    )
    emergency = published.filter(categories__code__startswith="notfall.").distinct()
    assert emergency.count() >= 5
    assert emergency.filter(phone="112").exists()
    assert published.filter(name="Erste-Hilfe-Box für Eltern").exists()
    assert published.filter(languages__code="de-x-ls").exists()
    for code in ["ar", "uk", "ru", "tr", "en"]:
        assert published.filter(languages__code=code).exists(), code


def test_prohlis_has_familienzentrum_sued_and_14_kitas(db):
    published = Offer.objects.published().filter(alliance__slug="prohlis")
    assert published.filter(name__icontains="Familienzentrum Süd").exists()
    assert published.filter(organisation__name="Familienzentrum Süd").count() >= 3
    kitas = published.filter(categories__code="betreuung.kita", organisation__kind="kita")
    assert kitas.count() == 14
    assert published.filter(languages__code="fa", categories__code="beratung.migration").exists()


def test_schedules_use_weekly_and_monthly_rules_and_opening_hours(db):
    schedules = Schedule.objects.filter(alliance__slug__in=SLUGS)
    assert schedules.filter(kind=Schedule.Kind.SESSION, rrule__startswith="FREQ=MONTHLY").exists()
    # An offer's own session (no place, ADR 1540): the online counselling's live chat.
    assert schedules.filter(kind=Schedule.Kind.SESSION, offer__is_online=True).exists()
    opening = schedules.filter(kind=Schedule.Kind.OPENING_HOURS, location__isnull=False)
    assert opening.filter(rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", opens_at=dt.time(6)).exists()


def test_contact_data_is_fictional(db):
    offers = Offer.objects.filter(alliance__slug__in=SLUGS).exclude(email="")
    assert offers.exists()
    assert all(o.email.endswith((".example.org", ".invalid")) for o in offers)


def test_demo_admin_can_log_in(db, client):
    response = client.post(
        "/accounts/anmelden/", {"username": DEMO_ADMIN_EMAIL, "password": DEMO_ADMIN_PASSWORD}
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email=DEMO_ADMIN_EMAIL)
    assert user.is_staff and user.is_superuser


def test_rebuild_is_idempotent_and_spares_other_alliances(db, settings, capsys):
    # One rebuild for several checks: rebuilding is the slow part of this module.
    before = snapshot()
    other = AllianceFactory(slug="leipzig-ost", is_demo=False)
    other_offer = OfferFactory(alliance=other)
    settings.DEBUG = False
    get_user_model().objects.filter(email=DEMO_ADMIN_EMAIL).delete()
    call_command("seed_demo")
    assert snapshot() == before
    assert Offer.objects.filter(pk=other_offer.pk).exists()
    # Without DEBUG the admin with the published password is not created …
    assert not get_user_model().objects.filter(email=DEMO_ADMIN_EMAIL).exists()
    out = capsys.readouterr().out
    assert "--with-admin" in out
    # … and the summary names the URLs.
    assert "http://127.0.0.1:8000/hainichen/" in out
    assert "http://127.0.0.1:8000/prohlis/" in out


def test_if_empty_leaves_an_existing_database_untouched(db):
    ids = set(Offer.objects.values_list("pk", flat=True))
    call_command("seed_demo", "--if-empty", "--quiet")
    assert set(Offer.objects.values_list("pk", flat=True)) == ids


def test_a_real_alliance_with_a_demo_slug_stops_the_rebuild(db):
    Alliance.objects.filter(slug="prohlis").update(is_demo=False)
    with pytest.raises(CommandError, match="not demo alliances"):
        call_command("seed_demo", "--quiet")
    assert Offer.objects.filter(alliance__slug="prohlis").exists()
    assert Offer.objects.filter(alliance__slug="hainichen").exists()


def test_the_printed_links_follow_the_servers_address(db, capsys):
    """make run passes its HOST:PORT; a second run says where the existing data is."""
    call_command("seed_demo", "--if-empty", "--base-url", "http://127.0.0.1:8765/")
    out = capsys.readouterr().out
    assert "not loaded" in out
    assert "http://127.0.0.1:8765/manage/" in out
    assert "8000" not in out


# --- district analysis (socialspace) ------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_demo_district_analysis_has_boundaries_five_years_an_index_and_true_gaps(db, slug):
    from familiennetz.directory.models import Category
    from familiennetz.socialspace.analysis import compute_index
    from familiennetz.socialspace.coverage import gap_list
    from familiennetz.socialspace.models import CompositeIndex, District, IndicatorValue, Walk
    from familiennetz.socialspace.services import places_outside

    alliance = Alliance.objects.get(slug=slug)
    districts = District.objects.filter(alliance=alliance)
    assert districts.exclude(boundary=None).count() == districts.count()
    assert sorted(
        set(IndicatorValue.objects.filter(alliance=alliance).values_list("year", flat=True))
    ) == [2021, 2022, 2023, 2024, 2025]
    index = CompositeIndex.objects.get(alliance=alliance)
    result = compute_index(index)
    assert result.year == 2025 and not result.missing and result.trend_from == 2023
    # Every demo place lies in its own district: none outside, the guide's filter still holds.
    assert places_outside(alliance=alliance) == []
    assert not Location.objects.filter(
        alliance=alliance, latitude__isnull=False, district=None
    ).exists()
    assert Walk.objects.filter(alliance=alliance).exists()
    group = Category.objects.get(alliance=alliance, code="elternbildung.eltern-kind-gruppe")
    gaps, _coverage, _ranking = gap_list(
        alliance, category=group, age_group="0-6", radius_km=1.0, kind=index.district_kind
    )
    without = {g.row.district.name for g in gaps if g.row.offers == 0}
    # What the demo offers say: no parent–child group in the villages around Hainichen, none
    # in Lockwitz or Strehlen.
    if slug == "hainichen":
        assert {"Bockendorf", "Cunnersdorf", "Schlegel", "Gersdorf"} <= without
        assert "Hainichen (Stadt)" not in without
    else:
        assert {"Strehlen (Nord)", "Strehlen (Süd)", "Lockwitz (Nord)", "Lockwitz (Süd)"} <= without
        # Many children and nothing in reach: Strehlen heads the gap list.
        assert [g.row.district.name for g in gaps[:2]] == ["Strehlen (Nord)", "Strehlen (Süd)"]


@pytest.mark.parametrize("slug", SLUGS)
def test_participation_demo_in_both_alliances(db, slug):
    from familiennetz.participation.models import Complaint, NeedReport, Survey, Topic
    from familiennetz.participation.selectors import survey_results

    needs = Survey.objects.get(alliance__slug=slug, kind=Survey.Kind.NEEDS)
    assert needs.responses.count() >= 40 and needs.results_are_public
    district = survey_results(survey=needs).questions[0]
    assert district.kind == "district"
    assert [row.count for row in district.rows].count(None) >= 2  # a small district, hidden
    evaluation = Survey.objects.get(alliance__slug=slug, kind=Survey.Kind.EVALUATION)
    assert evaluation.event is not None and evaluation.responses.count() == 26
    assert Topic.objects.filter(board__alliance__slug=slug, state=Topic.State.VISIBLE).count() >= 3
    assert Topic.objects.filter(
        board__alliance__slug=slug, state=Topic.State.SCHEDULED, event__isnull=False
    ).exists()
    complaints = Complaint.objects.filter(alliance__slug=slug)
    dates = complaints.values_list("received_on", flat=True)
    assert complaints.count() >= 25 and (max(dates) - min(dates)).days > 180
    assert complaints.filter(procedure__adopted_from__isnull=False).count() == complaints.count()
    assert NeedReport.objects.filter(alliance__slug=slug).count() == 4


# --- the demo state office (issue 13): five networks, a log-in, every report state ---------


def test_the_demo_state_office_has_five_networks_in_every_report_state(db):
    from familiennetz.alliances.models import StateOffice
    from familiennetz.demo.content.reports import GENERATED_SLUGS, OFFICE_NAME
    from familiennetz.governance.models import Meeting
    from familiennetz.network.models import Partner
    from familiennetz.reports import selectors
    from familiennetz.reports.models import AnnualReport

    office = StateOffice.objects.get(name=OFFICE_NAME)
    slugs = set(office.alliances.values_list("slug", flat=True))
    assert set(SLUGS) | set(GENERATED_SLUGS) <= slugs and len(GENERATED_SLUGS) >= 3
    for slug in GENERATED_SLUGS:
        alliance = Alliance.objects.get(slug=slug)
        assert alliance.is_demo and alliance.region.endswith("Sachsen")
        assert Partner.objects.filter(alliance=alliance).count() >= 5
        assert Offer.objects.published().filter(alliance=alliance).count() >= 5
        assert Meeting.objects.filter(alliance=alliance, status="held").count() >= 4
    # the overview shows each network's newest report; the office's list has them all
    states = {row.alliance.slug: row.report_state for row in selectors.state_overview(office)}
    assert states["rochlitz"] == "overdue" and states["doebeln"] == "requested"
    assert states["mittweida"] == "submitted"
    last_year = {
        report.alliance.slug: selectors.report_state(report, today=timezone.localdate())
        for report in AnnualReport.objects.filter(
            alliance__in=office.alliances.all(), year=timezone.localdate().year - 1
        ).select_related("alliance")
    }
    assert last_year == {
        "hainichen": "accepted",
        "prohlis": "submitted",
        "doebeln": "accepted",
        "mittweida": "submitted",
        "rochlitz": "overdue",
    }
    # the yearly coordination report of last year adds up four submitted reports, and
    # averages their quality self-assessments
    year = timezone.localdate().year - 1
    reports, data = selectors.state_report_figures(office, year)
    assert len(reports) == 4
    assert data["offers.total"]["value"] > 150
    assert data["quality.summary"]["networks"] >= 3 and data["quality.summary"]["rows"]


def test_the_demo_state_office_login_sees_its_networks(db, client):
    from familiennetz.demo.accounts import STATE_OFFICE_EMAIL

    response = client.post(
        "/accounts/anmelden/", {"username": STATE_OFFICE_EMAIL, "password": DEMO_ADMIN_PASSWORD}
    )
    assert response.status_code == 302
    response = client.get("/manage/landesstelle/", follow=True)
    html = response.content.decode()
    for name in ("Hainichen", "Döbeln", "Mittweida", "Rochlitz"):
        assert name in html
    assert "überfällig" in html


def test_the_command_names_the_state_office_login(db, capsys, settings):
    settings.DEBUG = True
    call_command("seed_demo", "--base-url", "http://127.0.0.1:8765")
    out = capsys.readouterr().out
    assert "landesstelle@demo.invalid" in out
    assert "http://127.0.0.1:8765/manage/landesstelle/" in out
