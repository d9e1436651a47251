"""Projects with tasks, budget, rooms, events and evaluation (/manage/<alliance>/projekte/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.workspace.access import check_perm, redirect_manage

from .. import evaluation, selectors, services
from ..forms import BudgetLineForm, GoalForm, IndicatorForm, ProjectForm, ResultForm, TaskForm
from ..models import BudgetLine, Project
from .common import add_errors, governance_view, not_found, row_or_404


@governance_view
def project_list(request):
    projects = (
        Project.objects.filter(alliance=request.alliance)
        .select_related("body", "lead")
        .annotate(n_partners=Count("partners", distinct=True))
        .order_by("status", "-starts_on", "title")
    )
    return render(request, "governance/workspace/project_list.html", {"projects": projects})


def _project_form(request, project=None):
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    form = ProjectForm(request.POST or None, instance=project, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_save(
                alliance=alliance,
                values=form.values(),
                project=Project.objects.get(pk=project.pk) if project else None,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The project was saved."))
            return redirect_manage("governance:manage-project-detail", alliance, pk=project.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {
            "form": form,
            "title": _("Edit project") if project else _("New project"),
            "back": project,
        },
    )


@governance_view
def project_create(request):
    return _project_form(request)


@governance_view
def project_update(request, pk: int):
    return _project_form(request, row_or_404(request, Project, pk))


@governance_view
def project_detail(request, pk: int):
    alliance, user = request.alliance, request.user
    project = row_or_404(request, Project, pk)
    can_manage = user.has_perm("governance.manage_governance", alliance)
    goals = project.goals.prefetch_related("indicators__results")
    return render(
        request,
        "governance/workspace/project_detail.html",
        {
            "project": project,
            "can_manage": can_manage,
            "can_see_money": user.has_perm("governance.view_budgets", alliance),
            "partners": project.partners.select_related("organisation"),
            "events": project.events.order_by("starts_at"),
            "tasks": project.tasks.select_related("owner").order_by("status", "due_on"),
            "bookings": project.bookings.select_related("room").order_by("starts_at"),
            "budget": selectors.project_budget(project),
            "goals": goals,
            "evaluation": evaluation.summary(
                alliance, project.evaluation_source, project.evaluation_ref
            ),
            "line_form": BudgetLineForm(alliance=alliance, prefix="line") if can_manage else None,
            "task_form": TaskForm(alliance=alliance, prefix="task") if can_manage else None,
            "goal_form": GoalForm(prefix="goal") if can_manage else None,
            "indicator_form": IndicatorForm(project=project, prefix="indicator")
            if can_manage
            else None,
            "result_form": ResultForm(project=project, prefix="result") if can_manage else None,
        },
    )


@governance_view
def project_budget_line(request, pk: int, line: int | None = None):
    """Add (or with ``line`` change/delete) a budget line of the project."""
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    project = row_or_404(request, Project, pk)
    row = None
    if line is not None:
        row = BudgetLine.objects.filter(project=project, pk=line).first()
        if row is None:
            raise not_found()
    form = BudgetLineForm(request.POST or None, instance=row, alliance=alliance, prefix="line")
    if request.method == "POST":
        if row is not None and "delete" in request.POST:
            services.budget_line_delete(line=row)
            messages.success(request, _("The budget line was removed."))
            return redirect_manage("governance:manage-project-detail", alliance, pk=project.pk)
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in BudgetLineForm.Meta.fields}
            values["project"] = project
            try:
                services.budget_line_save(
                    alliance=alliance,
                    values=values,
                    line=BudgetLine.objects.get(pk=row.pk) if row else None,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The budget line was saved."))
                return redirect_manage("governance:manage-project-detail", alliance, pk=project.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {
            "form": form,
            "title": _("Budget line of %(project)s") % {"project": project.title},
            "back": project,
            "can_delete": row is not None,
        },
    )


@governance_view
@require_POST
def project_plan(request, pk: int):
    """Add a task, goal, indicator or result (one small form each on the project page)."""
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    project = row_or_404(request, Project, pk)
    kind = request.POST.get("kind")
    forms = {
        "task": lambda: TaskForm(request.POST, alliance=alliance, prefix="task"),
        "goal": lambda: GoalForm(request.POST, prefix="goal"),
        "indicator": lambda: IndicatorForm(request.POST, project=project, prefix="indicator"),
        "result": lambda: ResultForm(request.POST, project=project, prefix="result"),
    }
    if kind not in forms:
        raise not_found()
    form = forms[kind]()
    if not form.is_valid():
        messages.error(
            request,
            _("Not saved: %(errors)s")
            % {
                "errors": "; ".join(
                    f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}"
                    for f, e in form.errors.items()
                )
            },
        )
        return redirect_manage("governance:manage-project-detail", alliance, pk=project.pk)
    data = form.cleaned_data
    if kind == "task":
        services.action_save(
            alliance=alliance,
            values={
                "title": data["title"],
                "owner": data["owner"],
                "due_on": data["due_on"],
                "project": project,
                "body": project.body,
            },
        )
    elif kind == "goal":
        services.goal_add(project=project, text=data["text"])
    elif kind == "indicator":
        services.indicator_add(
            goal=data["goal"], name=data["name"], unit=data["unit"], target=data["target"]
        )
    else:
        services.result_add(
            indicator=data["indicator"],
            measured_on=data["measured_on"],
            value=data["value"],
            note=data["note"],
        )
    messages.success(request, _("Saved."))
    return redirect_manage("governance:manage-project-detail", alliance, pk=project.pk)
