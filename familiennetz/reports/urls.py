"""URLs of the reports app: the alliance's reports and handover under
/manage/<alliance>/berichte/, the state office under /manage/landesstelle/ (a reserved
alliance slug; this module is included before the workspace's /manage/<alliance>/)."""

from django.urls import path

from .views import annual, handover, planning, state

app_name = "reports"

M = "manage/<slug:alliance_slug>/berichte/"
S = "manage/landesstelle/"

urlpatterns = [
    path(S, state.office_list, name="state-office-list"),
    path(f"{S}<int:pk>/", state.office_detail, name="state-office-detail"),
    path(f"{S}<int:pk>/anfordern/", state.report_request, name="state-report-request"),
    path(
        f"{S}<int:pk>/berichte/<int:report_pk>/annehmen/",
        state.report_accept,
        name="state-report-accept",
    ),
    path(f"{S}<int:pk>/jahresbericht/<int:year>/", state.state_report, name="state-report"),
    path(
        f"{S}<int:pk>/jahresbericht/<int:year>/bericht.pdf",
        state.state_report_pdf,
        name="state-report-pdf",
    ),
    path(
        f"{S}<int:pk>/jahresbericht/<int:year>/zahlen.xlsx",
        state.state_report_xlsx,
        name="state-report-xlsx",
    ),
    path(f"{S}<int:pk>/netzwerk-neu/", state.alliance_create, name="state-alliance-create"),
    path(f"{S}<int:pk>/dokumente/", state.document_list, name="state-document-list"),
    path(f"{S}<int:pk>/vorlage/", state.template_edit, name="state-template"),
    path(
        f"{S}<int:pk>/dokumente/<int:document_pk>/",
        state.document_download,
        name="state-document-download",
    ),
    path(M, annual.report_list, name="manage-report-list"),
    path(f"{M}uebergabe/", handover.handover, name="manage-handover"),
    path(f"{M}sozialplanung.<str:fmt>", planning.planning_export, name="manage-planning-export"),
    path(f"{M}landesstelle/", state.shared_for_alliance, name="manage-shared-documents"),
    path(f"{M}<int:year>/", annual.report_detail, name="manage-report-detail"),
    path(f"{M}<int:year>/einreichen/", annual.report_submit, name="manage-report-submit"),
    path(
        f"{M}<int:year>/neu-berechnen/",
        annual.draft_figures_refresh,
        name="manage-report-refresh",
    ),
    path(f"{M}<int:year>/bericht.pdf", annual.report_pdf, name="manage-report-pdf"),
    path(f"{M}<int:year>/zahlen.xlsx", annual.report_xlsx, name="manage-report-xlsx"),
    path(f"{M}<int:year>/zahlen/<str:key>/", annual.figure_list, name="manage-figure-list"),
]
