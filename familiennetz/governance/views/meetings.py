"""Meetings, agenda, attendance, minutes, decisions (/manage/<alliance>/sitzungen/…)."""

from __future__ import annotations

import datetime as dt

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.core.files import private_file_response
from familiennetz.workspace.access import check_perm, redirect_manage

from .. import ical, selectors, services
from ..access import governance_access
from ..forms import (
    AgendaItemForm,
    AttendanceForm,
    DecisionFormSet,
    DecisionSearchForm,
    MeetingForm,
    MeetingStatusForm,
    MinutesForm,
    NewActionFormSet,
)
from ..markdown import render_markdown
from ..models import AgendaAttachment, AgendaItem, Attendance, Body, Minutes
from ..services.meetings import NewAction
from .common import add_errors, body_or_404, governance_view, meeting_or_404, not_found

PAGE_SIZE = 30


def _can_change(request, meeting) -> None:
    if not request.user.has_perm("governance.change_meeting", meeting):
        raise PermissionDenied(_("You are not allowed to do this."))


@governance_view
def meeting_list(request):
    alliance, user = request.alliance, request.user
    rows = selectors.meetings_visible(alliance=alliance, user=user)
    bodies = selectors.bodies_visible(alliance=alliance, user=user)
    body_id = request.GET.get("gremium", "")
    if body_id.isdigit():
        rows = rows.filter(body_id=int(body_id))
    now = timezone.now()
    show_past = request.GET.get("zeit") == "vergangen"
    if show_past:
        rows = rows.filter(starts_at__lt=now).order_by("-starts_at")
    else:
        rows = rows.filter(starts_at__gte=now - dt.timedelta(hours=12)).order_by("starts_at")
    page = Paginator(rows.select_related("minutes"), PAGE_SIZE).get_page(request.GET.get("seite"))
    can_plan = _bodies_to_plan(request).exists()
    return render(
        request,
        "governance/workspace/meeting_list.html",
        {
            "page": page,
            "bodies": bodies,
            "body_id": body_id,
            "show_past": show_past,
            "can_plan": can_plan,
        },
    )


def _bodies_to_plan(request):
    """Bodies whose meetings the user may plan: all (coordination), or where an officer."""
    alliance, user = request.alliance, request.user
    bodies = selectors.bodies_visible(alliance=alliance, user=user).filter(is_active=True)
    if user.has_perm("governance.manage_governance", alliance):
        return bodies
    access = governance_access(user, alliance)
    officer_ids = [pk for pk in access.body_roles if access.is_officer(pk)]
    return bodies.filter(pk__in=officer_ids)


@governance_view
def meeting_create(request):
    alliance = request.alliance
    bodies = _bodies_to_plan(request)
    if not bodies.exists():
        raise PermissionDenied(_("You are not allowed to do this."))
    initial = {}
    if request.GET.get("gremium", "").isdigit():
        body = bodies.filter(pk=int(request.GET["gremium"])).first()
        if body is not None:
            initial = {"body": body, "title": _("Meeting of %(body)s") % {"body": body.name}}
    form = MeetingForm(request.POST or None, alliance=alliance, bodies=bodies, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_create(
                body=data["body"],
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                place=data["place"],
                video_url=data["video_url"],
                rrule=data.get("rule", ""),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            services.agenda_from_open_items(meeting=meeting)
            if meeting.series_id:
                count = meeting.series.meetings.count()
                messages.success(request, _("%(count)d meetings were planned.") % {"count": count})
            else:
                messages.success(request, _("The meeting was planned."))
            return redirect_manage("governance:manage-meeting-detail", alliance, pk=meeting.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {"form": form, "title": _("Plan a meeting"), "back_url": "governance:manage-meeting-list"},
    )


@governance_view
def meeting_update(request, pk: int):
    alliance = request.alliance
    meeting = meeting_or_404(request, pk)
    _can_change(request, meeting)
    form = MeetingForm(
        request.POST or None,
        instance=meeting,
        alliance=alliance,
        bodies=Body.objects.filter(pk=meeting.body_id),
        recurring=False,
    )
    status_form = MeetingStatusForm(request.POST or None, initial={"status": meeting.status})
    if request.method == "POST" and form.is_valid() and status_form.is_valid():
        values = {
            name: form.cleaned_data[name]
            for name in ("title", "starts_at", "ends_at", "place", "video_url")
        }
        values["status"] = status_form.cleaned_data["status"]
        try:
            services.meeting_update(meeting=meeting, values=values)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect_manage("governance:manage-meeting-detail", alliance, pk=meeting.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {"form": form, "extra_form": status_form, "title": _("Edit meeting"), "back": meeting},
    )


@governance_view
def meeting_detail(request, pk: int):
    alliance = request.alliance
    meeting = meeting_or_404(request, pk)
    meeting = selectors.meeting_for_page(meeting_id=meeting.pk, alliance=alliance)
    minutes = getattr(meeting, "minutes", None)
    can_change = request.user.has_perm("governance.change_meeting", meeting)
    attendance = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("contact", "partner__organisation")
        .order_by("contact__name")
    )
    return render(
        request,
        "governance/workspace/meeting_detail.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "minutes_html": render_markdown(minutes.text) if minutes else "",
            "can_change": can_change,
            "agenda_form": AgendaItemForm(alliance=alliance) if can_change else None,
            "attendance": attendance,
            "open_actions": selectors.open_actions_of_body(meeting.body_id),
        },
    )


