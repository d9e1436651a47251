from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


class Category(AllianceOwned):
    """A term of the alliance's family-services taxonomy (HSDS taxonomy_term).

    Each alliance starts with a copy of the shipped taxonomy (``data/taxonomy_de.json``)
    and may change it. ``synonyms`` feed the search: "Kita" finds "Kindertagesstätte".
    """

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="categories",
        verbose_name=_("alliance"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent category"),
    )
    code = models.CharField(
        _("code"), max_length=100, help_text=_("Stable identifier, e.g. 'betreuung.kita'.")
    )
    slug = models.SlugField(_("short name in URLs"), max_length=100)
    name = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_("Other words people search for, one per line (e.g. Kindergarten, Krippe)."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Its name in other languages (the translations app; no column).
    translations = GenericRelation("translations.ContentTranslation")

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="category_unique_slug"),
            models.UniqueConstraint(fields=["alliance", "code"], name="category_unique_code"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "de").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def synonym_list(self) -> list[str]:
        return [s.strip() for s in self.synonyms.replace(",", "\n").splitlines() if s.strip()]

    def get_absolute_url(self) -> str:
        url = reverse("directory:search", kwargs={"alliance_slug": self.alliance.slug})
        return f"{url}?kategorie={self.slug}"


class Language(models.Model):
    """A language offers can be held in (reference data, shared by all alliances)."""

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("BCP 47 / ISO 639"))
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    endonym = models.CharField(_("name in the language itself"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["position", "name_de"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_en if (get_language() or "de").startswith("en") else self.name_de
