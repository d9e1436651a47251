"""Demo participation: a needs survey with answers across the districts (one district with so
few answers that its cells are suppressed), an evaluation survey of the parents' evening, a
topic board for the next parents' evening, a Kita's children's complaints over the past year
(its procedure adopted from the Eltern-Kind-Zentrum's template, kiosk switched on), and needs
reported from practice. Everything goes through the participation services, with a
``random.Random`` seeded with the alliance slug: the same rows on every run.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from familiennetz.directory.models import Category, Organisation
from familiennetz.events.models import Event
from familiennetz.participation import services
from familiennetz.participation.models import (
    Answer,
    Complaint,
    NeedReport,
    Question,
    Response,
    Survey,
    Topic,
)
from familiennetz.socialspace.models import District

BERLIN = ZoneInfo("Europe/Berlin")
Kind = Question.Kind

PROCEDURE_TEXT = (
    "Kinder dürfen sich beschweren – über alles, was sie stört. Sie können es jeder Erzieherin "
    "und jedem Erzieher sagen, im Morgenkreis, in der Kinderkonferenz oder am Kiosk-Tablet im "
    "Flur: Dort zeigen Bilder, worum es gehen kann, und das Tablet liest alles vor.\n\n"
    "Eltern können Beschwerden ihrer Kinder bei der Gruppenerzieherin oder der Leitung "
    "vorbringen."
)
PROCEDURE_STEPS = "\n".join(
    [
        "Wir hören zu und nehmen die Beschwerde ernst.",
        "Wir schreiben auf, worum es geht – ohne Namen.",
        "Wir besprechen die Beschwerde mit dem Kind, wenn es das möchte.",
        "Das Team sucht eine Lösung, bei Bedarf mit der Kinderkonferenz.",
        "Wir sagen dem Kind, was sich ändert oder warum es so bleibt.",
    ]
)

COMPLAINT_SUMMARIES = {
    "food": ["Es gibt zu oft Suppe.", "Ich möchte selbst auffüllen.", "Das Obst ist immer alle."],
    "play": ["Die Großen lassen uns nicht auf die Schaukel.", "Die Bauecke ist immer besetzt."],
    "rules": ["Wir dürfen nicht im Regen draußen spielen.", "Mittagsschlaf ist zu lang."],
    "unfair": ["Beim Aufräumen müssen immer dieselben helfen."],
    "unsafe": ["Im Flur wird gerannt und geschubst."],
    "other": ["Das Klo ist zu kalt."],
}
ANSWERS = {
    "food": "In der Kinderkonferenz sprechen wir über den Speiseplan; freitags darfst du dir "
    "selbst auffüllen.",
    "play": "Wir haben eine Schaukel-Uhr: Jede Gruppe hat ihre Zeit.",
    "rules": "Mit Matschhose darf jetzt auch bei Regen draußen gespielt werden.",
    "unfair": "Es gibt jetzt einen Aufräum-Plan mit Bildern.",
    "unsafe": "Im Flur gilt jetzt: langsam gehen. Die Großen helfen mit.",
    "other": "Der Hausmeister hat die Heizung repariert.",
}


def _event(alliance, words: str) -> Event | None:
    return Event.objects.for_alliance(alliance).filter(title__icontains=words).first()


def _add(survey, kind, texts: dict, options: dict | None = None, **fields) -> Question:
    return services.question_save(
        survey=survey,
        kind=kind,
        texts={lang: {"text": text} for lang, text in texts.items()},
        option_lines=options or {},
        **fields,
    )


def _needs_survey(alliance, rng: random.Random, today: dt.date, districts, small: str) -> Survey:
    survey = services.survey_create(
        alliance=alliance,
        title=f"Familienbefragung {today.year}: Was brauchen Familien?",
        kind=Survey.Kind.NEEDS,
        languages=["de", "ar", "uk"],
    )
    services.survey_update(
        survey=survey,
        texts={
            "de": {
                "intro": "Das Netzwerk möchte wissen, was Familien brauchen. Die Umfrage dauert "
                "etwa fünf Minuten und ist anonym.",
                "thanks": "Die Ergebnisse stellen wir im Frühjahr beim Netzwerktreffen vor.",
            },
            "ar": {
                "title": "استبيان العائلات: ماذا تحتاج العائلات؟",
                "intro": "تريد الشبكة أن تعرف ما تحتاجه العائلات. "
                "يستغرق الاستبيان حوالي خمس دقائق وهو مجهول الهوية.",
            },
            "uk": {
                "title": "Опитування сімей: що потрібно сім'ям?",
                "intro": "Мережа хоче знати, що потрібно сім'ям. "
                "Опитування триває близько п'яти хвилин і є анонімним.",
            },
        },
    )
    district_q = _add(
        survey,
        Kind.DISTRICT,
        {
            "de": "In welchem Ortsteil wohnen Sie?",
            "ar": "في أي حي تسكن؟",
            "uk": "У якому районі ви живете?",
        },
        is_required=True,
    )
    ages = _add(
        survey,
        Kind.AGE,
        {
            "de": "Wie alt sind Ihre Kinder?",
            "ar": "كم عمر أطفالك؟",
            "uk": "Скільки років вашим дітям?",
        },
    )
    afternoon = _add(
        survey,
        Kind.SINGLE,
        {
            "de": "Wünschen Sie sich mehr Angebote für Familien am Nachmittag?",
            "ar": "هل تتمنى المزيد من العروض للعائلات بعد الظهر؟",
            "uk": "Чи хотіли б ви більше пропозицій для сімей після обіду?",
        },
        {
            "de": ["Ja", "Nein", "Weiß nicht"],
            "ar": ["نعم", "لا", "لا أعرف"],
            "uk": ["Так", "Ні", "Не знаю"],
        },
        is_required=True,
    )
    topics = _add(
        survey,
        Kind.MULTIPLE,
        {
            "de": "Zu welchen Themen wünschen Sie sich Angebote?",
            "ar": "ما المواضيع التي تريد عروضاً حولها؟",
            "uk": "На які теми ви хотіли б пропозиції?",
        },
        {
            "de": [
                "Übergang Kita–Schule",
                "Medien in der Familie",
                "Trennung und Verlust",
                "Sprache und Vorlesen",
                "Bewegung",
            ],
            "ar": [
                "الانتقال من الروضة إلى المدرسة",
                "الإعلام في الأسرة",
                "الانفصال والفقدان",
                "اللغة والقراءة",
                "الحركة",
            ],
            "uk": [
                "Перехід із садочка до школи",
                "Медіа в сім'ї",
                "Розлучення і втрата",
                "Мова і читання",
                "Рух",
            ],
        },
    )
    satisfaction = _add(
        survey,
        Kind.SMILEY,
        {
            "de": "Wie zufrieden sind Sie mit den Angeboten für Familien in Ihrer Nähe?",
            "ar": "ما مدى رضاك عن العروض المتاحة للعائلات بالقرب منك؟",
            "uk": "Наскільки ви задоволені пропозиціями для сімей поблизу?",
        },
        scale_size=5,
    )
    missing = _add(
        survey,
        Kind.TEXT,
        {
            "de": "Was fehlt Ihnen am meisten?",
            "ar": "ما الذي ينقصك أكثر؟",
            "uk": "Чого вам найбільше бракує?",
        },
        condition_question=afternoon,
        condition_options=[afternoon.options.get(key="ja")],
    )
    services.survey_set_state(survey=survey, state=Survey.State.OPEN)
    district_options = {o.district_id: o for o in district_q.options.all()}
    weights = [(d, 1 if d.slug == small else rng.randint(6, 14)) for d in districts]
    age_options = list(ages.options.all())
    topic_options = list(topics.options.all())
    yes, no, unsure = afternoon.options.all()
    texts = [
        "Ein Elterncafé am Nachmittag, wenn die Kita zu ist.",
        "Spielplätze mit Schatten.",
        "Kurse auf Arabisch für Mütter.",
        "Mehr Ferienangebote für Schulkinder.",
        "Eine Krabbelgruppe in unserem Ortsteil.",
    ]
    for district, weight in weights:
        count = 3 if district.slug == small else weight
        for n in range(count):
            language = "ar" if rng.random() < 0.15 else ("uk" if rng.random() < 0.1 else "de")
            wish = rng.choices([yes, no, unsure], weights=[6, 3, 1])[0]
            answers = {
                district_q.pk: district_options[district.pk].pk,
                afternoon.pk: wish.pk,
                ages.pk: [o.pk for o in rng.sample(age_options[1:4], rng.randint(1, 2))],
                topics.pk: [o.pk for o in rng.sample(topic_options, rng.randint(1, 3))],
                satisfaction.pk: rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 5, 3])[0],
            }
            if wish == yes and rng.random() < 0.3:
                answers[missing.pk] = rng.choice(texts)
            services.response_submit(
                survey=survey,
                answers=answers,
                language=language,
                channel=Response.Channel.PAPER if n % 5 == 0 else Response.Channel.ONLINE,
                today=today - dt.timedelta(days=rng.randint(1, 40)),
            )
    # The coordinator has approved most free texts; the rest still wait for review.
    pending = list(Answer.objects.filter(question=missing).order_by("pk"))
    for index, answer in enumerate(pending):
        if index % 3 != 2:
            services.answer_text_review(answer=answer, state=Answer.TextState.APPROVED)
    services.survey_publish_results(survey=survey, publish=True)
    return survey


def _evaluation_survey(alliance, rng: random.Random, today: dt.date, event) -> Survey:
    survey = services.survey_create(
        alliance=alliance,
        title="Auswertung: Elternabend „Kinder in Trennung, Trauer und Verlust begleiten“",
        kind=Survey.Kind.EVALUATION,
        languages=["de"],
        event=event,
    )
    overall = _add(survey, Kind.SMILEY, {"de": "Wie hat Ihnen der Abend gefallen?"}, scale_size=5)
    useful = _add(
        survey,
        Kind.RATING,
        {"de": "Wie hilfreich war der Abend für Ihren Alltag?"},
        scale_size=5,
    )
    useful.texts["de"].update({"low": "gar nicht", "high": "sehr"})
    useful.save(update_fields=["texts"])
    again = _add(
        survey,
        Kind.SINGLE,
        {"de": "Würden Sie wieder zu einem Themenabend kommen?"},
        {"de": ["Ja", "Vielleicht", "Nein"]},
    )
    fee = _add(
        survey,
        Kind.SINGLE,
        {"de": "Wäre ein Teilnahmebeitrag von 5 € für Sie in Ordnung?"},
        {"de": ["Ja", "Nein"]},
    )
    order = _add(
        survey,
        Kind.RANKING,
        {"de": "Welche Themen sollen als Nächstes kommen?"},
        {"de": ["Medien", "Geschwisterstreit", "Schlafen", "Übergang in die Schule"]},
    )
    comment = _add(survey, Kind.TEXT, {"de": "Was sollen wir beim nächsten Mal anders machen?"})
    services.survey_set_state(survey=survey, state=Survey.State.OPEN)
    ranking = list(order.options.all())
    for n in range(26):
        ranked = rng.sample(ranking, rng.randint(2, 4))
        answers = {
            overall.pk: rng.choices([3, 4, 5], weights=[2, 5, 6])[0],
            useful.pk: rng.choices([2, 3, 4, 5], weights=[1, 3, 6, 4])[0],
            again.pk: rng.choices(list(again.options.all()), weights=[8, 3, 1])[0].pk,
            fee.pk: rng.choices(list(fee.options.all()), weights=[3, 1])[0].pk,
            order.pk: [o.pk for o in ranked],
        }
        if n % 6 == 0:
            answers[comment.pk] = rng.choice(
                ["Mehr Zeit für Fragen.", "Kinderbetreuung während des Abends wäre schön."]
            )
        services.response_submit(
            survey=survey,
            answers=answers,
            language="de",
            channel=Response.Channel.PAPER,
            today=today - dt.timedelta(days=2),
        )
    services.survey_set_state(survey=survey, state=Survey.State.CLOSED)
    return survey


def _topic_board(alliance, event) -> None:
    board = services.board_create(
        alliance=alliance,
        title="Themen für den nächsten gemeinsamen Elternabend",
        organisation=None,
        description=(
            "Der Stadtelternbeirat und das Netzwerk planen zweimal im Jahr einen Elternabend für "
            "die Eltern aller Kitas. Schlagen Sie ein Thema vor oder unterstützen Sie eines!"
        ),
    )
    proposals = [
        (
            "Kinder in Trennung, Trauer und Verlust begleiten",
            "Wie rede ich mit meinem Kind darüber?",
            31,
            Topic.State.SCHEDULED,
        ),
        ("Medien in der Familie: Wie viel Bildschirm ist gut?", "", 17, Topic.State.VISIBLE),
        (
            "Der Übergang in die Schule",
            "Was kann mein Kind vorher schon üben?",
            12,
            Topic.State.VISIBLE,
        ),
        ("Geschwisterstreit", "", 7, Topic.State.VISIBLE),
        ("Schlafen lernen ohne Tränen", "Für Eltern von Kleinkindern.", 1, Topic.State.PROPOSED),
    ]
    for title, description, supporters, state in proposals:
        topic = services.topic_propose(board=board, title=title, description=description)
        Topic.objects.filter(pk=topic.pk).update(supporters=supporters, state=state)
        if state == Topic.State.SCHEDULED and event is not None:
            Topic.objects.filter(pk=topic.pk).update(event=event)


def _complaints(alliance, rng: random.Random, today: dt.date, kita, template) -> None:
    procedure = services.procedure_adopt(template=template, organisation=kita)
    services.procedure_kiosk(procedure=procedure, enabled=True)
    categories = (
        ["food"] * 9
        + ["play"] * 7
        + ["rules"] * 6
        + ["unfair"] * 3
        + ["unsafe"] * 2
        + ["other"] * 2
    )
    for index, category in enumerate(categories):
        received = today - dt.timedelta(days=rng.randint(3, 360))
        kiosk = index % 3 == 0
        complaint = services.complaint_create(
            procedure=procedure,
            category=category,
            channel=Complaint.Channel.KIOSK if kiosk else Complaint.Channel.STAFF,
            feeling=rng.choice(["sad", "angry", "scared", ""]),
            wants_talk=rng.random() < 0.6,
            summary="" if kiosk else rng.choice(COMPLAINT_SUMMARIES[category]),
            received_on=received,
        )
        age = (today - received).days
        if age > 21:
            services.complaint_handle(
                complaint=complaint,
                state=rng.choice([Complaint.State.SOLVED, Complaint.State.EXPLAINED]),
                answer=ANSWERS[category],
                today=received + dt.timedelta(days=rng.randint(2, 14)),
            )
        elif age > 7:
            services.complaint_handle(
                complaint=complaint,
                state=Complaint.State.DISCUSSED,
                today=received + dt.timedelta(days=2),
            )


def _needs(alliance, organisations: list, districts: list) -> None:
    categories = {c.code: c for c in Category.objects.for_alliance(alliance)}

    def category(code: str):
        return categories.get(code)

    reports = [
        ("Eltern wünschen sich Begleitung beim Übergang in die Schule", "3-6", "many", None),
        ("Keine Krabbelgruppe im Ortsteil", "0-3", "some", "elternbildung.eltern-kind-gruppe"),
        (
            "Familien mit Fluchterfahrung finden keine Beratung auf Arabisch",
            "",
            "some",
            "beratung.erziehung",
        ),
        ("Ferienbetreuung für Schulkinder reicht nicht", "6-10", "lots", None),
    ]
    for index, (topic, age, families, code) in enumerate(reports):
        need = services.need_report(
            alliance=alliance,
            topic=topic,
            description="Beobachtet in Gesprächen mit Eltern in den letzten Wochen.",
            organisation=organisations[index % len(organisations)] if organisations else None,
            age_band=age,
            district=districts[index % len(districts)] if districts else None,
            families=families,
            category=category(code) if code else None,
        )
        if index == 0:
            services.need_answer(
                need=need,
                state=NeedReport.State.ANSWERED,
                answer="Wir planen mit der Grundschule einen Schulkindertreff ab Januar.",
            )


def install_demo_participation(*, alliance, now: dt.datetime) -> None:
    rng = random.Random(f"familiennetz-demo-participation:{alliance.slug}")
    today = now.astimezone(BERLIN).date()
    districts = list(District.objects.for_alliance(alliance).order_by("name"))
    kitas = list(
        Organisation.objects.for_alliance(alliance)
        .filter(kind=Organisation.Kind.KITA)
        .order_by("name")
    )
    evening = _event(alliance, "Trennung, Trauer und Verlust")
    small = districts[-1].slug if districts else ""
    _needs_survey(alliance, rng, today, districts, small)
    if evening is not None:
        _evaluation_survey(alliance, rng, today, evening)
    _topic_board(alliance, evening)
    template = services.procedure_create(
        alliance=alliance,
        organisation=None,
        title="Beschwerdeverfahren für Kinder (Vorlage aus dem Eltern-Kind-Zentrum)",
        description=PROCEDURE_TEXT,
        steps=PROCEDURE_STEPS,
        is_template=True,
    )
    if kitas:
        _complaints(alliance, rng, today, kitas[0], template)
    _needs(alliance, kitas[:3], districts)
