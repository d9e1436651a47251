"""Demo annual reports: last year's submitted (the first alliance's also accepted), this
year's draft with texts, and a demo state office with both demo alliances."""

from __future__ import annotations

import datetime as dt

from familiennetz.alliances.models import StateOffice
from familiennetz.alliances.scopes import alliance_scope
from familiennetz.reports import services as reports

OFFICE_NAME = "Landeskoordinierungsstelle (Demo)"


def install_demo_reports(*, alliances, now: dt.datetime) -> None:
    office, _created = StateOffice.objects.get_or_create(name=OFFICE_NAME)
    office.alliances.add(*alliances)
    year = now.year
    for index, alliance in enumerate(alliances):
        with alliance_scope(alliance):
            last = reports.report_get_or_create(alliance=alliance, year=year - 1)
            reports.report_update_narrative(
                report=last,
                values={
                    "goals": "Übergänge von der Kita in die Schule begleiten; Väter erreichen.",
                    "highlights": "Familienfest im Juni mit über 300 Gästen; neue Elternlotsen.",
                    "plans": "Sprechstunde im Familienzentrum ausbauen.",
                },
            )
            last = reports.report_submit(report=last, user=None, now=now)
            if index == 0:
                reports.report_accept(report=last, user=None)
            current = reports.report_get_or_create(alliance=alliance, year=year)
            reports.report_update_narrative(
                report=current,
                values={"goals": "Familienwegweiser aktuell halten, Partner gewinnen."},
            )
