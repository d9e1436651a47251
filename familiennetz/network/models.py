"""The network's partners: organisations of the directory with what the network knows about
them (sector, role, since when), and their professional contact persons (workspace only).

The base that other areas build on (governance bodies have contact persons as members);
cooperation ties, contributions, snapshots and case consultations are added by the network
issue beside these models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned


class Sector(AllianceOwned):
    """A field of work (Kindertagesbetreuung, Jugendhilfe/ASD, Gesundheit, …): a list each
    alliance may change; ``code`` stays stable for analyses and the national reference."""

    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "code"], name="sector_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Partner(AllianceOwned):
    """An organisation as a partner of the network."""

    class Role(models.TextChoices):
        CORE = "core", _("Core partner")
        PARTNER = "partner", _("Partner")
        CONTACT = "contact", _("Contact")
        TO_APPROACH = "to_approach", _("To be approached")

    organisation = models.OneToOneField(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="partner",
        verbose_name=_("organisation"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="partners",
        verbose_name=_("sector"),
    )
    role = models.CharField(
        _("role in the network"), max_length=20, choices=Role, default=Role.PARTNER
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(member_since__isnull=True)
                | models.Q(left_on__gte=models.F("member_since")),
                name="partner_left_after_joining",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class ContactPerson(AllianceOwned):
    """A professional at a partner (never a family member): name, function, how to reach
    them. Shown in the workspace only, never on public pages."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contact_persons", verbose_name=_("partner")
    )
    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"


from .care_models import *  # noqa: E402, F403  (case consultations, contact matrix, grid)
