"""Reports URLs in the permission matrix (tests/test_permission_matrix.py).

Alliance pages: coordinators, the steering group and viewers read the reports, the state
office reads submitted reports only (the matrix's report of 2025 is submitted), aggregates
(social-planning export) and the shared documents, never the lists behind the figures or the
handover page; provider editors have no reports. The state office's own pages
(/manage/landesstelle/…) exist only for its members and instance administrators: everybody
else gets a 404.
"""

from __future__ import annotations

from django.core.files.base import ContentFile

from familiennetz.core.tests.matrix import ROLES, only

from .. import services

READ = {"coordinator", "steering", "viewer", "state_office", "admin"}
MEMBERS = {"coordinator", "steering", "viewer", "admin"}
EDIT = {"coordinator", "steering", "admin"}
SUBMIT = {"coordinator", "admin"}


def state(ok: int = 200) -> dict[str, int]:
    statuses = dict.fromkeys(ROLES, 404) | {"anonymous": 302}
    return statuses | {"state_office": ok, "admin": ok}


WITHOUT_ALLIANCE = {
    "reports:state-office-list",
    "reports:state-office-detail",
    "reports:state-report-request",
    "reports:state-report-accept",
    "reports:state-report",
    "reports:state-report-pdf",
    "reports:state-report-xlsx",
    "reports:state-alliance-create",
    "reports:state-document-list",
    "reports:state-document-download",
    "reports:state-template",
}


def extend_world(world) -> None:
    alliance = world.alliance
    office = world.users["state_office"].state_offices.get()
    submitted = services.report_get_or_create(alliance=alliance, year=2025)
    services.report_submit(report=submitted, user=world.users["coordinator"])
    accepted_later = services.report_get_or_create(alliance=alliance, year=2024)
    services.report_submit(report=accepted_later, user=world.users["coordinator"])
    document = services.document_add(
        office=office,
        values={"title": "Arbeitshilfe Jahresbericht"},
        file=ContentFile(b"Arbeitshilfe", name="arbeitshilfe.txt"),
        user=world.users["state_office"],
    )
    world.reports = {"office": office, "report": accepted_later, "document": document}


def _office(w) -> dict:
    return {"pk": w.reports["office"].pk}


MATRIX = {
    "reports:manage-report-list": ("get", lambda w: {}, only(READ)),
    "reports:manage-report-detail": ("get", lambda w: {"year": 2025}, only(READ)),
    "reports:manage-report-submit": ("post", lambda w: {"year": 2023}, only(SUBMIT, ok=302)),
    # recomputing a draft's live figures (a submitted one answers with a message): members
    "reports:manage-report-refresh": ("post", lambda w: {"year": 2023}, only(MEMBERS, ok=302)),
    "reports:manage-report-pdf": ("get", lambda w: {"year": 2025}, only(READ)),
    "reports:manage-report-xlsx": ("get", lambda w: {"year": 2025}, only(READ)),
    "reports:manage-figure-list": (
        "get",
        lambda w: {"year": 2025, "key": "offers.total"},
        only(MEMBERS),
    ),
    "reports:manage-handover": ("get", lambda w: {}, only(EDIT)),
    "reports:manage-planning-export": ("get", lambda w: {"fmt": "csv"}, only(READ)),
    "reports:manage-shared-documents": ("get", lambda w: {}, only(READ)),
    # a member goes to her only office; the instance admin gets the list of all offices
    "reports:state-office-list": ("get", lambda w: {}, state(ok=302) | {"admin": 200}),
    "reports:state-office-detail": ("get", _office, state()),
    "reports:state-report-request": ("post", _office, state(ok=302)),
    "reports:state-report-accept": (
        "post",
        lambda w: _office(w) | {"report_pk": w.reports["report"].pk},
        state(ok=302),
    ),
    "reports:state-report": ("get", lambda w: _office(w) | {"year": 2025}, state()),
    "reports:state-report-pdf": ("get", lambda w: _office(w) | {"year": 2025}, state()),
    "reports:state-report-xlsx": ("get", lambda w: _office(w) | {"year": 2025}, state()),
    "reports:state-alliance-create": ("get", _office, state()),
    "reports:state-document-list": ("get", _office, state()),
    "reports:state-template": ("get", _office, state()),
    "reports:state-document-download": (
        "get",
        lambda w: _office(w) | {"document_pk": w.reports["document"].pk},
        # members of the office's alliances read the shared documents too
        state() | dict.fromkeys(("coordinator", "steering", "viewer"), 200),
    ),
}
