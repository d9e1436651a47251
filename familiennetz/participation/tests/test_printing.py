"""Printed documents: code sheets whose QR codes carry the survey link with the code, the paper
questionnaire with the survey's QR code (German and Arabic), the complaint procedure. PDFs are
read back with pypdf; QR codes are taken out of the PDF and decoded with zxing-cpp."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from familiennetz.participation import services
from familiennetz.participation.services import format_code

from .factories import needs_survey

pytestmark = pytest.mark.django_db


def pdf_of(response) -> PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def qr_texts(reader: PdfReader) -> list[str]:
    """The QR codes of every image in the document (WeasyPrint shares one resource dictionary
    between pages, so pypdf lists an image on every page: each is decoded once)."""
    images = {}
    for page in reader.pages:
        for image in page.images:
            images.setdefault(image.data, image)
    texts = []
    for data in images:
        picture = Image.open(io.BytesIO(data)).convert("L")
        texts += [result.text for result in zxingcpp.read_barcodes(picture)]
    return texts


def test_a_code_sheet_has_each_code_as_text_and_as_a_qr_code(client, coordinator, alliance):
    survey = needs_survey(alliance)
    batch = services.code_batch_create(survey=survey, label="Kita Igel", count=12)
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-code-sheet",
        kwargs={"alliance_slug": alliance.slug, "pk": survey.pk, "batch_id": batch.pk},
    )
    reader = pdf_of(client.get(url))
    assert len(reader.pages) == 2  # 10 slips a page
    text = "".join(page.extract_text() for page in reader.pages)
    codes = list(batch.codes.values_list("code", flat=True))
    assert all(format_code(code) in text for code in codes)
    decoded = qr_texts(reader)
    link = f"http://testserver{survey.get_absolute_url()}?code="
    assert sorted(decoded) == sorted(link + code for code in codes)


def test_the_paper_questionnaire_has_the_questions_and_the_survey_qr_code(
    client, coordinator, alliance
):
    survey = needs_survey(alliance)
    client.force_login(coordinator.user)
    url = reverse(
        "participation:manage-survey-questionnaire",
        kwargs={"alliance_slug": alliance.slug, "pk": survey.pk},
    )
    reader = pdf_of(client.get(url))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Wünschen Sie sich mehr Angebote am Nachmittag?" in text
    assert "0–3 Jahre" in text
    assert "Nur, wenn Sie Frage 3 so beantwortet haben" in text
    assert qr_texts(reader) == [f"http://testserver{survey.get_absolute_url()}?sprache=de"]
    arabic = pdf_of(client.get(url + "?sprache=ar"))
    assert qr_texts(arabic) == [f"http://testserver{survey.get_absolute_url()}?sprache=ar"]


def test_the_complaint_procedure_prints_with_its_paper_form(client, provider):
    procedure = services.procedure_create(
        alliance=provider.alliance,
        organisation=provider.organisation,
        title="Unser Beschwerdeverfahren",
        description="Kinder können es jedem Erwachsenen sagen.",
        steps="Zuhören\nGemeinsam eine Lösung finden",
    )
    client.force_login(provider.user)
    url = reverse(
        "participation:manage-procedure-pdf",
        kwargs={"alliance_slug": provider.alliance.slug, "pk": procedure.pk},
    )
    text = " ".join(page.extract_text() for page in pdf_of(client.get(url)).pages)
    for words in (
        "Unser Beschwerdeverfahren",
        "Gemeinsam eine Lösung finden",
        "Meine Beschwerde",
        "Essen",
    ):
        assert words in text
