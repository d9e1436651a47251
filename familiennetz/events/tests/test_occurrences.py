"""Recurrence expansion (RFC 5545 in Europe/Berlin) and materialisation of occurrences."""

import datetime as dt

import pytest
from django.core.management import call_command

from familiennetz.events import occurrences as rec
from familiennetz.events.models import EventStatus, Occurrence
from familiennetz.events.services import (
    alliance_holidays_changed,
    event_sync_occurrences,
    occurrence_cancel,
    occurrence_reset,
    occurrence_update,
    occurrences_refresh,
)
from familiennetz.events.tests.factories import (
    BERLIN,
    EventFactory,
    HolidayPeriodFactory,
    RegistrationFactory,
)

TODAY = dt.date(2027, 1, 4)  # all services get "today" explicitly: no dependence on the clock


def berlin(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def window(first: dt.date, last: dt.date) -> rec.Window:
    return rec.Window(rec.local_midnight(first), rec.local_midnight(last + dt.timedelta(days=1)))


def local_starts(slots) -> list[dt.datetime]:
    return [s.starts_at.astimezone(BERLIN).replace(tzinfo=None) for s in slots]


def cafe(**kwargs):
    """Weekly Tuesday 15:00–17:00 parents' café from 5 January 2027."""
    defaults = {
        "title": "Elterncafé",
        "slug": "elterncafe",
        "starts_at": berlin(2027, 1, 5, 15),
        "ends_at": berlin(2027, 1, 5, 17),
        "rrule": "FREQ=WEEKLY;BYDAY=TU",
    }
    return EventFactory(**{**defaults, **kwargs})


# --- expansion -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (dt.date(2027, 3, 23), dt.date(2027, 3, 30)),  # CET -> CEST on 28 March 2027
        (dt.date(2027, 10, 26), dt.date(2027, 11, 2)),  # CEST -> CET on 31 October 2027
    ],
)
def test_weekly_cafe_stays_at_15_local_across_dst(before, after):
    slots = rec.expand(
        starts_at=berlin(2027, 1, 5, 15),
        ends_at=berlin(2027, 1, 5, 17),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        window=window(before, after),
    )
    assert [s.local_date for s in slots] == [before, after]
    for slot in slots:
        local = slot.starts_at.astimezone(BERLIN)
        assert (local.hour, local.minute) == (15, 0)
        assert slot.ends_at.astimezone(BERLIN).hour == 17
    offsets = [s.starts_at.utcoffset() for s in slots]
    assert offsets[0] != offsets[1]  # the UTC instant moved, the local time did not


def test_second_tuesday_of_the_month():
    slots = rec.expand(
        starts_at=berlin(2027, 1, 12, 18),
        ends_at=None,
        rrule="FREQ=MONTHLY;BYDAY=2TU",
        window=window(dt.date(2027, 1, 1), dt.date(2027, 6, 30)),
    )
    assert [s.local_date for s in slots] == [
        dt.date(2027, 1, 12),
        dt.date(2027, 2, 9),
        dt.date(2027, 3, 9),
        dt.date(2027, 4, 13),
        dt.date(2027, 5, 11),
        dt.date(2027, 6, 8),
    ]
    assert all(s.ends_at is None for s in slots)


