"""Writes of the network's care work: case consultations, the contact matrix, stakeholder
ratings; ``partner_ensure`` for the demo (reuses a partner row if the network's seed made it).

Every service checks what a form cannot be trusted with (the alliance of every row, the date,
the provider's own organisation) and raises ``ValidationError`` naming the field; nothing is
saved then.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Organisation

from .anonymity import personal_data_problems
from .care_selectors import MatrixColumn, own_partner_ids, sees_all_consultations
from .models import (
    CaseConsultation,
    ContactPerson,
    MatrixContact,
    Partner,
    Sector,
    StakeholderRating,
)

CONSULTATION_FIELDS = (
    "consulted_on",
    "requesting_partner",
    "counsellor_partner",
    "topic",
    "outcome",
    "needs_follow_up",
    "note",
)


def _consultation_errors(
    *, alliance: Alliance, values: dict[str, Any], user
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    consulted_on = values.get("consulted_on")
    if consulted_on and consulted_on > timezone.localdate():
        errors["consulted_on"] = [_("The date lies in the future.")]
    requesting, counsellor = values.get("requesting_partner"), values.get("counsellor_partner")
    for name, partner in (("requesting_partner", requesting), ("counsellor_partner", counsellor)):
        if partner is None:
            errors[name] = [_("Please choose a partner.")]
        elif partner.alliance_id != alliance.pk:
            errors[name] = [_("This partner does not belong to this network.")]
    if requesting is not None and counsellor is not None and requesting.pk == counsellor.pk:
        errors["counsellor_partner"] = [
            _("The counselling partner must be another partner than the requesting one.")
        ]
    if (
        "requesting_partner" not in errors
        and requesting is not None
        and not sees_all_consultations(alliance=alliance, user=user)
        and requesting.pk not in own_partner_ids(alliance=alliance, user=user)
    ):
        errors["requesting_partner"] = [
            _("You can record consultations of your organisation only.")
        ]
    problems = personal_data_problems(values.get("note") or "")
    if problems:
        errors["note"] = problems
    if values.get("topic") not in CaseConsultation.Topic.values:
        errors["topic"] = [_("Please choose a topic.")]
    if values.get("outcome") not in CaseConsultation.Outcome.values:
        errors["outcome"] = [_("Please choose an outcome.")]
    return errors


@transaction.atomic
def consultation_save(
    *,
    alliance: Alliance,
    values: dict[str, Any],
    user,
    consultation: CaseConsultation | None = None,
) -> CaseConsultation:
    """Record (or correct) an anonymous case consultation."""
    errors = _consultation_errors(alliance=alliance, values=values, user=user)
    if errors:
        raise ValidationError(errors)
    row = consultation or CaseConsultation(alliance=alliance)
    for name in CONSULTATION_FIELDS:
        if name in values:
            setattr(row, name, values[name])
    row.note = (row.note or "").strip()
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def consultation_delete(*, consultation: CaseConsultation) -> None:
    consultation.delete()


@transaction.atomic
def matrix_contact_set(
    *,
    alliance: Alliance,
    partner: Partner,
    column: MatrixColumn,
    contact: ContactPerson | None,
) -> MatrixContact | None:
    """Name ``contact`` as ``partner``'s contact in ``column`` (``None``: leave it open, a
    gap). The contact must work for a partner of one of the column's sectors."""
    if partner.alliance_id != alliance.pk:
        raise ValidationError(_("This partner does not belong to this network."))
    field = f"column_{column.key}"
    if contact is not None:
        if contact.alliance_id != alliance.pk:
            raise ValidationError(
                {field: _("This contact person does not belong to this network.")}
            )
        if contact.partner.sector_id not in column.sector_ids:
            raise ValidationError(
                {field: _("This contact person works for a partner of another sector.")}
            )
        if contact.partner_id == partner.pk:
            raise ValidationError({field: _("A partner cannot be its own contact.")})
    stale = MatrixContact.objects.filter(partner=partner, counterpart_sector__in=column.sector_ids)
    if contact is None:
        stale.delete()
        return None
    stale.exclude(counterpart_sector=contact.partner.sector_id).delete()
    entry, _created = MatrixContact.objects.update_or_create(
        partner=partner,
        counterpart_sector_id=contact.partner.sector_id,
        defaults={"alliance": alliance, "contact": contact},
    )
    return entry


@transaction.atomic
def stakeholder_rate(
    *,
    alliance: Alliance,
    partner: Partner,
    relevance: int,
    influence: int,
    interest: int | None = None,
) -> StakeholderRating:
    """Place ``partner`` on the grid (relevance and influence 1–5, interest optional)."""
    if partner.alliance_id != alliance.pk:
        raise ValidationError({"partner": _("This partner does not belong to this network.")})
    errors = {}
    for name, value in (("relevance", relevance), ("influence", influence), ("interest", interest)):
        if value is None and name == "interest":
            continue
        if not isinstance(value, int) or not 1 <= value <= 5:
            errors[name] = [_("Please choose a value from 1 to 5.")]
    if errors:
        raise ValidationError(errors)
    rating, _created = StakeholderRating.objects.update_or_create(
        partner=partner,
        defaults={
            "alliance": alliance,
            "relevance": relevance,
            "influence": influence,
            "interest": interest,
        },
    )
    return rating


def partner_ensure(
    *,
    alliance: Alliance,
    organisation: Organisation,
    sector: Sector | None = None,
    role: str | None = None,
) -> Partner:
    """The organisation's partner row, made if missing; sector and role are filled in only
    where still empty/default, so that another seed's values stay (demo data)."""
    partner, created = Partner.objects.get_or_create(
        organisation=organisation,
        defaults={"alliance": alliance, "sector": sector, "role": role or Partner.Role.PARTNER},
    )
    if not created and sector is not None and partner.sector_id is None:
        partner.sector = sector
        partner.save(update_fields=["sector", "updated_at"])
    return partner


def sector_ensure(*, alliance: Alliance, code: str, name: str, position: int = 0) -> Sector:
    sector, _created = Sector.objects.get_or_create(
        alliance=alliance, code=code, defaults={"name": name, "position": position}
    )
    return sector
