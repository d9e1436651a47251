"""The network's partners: organisations of the directory with what the network knows about
them (sector, role, since when), and their professional contact persons (workspace only).

The base that other areas build on (governance bodies have contact persons as members);
cooperation ties, contributions, snapshots and case consultations are added by the network
issue beside these models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from familiennetz.alliances.owned import AllianceOwned
from familiennetz.core.files import private_storage


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
        on_delete=models.RESTRICT,  # a sector in use stays; the whole alliance may go
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


# --- network issue (part 1): contributions, cooperation ties, snapshots ----------------------


def _agreement_path(instance, filename: str) -> str:
    return f"network/{instance.alliance_id}/agreements/{filename}"


class Contribution(AllianceOwned):
    """What a partner brings into the network in a year (rooms, staff hours, money …), so the
    annual report can count it. Companies included."""

    class Kind(models.TextChoices):
        ROOMS = "rooms", _("Rooms")
        STAFF_HOURS = "staff_hours", _("Staff hours")
        VOLUNTEERS = "volunteers", _("Volunteers")
        MONEY = "money", _("Money")
        MATERIALS = "materials", _("Materials")
        EXPERTISE = "expertise", _("Expertise")

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    description = models.CharField(_("description"), max_length=300)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-year", "kind", "description"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description} ({self.year})"


class Tie(AllianceOwned):
    """A declared cooperation between two partners. The pair is stored normalised
    (``partner_a_id < partner_b_id``) so each pair exists once."""

    class Intensity(models.IntegerChoices):
        KNOW = 0, _("know each other")
        EXCHANGE = 1, _("exchange information")
        OCCASIONAL = 2, _("cooperate occasionally")
        REGULAR = 3, _("cooperate regularly")
        AGREEMENT = 4, _("binding agreement")

    partner_a = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="ties_a", verbose_name=_("partner")
    )
    partner_b = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="ties_b", verbose_name=_("other partner")
    )
    intensity = models.PositiveSmallIntegerField(
        _("intensity"), choices=Intensity, default=Intensity.EXCHANGE
    )
    topics = models.CharField(
        _("topics"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    since = models.DateField(_("since"), null=True, blank=True)
    has_agreement = models.BooleanField(_("written agreement"), default=False)
    agreement = models.FileField(
        _("agreement document"),
        upload_to=_agreement_path,
        storage=private_storage,
        blank=True,
        max_length=300,
    )
    agreement_name = models.CharField(_("file name"), max_length=200, blank=True)
    renewal_on = models.DateField(_("renewal date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("cooperation tie")
        verbose_name_plural = _("cooperation ties")
        ordering = ["-intensity", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["partner_a", "partner_b"], name="tie_unique_pair"),
            models.CheckConstraint(
                condition=models.Q(partner_a__lt=models.F("partner_b")), name="tie_normalised_pair"
            ),
            models.CheckConstraint(
                condition=models.Q(intensity__gte=0, intensity__lte=4), name="tie_intensity_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner_a} – {self.partner_b}"

    @property
    def topic_list(self) -> list[str]:
        return [t.strip() for t in self.topics.split(",") if t.strip()]


class Snapshot(AllianceOwned):
    """The network as it stood on a date (frozen nodes and edges), kept for comparison."""

    taken_on = models.DateField(_("date"))
    label = models.CharField(_("label"), max_length=200, blank=True)
    nodes = models.JSONField(_("partners"), default=list)
    edges = models.JSONField(_("ties"), default=list)

    class Meta:
        verbose_name = _("network snapshot")
        verbose_name_plural = _("network snapshots")
        ordering = ["-taken_on"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "taken_on"], name="snapshot_unique_date"),
        ]

    def __str__(self) -> str:
        return self.label or str(self.taken_on)


from .care_models import *  # noqa: E402, F403  (case consultations, contact matrix, grid)
