"""Participation in the workspace shell: its navigation group ("Beteiligung") and, on the
dashboard (journey 9), open surveys with their responses, complaints waiting and topics
proposed."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry
from familiennetz.workspace.access import manage_url

from .selectors import dashboard_figures

registry.add_group(registry.NavGroup("participation", _("Participation"), order=40))
for order, (key, label, url_name, markers) in enumerate(
    [
        ("participation-overview", _("Overview"), "participation:manage-overview", ("overview",)),
        (
            "participation-surveys",
            _("Surveys"),
            "participation:manage-survey-list",
            ("survey", "question", "code"),
        ),
        (
            "participation-topics",
            _("Parents' evenings"),
            "participation:manage-board-list",
            ("board", "topic"),
        ),
        (
            "participation-complaints",
            _("Children's complaints"),
            "participation:manage-complaint-list",
            ("complaint", "procedure"),
        ),
        ("participation-needs", _("Reported needs"), "participation:manage-need-list", ("need",)),
    ]
):
    registry.add_nav(
        registry.NavEntry(
            key=key,
            group="participation",
            label=label,
            url_name=url_name,
            permission="participation.view_participation",
            markers=markers,
            order=10 * (order + 1),
        )
    )


def _panel(request) -> dict | None:
    figures = dashboard_figures(alliance=request.alliance, user=request.user)
    if not (
        figures["open_surveys"]
        or figures["complaints_waiting"]
        or figures["topics_proposed"]
        or figures["needs_new"]
    ):
        return None
    alliance = request.alliance
    return {
        **figures,
        "surveys_url": manage_url("participation:manage-survey-list", alliance),
        "complaints_url": manage_url("participation:manage-complaint-list", alliance),
        "boards_url": manage_url("participation:manage-board-list", alliance),
        "needs_url": manage_url("participation:manage-need-list", alliance),
    }


registry.add_panel(
    registry.Panel(
        key="participation",
        template="participation/workspace/_panel_dashboard.html",
        context=_panel,
        permission="participation.view_participation",
        order=45,
    )
)
