"""Parents plan their evenings: a topic board (Themenbörse) for the next parents' evening of a
Kita or of the network. Parents propose and support topics without an account; a topic turns
into a calendar event with registration in one step, and whoever left an e-mail is told.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


class TopicBoard(AllianceOwned):
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="topic_boards",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="topic_boards",
        verbose_name=_("institution"),
        help_text=_("Empty: a board of the whole network."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    is_open = models.BooleanField(_("open for proposals"), default=True)

    class Meta:
        verbose_name = _("topic board")
        verbose_name_plural = _("topic boards")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="topicboard_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "participation:board",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )


class Topic(AllianceOwned):
    class State(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for review")
        VISIBLE = "visible", _("On the board")
        REJECTED = "rejected", _("Not shown")
        SCHEDULED = "scheduled", _("Became an evening")

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    board = models.ForeignKey(
        TopicBoard, on_delete=models.CASCADE, related_name="topics", verbose_name=_("board")
    )
    title = models.CharField(_("topic"), max_length=150)
    description = models.TextField(_("what should the evening be about?"), blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=State, default=State.PROPOSED, db_index=True
    )
    supporters = models.PositiveIntegerField(_("supporters"), default=0)
    language = models.CharField(_("language"), max_length=12, default="de")
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("event"),
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["-supporters", "pk"]

    def __str__(self) -> str:
        return self.title


class TopicContact(AllianceOwned):
    """Somebody who wants to hear when a topic becomes an evening (proposer or supporter).
    Deleted once they were told, when the topic is rejected, or after the retention period."""

    alliance = models.ForeignKey(
        "alliances.Alliance", on_delete=models.CASCADE, related_name="+", verbose_name=_("alliance")
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("topic")
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=12, default="de")
    is_proposer = models.BooleanField(_("proposed the topic"), default=False)

    class Meta:
        verbose_name = _("contact for a topic")
        verbose_name_plural = _("contacts for topics")
        constraints = [
            models.UniqueConstraint(fields=["topic", "email"], name="topiccontact_unique_email"),
        ]
