"""Writes of governance (one module per area, re-exported here). Every function owns its
transaction; input errors are ``ValidationError``s keyed by the form field they concern."""

from .bodies import body_save, membership_remove, membership_save
from .budgets import budget_line_delete, budget_line_save, contribution_add, pot_save
from .meetings import (
    action_save,
    action_set_status,
    agenda_from_open_items,
    agenda_item_add,
    agenda_item_update,
    attendance_save,
    invitation_send,
    meeting_create,
    meeting_update,
    minutes_approve,
    minutes_save,
)
from .professionals import (
    announcement_send,
    document_add,
    document_add_version,
    feed_token_create,
    pro_event_register,
    pro_event_save,
    pro_event_unregister,
)
from .projects import (
    goal_add,
    indicator_add,
    project_save,
    result_add,
)
from .quality import (
    assessment_consolidate,
    assessment_open,
    quality_install_defaults,
    ratings_save,
)
from .rooms import booking_cancel, booking_decide, booking_request, room_save

__all__ = [
    "action_save",
    "action_set_status",
    "agenda_from_open_items",
    "agenda_item_add",
    "agenda_item_update",
    "announcement_send",
    "assessment_consolidate",
    "assessment_open",
    "attendance_save",
    "body_save",
    "booking_cancel",
    "booking_decide",
    "booking_request",
    "budget_line_delete",
    "budget_line_save",
    "contribution_add",
    "document_add",
    "document_add_version",
    "feed_token_create",
    "goal_add",
    "indicator_add",
    "invitation_send",
    "meeting_create",
    "meeting_update",
    "membership_remove",
    "membership_save",
    "minutes_approve",
    "minutes_save",
    "pot_save",
    "pro_event_register",
    "pro_event_save",
    "pro_event_unregister",
    "project_save",
    "quality_install_defaults",
    "ratings_save",
    "result_add",
    "room_save",
]
