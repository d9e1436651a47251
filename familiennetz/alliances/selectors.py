"""Reads of the tenancy layer that several apps need."""

from __future__ import annotations

from .models import Alliance, Membership, Role


def coordinator_addresses(alliance: Alliance) -> list[str]:
    """Where mail to "the coordination" goes: the active coordinators, else the network's
    contact address."""
    addresses = list(
        Membership.objects.filter(
            alliance=alliance, role=Role.COORDINATOR, user__is_active=True
        ).values_list("user__email", flat=True)
    )
    return sorted(set(addresses)) or ([alliance.contact_email] if alliance.contact_email else [])
