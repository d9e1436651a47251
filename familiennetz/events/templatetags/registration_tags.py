"""Template helpers for the registration panel on event pages."""

from django import template

from familiennetz.events import registration as services
from familiennetz.events.registration_forms import RegistrationForm

register = template.Library()


@register.simple_tag
def registration_availability(occurrence):
    """``{% registration_availability occurrence as availability %}``: None without a date."""
    if occurrence is None:
        return None
    return services.registration_availability(occurrence=occurrence)


@register.simple_tag
def registration_max_places(occurrence, availability):
    if occurrence is None or availability is None:
        return None
    return services.max_places_per_registration(occurrence=occurrence, availability=availability)


@register.simple_tag
def registration_form(occurrence, availability):
    """An unbound sign-up form for the panel (the sign-up page shows bound forms)."""

    return RegistrationForm(
        max_places=registration_max_places(occurrence, availability),
    )
