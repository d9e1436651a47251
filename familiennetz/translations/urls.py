"""Content translations in the workspace: /manage/<alliance>/uebersetzungen/…"""

from django.urls import path

from .views import workspace

app_name = "translations"

M = "manage/<slug:alliance_slug>/uebersetzungen/"
RECORD = f"{M}<slug:word>/<int:pk>/"
EDIT = f"{RECORD}<str:language>/"

urlpatterns = [
    path(M, workspace.translation_list, name="manage-translation-list"),
    path(RECORD, workspace.translation_record, name="manage-translation-record"),
    path(EDIT, workspace.translation_edit, name="manage-translation-edit"),
    path(f"{EDIT}maschinell/", workspace.translation_machine, name="manage-translation-machine"),
    path(f"{EDIT}pruefen/", workspace.translation_review, name="manage-translation-review"),
]
