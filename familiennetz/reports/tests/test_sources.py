"""The network's and participation's figures in the annual report, against hand-built rows."""

from __future__ import annotations

import datetime as dt

import pytest

from familiennetz.network.models import CaseConsultation, Contribution, Tie
from familiennetz.network.tests.care_factories import ConsultationFactory, PartnerFactory
from familiennetz.participation.models import Complaint
from familiennetz.participation.services import complaints as complaint_services
from familiennetz.reports import figures
from familiennetz.reports.figures import Period

pytestmark = pytest.mark.django_db

YEAR = 2025


@pytest.fixture
def period(alliance):
    return Period.of(alliance, YEAR, today=dt.date(2026, 12, 7))


def evaluate(key, period):
    return figures.evaluate(key, period)


def test_ties_agreements_and_contributions(alliance, period):
    a, b, c, d = (PartnerFactory(alliance=alliance) for _ in range(4))
    Tie.objects.create(
        alliance=alliance,
        partner_a=a,
        partner_b=b,
        intensity=4,
        has_agreement=True,
        since=dt.date(2021, 1, 1),
    )
    Tie.objects.create(alliance=alliance, partner_a=a, partner_b=c, intensity=2)  # no date
    Tie.objects.create(
        alliance=alliance, partner_a=c, partner_b=d, intensity=2, since=dt.date(2026, 2, 1)
    )  # begins after the year
    Contribution.objects.create(
        alliance=alliance, partner=d, kind="rooms", description="Saal", year=YEAR
    )
    Contribution.objects.create(
        alliance=alliance, partner=d, kind="rooms", description="Turnhalle", year=YEAR - 1
    )

    ties = evaluate("network.ties", period)
    assert ties["available"] and ties["value"] == 2
    by_intensity = dict(map(tuple, ties["rows"]))
    assert by_intensity[str(Tie.Intensity.AGREEMENT.label)] == 1
    assert by_intensity[str(Tie.Intensity.OCCASIONAL.label)] == 1
    assert evaluate("network.agreements", period)["value"] == 2  # both partners of the pair
    contributions = evaluate("network.contributions", period)
    assert contributions["value"] == 1
    names = [row.label for row in figures.registry["network.contributions"].listing(period)]
    assert names == [f"{d.organisation.name}: Saal"]


def test_case_consultations_are_counted_and_small_counts_hidden(alliance, period):
    kita, asd = PartnerFactory(alliance=alliance), PartnerFactory(alliance=alliance)
    for day in range(1, 7):
        ConsultationFactory(
            requesting_partner=kita,
            counsellor_partner=asd,
            consulted_on=dt.date(YEAR, 3, day),
            topic="neglect",
        )
    ConsultationFactory(
        requesting_partner=kita,
        counsellor_partner=asd,
        consulted_on=dt.date(YEAR, 4, 1),
        topic="development",
    )
    ConsultationFactory(
        requesting_partner=kita,
        counsellor_partner=asd,
        consulted_on=dt.date(YEAR + 1, 1, 10),
        topic="neglect",
    )
    figure = evaluate("network.case_consultations", period)
    assert figure["value"] == 7
    rows = dict(map(tuple, figure["rows"]))
    # 1 is hidden, and so is the 6: it would give the 1 away from the total of 7.
    assert rows == {
        str(CaseConsultation.Topic.NEGLECT.label): None,
        str(CaseConsultation.Topic.DEVELOPMENT.label): None,
    }
    for day in range(2, 7):
        ConsultationFactory(
            requesting_partner=kita,
            counsellor_partner=asd,
            consulted_on=dt.date(YEAR, 4, day),
            topic="development",
        )
    rows = dict(map(tuple, evaluate("network.case_consultations", period)["rows"]))
    assert rows[str(CaseConsultation.Topic.NEGLECT.label)] == 6
    assert rows[str(CaseConsultation.Topic.DEVELOPMENT.label)] == 6


def test_complaints_by_category(alliance, period, provider_organisation):
    procedure = complaint_services.procedure_create(
        alliance=alliance,
        organisation=provider_organisation,
        title="Beschwerdeverfahren",
        description="Kinder können sich beschweren.",
    )

    def complaint(category, day):
        Complaint.objects.create(
            alliance=alliance,
            procedure=procedure,
            organisation=provider_organisation,
            category=category,
            received_on=day,
        )

    for _ in range(5):
        complaint("food", dt.date(YEAR, 5, 2))
    complaint("play", dt.date(YEAR, 5, 3))
    complaint("play", dt.date(YEAR + 1, 1, 3))  # the next year
    figure = evaluate("participation.complaints", period)
    assert figure["available"] and figure["value"] == 6
    assert [v for _label, v in figure["rows"]] == [None, None]  # 5 would give the 1 away


def test_every_figure_of_the_default_template_has_a_source(period):
    missing = [key for key, figure in figures.registry.items() if not figure.available]
    assert missing == []


def test_handover_lists_agreements_to_renew(client, alliance, coordinator):
    from django.urls import reverse
    from django.utils import timezone

    a, b, c = (PartnerFactory(alliance=alliance) for _ in range(3))
    today = timezone.localdate()
    Tie.objects.create(
        alliance=alliance,
        partner_a=a,
        partner_b=b,
        intensity=4,
        has_agreement=True,
        renewal_on=today - dt.timedelta(days=3),
    )
    Tie.objects.create(
        alliance=alliance,
        partner_a=a,
        partner_b=c,
        intensity=4,
        has_agreement=True,
        renewal_on=today + dt.timedelta(days=800),
    )
    client.force_login(coordinator.user)
    page = client.get(
        reverse("reports:manage-handover", kwargs={"alliance_slug": alliance.slug})
    ).content.decode()
    assert f"{a.organisation.name} – {b.organisation.name}" in page and "überfällig" in page
    assert c.organisation.name not in page  # not due within a year
