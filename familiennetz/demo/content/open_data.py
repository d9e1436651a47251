"""Open-data fields in the demo (issue 17): a few offers with a fee amount, one free of
charge by its amount, a funder, an organisation's register number, an area served. Set on
existing demo entries, deterministically (by name), so the demo shows them on the offer page,
in the workspace forms, API v1 and the HSDS export."""

from __future__ import annotations

from decimal import Decimal

from familiennetz.alliances.models import Alliance
from familiennetz.directory.models import Offer, Organisation, Status
from familiennetz.socialspace.models import District

FEES = (Decimal("2.50"), Decimal("5.00"), Decimal("35.00"))
FUNDER = "Landkreis (Netzwerk Frühe Hilfen, Bundesstiftung Frühe Hilfen)"


def install_demo_open_data(*, alliance: Alliance) -> int:
    """Set the open-data fields on a few demo entries; returns how many entries changed."""
    offers = Offer.objects.for_alliance(alliance).filter(status=Status.PUBLISHED)
    paid = list(offers.filter(is_free=False).exclude(fee_description="").order_by("name")[:3])
    for offer, amount in zip(paid, FEES, strict=False):
        Offer.objects.filter(pk=offer.pk).update(fee_amount=amount, fee_currency="EUR")
    free = offers.filter(is_free=True).order_by("name").first()
    if free is not None:  # an amount of 0 is what "kostenlos" means in HSDS cost options
        Offer.objects.filter(pk=free.pk).update(fee_amount=Decimal("0.00"), fee_currency="EUR")
    changed = len(paid) + (free is not None)
    served = offers.order_by("-name").first()
    if served is not None:
        districts = list(District.objects.for_alliance(alliance).order_by("name")[:2])
        served.service_districts.set(districts)
        Offer.objects.filter(pk=served.pk).update(
            service_area="und die Nachbargemeinden im Landkreis", funding=[FUNDER]
        )
        changed += 1
    organisation = Organisation.objects.for_alliance(alliance).order_by("name").first()
    if organisation is not None:
        Organisation.objects.filter(pk=organisation.pk).update(
            identifiers=[
                {
                    "identifier_scheme": "DE-VR",
                    "identifier_type": "Vereinsregister",
                    "identifier": f"VR {1000 + alliance.pk % 9000}",
                }
            ],
            funding=[FUNDER],
        )
        changed += 1
    return changed