@governance_view
def agenda_item_create(request, pk: int):
    alliance = request.alliance
    meeting = meeting_or_404(request, pk)
    _can_change(request, meeting)
    form = AgendaItemForm(request.POST or None, request.FILES or None, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agenda_item_add(
                meeting=meeting,
                title=data["title"],
                description=data["description"],
                owner=data["owner"],
                minutes=data["minutes"],
                files=data["files"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The item was added to the agenda."))
            return redirect_manage("governance:manage-meeting-detail", alliance, pk=meeting.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {"form": form, "title": _("Add an agenda item"), "back": meeting, "multipart": True},
    )


@governance_view
def agenda_item_update(request, pk: int, item: int):
    alliance = request.alliance
    meeting = meeting_or_404(request, pk)
    _can_change(request, meeting)
    row = AgendaItem.objects.filter(meeting=meeting, pk=item).first()
    if row is None:
        raise not_found()
    form = AgendaItemForm(
        request.POST or None, request.FILES or None, instance=row, alliance=alliance
    )
    if request.method == "POST":
        if "delete" in request.POST:
            row.delete()
            messages.success(request, _("The item was removed from the agenda."))
            return redirect_manage("governance:manage-meeting-detail", alliance, pk=meeting.pk)
        if form.is_valid():
            values = {
                name: form.cleaned_data[name]
                for name in ("title", "description", "owner", "minutes", "outcome")
            }
            try:
                services.agenda_item_update(
                    item=AgendaItem.objects.get(pk=row.pk),
                    values=values,
                    files=form.cleaned_data["files"],
                    actor=request.user,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("The item was saved."))
                return redirect_manage("governance:manage-meeting-detail", alliance, pk=meeting.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {
            "form": form,
            "title": _("Edit agenda item"),
            "back": meeting,
            "multipart": True,
            "can_delete": True,
        },
    )


@governance_view
@require_POST
def agenda_open_items(request, pk: int):
    meeting = meeting_or_404(request, pk)
    _can_change(request, meeting)
    added = services.agenda_from_open_items(meeting=meeting)
    messages.success(request, _("%(count)d open item(s) were added.") % {"count": added})
    return redirect_manage("governance:manage-meeting-detail", request.alliance, pk=meeting.pk)


@governance_view
def attachment_download(request, pk: int, attachment: int):
    meeting = meeting_or_404(request, pk)
    row = AgendaAttachment.objects.filter(item__meeting=meeting, pk=attachment).first()
    if row is None:
        raise not_found()
    return private_file_response(row.file, row.filename)


@governance_view
@require_POST
def meeting_invite(request, pk: int):
    meeting = meeting_or_404(request, pk)
    _can_change(request, meeting)
    services.invitation_send(meeting=meeting)
    messages.success(request, _("The invitation is being sent to the members of the body."))
    return redirect_manage("governance:manage-meeting-detail", request.alliance, pk=meeting.pk)


@governance_view
def meeting_ics(request, pk: int):
    meeting = meeting_or_404(request, pk)
    return ical.ics_response(
        ical.meetings_calendar([meeting], name=meeting.body.name), f"sitzung-{meeting.pk}.ics"
    )


@governance_view
def attendance_update(request, pk: int):
    meeting = meeting_or_404(request, pk)
    _can_change(request, meeting)
    members = list(selectors.body_members(meeting.body))
    existing = dict(Attendance.objects.filter(meeting=meeting).values_list("contact_id", "status"))
    form = AttendanceForm(request.POST or None, members=members, existing=existing)
    if request.method == "POST" and form.is_valid():
        services.attendance_save(meeting=meeting, statuses=form.statuses())
        messages.success(request, _("The attendance was saved."))
        return redirect_manage("governance:manage-meeting-detail", request.alliance, pk=meeting.pk)
    return render(
        request,
        "governance/workspace/form.html",
        {"form": form, "title": _("Attendance"), "back": meeting},
    )


@governance_view
def minutes_update(request, pk: int):
    alliance = request.alliance
    meeting = meeting_or_404(request, pk)
    _can_change(request, meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    locked = minutes is not None and minutes.is_locked
    post = request.POST if request.method == "POST" else None
    form = MinutesForm(
        post, initial={"text": minutes.text if minutes else _minutes_template(meeting)}
    )
    if not locked:
        form.fields["reason"].widget = django_forms.HiddenInput()
    decisions = DecisionFormSet(post, prefix="decisions")
    actions = NewActionFormSet(post, prefix="actions", form_kwargs={"alliance": alliance})
    if post is not None:
        valid = form.is_valid() and (locked or (decisions.is_valid() and actions.is_valid()))
        if valid:
            new_actions = []
            if not locked:
                new_actions = [
                    NewAction(title=f["title"], owner=f.get("owner"), due_on=f.get("due_on"))
                    for f in actions.cleaned_data
                    if f.get("title")
                ]
            try:
                services.minutes_save(
                    meeting=meeting,
                    text=form.cleaned_data["text"],
                    actor=request.user,
                    decisions=[] if locked else [f.get("text", "") for f in decisions.cleaned_data],
                    actions=new_actions,
                    reason=form.cleaned_data.get("reason", ""),
                )
            except ValidationError as exc:
                _minutes_errors(exc, form, actions)
            else:
                messages.success(request, _("The minutes were saved."))
                return redirect_manage("governance:manage-meeting-detail", alliance, pk=meeting.pk)
    return render(
        request,
        "governance/workspace/minutes_form.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "locked": locked,
            "form": form,
            "decisions": decisions,
            "actions": actions,
            "existing_decisions": meeting.decisions.order_by("number"),
            "existing_actions": meeting.actions.select_related("owner"),
        },
    )


def _minutes_template(meeting) -> str:
    lines = [f"## {_('Present')}", "", f"## {_('Agenda')}", ""]
    for index, item in enumerate(meeting.agenda.all(), 1):
        lines += [f"### {index}. {item.title}", ""]
    return "\n".join(lines)


def _minutes_errors(exc: ValidationError, form, actions) -> None:
    """Errors of action rows ("actions-1-due_on") go to the row's field."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, errors in exc.message_dict.items():
        prefix, _sep, rest = key.partition("-")
        if prefix == "actions" and rest:
            index, _sep, field = rest.partition("-")
            actions.forms[int(index)].add_error(field, errors)
        else:
            form.add_error(key if key in form.fields else None, errors)


@governance_view
@require_POST
def minutes_approve(request, pk: int):
    meeting = meeting_or_404(request, pk)
    if not request.user.has_perm("governance.approve_minutes", meeting):
        raise PermissionDenied(_("You are not allowed to do this."))
    try:
        services.minutes_approve(meeting=meeting, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The minutes were approved and are now locked."))
    return redirect_manage("governance:manage-meeting-detail", request.alliance, pk=meeting.pk)


@governance_view
def minutes_history(request, pk: int):
    meeting = meeting_or_404(request, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        raise not_found()
    versions = list(minutes.history.select_related("history_user").order_by("-history_date"))
    rows = []
    for index, version in enumerate(versions):
        older = versions[index + 1] if index + 1 < len(versions) else None
        rows.append(
            {
                "version": version,
                "text_changed": older is None or older.text != version.text,
                "html": render_markdown(version.text),
            }
        )
    return render(
        request,
        "governance/workspace/minutes_history.html",
        {"meeting": meeting, "rows": rows},
    )


@governance_view
def decision_list(request):
    alliance = request.alliance
    form = DecisionSearchForm(request.GET or None)
    q, year = "", None
    if form.is_valid():
        q, year = form.cleaned_data["q"] or "", form.cleaned_data["jahr"]
    body = None
    if request.GET.get("gremium", "").isdigit():
        body = body_or_404(request, int(request.GET["gremium"]))
    rows = selectors.decisions_search(
        alliance=alliance, user=request.user, q=q, year=year, body=body
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("seite"))
    check_perm(request, "governance.view_governance")
    return render(
        request, "governance/workspace/decision_list.html", {"filter_form": form, "page": page}
    )