def test_last_friday_and_bysetpos_rules():
    last_friday = rec.expand(
        starts_at=berlin(2027, 1, 29, 10),
        ends_at=None,
        rrule="FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
        window=window(dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
    )
    assert [s.local_date for s in last_friday] == [
        dt.date(2027, 1, 29),
        dt.date(2027, 2, 26),
        dt.date(2027, 3, 26),
    ]


def test_exdate_is_absent_and_rdate_present():
    slots = rec.expand(
        starts_at=berlin(2027, 1, 5, 15),
        ends_at=berlin(2027, 1, 5, 17),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        exdates=["2027-01-12T15:00"],
        rdates=["2027-01-14T10:00", "2027-01-21"],
        window=window(dt.date(2027, 1, 1), dt.date(2027, 1, 31)),
    )
    assert local_starts(slots) == [
        dt.datetime(2027, 1, 5, 15),
        dt.datetime(2027, 1, 14, 10),
        dt.datetime(2027, 1, 19, 15),
        dt.datetime(2027, 1, 21, 15),  # a plain RDATE takes the series' time
        dt.datetime(2027, 1, 26, 15),
    ]


def test_exdate_as_a_plain_day_and_in_utc():
    slots = rec.expand(
        starts_at=berlin(2027, 1, 5, 15),
        ends_at=None,
        rrule="FREQ=WEEKLY;BYDAY=TU",
        exdates=["2027-01-12", "2027-01-19T14:00:00Z"],
        window=window(dt.date(2027, 1, 1), dt.date(2027, 1, 31)),
    )
    assert [s.local_date.day for s in slots] == [5, 26]


def test_holidays_remove_rule_dates_but_keep_explicit_rdates():
    holidays = [(dt.date(2027, 2, 15), dt.date(2027, 2, 26))]
    kwargs = {
        "starts_at": berlin(2027, 2, 2, 15),
        "ends_at": None,
        "rrule": "FREQ=WEEKLY;BYDAY=TU",
        "rdates": ["2027-02-18T15:00"],
        "holidays": holidays,
        "window": window(dt.date(2027, 2, 1), dt.date(2027, 3, 7)),
    }
    assert [s.local_date.day for s in rec.expand(**kwargs, skips_holidays=True)] == [2, 9, 18, 2]
    assert len(rec.expand(**kwargs, skips_holidays=False)) == 6


def test_until_in_utc_and_as_a_plain_date_include_the_last_day():
    for until in ["20270126T140000Z", "20270126"]:
        slots = rec.expand(
            starts_at=berlin(2027, 1, 5, 15),
            ends_at=None,
            rrule=f"FREQ=WEEKLY;BYDAY=TU;UNTIL={until}",
            window=window(dt.date(2027, 1, 1), dt.date(2027, 3, 1)),
        )
        assert slots[-1].local_date == dt.date(2027, 1, 26), until


def test_count_and_dtstart_always_first():
    slots = rec.expand(
        starts_at=berlin(2027, 1, 5, 15),
        ends_at=None,
        rrule="RRULE:FREQ=WEEKLY;COUNT=3",
        window=window(dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
    )
    assert [s.local_date.day for s in slots] == [5, 12, 19]


def test_nonexistent_local_time_uses_the_offset_before_the_gap():
    slots = rec.expand(
        starts_at=berlin(2027, 3, 27, 2, 30),
        ends_at=None,
        rrule="FREQ=DAILY;COUNT=2",
        window=window(dt.date(2027, 3, 27), dt.date(2027, 3, 29)),
    )
    gap = slots[1].starts_at
    assert gap.astimezone(dt.UTC) == dt.datetime(2027, 3, 28, 1, 30, tzinfo=dt.UTC)


def test_all_day_event_spans_whole_local_days():
    slots = rec.expand(
        starts_at=berlin(2027, 11, 11, 0),
        ends_at=berlin(2027, 11, 13, 0),
        is_all_day=True,
        rrule="FREQ=YEARLY",
        window=window(dt.date(2027, 1, 1), dt.date(2028, 12, 31)),
    )
    assert [s.local_date for s in slots] == [dt.date(2027, 11, 11), dt.date(2028, 11, 11)]
    assert slots[0].ends_at == berlin(2027, 11, 13, 0)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY",
        "FREQ=WEEKLY;BYDAY=XX",
        "BYDAY=TU",
        "FREQ=WEEKLY;COUNT=2;UNTIL=20270101",
        "FREQ=WEEKLY;FOO=1",
        "FREQ=WEEKLY;UNTIL=tomorrow",
        "<script>",
    ],
)
def test_bad_rules_are_rejected_with_a_message(rule):
    with pytest.raises(rec.RecurrenceError) as excinfo:
        rec.validate_rrule(rule)
    assert str(excinfo.value)


def test_date_lists_are_validated_and_normalised():
    assert rec.validate_date_list("2027-01-12T15:00, 2027-01-19") == [
        "2027-01-12T15:00:00",
        "2027-01-19",
    ]
    with pytest.raises(rec.RecurrenceError):
        rec.validate_date_list(["12.01.2027 morgens"])


