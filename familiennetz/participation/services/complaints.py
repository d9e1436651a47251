"""Writes of the children's complaint procedure: procedures (and adopting a template in one
step), complaints taken by staff or filed at the kiosk, and their handling."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance

from ..models import Category, Complaint, ComplaintProcedure
from ..models.complaints import new_kiosk_key

State = Complaint.State


@transaction.atomic
def procedure_create(
    *,
    alliance: Alliance,
    organisation=None,
    title: str,
    description: str,
    steps: str = "",
    categories: list[str] | None = None,
    is_template: bool = False,
) -> ComplaintProcedure:
    if organisation is not None:
        if organisation.alliance_id != alliance.pk:
            raise ValidationError(_("The institution belongs to another network."))
        if ComplaintProcedure.objects.filter(organisation=organisation).exists():
            raise ValidationError(_("This institution already has a complaint procedure."))
    return ComplaintProcedure.objects.create(
        alliance=alliance,
        organisation=organisation,
        title=title,
        description=description,
        steps=steps,
        categories=[c for c in (categories or Category.values) if c in Category.values],
        is_template=is_template,
    )


@transaction.atomic
def procedure_adopt(*, template: ComplaintProcedure, organisation) -> ComplaintProcedure:
    """The transfer Hainichen describes: an institution takes over a template's description,
    steps and categories in one step (and may change them afterwards)."""
    if not template.is_template:
        raise ValidationError(_("This procedure is not offered as a template."))
    if organisation.alliance_id != template.alliance_id:
        raise ValidationError(_("The institution belongs to another network."))
    try:
        with transaction.atomic():
            return ComplaintProcedure.objects.create(
                alliance_id=template.alliance_id,
                organisation=organisation,
                title=_("Complaint procedure for children – %(name)s")
                % {"name": organisation.name},
                description=template.description,
                steps=template.steps,
                categories=list(template.categories),
                adopted_from=template,
            )
    except IntegrityError:
        raise ValidationError(_("This institution already has a complaint procedure.")) from None


@transaction.atomic
def procedure_update(*, procedure: ComplaintProcedure, **fields) -> ComplaintProcedure:
    for name, value in fields.items():
        setattr(procedure, name, value)
    if "categories" in fields:
        procedure.categories = [c for c in fields["categories"] if c in Category.values]
    procedure.save()
    return procedure


@transaction.atomic
def procedure_kiosk(*, procedure: ComplaintProcedure, enabled: bool, new_key: bool = False):
    """Switch the kiosk on or off; ``new_key`` makes the old kiosk link stop working."""
    if procedure.organisation_id is None:
        raise ValidationError(_("Only an institution's procedure has a kiosk."))
    procedure.kiosk_enabled = enabled
    if new_key:
        procedure.kiosk_key = new_kiosk_key()
    procedure.save(update_fields=["kiosk_enabled", "kiosk_key", "updated_at"])
    return procedure


@transaction.atomic
def complaint_create(
    *,
    procedure: ComplaintProcedure,
    category: str,
    channel: str = Complaint.Channel.STAFF,
    feeling: str = "",
    wants_talk: bool | None = None,
    summary: str = "",
    received_on: dt.date | None = None,
) -> Complaint:
    if procedure.organisation_id is None:
        raise ValidationError(_("Complaints are taken by an institution, not by a template."))
    if category not in dict(procedure.category_choices()):
        raise ValidationError(_("Please choose what the complaint is about."))
    return Complaint.objects.create(
        alliance_id=procedure.alliance_id,
        procedure=procedure,
        organisation_id=procedure.organisation_id,
        category=category,
        channel=channel,
        feeling=feeling,
        wants_talk=wants_talk,
        summary=summary.strip(),
        received_on=received_on or timezone.localdate(),
    )


@transaction.atomic
def complaint_handle(
    *,
    complaint: Complaint,
    state: str,
    answer: str | None = None,
    summary: str | None = None,
    today: dt.date | None = None,
) -> Complaint:
    """Move a complaint on: received → discussed with the child → solved / explained. Closing
    needs the answer given to the child."""
    today = today or timezone.localdate()
    if state not in State.values:
        raise ValidationError(_("Unknown status."))
    if answer is not None:
        complaint.answer = answer.strip()
    if summary is not None:
        complaint.summary = summary.strip()
    if state in (State.SOLVED, State.EXPLAINED) and not complaint.answer:
        raise ValidationError(
            {"answer": _("Please write down what the child was told before closing.")}
        )
    if state != State.RECEIVED and complaint.discussed_on is None:
        complaint.discussed_on = today
    if state in (State.SOLVED, State.EXPLAINED):
        complaint.closed_on = complaint.closed_on or today
    else:
        complaint.closed_on = None
    complaint.state = state
    complaint.save()
    return complaint
