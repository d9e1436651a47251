"""The network's everyday care work beside partners and ties: anonymous case consultations
(§ 8a/§ 8b SGB VIII), the contact matrix (who is whose named contact at the ASD, health services
and counselling) and the stakeholder grid (relevance × influence).

Imported at the end of ``models.py``; models of this module refer to ``Partner``,
``ContactPerson`` and ``Sector`` by their labels so that the two modules do not import each
other. A case consultation never holds data that identifies a family (ADR 0620).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned

from .anonymity import validate_no_personal_data

NOTE_MAX_LENGTH = 300


class CaseConsultation(AllianceOwned):
    """One anonymous case consultation: a partner (a Kita) asked another (the ASD, an
    experienced professional under § 8b) for advice about a situation. Categories only."""

    class Topic(models.TextChoices):
        NEGLECT = "neglect", _("Suspected neglect")
        PHYSICAL = "physical", _("Suspected physical violence")
        EMOTIONAL = "emotional", _("Suspected emotional abuse")
        SEXUAL = "sexual", _("Suspected sexual violence")
        DOMESTIC = "domestic", _("Domestic violence")
        PARENT_ILLNESS = "parent_illness", _("Mental illness or addiction of a parent")
        DEVELOPMENT = "development", _("Developmental concerns")
        PARENTING = "parenting", _("Parenting difficulties, overburdened parents")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        NO_RISK = "no_risk", _("No risk apparent, keep observing")
        TALK_TO_PARENTS = "talk_to_parents", _("Talk to the parents")
        REFER = "refer", _("Refer the family to support (counselling, early help)")
        REPORT = "report", _("Inform the youth welfare office (§ 8a)")
        FURTHER = "further", _("Further consultation agreed")
        OTHER = "other", _("Other")

    consulted_on = models.DateField(_("date"))
    requesting_partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.RESTRICT,
        related_name="consultations_requested",
        verbose_name=_("requesting partner"),
    )
    counsellor_partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.RESTRICT,
        related_name="consultations_given",
        verbose_name=_("counselling partner"),
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    needs_follow_up = models.BooleanField(_("follow-up agreed"), default=False)
    note = models.CharField(
        _("short note"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        validators=[validate_no_personal_data],
    )

    class Meta:
        verbose_name = _("case consultation")
        verbose_name_plural = _("case consultations")
        ordering = ["-consulted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requesting_partner=models.F("counsellor_partner")),
                name="consultation_two_partners",
            ),
        ]
        indexes = [models.Index(fields=["alliance", "consulted_on"])]

    def __str__(self) -> str:
        return f"{self.consulted_on:%d.%m.%Y}: {self.get_topic_display()}"


class MatrixContact(AllianceOwned):
    """A partner's named contact in another sector: "Kita Pusteblume → ASD: Frau Beispiel"."""

    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.CASCADE,
        related_name="matrix_contacts",
        verbose_name=_("partner"),
    )
    counterpart_sector = models.ForeignKey(
        "network.Sector",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("counterpart sector"),
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        on_delete=models.CASCADE,
        related_name="matrix_entries",
        verbose_name=_("contact person"),
    )

    class Meta:
        verbose_name = _("contact matrix entry")
        verbose_name_plural = _("contact matrix entries")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "counterpart_sector"], name="matrix_one_contact_per_sector"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} → {self.contact.name}"


class StakeholderRating(AllianceOwned):
    """Where a partner stands in the stakeholder grid (KiFaZ handbook's stakeholder analysis)."""

    partner = models.OneToOneField(
        "network.Partner",
        on_delete=models.CASCADE,
        related_name="stakeholder_rating",
        verbose_name=_("partner"),
    )
    relevance = models.PositiveSmallIntegerField(
        _("relevance"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    influence = models.PositiveSmallIntegerField(
        _("influence"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    interest = models.PositiveSmallIntegerField(
        _("interest"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )

    class Meta:
        verbose_name = _("stakeholder rating")
        verbose_name_plural = _("stakeholder ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(relevance__gte=1, relevance__lte=5)
                & models.Q(influence__gte=1, influence__lte=5),
                name="stakeholder_scale_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.relevance}/{self.influence}"


__all__ = ["NOTE_MAX_LENGTH", "CaseConsultation", "MatrixContact", "StakeholderRating"]
