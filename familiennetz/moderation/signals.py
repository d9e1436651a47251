"""Signals other apps listen to (receivers live in those apps)."""

from django.dispatch import Signal

# Sent after somebody confirmed that an entry is still correct (``services.entry_confirm``),
# with ``entry`` and ``user``; the review cycle closes its reminders when nothing is due.
entry_confirmed = Signal()
