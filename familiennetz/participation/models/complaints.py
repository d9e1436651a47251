"""The children's complaint procedure of an institution (§ 45 SGB VIII).

A complaint is taken by staff (a child tells an adult) or filed by the child on the Kita's
kiosk (pictures, spoken prompts). No child's name or identifying detail is stored, and no time
of day: the date it was received, a category, how the child felt, whether it wants to talk,
what the staff wrote down (with a warning against names) and the answer given to the child.
Each institution sees its own complaints; the network sees counts per category and year.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


class Category(models.TextChoices):
    FOOD = "food", _("Food")
    PLAY = "play", _("Playing")
    RULES = "rules", _("Rules")
    UNFAIR = "unfair", _("Being treated unfairly")
    UNSAFE = "unsafe", _("Feeling unsafe")
    OTHER = "other", _("Something else")


class Feeling(models.TextChoices):
    SAD = "sad", _("sad")
    ANGRY = "angry", _("angry")
    SCARED = "scared", _("scared")


def new_kiosk_key() -> str:
    return secrets.token_urlsafe(24)


class ComplaintProcedure(AllianceOwned):
    """How an institution takes children's complaints; a template other Kitas adopt."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="complaint_procedures",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="complaint_procedures",
        verbose_name=_("institution"),
        help_text=_("Empty: a template of the network."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("how children can complain"),
        help_text=_("Shown to staff and printed for parents and the team."),
    )
    steps = models.TextField(
        _("how we deal with a complaint"),
        blank=True,
        help_text=_("One step per line."),
    )
    categories = models.JSONField(_("categories"), default=list)
    is_template = models.BooleanField(_("offer as a template to other institutions"), default=False)
    adopted_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adoptions",
        verbose_name=_("adopted from"),
    )
    kiosk_enabled = models.BooleanField(_("kiosk for children switched on"), default=False)
    kiosk_key = models.CharField(_("kiosk key"), max_length=64, default=new_kiosk_key)

    class Meta:
        verbose_name = _("complaint procedure")
        verbose_name_plural = _("complaint procedures")
        ordering = ["organisation__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(organisation__isnull=False),
                name="complaintprocedure_one_per_institution",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def category_choices(self) -> list[tuple[str, str]]:
        enabled = set(self.categories or Category.values)
        return [(value, label) for value, label in Category.choices if value in enabled]

    def kiosk_url(self) -> str:
        path = reverse(
            "participation:kiosk",
            kwargs={"alliance_slug": self.alliance.slug, "pk": self.pk},
        )
        return f"{path}?schluessel={self.kiosk_key}"

    def step_list(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]


class Complaint(AllianceOwned):
    class Channel(models.TextChoices):
        STAFF = "staff", _("Told to a member of staff")
        KIOSK = "kiosk", _("Kiosk (the child itself)")

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        DISCUSSED = "discussed", _("Discussed with the child")
        SOLVED = "solved", _("Solved")
        EXPLAINED = "explained", _("Explained (not changed)")

    OPEN_STATES = (State.RECEIVED, State.DISCUSSED)

    # No time of day: who stood at the kiosk at 10:32 could be worked out.
    created_at = None
    updated_at = None

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    procedure = models.ForeignKey(
        ComplaintProcedure,
        on_delete=models.CASCADE,
        related_name="complaints",
        verbose_name=_("procedure"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("institution"),
    )
    category = models.CharField(_("what it is about"), max_length=10, choices=Category)
    channel = models.CharField(_("taken"), max_length=10, choices=Channel, default=Channel.STAFF)
    feeling = models.CharField(_("the child felt"), max_length=10, choices=Feeling, blank=True)
    wants_talk = models.BooleanField(_("the child wants to talk to an adult"), null=True)
    summary = models.TextField(
        _("what the child said"),
        blank=True,
        max_length=2000,
        help_text=_("In the child's words, without names or anything that identifies a child."),
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    state = models.CharField(
        _("status"), max_length=10, choices=State, default=State.RECEIVED, db_index=True
    )
    discussed_on = models.DateField(_("discussed with the child on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    answer = models.TextField(
        _("answer given to the child"),
        blank=True,
        max_length=2000,
        help_text=_("What the child was told: what changes, or why it stays as it is."),
    )

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(
                fields=["alliance", "received_on", "category"], name="complaint_year_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ({self.received_on:%d.%m.%Y})"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES
