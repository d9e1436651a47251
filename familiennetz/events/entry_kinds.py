"""Calendar events as the review queue, history and review cycle know them."""

from familiennetz.moderation.kinds import EntryKind
from familiennetz.moderation.kinds import register as add_kind

from .entry_forms import EventForm
from .models import Event
from .services import event_apply_related


def register() -> None:
    add_kind(
        EntryKind(
            model=Event,
            word="termin",
            form_class=EventForm,
            manage_url_name="events:manage-event-update",
            public_url_name="events:event-detail",
            status_field="status",
            create_url_name="events:manage-event-create",
            suggestion_subject="event",
            name_field="title",
            apply_related=event_apply_related,
        )
    )
