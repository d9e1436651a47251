"""Writes of needs reported from practice (Bedarfsanzeigen)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance

from ..models import NeedReport


@transaction.atomic
def need_report(*, alliance: Alliance, user=None, surveys=(), **fields) -> NeedReport:
    organisation = fields.get("organisation")
    if organisation is not None and organisation.alliance_id != alliance.pk:
        raise ValidationError(_("The institution belongs to another network."))
    need = NeedReport.objects.create(
        alliance=alliance,
        reported_by=user if user is not None and user.is_authenticated else None,
        **fields,
    )
    if surveys:
        need.surveys.set(surveys)
    return need


@transaction.atomic
def need_answer(*, need: NeedReport, state: str, answer: str = "", surveys=None) -> NeedReport:
    if state not in NeedReport.State.values:
        raise ValidationError(_("Unknown status."))
    if state == NeedReport.State.ANSWERED and not answer.strip():
        raise ValidationError({"answer": _("Please write the answer of the network.")})
    need.state = state
    need.answer = answer.strip()
    if need.answer and need.answered_at is None:
        need.answered_at = timezone.now()
    need.save()
    if surveys is not None:
        need.surveys.set(surveys)
    return need
