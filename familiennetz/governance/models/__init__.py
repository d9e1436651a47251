"""Governance models (one module per area, re-exported here)."""

from .bodies import Body, BodyMembership, ContactAccount
from .budgets import BudgetLine, BudgetPot, PotContribution
from .meetings import (
    ActionItem,
    AgendaAttachment,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingSeries,
    Minutes,
)
from .professionals import (
    Announcement,
    Document,
    DocumentVersion,
    MeetingFeedToken,
    ProfessionalEvent,
    ProfessionalRegistration,
)
from .projects import IndicatorResult, Project, ProjectGoal, ProjectIndicator
from .quality import (
    QualityAssessment,
    QualityCriterion,
    QualityDimension,
    QualityRating,
    QualityResult,
)
from .rooms import Booking, Room

__all__ = [
    "ActionItem",
    "AgendaAttachment",
    "AgendaItem",
    "Announcement",
    "Attendance",
    "Body",
    "BodyMembership",
    "Booking",
    "BudgetLine",
    "BudgetPot",
    "ContactAccount",
    "Decision",
    "Document",
    "DocumentVersion",
    "IndicatorResult",
    "Meeting",
    "MeetingFeedToken",
    "MeetingSeries",
    "Minutes",
    "PotContribution",
    "ProfessionalEvent",
    "ProfessionalRegistration",
    "Project",
    "ProjectGoal",
    "ProjectIndicator",
    "QualityAssessment",
    "QualityCriterion",
    "QualityDimension",
    "QualityRating",
    "QualityResult",
    "Room",
]
