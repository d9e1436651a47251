"""Per-alliance settings, stored in ``Alliance.settings`` (JSON) with typed defaults.

Read them through ``alliance_config(alliance)``; write them through the workspace settings form
(``workspace.forms.AllianceSettingsForm``), which validates every value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_REVIEW_CYCLE_DAYS = 365


class PublicationWorkflow(models.TextChoices):
    DIRECT = "direct", _("Provider changes go live at once")
    REVIEW = "review", _("Provider changes wait for review by the coordination")


class ExpiredAction(models.TextChoices):
    NOTICE = "notice", _("Show the entry with the notice “no longer confirmed since …”")
    HIDE = "hide", _("Hide the entry from the public guide")


@dataclass(frozen=True)
class AllianceConfig:
    review_cycle_days: int = DEFAULT_REVIEW_CYCLE_DAYS
    publication_workflow: str = PublicationWorkflow.REVIEW
    second_reminder_after_days: int = 21
    escalation_after_days: int = 14  # after the second reminder
    grace_days: int = 60  # after the entry became due; then the expired action applies
    expired_action: str = ExpiredAction.NOTICE
    require_two_factor: bool = False  # for roles that see personal data (docs/dev/roles.md)

    @property
    def review_cycle(self) -> dt.timedelta:
        return dt.timedelta(days=self.review_cycle_days)

    @property
    def expiry_age(self) -> dt.timedelta:
        """How old a confirmation may be before the expired action applies."""
        return dt.timedelta(days=self.review_cycle_days + self.grace_days)

    @property
    def providers_need_review(self) -> bool:
        return self.publication_workflow == PublicationWorkflow.REVIEW

    @property
    def hides_expired(self) -> bool:
        return self.expired_action == ExpiredAction.HIDE

    def as_settings(self) -> dict:
        return asdict(self)


_FIELDS = {f.name: f for f in fields(AllianceConfig)}


def alliance_config(alliance) -> AllianceConfig:
    """The alliance's settings; unknown keys are ignored, wrong types fall back to defaults."""
    stored = alliance.settings if isinstance(alliance.settings, dict) else {}
    values: dict[str, Any] = {}
    for name, field in _FIELDS.items():
        if name not in stored:
            continue
        value = stored[name]
        default = field.default
        if isinstance(default, bool):
            if isinstance(value, bool):
                values[name] = value
        elif isinstance(default, int):
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                values[name] = value
        elif isinstance(value, str):
            values[name] = value
    config = AllianceConfig(**values)
    if config.publication_workflow not in PublicationWorkflow.values:
        config = AllianceConfig(**{**values, "publication_workflow": PublicationWorkflow.REVIEW})
    if config.expired_action not in ExpiredAction.values:
        config = AllianceConfig(**{**config.as_settings(), "expired_action": ExpiredAction.NOTICE})
    return config
