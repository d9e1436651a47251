"""Participation's rows in the permission matrix (tests/test_permission_matrix.py).

The survey and the topic board of the world belong to the whole network: provider editors do
not see them (404) — their own institution's surveys and boards they do (test_views_workspace).
The complaint belongs to the provider's Kita: only its provider editors (and the instance
administrator) see it; for everybody else it does not exist (404).
"""

from familiennetz.core.tests.matrix import ALL, COORDINATION, EDITORS, READERS, WHOLE_EDITORS, only

from .. import services
from ..models import Question, Survey

NETWORK_ROW = {"provider": 404}  # a network survey or board is not a provider's
READ = only(READERS) | NETWORK_ROW
EDIT = only(WHOLE_EDITORS) | NETWORK_ROW
EDIT_POST = only(WHOLE_EDITORS, ok=302) | NETWORK_ROW
COORDINATE = only(COORDINATION) | NETWORK_ROW
COORDINATE_POST = only(COORDINATION, ok=302) | NETWORK_ROW
OWN_COMPLAINT = dict.fromkeys(only(set()), 404) | {"anonymous": 302, "provider": 200, "admin": 200}


def extend_world(world) -> None:
    alliance = world.alliance
    survey = services.survey_create(alliance=alliance, title="Bedarfe 2026", languages=["de"])
    question = services.question_save(
        survey=survey,
        kind=Question.Kind.SINGLE,
        texts={"de": {"text": "Brauchen Sie Betreuung am Nachmittag?"}},
        option_lines={"de": ["Ja", "Nein"]},
    )
    services.survey_set_state(survey=survey, state=Survey.State.OPEN)
    services.response_submit(
        survey=survey, answers={question.pk: question.options.first().pk}, language="de"
    )
    world.survey = survey
    world.question = question
    world.batch = services.code_batch_create(survey=survey, label="Kita", count=2)
    world.board = services.board_create(alliance=alliance, title="Elternabend Herbst")
    world.topic = services.topic_propose(board=world.board, title="Schlaf")
    world.procedure = services.procedure_create(
        alliance=alliance,
        organisation=world.organisation,
        title="Beschwerdeverfahren",
        description="Kinder sagen es einer Erzieherin.",
    )
    world.template = services.procedure_create(
        alliance=alliance,
        title="Vorlage des Netzwerks",
        description="So können Kinder sich beschweren.",
        is_template=True,
    )
    world.complaint = services.complaint_create(procedure=world.procedure, category="food")
    world.need = services.need_report(alliance=alliance, topic="Mehr Krippenplätze")


def _survey(w):
    return {"pk": w.survey.pk}


MATRIX = {
    "participation:manage-overview": ("get", lambda w: {}, ALL),
    "participation:manage-survey-list": ("get", lambda w: {}, ALL),
    "participation:manage-survey-create": ("get", lambda w: {}, only(EDITORS)),
    "participation:manage-survey-detail": ("get", _survey, READ),
    "participation:manage-survey-update": ("get", _survey, EDIT),
    "participation:manage-survey-state": ("post", _survey, EDIT_POST),
    "participation:manage-question-create": ("get", _survey, EDIT),
    "participation:manage-question-update": (
        "get",
        lambda w: {"pk": w.survey.pk, "question_id": w.question.pk},
        EDIT,
    ),
    "participation:manage-question-move": (
        "post",
        lambda w: {"pk": w.survey.pk, "question_id": w.question.pk},
        EDIT_POST,
    ),
    "participation:manage-survey-preview": ("get", _survey, READ),
    "participation:manage-code-list": ("get", _survey, EDIT),
    "participation:manage-code-sheet": (
        "get",
        lambda w: {"pk": w.survey.pk, "batch_id": w.batch.pk},
        EDIT,
    ),
    "participation:manage-survey-questionnaire": ("get", _survey, READ),
    "participation:manage-survey-paper": ("get", _survey, EDIT),
    "participation:manage-survey-results": ("get", _survey, READ),
    "participation:manage-survey-results-csv": ("get", _survey, READ),
    "participation:manage-survey-results-xlsx": ("get", _survey, READ),
    "participation:manage-survey-raw-csv": ("get", _survey, COORDINATE),
    "participation:manage-survey-raw-xlsx": ("get", _survey, COORDINATE),
    "participation:manage-survey-texts": ("get", _survey, COORDINATE),
    "participation:manage-survey-publish": ("post", _survey, COORDINATE_POST),
    "participation:manage-board-list": ("get", lambda w: {}, ALL),
    "participation:manage-board-create": ("get", lambda w: {}, only(EDITORS)),
    "participation:manage-board-detail": ("get", lambda w: {"pk": w.board.pk}, READ),
    "participation:manage-topic-moderate": ("post", lambda w: {"pk": w.topic.pk}, EDIT_POST),
    "participation:manage-topic-schedule": ("get", lambda w: {"pk": w.topic.pk}, EDIT),
    "participation:manage-complaint-list": ("get", lambda w: {}, ALL),
    "participation:manage-complaint-create": ("get", lambda w: {}, only({"provider", "admin"})),
    "participation:manage-complaint-detail": (
        "get",
        lambda w: {"pk": w.complaint.pk},
        OWN_COMPLAINT,
    ),
    "participation:manage-procedure-create": ("get", lambda w: {}, only(EDITORS)),
    "participation:manage-procedure-update": (
        "get",
        lambda w: {"pk": w.procedure.pk},
        only(READERS),
    ),
    "participation:manage-procedure-adopt": (
        "post",
        lambda w: {"pk": w.template.pk},
        only(EDITORS, ok=302),
    ),
    "participation:manage-procedure-pdf": ("get", lambda w: {"pk": w.procedure.pk}, only(READERS)),
    "participation:manage-need-list": ("get", lambda w: {}, ALL),
    "participation:manage-need-create": ("get", lambda w: {}, only(EDITORS)),
    "participation:manage-need-detail": ("get", lambda w: {"pk": w.need.pk}, ALL),
}

POST_DATA = {
    "participation:manage-survey-state": {"state": "open"},
    "participation:manage-topic-moderate": {"state": "visible"},
    "participation:manage-survey-publish": {"publish": "0"},
    "participation:manage-question-move": {"direction": "down"},
}
