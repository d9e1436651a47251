"""Writes of the network area: sectors, partners, contact persons, contributions, ties and
snapshots. Each service validates, names the field of a bad value and saves all or nothing."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from familiennetz.core.files import DOCUMENTS, check_upload
from familiennetz.directory.models import Organisation

from . import selectors
from .models import ContactPerson, Contribution, Partner, Sector, Snapshot, Tie

# The default sectors (issue 9). ``code`` is stable: the national reference refers to it.
DEFAULT_SECTORS: list[tuple[str, object]] = [
    ("kita", gettext_lazy("Child day care (Kita)")),
    ("schule", gettext_lazy("School")),
    ("hort", gettext_lazy("After-school care (Hort)")),
    ("jugendhilfe-asd", gettext_lazy("Youth welfare / social services (ASD)")),
    ("gesundheit-kinderarzt", gettext_lazy("Health: paediatric practice")),
    ("gesundheit-hebamme", gettext_lazy("Health: midwife / family midwife")),
    ("gesundheit-oegd", gettext_lazy("Health: public health service")),
    ("schwangerschaftsberatung", gettext_lazy("Pregnancy counselling")),
    ("erziehungsberatung", gettext_lazy("Parenting and family counselling")),
    ("familienbildung", gettext_lazy("Family education")),
    ("familienzentrum", gettext_lazy("Family centre")),
    ("verein-sport-kultur", gettext_lazy("Club / sport / culture")),
    ("kirche", gettext_lazy("Church")),
    ("wirtschaft", gettext_lazy("Business / company")),
    ("verwaltung-politik", gettext_lazy("Administration / politics")),
    ("elternvertretung", gettext_lazy("Parent representation")),
    ("bibliothek", gettext_lazy("Library")),
    ("sonstige", gettext_lazy("Other")),
]


def ensure_default_sectors(alliance) -> list[Sector]:
    """Create the default sectors an alliance does not have yet (by code); keep its own
    names and additions. Returns the alliance's sectors."""
    have = set(Sector.objects.filter(alliance=alliance).values_list("code", flat=True))
    Sector.objects.bulk_create(
        [
            Sector(alliance=alliance, code=code, name=str(name), position=position * 10)
            for position, (code, name) in enumerate(DEFAULT_SECTORS, start=1)
            if code not in have
        ]
    )
    return list(Sector.objects.filter(alliance=alliance))


def _same_alliance(alliance, field: str, row) -> None:
    if row is not None and row.alliance_id != alliance.pk:
        raise ValidationError({field: _("Choose an entry of this network.")})


def _save(instance, exclude=()):
    instance.full_clean(exclude=["alliance", *exclude])
    instance.save()
    return instance


@transaction.atomic
def sector_save(*, alliance, name: str, code: str = "", position: int = 0, sector=None) -> Sector:
    sector = sector or Sector(alliance=alliance)
    sector.alliance = alliance
    sector.name = name.strip()
    if not sector.code:
        sector.code = slugify(code or name)[:60] or "sektor"
    sector.position = position
    clash = Sector.objects.filter(alliance=alliance, code=sector.code).exclude(pk=sector.pk)
    if clash.exists():
        raise ValidationError({"name": _("A sector with this name exists already.")})
    return _save(sector)


@transaction.atomic
def sector_delete(*, sector: Sector) -> None:
    if sector.partners.exists():
        raise ValidationError(
            _("Partners still belong to this sector; give them another sector first.")
        )
    sector.delete()


@transaction.atomic
def partner_save(*, alliance, values: dict, partner: Partner | None = None) -> Partner:
    """Create or change a partner. ``values`` may hold organisation, sector, role,
    member_since, left_on, notes."""
    partner = partner or Partner(alliance=alliance)
    partner.alliance = alliance
    organisation = values.get("organisation", partner.organisation if partner.pk else None)
    if organisation is None:
        raise ValidationError({"organisation": _("Choose an organisation.")})
    if not isinstance(organisation, Organisation):
        raise ValidationError({"organisation": _("Choose an organisation.")})
    _same_alliance(alliance, "organisation", organisation)
    _same_alliance(alliance, "sector", values.get("sector"))
    taken = Partner.objects.filter(organisation=organisation).exclude(pk=partner.pk)
    if taken.exists():
        raise ValidationError(
            {"organisation": _("This organisation is a partner of the network already.")}
        )
    for name, value in values.items():
        setattr(partner, name, value)
    since, left = partner.member_since, partner.left_on
    if since and left and left < since:
        raise ValidationError({"left_on": _("A partner cannot leave before joining.")})
    return _save(partner)


