"""Open-data fields in the demo (issue 17): a few offers with a fee amount, a funder, an
organisation's register number, an area served. Set on existing demo entries,
deterministically (by name), so the demo shows them on the offer page, in the workspace
forms, API v1 and the HSDS export."""

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
    changed = len(paid)
    # An offer at a place in a district serves that district and the villages around (the
    # district exists wherever the export is imported: its places name it).
    served = (
        offers.filter(offer_locations__location__district__isnull=False).order_by("-name").first()
    )
    if served is not None:
        districts = District.objects.filter(locations__offer_locations__offer=served).distinct()
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