def test_window_reaches_60_days_back_and_18_months_ahead():
    w = rec.materialisation_window(dt.date(2027, 1, 4))
    assert w.start == berlin(2026, 11, 5)
    assert w.end == berlin(2028, 7, 4)


# --- materialisation -----------------------------------------------------------------------


@pytest.mark.django_db
def test_sync_creates_one_row_per_date_in_the_window():
    event = cafe(rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=10")
    result = event_sync_occurrences(event=event, today=TODAY)
    assert result.created == 10
    rows = list(event.occurrences.order_by("starts_at"))
    assert all(row.alliance_id == event.alliance_id for row in rows)
    assert all(row.starts_at.astimezone(BERLIN).hour == 15 for row in rows)
    again = event_sync_occurrences(event=event, today=TODAY)
    assert not again.changed


@pytest.mark.django_db
def test_window_moves_forward_with_the_daily_refresh():
    event = cafe()
    event_sync_occurrences(event=event, today=TODAY)
    last = event.occurrences.order_by("-starts_at").first().starts_at
    result = occurrences_refresh(today=TODAY + dt.timedelta(days=30))
    assert result.created == 4 or result.created == 5
    assert event.occurrences.order_by("-starts_at").first().starts_at > last
    # History before the window is kept
    assert event.occurrences.filter(starts_at__lt=berlin(2027, 1, 6)).exists()


@pytest.mark.django_db
def test_cancelled_single_date_survives_regeneration():
    event = cafe()
    event_sync_occurrences(event=event, today=TODAY)
    target = event.occurrences.get(original_start=berlin(2027, 3, 30, 15))
    occurrence_cancel(occurrence=target, note="Krankheit")
    event.title = "Elterncafé am Dienstag"
    event.save()
    event_sync_occurrences(event=event, today=TODAY)
    target.refresh_from_db()
    assert target.event_status == EventStatus.CANCELLED
    assert target.is_modified and target.status_note == "Krankheit"
    assert event.occurrences.filter(original_start=berlin(2027, 3, 30, 15)).count() == 1


@pytest.mark.django_db
def test_moved_single_date_keeps_its_new_time_and_its_key():
    event = cafe()
    event_sync_occurrences(event=event, today=TODAY)
    target = event.occurrences.get(original_start=berlin(2027, 2, 2, 15))
    occurrence_update(occurrence=target, starts_at=berlin(2027, 2, 3, 16))
    event_sync_occurrences(event=event, today=TODAY)
    target.refresh_from_db()
    assert target.starts_at == berlin(2027, 2, 3, 16)
    assert target.ends_at == berlin(2027, 2, 3, 18)
    assert target.original_start == berlin(2027, 2, 2, 15)
    assert not event.occurrences.filter(starts_at=berlin(2027, 2, 2, 15)).exists()


@pytest.mark.django_db
def test_changing_the_series_time_keeps_rows_and_their_changes():
    event = cafe()
    event_sync_occurrences(event=event, today=TODAY)
    cancelled = event.occurrences.get(original_start=berlin(2027, 2, 9, 15))
    occurrence_cancel(occurrence=cancelled)
    ids = set(event.occurrences.values_list("pk", flat=True))
    event.starts_at, event.ends_at = berlin(2027, 1, 5, 16), berlin(2027, 1, 5, 18)
    event.save()
    event_sync_occurrences(event=event, today=TODAY)
    assert set(event.occurrences.values_list("pk", flat=True)) == ids
    cancelled.refresh_from_db()
    assert cancelled.starts_at == berlin(2027, 2, 9, 16)
    assert cancelled.event_status == EventStatus.CANCELLED


@pytest.mark.django_db
def test_exdate_added_later_deletes_the_generated_row():
    event = cafe()
    event_sync_occurrences(event=event, today=TODAY)
    event.exdates = ["2027-01-19T15:00"]
    event.save()
    result = event_sync_occurrences(event=event, today=TODAY)
    assert result.deleted == 1
    assert not event.occurrences.filter(original_start=berlin(2027, 1, 19, 15)).exists()


@pytest.mark.django_db
def test_dropped_date_with_registrations_is_cancelled_not_deleted():
    event = cafe()
    event_sync_occurrences(event=event, today=TODAY)
    target = event.occurrences.get(original_start=berlin(2027, 1, 19, 15))
    RegistrationFactory(occurrence=target)
    event.exdates = ["2027-01-19"]
    event.save()
    result = event_sync_occurrences(event=event, today=TODAY)
    assert result.cancelled == 1
    target.refresh_from_db()
    assert target.event_status == EventStatus.CANCELLED and target.registrations.count() == 1


@pytest.mark.django_db
def test_holiday_exception_removes_sessions_in_the_holidays():
    event = cafe(skips_school_holidays=True)
    HolidayPeriodFactory(
        alliance=event.alliance, starts_on=dt.date(2027, 2, 15), ends_on=dt.date(2027, 2, 26)
    )
    event_sync_occurrences(event=event, today=TODAY)
    february = [
        o.starts_at.astimezone(BERLIN).day
        for o in event.occurrences.filter(
            starts_at__gte=berlin(2027, 2, 1), starts_at__lt=berlin(2027, 3, 1)
        ).order_by("starts_at")
    ]
    assert february == [2, 9]


@pytest.mark.django_db
def test_new_holiday_period_removes_existing_sessions():
    event = cafe(skips_school_holidays=True)
    event_sync_occurrences(event=event, today=TODAY)
    assert event.occurrences.filter(original_start=berlin(2027, 2, 16, 15)).exists()
    HolidayPeriodFactory(
        alliance=event.alliance, starts_on=dt.date(2027, 2, 15), ends_on=dt.date(2027, 2, 26)
    )
    alliance_holidays_changed(alliance=event.alliance)  # the real "today" window
    event_sync_occurrences(event=event, today=TODAY)
    assert not event.occurrences.filter(original_start=berlin(2027, 2, 16, 15)).exists()


@pytest.mark.django_db
def test_reset_puts_a_date_back_on_the_series():
    event = cafe()
    event_sync_occurrences(event=event, today=TODAY)
    target = event.occurrences.get(original_start=berlin(2027, 2, 2, 15))
    occurrence_update(
        occurrence=target, starts_at=berlin(2027, 2, 2, 9), event_status=EventStatus.POSTPONED
    )
    occurrence_reset(occurrence=target)
    assert target.starts_at == berlin(2027, 2, 2, 15)
    assert target.event_status == EventStatus.SCHEDULED and not target.is_modified


@pytest.mark.django_db
def test_single_event_has_one_row_and_past_single_events_are_skipped():
    event = EventFactory(starts_at=berlin(2027, 11, 11, 17), ends_at=berlin(2027, 11, 11, 19))
    event_sync_occurrences(event=event, today=TODAY)
    assert event.occurrences.count() == 1
    old = EventFactory(starts_at=berlin(2020, 1, 1, 10), ends_at=None)
    assert not rec.can_reach_window(old, rec.materialisation_window(TODAY))


@pytest.mark.django_db
def test_refresh_command_for_one_alliance(alliance, other_alliance, capsys):
    mine = cafe(alliance=alliance)
    theirs = cafe(alliance=other_alliance, slug="fremd")
    call_command("refresh_occurrences", "--alliance", alliance.slug)
    assert mine.occurrences.exists() and not theirs.occurrences.exists()
    assert "created" in capsys.readouterr().out
    call_command("refresh_occurrences", "--dry-run")
    assert not theirs.occurrences.exists()
    call_command("refresh_occurrences")
    assert theirs.occurrences.exists()


def _post_data(form) -> dict:
    """What a browser would send for ``form`` as rendered (admin forms and inline forms)."""
    data = {}
    for name in form.fields:
        bound = form[name]
        value, key = bound.value(), bound.html_name
        if isinstance(value, dt.datetime):
            local = value.astimezone(BERLIN)
            data[f"{key}_0"], data[f"{key}_1"] = f"{local:%Y-%m-%d}", f"{local:%H:%M:%S}"
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif value is None or (hasattr(value, "field") and not value):
            data[key] = ""
        else:
            data[key] = value
    return data


def _admin_change(admin_client, event, *, change=None, change_inline=None):
    from django.urls import reverse

    url = reverse("admin:events_event_change", args=[event.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    data = _post_data(page.context["adminform"].form)
    data.update(change or {})
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_post_data(formset.management_form))
        for number, form in enumerate(formset.forms):
            form_data = _post_data(form)
            if change_inline and number == 0:
                form_data.update({f"{form.prefix}-{k}": v for k, v in change_inline.items()})
            data.update(form_data)
    return admin_client.post(url, data)


@pytest.mark.django_db
def test_admin_save_materialises_the_dates(admin_client, alliance):
    event = cafe(alliance=alliance)
    response = _admin_change(
        admin_client,
        event,
        change={
            "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
            "starts_at_0": "2027-01-05",
            "starts_at_1": "15:00:00",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    starts = sorted(o.starts_at.astimezone(BERLIN) for o in event.occurrences.all())
    assert [(s.day, s.hour) for s in starts] == [(5, 15), (12, 15), (19, 15)]


@pytest.mark.django_db
def test_admin_inline_change_marks_the_date_and_survives_regeneration(admin_client, alliance):
    import django.utils.timezone as tz

    today = tz.localdate()
    start = berlin(today.year, today.month, today.day, 15) + dt.timedelta(days=1)
    event = cafe(
        alliance=alliance,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        rrule="FREQ=WEEKLY;COUNT=4",
    )
    event_sync_occurrences(event=event)
    first = event.occurrences.order_by("starts_at").first()
    response = _admin_change(
        admin_client,
        event,
        change_inline={"event_status": EventStatus.CANCELLED, "status_note": "Krank"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.event_status == EventStatus.CANCELLED and first.is_modified
    assert event.occurrences.count() == 4
    untouched = event.occurrences.exclude(pk=first.pk)
    assert not untouched.filter(is_modified=True).exists()


@pytest.mark.django_db
def test_admin_rejects_a_bad_rule(admin_client, alliance):
    from django.urls import reverse

    event = cafe(alliance=alliance)
    response = admin_client.post(
        reverse("admin:events_event_change", args=[event.pk]), {"rrule": "FREQ=SOMETIMES"}
    )
    assert response.status_code == 200
    assert "rrule" in response.context["adminform"].form.errors
    assert Occurrence.objects.filter(event=event).count() == 0


@pytest.mark.django_db
def test_holiday_period_saved_in_admin_removes_sessions(admin_client, alliance):
    from django.urls import reverse
    from django.utils import timezone

    start = timezone.localdate() + dt.timedelta(days=7)
    event = cafe(
        alliance=alliance,
        starts_at=dt.datetime.combine(start, dt.time(15), tzinfo=BERLIN),
        ends_at=dt.datetime.combine(start, dt.time(17), tzinfo=BERLIN),
        rrule="FREQ=WEEKLY;COUNT=6",
        skips_school_holidays=True,
    )
    event_sync_occurrences(event=event)
    assert event.occurrences.count() == 6
    response = admin_client.post(
        reverse("admin:events_holidayperiod_add"),
        {
            "alliance": alliance.pk,
            "name": "Herbstferien",
            "starts_on": (start + dt.timedelta(days=6)).isoformat(),
            "ends_on": (start + dt.timedelta(days=20)).isoformat(),
            "uid": "",
        },
    )
    assert response.status_code == 302
    assert event.occurrences.count() == 4  # the 2nd and 3rd week fall into the holidays
    period = alliance.holiday_periods.get()
    admin_client.post(
        reverse("admin:events_holidayperiod_delete", args=[period.pk]), {"post": "yes"}
    )
    assert event.occurrences.count() == 6


@pytest.mark.django_db
def test_calendar_source_admin_shows_the_import_report(admin_client, alliance):
    from django.urls import reverse

    from familiennetz.directory.tests.factories import OrganisationFactory
    from familiennetz.events.models import CalendarSource

    source = CalendarSource.objects.create(
        alliance=alliance,
        organisation=OrganisationFactory(alliance=alliance),
        name="Kita-Kalender",
        url="https://kita.example.org/kalender.ics",
        last_report={"text": "VEVENTs read: 9\nskipped: 1 (no DTSTART)", "counts": {"skipped": 1}},
    )
    page = admin_client.get(reverse("admin:events_calendarsource_change", args=[source.pk]))
    assert page.status_code == 200
    assert "skipped: 1 (no DTSTART)" in page.text
    assert 'name="last_report"' not in page.text
