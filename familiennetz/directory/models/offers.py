from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from familiennetz.alliances.owned import AllianceScopedManager

from .audience import MAX_AGE_MONTHS, Audience, AudienceQuerySet
from .base import Checked, Status


class OfferQuerySet(AudienceQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Offer(Audience, Checked):
    """An offer for families (Angebot; HSDS service)."""

    class Participation(models.TextChoices):
        OPEN = "open", _("Just come along")
        REGISTRATION = "registration", _("Registration needed")
        REFERRAL = "referral", _("By referral or appointment")

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("alliance"),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("short name in URLs"), max_length=120)
    summary = models.CharField(
        _("short description"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for the result list."),
    )
    description = models.TextField(_("description"), blank=True)
    locations = models.ManyToManyField(
        "directory.Location",
        through="directory.OfferLocation",
        related_name="offers",
        blank=True,
        verbose_name=_("locations"),
    )
    participation = models.CharField(
        _("how to take part"), max_length=20, choices=Participation, default=Participation.OPEN
    )
    participation_notes = models.TextField(_("how to take part (details)"), blank=True)
    is_online = models.BooleanField(_("also online"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # From open data (HSDS cost_option, service_area, funding); kept and exported again.
    fee_amount = models.DecimalField(
        _("fee amount"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    fee_currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217, e.g. EUR")
    )
    service_districts = models.ManyToManyField(
        "socialspace.District",
        related_name="served_by_offers",
        blank=True,
        verbose_name=_("districts served"),
    )
    service_area = models.CharField(_("area served"), max_length=300, blank=True)
    # Its texts in other languages and Leichte Sprache (the translations app; no column).
    translations = GenericRelation("translations.ContentTranslation")
    funding = models.JSONField(_("funded by"), default=list, blank=True)

    objects = AllianceScopedManager.from_queryset(OfferQuerySet)()

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="offer_unique_slug"),
            models.CheckConstraint(
                condition=Q(age_min_months__isnull=True)
                | Q(age_max_months__isnull=True)
                | Q(age_min_months__lte=models.F("age_max_months")),
                name="offer_age_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(age_max_months__isnull=True) | Q(age_max_months__lte=MAX_AGE_MONTHS),
                name="offer_age_max_in_range",
            ),
        ]
        indexes = [models.Index(fields=["alliance", "status"], name="offer_alliance_status_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def participation_lines(self) -> list[str]:
        """How to take part, once: notes that begin with the choice's words ("Einfach
        vorbeikommen, Hausschuhe mitbringen") replace it instead of repeating it."""
        label = str(self.get_participation_display())
        notes = self.participation_notes.strip()
        if notes and notes.casefold().startswith(label.casefold()):
            return [notes]
        return [label, notes] if notes else [label]

    def get_absolute_url(self) -> str:
        return reverse(
            "directory:offer-detail",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )

    def get_print_url(self) -> str:
        return reverse(
            "directory:offer-print",
            kwargs={"alliance_slug": self.alliance.slug, "slug": self.slug},
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        if (
            self.age_min_months is not None
            and self.age_max_months is not None
            and self.age_min_months > self.age_max_months
        ):
            raise ValidationError(
                {"age_max_months": _("The maximum age must not be below the minimum age.")}
            )

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def age_label(self) -> str:
        """Human-readable target group, e.g. "Schwangerschaft, 0–3 Jahre"."""
        parts = []
        if self.for_pregnancy:
            parts.append(str(_("Pregnancy")))
        lo, hi = self.age_min_months, self.age_max_months
        if lo is None and hi is None:
            if not self.for_pregnancy:
                parts.append(str(_("All ages")))
        else:
            parts.append(_age_range_label(lo, hi))
        return ", ".join(parts)


def _months_label(months: int) -> str:
    if months < 24 and months % 12:
        return ngettext("%(n)d month", "%(n)d months", months) % {"n": months}
    years = months // 12
    return ngettext("%(n)d year", "%(n)d years", years) % {"n": years}


def _age_range_label(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        if lo % 12 == 0 and hi % 12 == 0 and hi >= 24:
            return ngettext("%(lo)d–%(hi)d year", "%(lo)d–%(hi)d years", hi // 12) % {
                "lo": lo // 12,
                "hi": hi // 12,
            }
        return _("%(lo)s to %(hi)s") % {"lo": _months_label(lo), "hi": _months_label(hi)}
    if lo is not None:
        # German needs the dative here ("ab 6 Jahren"), so these are separate messages.
        if lo < 24 and lo % 12:
            return ngettext("from %(n)d month", "from %(n)d months", lo) % {"n": lo}
        return ngettext("from %(n)d year", "from %(n)d years", lo // 12) % {"n": lo // 12}
    return _("up to %(age)s") % {"age": _months_label(hi)}


class OfferLocation(Checked):
    """Where an offer takes place (HSDS service_at_location); schedules hang off it."""

    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="offer_locations",
        verbose_name=_("alliance"),
    )
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="offer_locations", verbose_name=_("offer")
    )
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        related_name="offer_locations",
        verbose_name=_("location"),
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("offer at a location")
        verbose_name_plural = _("offers at locations")
        constraints = [
            models.UniqueConstraint(fields=["offer", "location"], name="offerlocation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.offer} @ {self.location}"

    def get_absolute_url(self) -> str:
        return self.offer.get_absolute_url()
