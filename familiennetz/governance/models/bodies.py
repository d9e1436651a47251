"""Bodies of the network (steering group, working groups, …) and their members.

Members are contact persons of partner organisations (``network.ContactPerson``), never
family members. A contact person may be linked to a workspace account (``ContactAccount``):
that link is how "my actions", the personal meetings feed and "members of a body may edit
its meetings" find the person behind a login (docs/dev/governance.md, ADR 0901).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


class Body(AllianceOwned):
    class Kind(models.TextChoices):
        STEERING = "steering", _("Steering group")
        WORKING_GROUP = "working_group", _("Working group")
        LEADERS_ROUND = "leaders_round", _("Leaders' round")
        CONFERENCE = "conference", _("Network conference")
        PARENTS_COUNCIL = "parents_council", _("Parents' council")
        OTHER = "other", _("Other body")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.WORKING_GROUP)
    description = models.TextField(_("purpose"), blank=True)
    is_open = models.BooleanField(
        _("visible to the whole network"),
        default=True,
        help_text=_(
            "Otherwise only its members, the coordination and the steering group see its "
            "meetings and minutes."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "name"], name="body_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class BodyMembership(AllianceOwned):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        DEPUTY = "deputy", _("Deputy chair")
        MINUTES = "minutes", _("Keeps the minutes")
        MEMBER = "member", _("Member")
        GUEST = "guest", _("Permanent guest")

    # Officers prepare meetings, write and approve minutes of their body.
    OFFICER_ROLES = frozenset({Role.CHAIR, Role.DEPUTY, Role.MINUTES})

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        on_delete=models.CASCADE,
        related_name="body_memberships",
        verbose_name=_("contact person"),
    )
    role = models.CharField(_("role in the body"), max_length=20, choices=Role, default=Role.MEMBER)
    label = models.CharField(
        _("represents"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “parents' representative of Kita Sonnenschein”. No private details."),
    )
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("member of a body")
        verbose_name_plural = _("members of bodies")
        ordering = ["body", "role", "contact__name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "contact"], name="bodymembership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.contact.name} – {self.body}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class ContactAccount(AllianceOwned):
    """The workspace account of a contact person (at most one per person and per user and
    alliance). Set by the coordination on the member form."""

    contact = models.OneToOneField(
        "network.ContactPerson",
        on_delete=models.CASCADE,
        related_name="governance_account",
        verbose_name=_("contact person"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="governance_contacts",
        verbose_name=_("workspace account"),
    )

    class Meta:
        verbose_name = _("workspace account of a contact person")
        verbose_name_plural = _("workspace accounts of contact persons")
        constraints = [
            models.UniqueConstraint(fields=["alliance", "user"], name="contactaccount_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.contact.name} → {self.user}"
