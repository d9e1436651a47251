"""Budget pots, contributions and lines; a pot is never allocated beyond its means."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import formats
from django.utils.translation import gettext as _

from ..models import BudgetLine, BudgetPot, PotContribution
from .common import same_alliance, save_fields


def euro(value) -> str:
    return f"{formats.number_format(value or 0, 2, use_l10n=True, force_grouping=True)} €"


@transaction.atomic
def pot_save(*, alliance, values: dict, pot: BudgetPot | None = None) -> BudgetPot:
    if (
        values.get("starts_on")
        and values.get("ends_on")
        and values["ends_on"] < values["starts_on"]
    ):
        raise ValidationError({"ends_on": _("The period cannot end before it starts.")})
    return save_fields(pot or BudgetPot(), alliance=alliance, values=values)


@transaction.atomic
def contribution_add(
    *, pot: BudgetPot, amount: Decimal, partner=None, source: str = "", received_on=None
) -> PotContribution:
    same_alliance(pot.alliance, "partner", partner)
    if amount is None or amount <= 0:
        raise ValidationError({"amount": _("Enter an amount above zero.")})
    if partner is None and not source.strip():
        raise ValidationError({"source": _("Name the partner or another source.")})
    return PotContribution.objects.create(
        alliance=pot.alliance,
        pot=pot,
        partner=partner,
        source=source.strip(),
        amount=amount,
        received_on=received_on,
    )


def pot_total(pot_id: int) -> Decimal:
    total = PotContribution.objects.filter(pot_id=pot_id).aggregate(s=Sum("amount"))["s"]
    return total or Decimal("0")


@transaction.atomic
def budget_line_save(*, alliance, values: dict, line: BudgetLine | None = None) -> BudgetLine:
    """Save a line; a cost charged to a pot must fit into what the pot has left (the pot row
    is locked while the sums are checked, so two people cannot overspend it together)."""
    line = line or BudgetLine()
    pot, project = values.get("pot"), values.get("project", line.project)
    same_alliance(alliance, "pot", pot)
    same_alliance(alliance, "project", project)
    if pot is None and project is None:
        raise ValidationError({"pot": _("Choose a pot or a project for the line.")})
    if pot is not None and values.get("kind", BudgetLine.Kind.COST) != BudgetLine.Kind.COST:
        raise ValidationError({"pot": _("Only costs are paid from a pot.")})
    planned = values.get("planned")
    if planned is None or planned < 0:
        raise ValidationError({"planned": _("Enter an amount of zero or more.")})
    if values.get("actual") is not None and values["actual"] < 0:
        raise ValidationError({"actual": _("Enter an amount of zero or more.")})
    if pot is not None:
        BudgetPot.objects.select_for_update().filter(pk=pot.pk).first()
        others = BudgetLine.objects.filter(pot=pot)
        if line.pk:
            others = others.exclude(pk=line.pk)
        allocated = others.aggregate(s=Sum("planned"))["s"] or Decimal("0")
        available = pot_total(pot.pk) - allocated
        if planned > available:
            raise ValidationError(
                {
                    "planned": _(
                        "This exceeds the pot “%(pot)s”: %(available)s are still available."
                    )
                    % {"pot": pot.name, "available": euro(max(available, Decimal("0")))}
                }
            )
    return save_fields(line, alliance=alliance, values={**values, "project": project})


@transaction.atomic
def budget_line_delete(*, line: BudgetLine) -> None:
    line.delete()
