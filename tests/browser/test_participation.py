"""Participation in a real browser: a parent answers a survey on a 360 px phone with the
keyboard only, in German and in Arabic (right to left); a child files a complaint at the
Kita's kiosk (pictures, spoken prompts); the coordinator publishes the results. axe-core checks
every respondent page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .helpers import PHONE, axe_check, no_horizontal_scroll, visit

PASSWORD = "ein-gutes-passwort-2026"
TABLET = {"width": 800, "height": 1280}
SPEECH_STUB = """
window.__spoken = [];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
Object.defineProperty(window, "speechSynthesis", {
  value: { speaking: false, speak(u) { window.__spoken.push(u.text); }, cancel() {},
           getVoices() { return []; } },
});
"""


@pytest.fixture
def survey(corpus):
    from familiennetz.participation.tests.factories import needs_survey, questions_by_kind

    survey = needs_survey(corpus.alliance, districts=("Bockendorf",))
    survey.q = questions_by_kind(survey)
    return survey


def tab_to(page, selector: str, *, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector`` (keyboard only)."""
    for _ in range(limit):
        if page.evaluate(
            "(s) => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


def answer_with_the_keyboard(page, survey, *, text: str) -> None:
    q = survey.q
    tab_to(page, f"input[name=q{q['district'].pk}]")
    page.keyboard.press("Space")
    tab_to(page, f"input[name=q{q['single'].pk}]")
    page.keyboard.press("Space")  # the first answer: yes
    tab_to(page, f"input[name=q{q['smiley'].pk}]")
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # → the fourth face
    tab_to(page, f"input[name=q{q['number'].pk}]")
    page.keyboard.type("2")
    tab_to(page, f"textarea[name=q{q['text'].pk}]")  # shown: its condition (yes) is met
    page.keyboard.type(text)
    tab_to(page, "button.survey__submit")
    page.keyboard.press("Enter")


def test_a_parent_answers_in_german_on_a_phone_with_the_keyboard_only(corpus, survey, new_page):
    from familiennetz.participation.models import Response

    page = new_page(PHONE)
    visit(page, survey.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Was brauchen Familien?")
    axe_check(page)
    no_horizontal_scroll(page)
    # Without answers: the required questions are named, with links to them.
    tab_to(page, "button.survey__submit")
    page.keyboard.press("Enter")
    summary = page.locator(".ws-error-summary")
    expect(summary).to_contain_text("Frage 1")
    expect(summary).to_contain_text("Bitte beantworten Sie diese Frage.")
    axe_check(page)
    # The free-text question appears only once "yes" is chosen.
    expect(page.locator(f"textarea[name=q{survey.q['text'].pk}]")).to_be_hidden()
    answer_with_the_keyboard(page, survey, text="Ein Elterncafé am Nachmittag")
    expect(page.locator("h1")).to_have_text("Vielen Dank!")
    axe_check(page)
    no_horizontal_scroll(page)
    response = Response.objects.get()
    assert response.language == "de"
    stored = dict(response.answers.values_list("question__kind", "value").exclude(value=None))
    assert stored == {"smiley": 4, "number": 2}
    assert response.answers.get(question__kind="text").text == "Ein Elterncafé am Nachmittag"


def test_a_parent_answers_in_arabic_right_to_left_with_the_keyboard_only(corpus, survey, new_page):
    from familiennetz.participation.models import Response

    page = new_page(PHONE, locale="ar")
    visit(page, survey.get_absolute_url())
    # Answer the first question in German, then switch: the answer stays.
    tab_to(page, f"input[name=q{survey.q['district'].pk}]")
    page.keyboard.press("Space")
    tab_to(page, "button[name=sprachwechsel][value=ar]")
    page.keyboard.press("Enter")
    section = page.locator("div.survey")
    expect(section).to_have_attribute("dir", "rtl")
    expect(section).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_have_text("Was brauchen Familien?")  # no Arabic title: German
    expect(page.locator("legend", has_text="هل تتمنى المزيد من العروض بعد الظهر؟")).to_be_visible()
    expect(page.locator(f"input[name=q{survey.q['district'].pk}]").first).to_be_checked()
    axe_check(page)
    no_horizontal_scroll(page)
    # Right to left: the answers' radio buttons sit at the right edge of their labels.
    box = page.locator(f"label[for^=id_q{survey.q['single'].pk}_]").first.bounding_box()
    radio = page.locator(f"input[name=q{survey.q['single'].pk}]").first.bounding_box()
    assert radio["x"] > box["x"] + box["width"] / 2
    answer_with_the_keyboard(page, survey, text="دورات للأمهات")
    expect(page.locator("div.survey")).to_have_attribute("dir", "rtl")
    expect(page.locator(".survey__done")).to_be_visible()
    axe_check(page)
    response = Response.objects.get()
    assert response.language == "ar"
    assert response.answers.get(question__kind="text").text == "دورات للأمهات"


def test_a_child_files_a_complaint_at_the_kiosk(corpus, new_page):
    from familiennetz.participation import services
    from familiennetz.participation.models import Complaint

    procedure = services.procedure_create(
        alliance=corpus.alliance,
        organisation=corpus.familienzentrum,
        title="Beschwerdeverfahren",
        description="Kinder sagen, was sie stört.",
    )
    services.procedure_kiosk(procedure=procedure, enabled=True)
    page = new_page(TABLET, mobile=True)
    page.add_init_script(SPEECH_STUB)
    visit(page, procedure.kiosk_url())
    page.wait_for_function("() => window.__spoken.includes('Worum geht es?')")
    axe_check(page)
    no_horizontal_scroll(page)
    food = page.locator("button.kiosk__choice", has_text="Essen")
    food.tap()  # the first tap says what the picture is and marks it
    expect(food).to_have_attribute("aria-pressed", "true")
    page.wait_for_function("() => window.__spoken.includes('Essen')")
    page.locator("#kiosk-ok").tap()  # the big OK chooses it
    page.wait_for_function("() => window.__spoken.includes('Wie fühlst du dich?')")
    axe_check(page)
    angry = page.locator("button.kiosk__choice", has_text="Wütend")
    angry.tap()
    angry.tap()  # a second tap on the same picture chooses it too
    page.wait_for_function(
        "() => window.__spoken.includes('Möchtest du mit einem Erwachsenen darüber sprechen?')"
    )
    axe_check(page)
    page.locator("button.kiosk__choice", has_text="Ja").tap()
    page.locator("#kiosk-ok").tap()
    page.wait_for_function(
        "() => window.__spoken.includes('Danke! Ein Erwachsener kümmert sich darum.')"
    )
    axe_check(page)
    complaint = Complaint.objects.get()
    assert (complaint.category, complaint.feeling, complaint.wants_talk, complaint.channel) == (
        "food",
        "angry",
        True,
        "kiosk",
    )


def test_the_coordinator_publishes_results(corpus, survey, new_page):
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.participation import services

    q = survey.q
    for key, count in (("ja", 6), ("nein", 2)):
        for _ in range(count):
            services.response_submit(
                survey=survey,
                answers={
                    q["district"].pk: q["district"].options.first().pk,
                    q["single"].pk: q["single"].options.get(key=key).pk,
                },
                language="de",
            )
    user = User.objects.create_user(email="koordination@hainichen.example", password=PASSWORD)
    Membership.objects.create(user=user, alliance=corpus.alliance, role="coordinator")
    page = new_page()
    results_path = f"/manage/hainichen/beteiligung/umfragen/{survey.pk}/ergebnisse/"
    visit(page, f"/accounts/anmelden/?next={results_path}")
    page.locator("input[name=username]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{results_path}")
    axe_check(page)
    page.get_by_role("button", name="Ergebnisse im Wegweiser veröffentlichen").click()
    expect(page.locator(".ws-messages")).to_contain_text(
        "Die Ergebnisse stehen jetzt im öffentlichen Wegweiser."
    )
    axe_check(page)
    public = new_page(PHONE)
    visit(public, survey.get_results_url())
    expect(public.locator("h1")).to_contain_text("Was brauchen Familien?")
    expect(public.locator("table", has_text="Nein").first).to_contain_text("<5")
    expect(public.locator("svg.chart").first).to_be_visible()
    axe_check(public)
    no_horizontal_scroll(public)


def test_every_participation_page_passes_axe(corpus, survey, new_page):
    """The other respondent pages (the guide's "have your say" page, a topic board, a code
    sheet's QR link) on a phone, and the coordinator's participation pages on a desktop."""
    from familiennetz.accounts.models import User
    from familiennetz.alliances.models import Membership
    from familiennetz.participation import services
    from familiennetz.participation.models import Topic

    board = services.board_create(alliance=corpus.alliance, title="Elternabend im Herbst")
    topic = services.topic_propose(board=board, title="Medien in der Familie")
    services.topic_moderate(topic=topic, state=Topic.State.VISIBLE)
    batch = services.code_batch_create(survey=survey, label="Kita", count=2)
    procedure = services.procedure_create(
        alliance=corpus.alliance,
        title="Vorlage",
        description="So können Kinder sich beschweren.",
        is_template=True,
    )
    need = services.need_report(alliance=corpus.alliance, topic="Mehr Krippenplätze")
    phone = new_page(PHONE)
    for path in (
        "/hainichen/umfragen/",
        board.get_absolute_url(),
        f"{survey.get_absolute_url()}?code={batch.codes.first().code}",
    ):
        visit(phone, path)
        axe_check(phone)
        no_horizontal_scroll(phone)
    # Support a topic with the keyboard: the count goes up.
    visit(phone, board.get_absolute_url())
    tab_to(phone, "form.topic__support button[type=submit]")
    phone.keyboard.press("Enter")
    expect(phone.locator("#danke")).to_be_visible()
    expect(phone.locator(".topic__count")).to_have_text("2 Eltern wünschen sich das")
    axe_check(phone)

    user = User.objects.create_user(email="koordination@hainichen.example", password=PASSWORD)
    Membership.objects.create(user=user, alliance=corpus.alliance, role="coordinator")
    page = new_page()
    visit(page, "/accounts/anmelden/?next=/manage/hainichen/beteiligung/")
    page.locator("input[name=username]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/manage/hainichen/beteiligung/")
    base = "/manage/hainichen/beteiligung"
    for path in (
        f"{base}/",
        f"{base}/umfragen/",
        f"{base}/umfragen/neu/",
        f"{base}/umfragen/{survey.pk}/",
        f"{base}/umfragen/{survey.pk}/bearbeiten/",
        f"{base}/umfragen/{survey.pk}/fragen/neu/",
        f"{base}/umfragen/{survey.pk}/fragen/{survey.q['single'].pk}/",
        f"{base}/umfragen/{survey.pk}/vorschau/?sprache=ar",
        f"{base}/umfragen/{survey.pk}/codes/",
        f"{base}/umfragen/{survey.pk}/papier/",
        f"{base}/umfragen/{survey.pk}/freitexte/",
        f"{base}/themen/",
        f"{base}/themen/neu/",
        f"{base}/themen/{board.pk}/",
        f"{base}/themen/beitrag/{topic.pk}/termin/",
        f"{base}/beschwerden/",
        f"{base}/beschwerden/verfahren/neu/",
        f"{base}/beschwerden/verfahren/{procedure.pk}/",
        f"{base}/bedarfe/",
        f"{base}/bedarfe/neu/",
        f"{base}/bedarfe/{need.pk}/",
        "/manage/hainichen/",
    ):
        visit(page, path)
        axe_check(page)
