"""The directory's entries as the review queue, history and review cycle know them."""

from familiennetz.moderation.kinds import EntryKind
from familiennetz.moderation.kinds import register as add_kind

from .entry_forms import LocationForm, OfferForm, OrganisationForm
from .models import Location, Offer, Organisation
from .services import location_apply_related, offer_apply_related


def register() -> None:
    add_kind(
        EntryKind(
            model=Organisation,
            word="organisation",
            form_class=OrganisationForm,
            manage_url_name="directory:manage-organisation-detail",
            public_url_name="directory:organisation-detail",
            create_url_name="directory:manage-organisation-create",
        )
    )
    add_kind(
        EntryKind(
            model=Location,
            word="ort",
            form_class=LocationForm,
            manage_url_name="directory:manage-location-update",
            public_url_name="directory:location-detail",
            create_url_name="directory:manage-location-create",
            apply_related=location_apply_related,
        )
    )
    add_kind(
        EntryKind(
            model=Offer,
            word="angebot",
            form_class=OfferForm,
            manage_url_name="directory:manage-offer-update",
            public_url_name="directory:offer-detail",
            status_field="status",
            create_url_name="directory:manage-offer-create",
            suggestion_subject="offer",
            apply_related=offer_apply_related,
        )
    )
