"""Shared budgets: pots with contributions, and budget lines (of projects, from pots).

A pot's *allocated* amount is the sum of the planned costs charged to it, *spent* the sum of
their actual costs; an allocation beyond the pot's contributions is refused (services)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned

MONEY = {"max_digits": 12, "decimal_places": 2}


class BudgetPot(AllianceOwned):
    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    funding_reference = models.CharField(_("funding reference"), max_length=100, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    description = models.TextField(_("purpose"), blank=True)
    warn_at_percent = models.PositiveSmallIntegerField(
        _("warn from (% allocated)"), default=90, help_text=_("Shown on the dashboard from here.")
    )

    class Meta:
        verbose_name = _("budget pot")
        verbose_name_plural = _("budget pots")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="pot_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PotContribution(AllianceOwned):
    pot = models.ForeignKey(
        BudgetPot, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("pot")
    )
    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    source = models.CharField(
        _("or other source"), max_length=200, blank=True, help_text=_("E.g. the funder.")
    )
    amount = models.DecimalField(_("amount (€)"), **MONEY)
    received_on = models.DateField(_("received on"), null=True, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="contribution_positive"),
        ]

    @property
    def source_label(self) -> str:
        return str(self.partner) if self.partner_id else self.source


class BudgetLine(AllianceOwned):
    class Kind(models.TextChoices):
        COST = "cost", _("cost")
        FEE = "fee", _("fees (income)")
        CONTRIBUTION = "contribution", _("contribution (income)")

    project = models.ForeignKey(
        "governance.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="budget_lines",
        verbose_name=_("project"),
    )
    pot = models.ForeignKey(
        BudgetPot,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="lines",
        verbose_name=_("paid from pot"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.COST)
    label = models.CharField(_("line"), max_length=200)
    planned = models.DecimalField(_("planned (€)"), **MONEY)
    actual = models.DecimalField(_("actual (€)"), null=True, blank=True, **MONEY)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(project__isnull=False) | models.Q(pot__isnull=False),
                name="budgetline_project_or_pot",
            ),
            models.CheckConstraint(condition=models.Q(planned__gte=0), name="budgetline_planned"),
            models.CheckConstraint(
                condition=models.Q(pot__isnull=True) | models.Q(kind="cost"),
                name="budgetline_pot_only_costs",
            ),
        ]

    def __str__(self) -> str:
        return self.label
