"""Translations of records' German text, one row per record, field and language
(docs/adr/1510-content-translations.md).

A row remembers the fingerprint of the German text it was made from (``source_fingerprint``):
when the German text changes, the translation is *stale* ("veraltet") until somebody looks at it
again. It says who made it and whether a machine made it and nobody has checked it yet (shown
publicly as "maschinell übersetzt"). A provider's translation of a published entry that needs
review waits in ``proposed_*`` while the published text stays.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from familiennetz.alliances.owned import AllianceOwned, AllianceOwnedQuerySet, AllianceScopedManager


def fingerprint(text: str) -> str:
    """A short fingerprint of a German source text (whitespace at the ends ignored)."""
    return hashlib.sha256((text or "").strip().encode("utf-8")).hexdigest()[:32]


class ContentTranslationQuerySet(AllianceOwnedQuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )

    def proposed(self):
        return self.exclude(proposed_at=None)


class ContentTranslation(AllianceOwned):
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="content_translations",
        verbose_name=_("alliance"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("record type")
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    target = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=60)
    language = models.CharField(_("language"), max_length=12)
    text = models.TextField(_("translation"), blank=True)
    source_fingerprint = models.CharField(
        _("fingerprint of the German text"),
        max_length=32,
        blank=True,
        help_text=_("The German text this translation was made from."),
    )
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("translated by"),
    )
    is_machine = models.BooleanField(
        _("machine-translated, not checked"),
        default=False,
        help_text=_("Made by the machine translation and not yet checked by a person."),
    )
    # A provider's proposal for a published entry whose changes need review.
    proposed_text = models.TextField(_("proposed translation"), blank=True)
    proposed_fingerprint = models.CharField(max_length=32, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = AllianceScopedManager.from_queryset(ContentTranslationQuerySet)()

    class Meta:
        verbose_name = _("content translation")
        verbose_name_plural = _("content translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="contenttranslation_unique_field",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="contenttranslation_obj_idx"),
            models.Index(fields=["alliance", "language"], name="contenttranslation_lang_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id} {self.field} [{self.language}]"

    @property
    def is_published(self) -> bool:
        return bool(self.text)

    @property
    def is_proposed(self) -> bool:
        return self.proposed_at is not None
