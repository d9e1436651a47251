from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import Checked


class Organisation(Checked):
    """A provider (Träger): Kita, school, counselling centre, club, church, company, midwife."""

    class Kind(models.TextChoices):
        KITA = "kita", _("Day-care centre (Kita)")
        DAYCARE_PERSON = "kindertagespflege", _("Childminder (Kindertagespflege)")
        SCHOOL = "school", _("School")
        HORT = "hort", _("After-school care (Hort)")
        FAMILY_CENTRE = "family_centre", _("Family centre / parent–child centre")
        COUNSELLING = "counselling", _("Counselling centre")
        HEALTH = "health", _("Health (practice, midwife, clinic)")
        YOUTH = "youth", _("Youth work")
        LIBRARY = "library", _("Library")
        CLUB = "club", _("Club or association")
        CHURCH = "church", _("Church or religious community")
        COMPANY = "company", _("Company")
        PUBLIC_AUTHORITY = "public_authority", _("Public authority")
        OTHER = "other", _("Other")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="organisations",
        verbose_name=_("alliance"),
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.OTHER)
    operator = models.CharField(
        _("operator (Träger)"), max_length=300, blank=True, help_text=_("If different.")
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    # From open data: [{"identifier_scheme", "identifier_type", "identifier"}] (HSDS
    # organization_identifier, e.g. a register number) and funding sources (strings).
    identifiers = models.JSONField(_("identifiers"), default=list, blank=True)
    funding = models.JSONField(_("funded by"), default=list, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="organisation_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "directory:organisation-detail",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )


class Contact(Checked):
    """A professional contact (a role, not a family member): "Leitung", "Beratung"."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    offer = models.ForeignKey(
        "directory.Offer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("offer"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, help_text=_("e.g. Leitung, Beratung"))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["role", "name"]

    def __str__(self) -> str:
        return f"{self.role}: {self.name}" if self.name else self.role

    def get_absolute_url(self) -> str:
        target = self.offer or self.organisation
        return target.get_absolute_url()
