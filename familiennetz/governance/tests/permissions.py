"""Governance URLs in the permission matrix (tests/test_permission_matrix.py).

Alliance roles: coordinators and the steering group run governance, viewers read (budgets
included), provider editors take part (rooms, ratings, documents) but only manage what their
body role or organisation allows (tests in test_permissions.py); the state office sees none of
it (403 on every page, a governance object is never shown to it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from familiennetz.core.tests.matrix import only

from .. import services
from ..models import AgendaAttachment, BudgetLine, Decision, Minutes
from . import factories as f

GOV = {"coordinator", "steering", "provider", "viewer", "admin"}
MANAGE = {"coordinator", "steering", "admin"}
MONEY = {"coordinator", "steering", "viewer", "admin"}
CONTRIBUTORS = {"coordinator", "steering", "provider", "admin"}


def extend_world(world) -> None:
    alliance = world.alliance
    body = f.BodyFactory(alliance=alliance, name="Steuerungsgruppe", kind="steering")
    member = f.MembershipFactory(body=body)
    meeting = f.MeetingFactory(body=body)
    item = services.agenda_item_add(meeting=meeting, title="Bericht")
    attachment = AgendaAttachment.objects.create(
        alliance=alliance,
        item=item,
        file=ContentFile(b"Tagesordnung", name="top.txt"),
        filename="top.txt",
        size=12,
    )
    Minutes.objects.create(alliance=alliance, meeting=meeting, text="## Protokoll")
    Decision.objects.create(alliance=alliance, meeting=meeting, year=2026, number=1, text="Ja")
    action = f.ActionFactory(alliance=alliance, body=body, meeting=meeting, owner=member.contact)
    project = f.ProjectFactory(alliance=alliance)
    pot = f.PotFactory(alliance=alliance)
    f.contribution(pot)
    line = BudgetLine.objects.create(
        alliance=alliance, project=project, pot=pot, label="Laternen", planned=Decimal("100")
    )
    room = f.RoomFactory(alliance=alliance)
    booking = services.booking_request(
        room=room,
        starts_at=f.in_days(3, 10),
        ends_at=f.in_days(3, 12),
        title="Elternabend",
        user=world.users["coordinator"],
    )
    services.assessment_open(alliance=alliance, year=2026)
    event = services.pro_event_save(
        alliance=alliance,
        values={
            "title": "Fachtag Kinderschutz",
            "starts_at": f.in_days(20, 9),
            "ends_at": f.in_days(20, 9) + dt.timedelta(hours=6),
        },
    )
    document = services.document_add(
        alliance=alliance,
        values={"title": "Beschwerdekonzept"},
        file=ContentFile(b"Konzept", name="konzept.txt"),
        user=world.users["coordinator"],
    )
    announcement = services.announcement_send(
        alliance=alliance, title="Neues", text="**Hallo**", actor=world.users["coordinator"]
    )
    world.governance = {
        "body": body,
        "member": member,
        "meeting": meeting,
        "item": item,
        "attachment": attachment,
        "action": action,
        "project": project,
        "line": line,
        "pot": pot,
        "room": room,
        "booking": booking,
        "event": event,
        "document": document,
        "announcement": announcement,
    }


def g(name):
    return lambda w: {"pk": w.governance[name].pk}


MATRIX = {
    "governance:manage-body-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-body-create": ("get", lambda w: {}, only(MANAGE)),
    "governance:manage-body-detail": ("get", g("body"), only(GOV)),
    "governance:manage-body-update": ("get", g("body"), only(MANAGE)),
    "governance:manage-member-create": ("get", g("body"), only(MANAGE)),
    "governance:manage-member-update": (
        "get",
        lambda w: {"pk": w.governance["body"].pk, "member": w.governance["member"].pk},
        only(MANAGE),
    ),
    "governance:manage-meeting-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-meeting-create": ("get", lambda w: {}, only(MANAGE)),
    "governance:manage-meeting-detail": ("get", g("meeting"), only(GOV)),
    "governance:manage-meeting-update": ("get", g("meeting"), only(MANAGE)),
    "governance:manage-agenda-create": ("get", g("meeting"), only(MANAGE)),
    "governance:manage-agenda-update": (
        "get",
        lambda w: {"pk": w.governance["meeting"].pk, "item": w.governance["item"].pk},
        only(MANAGE),
    ),
    "governance:manage-agenda-open-items": ("post", g("meeting"), only(MANAGE, ok=302)),
    "governance:manage-attachment-download": (
        "get",
        lambda w: {"pk": w.governance["meeting"].pk, "attachment": w.governance["attachment"].pk},
        only(GOV),
    ),
    "governance:manage-meeting-invite": ("post", g("meeting"), only(MANAGE, ok=302)),
    "governance:manage-meeting-ics": ("get", g("meeting"), only(GOV)),
    "governance:manage-attendance-update": ("get", g("meeting"), only(MANAGE)),
    "governance:manage-minutes-update": ("get", g("meeting"), only(MANAGE)),
    "governance:manage-minutes-approve": ("post", g("meeting"), only(MANAGE, ok=302)),
    "governance:manage-minutes-history": ("get", g("meeting"), only(GOV)),
    "governance:manage-decision-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-action-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-action-update": ("get", g("action"), only(GOV)),
    "governance:manage-action-status": ("post", g("action"), only(MANAGE, ok=302)),
    "governance:manage-project-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-project-create": ("get", lambda w: {}, only(MANAGE)),
    "governance:manage-project-detail": ("get", g("project"), only(GOV)),
    "governance:manage-project-update": ("get", g("project"), only(MANAGE)),
    "governance:manage-project-line-create": ("get", g("project"), only(MANAGE)),
    "governance:manage-project-line-update": (
        "get",
        lambda w: {"pk": w.governance["project"].pk, "line": w.governance["line"].pk},
        only(MANAGE),
    ),
    "governance:manage-project-plan": ("post", g("project"), only(MANAGE, ok=302)),
    "governance:manage-room-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-room-create": ("get", lambda w: {}, only(MANAGE)),
    "governance:manage-room-detail": ("get", g("room"), only(GOV)),
    "governance:manage-room-update": ("get", g("room"), only(MANAGE)),
    "governance:manage-room-feed": ("get", g("room"), only(GOV)),
    "governance:manage-booking-decide": ("post", g("booking"), only(MANAGE, ok=302)),
    "governance:manage-pot-list": ("get", lambda w: {}, only(MONEY)),
    "governance:manage-pot-create": ("get", lambda w: {}, only(MANAGE)),
    "governance:manage-pot-detail": ("get", g("pot"), only(MONEY)),
    "governance:manage-pot-update": ("get", g("pot"), only(MANAGE)),
    "governance:manage-pot-export": ("get", g("pot"), only(MONEY)),
    "governance:manage-quality": ("get", lambda w: {}, only(GOV)),
    "governance:manage-quality-open": ("post", lambda w: {}, only(MANAGE, ok=302)),
    "governance:manage-quality-criteria": ("get", lambda w: {}, only(MANAGE)),
    "governance:manage-quality-rate": ("get", lambda w: {"year": 2026}, only(CONTRIBUTORS)),
    "governance:manage-quality-consolidate": ("get", lambda w: {"year": 2026}, only(MANAGE)),
    "governance:manage-proevent-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-proevent-detail": ("get", g("event"), only(GOV)),
    "governance:manage-document-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-document-detail": ("get", g("document"), only(GOV)),
    "governance:manage-document-download": (
        "get",
        lambda w: {"pk": w.governance["document"].pk, "number": 1},
        only(GOV),
    ),
    "governance:manage-announcement-list": ("get", lambda w: {}, only(GOV)),
    "governance:manage-announcement-detail": ("get", g("announcement"), only(GOV)),
}

POST_DATA = {
    "governance:manage-action-status": {"status": "done"},
    "governance:manage-booking-decide": {"decision": "approve"},
    "governance:manage-project-plan": {"kind": "goal", "goal-text": "Alle Kitas machen mit"},
    "governance:manage-quality-open": {"year": "2027"},
}
