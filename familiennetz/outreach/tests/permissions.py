"""Outreach URLs in the permission matrix (tests/test_permission_matrix.py).

The coordinator (and the instance administrator) edits the Erste-Hilfe-Box and composes
rallies; everybody with a role in the alliance may make QR codes of its public pages. The
delete URLs are checked with a GET (405 for the allowed roles, 403 for the others), so the
rows stay for the next role."""

from __future__ import annotations

from familiennetz.core.tests.matrix import ALL, COORDINATION, only

from .. import services


def extend_world(world) -> None:
    alliance = world.alliance
    contact = services.help_contact_save(
        alliance=alliance, values={"group": "notfall", "name": "Notruf", "phone": "112"}
    )
    rally = services.rally_save(alliance=alliance, values={"title": "Rallye durch Hainichen"})
    station = services.station_save(
        rally=rally,
        values={"location": world.location, "number": 1, "title": "Rathaus", "task": "Zähle!"},
    )
    news = services.news_save(
        alliance=alliance,
        values={"title": "Neu im Netzwerk", "text": "Hallo", "is_published": True},
    )
    step = services.transition_step_save(
        alliance=alliance,
        values={"phase": "anmeldung", "when": "im Herbst", "title": "Schulanmeldung"},
    )
    world.outreach = {
        "contact": contact,
        "rally": rally,
        "station": station,
        "news": news,
        "step": step,
    }


def _o(name):
    return lambda w: {"pk": w.outreach[name].pk}


def _station(w):
    return {"pk": w.outreach["rally"].pk, "station": w.outreach["station"].pk}


MATRIX = {
    "outreach:manage-help": ("get", lambda w: {}, only(COORDINATION)),
    "outreach:manage-help-update": ("get", _o("contact"), only(COORDINATION)),
    "outreach:manage-help-delete": ("get", _o("contact"), only(COORDINATION, ok=405)),
    "outreach:manage-rally-list": ("get", lambda w: {}, only(COORDINATION)),
    "outreach:manage-rally-create": ("get", lambda w: {}, only(COORDINATION)),
    "outreach:manage-rally-detail": ("get", _o("rally"), only(COORDINATION)),
    "outreach:manage-station-create": ("get", _o("rally"), only(COORDINATION)),
    "outreach:manage-station-update": ("get", _station, only(COORDINATION)),
    "outreach:manage-station-delete": ("get", _station, only(COORDINATION, ok=405)),
    "outreach:manage-qr": ("get", lambda w: {}, ALL),
    "outreach:manage-news": ("get", lambda w: {}, only(COORDINATION)),
    "outreach:manage-news-create": ("get", lambda w: {}, only(COORDINATION)),
    "outreach:manage-news-update": ("get", _o("news"), only(COORDINATION)),
    "outreach:manage-news-delete": ("get", _o("news"), only(COORDINATION, ok=405)),
    "outreach:manage-transition": ("get", lambda w: {}, only(COORDINATION)),
    "outreach:manage-transition-update": ("get", _o("step"), only(COORDINATION)),
    "outreach:manage-transition-delete": ("get", _o("step"), only(COORDINATION, ok=405)),
}
