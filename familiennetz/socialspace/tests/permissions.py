"""The district analysis in the permission matrix (tests/test_permission_matrix.py).

Reading: coordinator, steering group, viewer, state office (and the instance admin);
provider editors are not part of the district analysis (403). Indicators, index, walks:
coordinator and steering group. Imports: coordinator. Walk photos: not the state office.
An upload exists only for its uploader (the admin gets a 404 for the coordinator's).
"""

from familiennetz.core.tests.matrix import COORDINATION, WHOLE_EDITORS, only

READ = only({"coordinator", "steering", "viewer", "state_office", "admin"})
PHOTOS = only({"coordinator", "steering", "viewer", "admin"})


def extend_world(world):
    from django.core.files.base import ContentFile

    from familiennetz.socialspace.models import DataImport, Walk, WalkNote
    from familiennetz.socialspace.services import data_import_create

    from .factories import IndicatorFactory, index_with, square_grid, values

    alliance = world.alliance
    a, b = square_grid(alliance, ["Nord", "Süd"])
    indicator = IndicatorFactory(alliance=alliance, code="kinder")
    values(indicator, 2024, {a: 10, b: 20})
    world.ss_district = a
    world.ss_indicator = indicator
    world.ss_index = index_with(alliance, "planning_area", [(indicator, 1.0, 1)])
    world.ss_walk = Walk.objects.create(
        alliance=alliance, title="Rundgang Nord", walked_on="2026-05-04", district=a
    )
    note = WalkNote(alliance=alliance, walk=world.ss_walk, text="Spielplatz ohne Schatten")
    note.photo.save("foto.png", ContentFile(b"\x89PNG\r\n\x1a\nfake"), save=False)
    note.save()
    world.ss_note = note

    def upload():
        return data_import_create(
            alliance=alliance,
            user=world.users["coordinator"],
            kind=DataImport.Kind.INDICATORS,
            filename="werte.csv",
            data=b"Gebiet;Kinder\nNord;5\n",
            options={"match": "name", "year": 2025},
        )

    world.ss_upload = upload


MATRIX = {
    "socialspace:manage-district-map": ("get", lambda w: {}, READ),
    "socialspace:manage-district-geojson": ("get", lambda w: {}, READ),
    "socialspace:manage-district-profile": ("get", lambda w: {"code": w.ss_district.code}, READ),
    "socialspace:manage-district-compare": ("get", lambda w: {}, READ),
    "socialspace:manage-indicator-list": ("get", lambda w: {}, READ),
    "socialspace:manage-indicator-create": ("get", lambda w: {}, only(WHOLE_EDITORS)),
    "socialspace:manage-indicator-update": ("get", lambda w: {"pk": w.ss_indicator.pk}, READ),
    "socialspace:manage-indicator-values": (
        "get",
        lambda w: {"pk": w.ss_indicator.pk},
        only(WHOLE_EDITORS),
    ),
    "socialspace:manage-dataimport-start": ("get", lambda w: {}, only(COORDINATION)),
    "socialspace:manage-dataimport-check": (
        "get",
        lambda w: {"pk": w.ss_upload().pk},
        only(COORDINATION) | {"admin": 404},
    ),
    "socialspace:manage-dataimport-commit": (
        "post",
        lambda w: {"pk": w.ss_upload().pk},
        only(COORDINATION, ok=302) | {"admin": 404},
    ),
    "socialspace:manage-index-list": ("get", lambda w: {}, READ),
    "socialspace:manage-index-create": ("get", lambda w: {}, only(WHOLE_EDITORS)),
    "socialspace:manage-index-detail": ("get", lambda w: {"pk": w.ss_index.pk}, READ),
    "socialspace:manage-index-update": (
        "get",
        lambda w: {"pk": w.ss_index.pk},
        only(WHOLE_EDITORS),
    ),
    "socialspace:manage-gap-list": ("get", lambda w: {}, READ),
    "socialspace:manage-gap-export": ("get", lambda w: {}, READ),
    "socialspace:manage-gap-report": ("get", lambda w: {}, READ),
    "socialspace:manage-overlap-list": ("get", lambda w: {}, READ),
    "socialspace:manage-walk-list": ("get", lambda w: {}, READ),
    "socialspace:manage-walk-create": ("get", lambda w: {}, only(WHOLE_EDITORS)),
    "socialspace:manage-walk-detail": ("get", lambda w: {"pk": w.ss_walk.pk}, READ),
    "socialspace:manage-walk-update": ("get", lambda w: {"pk": w.ss_walk.pk}, only(WHOLE_EDITORS)),
    "socialspace:manage-walk-note": ("get", lambda w: {"pk": w.ss_walk.pk}, only(WHOLE_EDITORS)),
    "socialspace:manage-walk-photo": ("get", lambda w: {"pk": w.ss_note.pk}, PHOTOS),
}
