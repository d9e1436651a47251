"""The tenant: one local alliance / network (Bündnis, Netzwerk Frühe Hilfen, …)."""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from familiennetz.core.models import TimeStampedModel

# Slugs that would shadow instance-wide URLs (/admin/, /static/, /en/, …).
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "manage",
        "static",
        "media",
        "en",
        "de",
        "i18n",
        "accounts",
        "robots.txt",
        "sitemap.xml",
        "favicon.ico",
        "healthz",
        "readyz",
        "metrics",
        # API paths next to /api/v1/<alliance>/ and /api/hsds/<alliance>/
        "alliances",
        "docs",
        "openapi.json",
        # /manage/landesstelle/: the state office's pages (reports app)
        "landesstelle",
    }
)


def new_content_version() -> str:
    """A random token; see ``Alliance.content_version``."""
    return secrets.token_hex(8)


class AllianceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Alliance(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in URLs"), max_length=60, unique=True)
    region = models.CharField(
        _("region"), max_length=200, blank=True, help_text=_("Town, district or state.")
    )
    about = models.TextField(
        _("about this network"), blank=True, help_text=_("Shown on the home page of the guide.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="alliances/logos/", blank=True)
    # Map centre and zoom for the public map; also the origin for "near the centre".
    latitude = models.FloatField(
        _("map centre latitude"),
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        default=51.0,
    )
    longitude = models.FloatField(
        _("map centre longitude"),
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        default=10.4,
    )
    map_zoom = models.PositiveSmallIntegerField(
        _("map zoom"), default=13, validators=[MaxValueValidator(19)]
    )
    is_demo = models.BooleanField(
        _("demo alliance"), default=False, help_text=_("Pages show a clear 'demo data' notice.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    settings = models.JSONField(_("settings"), default=dict, blank=True)
    # Changes (to a new random token) whenever anything the public pages of the alliance show
    # is saved or deleted; cache keys of public pages and feeds include it. See
    # familiennetz/alliances/content_version.py and docs/performance.md.
    content_version = models.CharField(
        _("content version"), max_length=16, default=new_content_version, editable=False
    )

    objects = AllianceQuerySet.as_manager()

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90)
                & models.Q(longitude__gte=-180, longitude__lte=180),
                name="alliance_coordinates_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:home", kwargs={"alliance_slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This short name is reserved. Choose another.")})


class Role(models.TextChoices):
    """Roles inside one alliance (docs/dev/roles.md)."""

    COORDINATOR = "coordinator", _("Coordinator")
    STEERING = "steering", _("Steering group member")
    PROVIDER = "provider", _("Provider editor")
    VIEWER = "viewer", _("Viewer")


class MembershipQuerySet(models.QuerySet):
    def for_alliance(self, alliance):
        return self.filter(alliance=alliance)

    def active(self):
        return self.filter(user__is_active=True)


class Membership(TimeStampedModel):
    """A user's role in one alliance; provider editors are scoped to organisations."""

    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("alliance")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.VIEWER)
    organisations = models.ManyToManyField(
        "directory.Organisation",
        related_name="editor_memberships",
        blank=True,
        verbose_name=_("organisations"),
        help_text=_("Provider editors edit the entries of these organisations only."),
    )
    invited_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["alliance", "role", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "alliance"], name="membership_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.alliance} ({self.get_role_display()})"

    def get_absolute_url(self) -> str:
        return reverse("workspace:manage-member-list", kwargs={"alliance_slug": self.alliance.slug})


class StateOffice(TimeStampedModel):
    """A state coordination office: read-only access to a defined set of alliances."""

    name = models.CharField(_("name"), max_length=200)
    alliances = models.ManyToManyField(
        Alliance, related_name="state_offices", blank=True, verbose_name=_("alliances")
    )
    members = models.ManyToManyField(
        "accounts.User", related_name="state_offices", blank=True, verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("state office")
        verbose_name_plural = _("state offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workspace:manage-home")