@transaction.atomic
def contact_save(*, partner: Partner, values: dict, contact: ContactPerson | None = None):
    contact = contact or ContactPerson(alliance_id=partner.alliance_id, partner=partner)
    for name, value in values.items():
        setattr(contact, name, value)
    return _save(contact, exclude=["partner"])


@transaction.atomic
def contribution_save(*, partner: Partner, values: dict, contribution=None) -> Contribution:
    contribution = contribution or Contribution(alliance_id=partner.alliance_id, partner=partner)
    for name, value in values.items():
        setattr(contribution, name, value)
    year = contribution.year
    if year is not None and not (1990 <= year <= timezone.localdate().year + 1):
        raise ValidationError({"year": _("Enter a year between 1990 and next year.")})
    if contribution.amount is not None and contribution.amount < 0:
        raise ValidationError({"amount": _("The amount cannot be negative.")})
    return _save(contribution, exclude=["partner"])


def _normalise(a: Partner, b: Partner) -> tuple[Partner, Partner]:
    return (a, b) if a.pk < b.pk else (b, a)


@transaction.atomic
def tie_save(
    *, alliance, values: dict, tie: Tie | None = None, agreement_file=None, remove_file=False
) -> Tie:
    """Create or change a declared tie. ``values``: partner_a, partner_b, intensity, topics,
    since, has_agreement, renewal_on, notes. The pair is normalised (a < b); a tie to oneself,
    a second tie for the same pair, an intensity outside 0–4 and a partner of another
    network are refused, naming the field."""
    tie = tie or Tie(alliance=alliance)
    a = values.get("partner_a", tie.partner_a if tie.pk else None)
    b = values.get("partner_b", tie.partner_b if tie.pk else None)
    if a is None:
        raise ValidationError({"partner_a": _("Choose a partner.")})
    if b is None:
        raise ValidationError({"partner_b": _("Choose the other partner.")})
    _same_alliance(alliance, "partner_a", a)
    _same_alliance(alliance, "partner_b", b)
    if a.pk == b.pk:
        raise ValidationError({"partner_b": _("A partner cannot have a tie with itself.")})
    intensity = values.get("intensity", tie.intensity)
    if intensity is None or not (0 <= int(intensity) <= 4):
        raise ValidationError({"intensity": _("The intensity must be between 0 and 4.")})
    a, b = _normalise(a, b)
    duplicate = Tie.objects.filter(partner_a=a, partner_b=b).exclude(pk=tie.pk)
    if duplicate.exists():
        raise ValidationError(
            {"partner_b": _("These two partners have a tie already; change that one instead.")}
        )
    for name, value in values.items():
        if name not in ("partner_a", "partner_b"):
            setattr(tie, name, value)
    tie.alliance = alliance
    tie.partner_a, tie.partner_b = a, b
    tie.intensity = int(intensity)
    tie.topics = ", ".join(t.strip() for t in (tie.topics or "").split(",") if t.strip())
    if agreement_file is not None:
        try:
            check_upload(agreement_file, kinds=DOCUMENTS)
        except ValidationError as exc:
            raise ValidationError({"agreement": exc.messages}) from exc
        tie.agreement_name = agreement_file.name.rsplit("/", 1)[-1][:200]
        tie.agreement.save(tie.agreement_name, agreement_file, save=False)
        tie.has_agreement = True
    elif remove_file and tie.agreement:
        tie.agreement.delete(save=False)
        tie.agreement_name = ""
    try:
        with transaction.atomic():
            return _save(tie, exclude=["partner_a", "partner_b", "agreement"])
    except IntegrityError as exc:  # a concurrent request saved the same pair first
        raise ValidationError(
            {"partner_b": _("These two partners have a tie already; change that one instead.")}
        ) from exc


@transaction.atomic
def tie_delete(*, tie: Tie) -> None:
    if tie.agreement:
        tie.agreement.delete(save=False)
    tie.delete()


@transaction.atomic
def snapshot_take(*, alliance, taken_on: dt.date | None = None, label: str = "") -> Snapshot:
    """Freeze the network as it is now under the date ``taken_on`` (today by default; never
    in the future, one per date)."""
    today = timezone.localdate()
    taken_on = taken_on or today
    if taken_on > today:
        raise ValidationError({"taken_on": _("A snapshot cannot be dated in the future.")})
    if Snapshot.objects.filter(alliance=alliance, taken_on=taken_on).exists():
        raise ValidationError({"taken_on": _("There is a snapshot of this date already.")})
    data = selectors.network_data(alliance, include_derived=False, on=taken_on)
    return Snapshot.objects.create(
        alliance=alliance,
        taken_on=taken_on,
        label=label.strip(),
        nodes=data.nodes,
        edges=data.edges,
    )


@transaction.atomic
def snapshot_delete(*, snapshot: Snapshot) -> None:
    snapshot.delete()
