"""Workspace screens: the participation overview, topic boards, the children's complaint
procedure and needs reported from practice (/manage/<alliance>/beteiligung/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.core.pdf import pdf_response, render_pdf
from familiennetz.workspace.access import check_perm, entry_or_404, redirect_manage, workspace_view

from .. import services
from ..forms import (
    BoardForm,
    ComplaintForm,
    ComplaintHandleForm,
    NeedAnswerForm,
    NeedForm,
    ProcedureForm,
    TopicScheduleForm,
    own_organisations,
)
from ..models import Complaint, ComplaintProcedure, NeedReport, Topic, TopicBoard
from ..selectors import (
    board_list,
    complaint_statistics,
    complaints_of_own_institutions,
    dashboard_figures,
    need_groups,
    need_list,
    procedure_templates,
    procedures_of_own_institutions,
    survey_list,
)
from . import printing
from .workspace_surveys import _form_errors_from


@workspace_view
def overview(request):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.view_participation")
    figures = dashboard_figures(alliance=alliance, user=user)
    return render(
        request,
        "participation/workspace/overview.html",
        {
            "figures": figures,
            "surveys": survey_list(alliance=alliance, user=user)[:10],
            "boards": board_list(alliance=alliance, user=user)[:10],
        },
    )


# --- topic boards ------------------------------------------------------------------------------


@workspace_view
def board_list_view(request):
    check_perm(request, "participation.view_participation")
    return render(
        request,
        "participation/workspace/board_list.html",
        {"boards": board_list(alliance=request.alliance, user=request.user)},
    )


@workspace_view
def board_create(request):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.add_topicboard")
    form = BoardForm(request.POST or None, alliance=alliance, user=user)
    if request.method == "POST" and form.is_valid():
        board = services.board_create(
            alliance=alliance,
            title=form.cleaned_data["title"],
            organisation=form.cleaned_data.get("organisation"),
            description=form.cleaned_data.get("description", ""),
        )
        messages.success(request, _("The topic board was created."))
        return redirect_manage("participation:manage-board-detail", alliance, pk=board.pk)
    return render(request, "participation/workspace/board_form.html", {"form": form})


@workspace_view
def board_detail(request, pk: int):
    alliance, user = request.alliance, request.user
    board = entry_or_404(
        request, TopicBoard.objects.select_related("organisation", "alliance"), pk=pk
    )
    can_change = user.has_perm("participation.change_topicboard", board)
    form = BoardForm(request.POST or None, instance=board, alliance=alliance, user=user)
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            form.save()
            messages.success(request, _("The topic board was saved."))
            return redirect_manage("participation:manage-board-detail", alliance, pk=board.pk)
    topics = board.topics.select_related("event").order_by("state", "-supporters", "pk")
    return render(
        request,
        "participation/workspace/board_detail.html",
        {
            "board": board,
            "form": form,
            "can_change": can_change,
            "topics": topics,
            "public_url": request.build_absolute_uri(board.get_absolute_url()),
        },
    )


def _topic(request, pk: int) -> Topic:
    topic = entry_or_404(request, Topic.objects.select_related("board", "board__alliance"), pk=pk)
    check_perm(request, "participation.moderate_topic", topic)
    return topic


@workspace_view
@require_POST
def topic_moderate(request, pk: int):
    topic = _topic(request, pk)
    try:
        services.topic_moderate(topic=topic, state=request.POST.get("state", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("“%(title)s”: %(state)s")
            % {"title": topic.title, "state": topic.get_state_display()},
        )
    return redirect_manage("participation:manage-board-detail", request.alliance, pk=topic.board_id)


@workspace_view
def topic_schedule(request, pk: int):
    """One step from a topic to a calendar event with registration; proposers are told."""
    alliance, user = request.alliance, request.user
    topic = _topic(request, pk)
    check_perm(request, "events.add_event")
    initial = {"title": topic.title, "summary": topic.description[:400]}
    if topic.board.organisation_id:
        initial["organisation"] = topic.board.organisation_id
    form = TopicScheduleForm(request.POST or None, alliance=alliance, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = services.topic_schedule(
                topic=topic,
                organisation=data["organisation"],
                starts_at=data["starts_at"],
                ends_at=data.get("ends_at"),
                location=data.get("location"),
                capacity=data.get("capacity"),
                title=data["title"],
                summary=data.get("summary", ""),
                user=user,
            )
        except ValidationError as exc:
            _form_errors_from(exc, form)
        else:
            messages.success(
                request,
                _(
                    "“%(title)s” is in the family calendar with registration; whoever left an "
                    "e-mail address is told."
                )
                % {"title": event.title},
            )
            return redirect_manage("participation:manage-board-detail", alliance, pk=topic.board_id)
    return render(
        request,
        "participation/workspace/topic_schedule.html",
        {"form": form, "topic": topic, "contacts": topic.contacts.count()},
    )


# --- complaints --------------------------------------------------------------------------------


@workspace_view
def complaint_list(request):
    """An institution's staff see their complaints; the network sees counts per category and
    year (small ones suppressed) and the procedures to adopt."""
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.view_participation")
    own = complaints_of_own_institutions(alliance=alliance, user=user)
    state = request.GET.get("status", "open")
    rows = own.filter(state__in=Complaint.OPEN_STATES) if state == "open" else own
    statistics = (
        complaint_statistics(alliance=alliance)
        if user.has_perm("participation.view_complaint_statistics", alliance)
        else None
    )
    procedures = procedures_of_own_institutions(alliance=alliance, user=user)
    return render(
        request,
        "participation/workspace/complaint_list.html",
        {
            "complaints": rows.order_by("-received_on", "-pk")[:200],
            "state": state,
            "statistics": statistics,
            "procedures": procedures,
            "templates": procedure_templates(alliance=alliance),
            "adoptable": own_organisations(alliance, user).exclude(
                complaint_procedures__isnull=False
            )
            if user.has_perm("participation.add_complaintprocedure", alliance)
            else [],
            "can_add": user.has_perm("participation.add_complaint", alliance) and procedures,
        },
    )


@workspace_view
def complaint_create(request):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.add_complaint")
    procedures = procedures_of_own_institutions(alliance=alliance, user=user)
    if not procedures.exists():
        messages.info(
            request, _("First adopt or write a complaint procedure for your institution.")
        )
        return redirect_manage("participation:manage-complaint-list", alliance)
    form = ComplaintForm(
        request.POST or None, procedures=procedures, initial={"procedure": procedures.first()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.complaint_create(
                procedure=data["procedure"],
                category=data["category"],
                feeling=data.get("feeling", ""),
                wants_talk=data.get("wants_talk"),
                summary=data.get("summary", ""),
                received_on=data.get("received_on"),
            )
        except ValidationError as exc:
            _form_errors_from(exc, form)
        else:
            messages.success(request, _("The complaint was written down."))
            return redirect_manage(
                "participation:manage-complaint-detail", alliance, pk=complaint.pk
            )
    return render(request, "participation/workspace/complaint_form.html", {"form": form})


@workspace_view
def complaint_detail(request, pk: int):
    alliance = request.alliance
    complaint = (
        complaints_of_own_institutions(alliance=alliance, user=request.user).filter(pk=pk).first()
    )
    if complaint is None:
        raise Http404(_("This entry does not exist or is not yours to see."))
    check_perm(request, "participation.view_complaint", complaint)
    form = ComplaintHandleForm(
        request.POST or None, initial={"state": complaint.state, "answer": complaint.answer}
    )
    if request.method == "POST" and form.is_valid():
        check_perm(request, "participation.change_complaint", complaint)
        try:
            services.complaint_handle(
                complaint=complaint,
                state=form.cleaned_data["state"],
                answer=form.cleaned_data["answer"],
            )
        except ValidationError as exc:
            _form_errors_from(exc, form)
        else:
            messages.success(request, _("The complaint was saved."))
            return redirect_manage(
                "participation:manage-complaint-detail", alliance, pk=complaint.pk
            )
    return render(
        request,
        "participation/workspace/complaint_detail.html",
        {"complaint": complaint, "form": form},
    )


@workspace_view
def procedure_create(request):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.add_complaintprocedure")
    form = ProcedureForm(request.POST or None, alliance=alliance, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            procedure = services.procedure_create(
                alliance=alliance,
                organisation=data.get("organisation"),
                title=data["title"],
                description=data["description"],
                steps=data.get("steps", ""),
                categories=data["categories"],
                is_template=data.get("is_template", False),
            )
        except ValidationError as exc:
            _form_errors_from(exc, form)
        else:
            messages.success(request, _("The complaint procedure was saved."))
            return redirect_manage(
                "participation:manage-procedure-update", alliance, pk=procedure.pk
            )
    return render(
        request, "participation/workspace/procedure_form.html", {"form": form, "procedure": None}
    )


def _procedure(request, pk: int, perm: str) -> ComplaintProcedure:
    procedure = (
        ComplaintProcedure.objects.for_alliance(request.alliance)
        .select_related("organisation", "alliance", "adopted_from")
        .filter(pk=pk)
        .first()
    )
    if procedure is None or not request.user.has_perm(
        "participation.view_complaintprocedure", procedure
    ):
        raise Http404(_("This entry does not exist or is not yours to see."))
    check_perm(request, perm, procedure)
    return procedure


@workspace_view
def procedure_update(request, pk: int):
    alliance, user = request.alliance, request.user
    procedure = _procedure(request, pk, "participation.view_complaintprocedure")
    can_change = user.has_perm("participation.change_complaintprocedure", procedure)
    form = ProcedureForm(request.POST or None, instance=procedure, alliance=alliance, user=user)
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if "kiosk" in request.POST:
            try:
                services.procedure_kiosk(
                    procedure=procedure,
                    enabled=request.POST["kiosk"] == "on",
                    new_key=request.POST.get("new_key") == "1",
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The kiosk settings were saved."))
            return redirect_manage(
                "participation:manage-procedure-update", alliance, pk=procedure.pk
            )
        if form.is_valid():
            data = form.cleaned_data
            services.procedure_update(
                procedure=procedure,
                title=data["title"],
                description=data["description"],
                steps=data.get("steps", ""),
                categories=data["categories"],
                is_template=data.get("is_template", False),
            )
            messages.success(request, _("The complaint procedure was saved."))
            return redirect_manage(
                "participation:manage-procedure-update", alliance, pk=procedure.pk
            )
    if not can_change:
        for field in form.fields.values():
            field.disabled = True
    adoptable = []
    if procedure.is_template and user.has_perm("participation.add_complaintprocedure", alliance):
        adoptable = own_organisations(alliance, user).exclude(complaint_procedures__isnull=False)
    return render(
        request,
        "participation/workspace/procedure_form.html",
        {
            "form": form,
            "procedure": procedure,
            "can_change": can_change,
            "adoptable": adoptable,
            "kiosk_link": request.build_absolute_uri(procedure.kiosk_url())
            if procedure.organisation_id and can_change
            else "",
        },
    )


@workspace_view
@require_POST
def procedure_adopt(request, pk: int):
    alliance, user = request.alliance, request.user
    template = _procedure(request, pk, "participation.view_complaintprocedure")
    check_perm(request, "participation.add_complaintprocedure")
    organisation = (
        own_organisations(alliance, user).filter(pk=request.POST.get("organisation") or 0).first()
    )
    if organisation is None:
        messages.error(request, _("Please choose your institution."))
        return redirect_manage("participation:manage-procedure-update", alliance, pk=template.pk)
    try:
        procedure = services.procedure_adopt(template=template, organisation=organisation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect_manage("participation:manage-procedure-update", alliance, pk=template.pk)
    messages.success(
        request,
        _("%(name)s now has its own complaint procedure, adopted from “%(template)s”.")
        % {"name": organisation.name, "template": template.title},
    )
    return redirect_manage("participation:manage-procedure-update", alliance, pk=procedure.pk)


@workspace_view
def procedure_pdf(request, pk: int):
    procedure = _procedure(request, pk, "participation.view_complaintprocedure")
    content = render_pdf(
        "participation/pdf/procedure.html", printing.procedure_context(procedure), request=request
    )
    return pdf_response(content, f"beschwerdeverfahren-{procedure.pk}.pdf")


# --- needs ---------------------------------------------------------------------------------------


@workspace_view
def need_list_view(request):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.view_needs")
    state = request.GET.get("status", "")
    states = [state] if state in NeedReport.State.values else None
    return render(
        request,
        "participation/workspace/need_list.html",
        {
            "needs": need_list(alliance=alliance, states=states).prefetch_related("surveys")[:300],
            "groups": need_groups(alliance=alliance),
            "state": state,
            "states": NeedReport.State.choices,
            "can_add": user.has_perm("participation.add_need", alliance),
        },
    )


@workspace_view
def need_create(request):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.add_need")
    form = NeedForm(request.POST or None, alliance=alliance, user=user)
    if request.method == "POST" and form.is_valid():
        need = services.need_report(alliance=alliance, user=user, **form.cleaned_data)
        messages.success(request, _("Thank you: the need was reported to the network."))
        return redirect_manage("participation:manage-need-detail", alliance, pk=need.pk)
    return render(request, "participation/workspace/need_form.html", {"form": form})


@workspace_view
def need_detail(request, pk: int):
    alliance, user = request.alliance, request.user
    check_perm(request, "participation.view_needs")
    need = (
        NeedReport.objects.for_alliance(alliance)
        .select_related("organisation", "district", "category", "reported_by")
        .filter(pk=pk)
        .first()
    )
    if need is None:
        raise Http404(_("This entry does not exist or is not yours to see."))
    can_answer = user.has_perm("participation.answer_need", need)
    form = NeedAnswerForm(request.POST or None, instance=need, alliance=alliance)
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        if form.is_valid():
            services.need_answer(
                need=NeedReport.objects.get(pk=need.pk),
                state=form.cleaned_data["state"],
                answer=form.cleaned_data.get("answer", ""),
                surveys=form.cleaned_data.get("surveys"),
            )
            messages.success(request, _("The answer was saved."))
            return redirect_manage("participation:manage-need-detail", alliance, pk=need.pk)
    return render(
        request,
        "participation/workspace/need_detail.html",
        {"need": need, "form": form, "can_answer": can_answer},
    )
