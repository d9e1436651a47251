"""Bodies and their members."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from familiennetz.alliances.models import Membership
from familiennetz.network.models import ContactPerson

from ..access import forget_governance_access
from ..models import Body, BodyMembership, ContactAccount
from .common import same_alliance, save_fields


@transaction.atomic
def body_save(*, alliance, values: dict, body: Body | None = None) -> Body:
    return save_fields(body or Body(), alliance=alliance, values=values)


@transaction.atomic
def membership_save(
    *,
    body: Body,
    contact: ContactPerson,
    role: str,
    label: str = "",
    joined_on=None,
    left_on=None,
    user=None,
    membership: BodyMembership | None = None,
) -> BodyMembership:
    """Add or change a member; ``user`` links the contact person to a workspace account
    (None removes the link)."""
    alliance = body.alliance
    same_alliance(alliance, "contact", contact)
    if joined_on and left_on and left_on < joined_on:
        raise ValidationError({"left_on": _("A member cannot leave before joining.")})
    duplicate = BodyMembership.objects.filter(body=body, contact=contact)
    if membership is not None:
        duplicate = duplicate.exclude(pk=membership.pk)
    if duplicate.exists():
        raise ValidationError({"contact": _("This person is already a member of the body.")})
    if user is not None:
        if not Membership.objects.filter(alliance=alliance, user=user).exists():
            raise ValidationError({"user": _("This account has no role in this network.")})
        taken = (
            ContactAccount.objects.filter(alliance=alliance, user=user)
            .exclude(contact=contact)
            .select_related("contact")
            .first()
        )
        if taken is not None:
            raise ValidationError(
                {
                    "user": _("This account already belongs to %(name)s.")
                    % {"name": taken.contact.name}
                }
            )
        ContactAccount.objects.update_or_create(
            contact=contact, defaults={"user": user, "alliance": alliance}
        )
    else:
        ContactAccount.objects.filter(contact=contact).delete()
    row = save_fields(
        membership or BodyMembership(),
        alliance=alliance,
        values={
            "body": body,
            "contact": contact,
            "role": role,
            "label": label,
            "joined_on": joined_on,
            "left_on": left_on,
        },
    )
    if user is not None:
        forget_governance_access(user)
    return row


@transaction.atomic
def membership_remove(*, membership: BodyMembership) -> None:
    membership.delete()
