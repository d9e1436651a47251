"""Participation: workspace (/manage/<alliance>/beteiligung/…) and public pages
(/<alliance>/umfragen/…, /<alliance>/elternabend/…, /<alliance>/kinderbeschwerde/…)."""

from django.urls import path

from .views import kiosk, public, workspace_other, workspace_results, workspace_surveys

app_name = "participation"

M = "manage/<slug:alliance_slug>/beteiligung/"
S = M + "umfragen/<int:pk>/"

urlpatterns = [
    path(M, workspace_other.overview, name="manage-overview"),
    # surveys
    path(M + "umfragen/", workspace_surveys.survey_list_view, name="manage-survey-list"),
    path(M + "umfragen/neu/", workspace_surveys.survey_create, name="manage-survey-create"),
    path(S, workspace_surveys.survey_detail, name="manage-survey-detail"),
    path(S + "bearbeiten/", workspace_surveys.survey_update, name="manage-survey-update"),
    path(S + "status/", workspace_surveys.survey_state, name="manage-survey-state"),
    path(S + "fragen/neu/", workspace_surveys.question_edit, name="manage-question-create"),
    path(
        S + "fragen/<int:question_id>/",
        workspace_surveys.question_edit,
        name="manage-question-update",
    ),
    path(
        S + "fragen/<int:question_id>/verschieben/",
        workspace_surveys.question_move,
        name="manage-question-move",
    ),
    path(S + "vorschau/", workspace_surveys.survey_preview, name="manage-survey-preview"),
    path(S + "codes/", workspace_surveys.code_list, name="manage-code-list"),
    path(
        S + "codes/<int:batch_id>/bogen.pdf",
        workspace_surveys.code_sheet,
        name="manage-code-sheet",
    ),
    path(
        S + "fragebogen.pdf",
        workspace_surveys.questionnaire_pdf,
        name="manage-survey-questionnaire",
    ),
    path(S + "papier/", workspace_surveys.paper_entry, name="manage-survey-paper"),
    path(S + "ergebnisse/", workspace_results.results, name="manage-survey-results"),
    path(S + "ergebnisse.csv", workspace_results.results_csv, name="manage-survey-results-csv"),
    path(S + "ergebnisse.xlsx", workspace_results.results_xlsx, name="manage-survey-results-xlsx"),
    path(S + "rohdaten.csv", workspace_results.raw_csv, name="manage-survey-raw-csv"),
    path(S + "rohdaten.xlsx", workspace_results.raw_xlsx, name="manage-survey-raw-xlsx"),
    path(S + "freitexte/", workspace_results.text_review, name="manage-survey-texts"),
    path(S + "veroeffentlichen/", workspace_results.publish, name="manage-survey-publish"),
    # topic boards
    path(M + "themen/", workspace_other.board_list_view, name="manage-board-list"),
    path(M + "themen/neu/", workspace_other.board_create, name="manage-board-create"),
    path(M + "themen/<int:pk>/", workspace_other.board_detail, name="manage-board-detail"),
    path(
        M + "themen/beitrag/<int:pk>/status/",
        workspace_other.topic_moderate,
        name="manage-topic-moderate",
    ),
    path(
        M + "themen/beitrag/<int:pk>/termin/",
        workspace_other.topic_schedule,
        name="manage-topic-schedule",
    ),
    # children's complaints
    path(M + "beschwerden/", workspace_other.complaint_list, name="manage-complaint-list"),
    path(M + "beschwerden/neu/", workspace_other.complaint_create, name="manage-complaint-create"),
    path(
        M + "beschwerden/<int:pk>/",
        workspace_other.complaint_detail,
        name="manage-complaint-detail",
    ),
    path(
        M + "beschwerden/verfahren/neu/",
        workspace_other.procedure_create,
        name="manage-procedure-create",
    ),
    path(
        M + "beschwerden/verfahren/<int:pk>/",
        workspace_other.procedure_update,
        name="manage-procedure-update",
    ),
    path(
        M + "beschwerden/verfahren/<int:pk>/uebernehmen/",
        workspace_other.procedure_adopt,
        name="manage-procedure-adopt",
    ),
    path(
        M + "beschwerden/verfahren/<int:pk>/verfahren.pdf",
        workspace_other.procedure_pdf,
        name="manage-procedure-pdf",
    ),
    # needs reported from practice
    path(M + "bedarfe/", workspace_other.need_list_view, name="manage-need-list"),
    path(M + "bedarfe/neu/", workspace_other.need_create, name="manage-need-create"),
    path(M + "bedarfe/<int:pk>/", workspace_other.need_detail, name="manage-need-detail"),
    # public
    path("<slug:alliance_slug>/umfragen/", public.survey_list, name="survey-list"),
    path("<slug:alliance_slug>/umfragen/<slug:slug>/", public.survey_answer, name="survey-answer"),
    path(
        "<slug:alliance_slug>/umfragen/<slug:slug>/danke/",
        public.survey_thanks,
        name="survey-thanks",
    ),
    path(
        "<slug:alliance_slug>/umfragen/<slug:slug>/ergebnisse/",
        public.survey_results_public,
        name="survey-results",
    ),
    path("<slug:alliance_slug>/elternabend/<slug:slug>/", public.board, name="board"),
    path("<slug:alliance_slug>/kinderbeschwerde/<int:pk>/", kiosk.kiosk, name="kiosk"),
]
