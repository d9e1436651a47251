"""Registration for events: double opt-in, seat allocation, waiting list, reminders, retention.

Reading order for a sign-up (see docs/dev/registration.md):

1. ``registration_create`` stores a PENDING registration and e-mails a signed confirmation link.
   A pending registration holds no seat.
2. ``registration_confirm`` allocates seats. It locks the occurrence row
   (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite every write transaction is
   ``BEGIN IMMEDIATE``, so writers are serialised anyway), sums the places of the CONFIRMED
   registrations and decides: CONFIRMED if the places fit, else WAITING if the event keeps a
   waiting list, else CANCELLED ("full"). Every seat change for an occurrence happens under
   that lock, so concurrent confirmations can never overbook.
3. ``registration_cancel`` (signed link, no login) frees the seats and, under the same lock,
   promotes waiting registrations in the order they joined the list: each one whose places fit
   into the free seats (``first that fits``). Each promoted person is e-mailed.

E-mails are sent by the ``send_registration_mail`` task after the transaction commits, rendered
in the registrant's language. Logs name registrations by ID only. When the organiser cancels,
postpones, moves or reinstates a date, ``registrations_notify_date_change`` tells the confirmed
and waiting registrations (notify.py).
"""

from .availability import (
    ACTIVE_STATES,
    CLOSED_EVENT_STATUSES,
    Availability,
    RegistrationClosed,
    max_places_per_registration,
    occurrence_get_for_registration,
    places_taken,
    registration_availability,
    registration_closes_at,
)
from .links import (
    CANCEL,
    CONFIRM,
    LinkError,
    absolute_url,
    link_signature,
    registration_get_by_link,
    registration_link,
)
from .mail import MAIL_KINDS, MailDeliveryError, registration_send_mail
from .notify import registrations_notify_date_change
from .retention import (
    PurgeResult,
    registration_purge,
    registration_send_reminders,
    registrations_due_for_reminder,
)
from .seats import (
    CancelOutcome,
    ConfirmOutcome,
    CreateOutcome,
    registration_cancel,
    registration_confirm,
    registration_create,
    registration_promote_waiting,
)

__all__ = [
    "ACTIVE_STATES",
    "CANCEL",
    "CLOSED_EVENT_STATUSES",
    "CONFIRM",
    "MAIL_KINDS",
    "Availability",
    "CancelOutcome",
    "ConfirmOutcome",
    "CreateOutcome",
    "LinkError",
    "MailDeliveryError",
    "PurgeResult",
    "RegistrationClosed",
    "absolute_url",
    "link_signature",
    "max_places_per_registration",
    "occurrence_get_for_registration",
    "places_taken",
    "registration_availability",
    "registration_cancel",
    "registration_closes_at",
    "registration_confirm",
    "registration_create",
    "registration_get_by_link",
    "registration_link",
    "registration_promote_waiting",
    "registration_purge",
    "registration_send_mail",
    "registration_send_reminders",
    "registrations_due_for_reminder",
    "registrations_notify_date_change",
]
