"""District analysis for the demo alliances: boundaries, five years of indicators, a
composite index and a walk. Invented figures, plausible in size (Hainichen: a small town
with villages; Dresden-Prohlis: Stadtteile split into statistical areas).

Boundaries are drawn around the demo places: the Voronoi cells of every place and district
centre (in kilometres, not degrees), merged per district and clipped to a hull around all
of them. So every place lies in its own district, as the guide's "Ortsteil" filter expects,
and the gap list tells the truth about the demo offers (the villages around Hainichen and
Lockwitz/Strehlen in Prohlis have no parent–child group within 1 km).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import shapely
from shapely.geometry import MultiPoint, Point, box

from familiennetz.directory.models import Location
from familiennetz.socialspace import geo
from familiennetz.socialspace.models import (
    CompositeIndex,
    District,
    IndexComponent,
    Indicator,
    IndicatorValue,
    Walk,
    WalkNote,
    WalkRating,
)
from familiennetz.socialspace.services import places_assign_districts

YEARS = range(2021, 2026)

# Per district (slug): inhabitants, share of children under 6 (%), SGB II share of children
# under 15 (%), unemployment (%), children with language support needs at school entry (%).
HAINICHEN = {
    "hainichen": (6100, 4.6, 14.0, 6.8, 17.0),
    "bockendorf": (520, 4.2, 6.0, 4.9, 9.0),
    "cunnersdorf": (410, 5.0, 5.0, 4.5, 8.0),
    "eulendorf": (180, 3.9, 4.0, 4.0, 7.0),
    "falkenau": (150, 3.3, 9.0, 5.5, 12.0),
    "gersdorf": (640, 4.4, 7.0, 5.1, 10.0),
    "riechberg": (260, 3.8, 6.0, 4.8, 9.0),
    "siegfried": (90, 3.3, 5.0, 4.2, 6.0),
    "schlegel": (330, 4.8, 8.0, 5.0, 11.0),
}
PROHLIS = {
    "prohlis-nord": (7900, 6.1, 42.0, 13.5, 38.0),
    "prohlis-sued": (7300, 5.8, 37.0, 12.1, 33.0),
    "reick": (9100, 5.2, 24.0, 9.0, 22.0),
    "niedersedlitz": (6200, 5.0, 15.0, 7.1, 15.0),
    "lockwitz": (5100, 4.6, 9.0, 5.6, 10.0),
    "leubnitz-neuostra": (6300, 4.9, 8.0, 5.2, 9.0),
    "strehlen": (12400, 5.4, 12.0, 6.0, 12.0),
}


def _cells(alliance, districts: list[District]) -> dict[int, object]:
    """district id → polygon (WGS 84) around its places and centre."""
    places = list(
        Location.objects.for_alliance(alliance)
        .filter(latitude__isnull=False, district__in=districts)
        .values_list("district_id", "longitude", "latitude")
    )
    seeds = [(d.pk, d.longitude, d.latitude) for d in districts] + places
    projection = geo.LocalProjection(sum(s[2] for s in seeds) / len(seeds))
    points = [Point(projection.xy(lon, lat)) for _pk, lon, lat in seeds]
    hull = MultiPoint(points).convex_hull.buffer(1.2)  # 1.2 km around the outermost places
    minx, miny, maxx, maxy = hull.bounds
    regions = shapely.voronoi_polygons(MultiPoint(points), extend_to=box(minx, miny, maxx, maxy))
    merged: dict[int, list] = defaultdict(list)
    for region in regions.geoms:
        for index, point in enumerate(points):
            if region.covers(point):
                merged[seeds[index][0]].append(region)
                break
    back = 1 / projection.kx, 1 / geo.KM_PER_DEGREE_LAT
    return {
        pk: shapely.transform(
            shapely.union_all(parts).intersection(hull), lambda c: c * back
        ).simplify(0.0001)
        for pk, parts in merged.items()
    }


def _set_boundary(district: District, shape) -> None:
    district.boundary = geo.to_geojson(shape)
    district.area_km2 = round(geo.area_km2(shape), 3)
    district.save()


def _hainichen_districts(alliance) -> list[District]:
    ortsteile = list(District.objects.for_alliance(alliance).order_by("pk"))
    cells = _cells(alliance, ortsteile)
    town = District.objects.create(
        alliance=alliance,
        name="Stadt Hainichen",
        slug="stadt-hainichen",
        code="00",
        kind=District.Kind.TOWN,
        latitude=alliance.latitude,
        longitude=alliance.longitude,
    )
    _set_boundary(town, shapely.union_all(list(cells.values())))
    for number, district in enumerate(ortsteile, start=1):
        district.code = f"{number:02d}"
        district.parent = town
        _set_boundary(district, cells[district.pk])
    return ortsteile


def _prohlis_districts(alliance) -> list[District]:
    """Stadtteile (codes 91–97) split into two statistical areas each (911, 912, …)."""
    stadtteile = list(District.objects.for_alliance(alliance).order_by("pk"))
    cells = _cells(alliance, stadtteile)
    areas = []
    for number, district in enumerate(stadtteile, start=1):
        district.code = f"9{number}"
        _set_boundary(district, cells[district.pk])
        shape = cells[district.pk]
        minx, miny, maxx, maxy = shape.bounds
        cut = district.latitude
        halves = [
            ("1", "Nord", shape.intersection(box(minx, cut, maxx, maxy))),
            ("2", "Süd", shape.intersection(box(minx, miny, maxx, cut))),
        ]
        for suffix, label, half in halves:
            lat, lon = geo.centre_of(half)
            area = District.objects.create(
                alliance=alliance,
                name=f"{district.name} ({label})",
                slug=f"{district.slug}-{label.lower().replace('ü', 'ue')}",
                code=f"{district.code}{suffix}",
                kind=District.Kind.STATISTICAL_AREA,
                parent=district,
                latitude=round(lat, 6),
                longitude=round(lon, 6),
            )
            _set_boundary(area, half)
            areas.append(area)
    return areas


def _indicator(alliance, code, name, **fields) -> Indicator:
    return Indicator.objects.create(alliance=alliance, code=code, name=name, **fields)


def _figures(alliance, districts: list[District], profile: dict, rng: random.Random) -> None:
    source = "Demo-Daten (erfunden), Stand jeweils 31.12."
    people = {"measure": Indicator.Measure.PEOPLE, "unit": "Personen", "source": source}
    inhabitants = _indicator(alliance, "ew", "Einwohner:innen", position=10, **people)
    under3 = _indicator(
        alliance, "u3", "Kinder unter 3", position=20, age_group="0-3", is_population=True, **people
    )
    three6 = _indicator(
        alliance, "u3-6", "Kinder von 3 bis unter 6", position=21, age_group="3-6", **people
    )
    under6 = _indicator(
        alliance,
        "u6",
        "Kinder unter 6",
        position=22,
        age_group="0-6",
        is_population=True,
        formula=Indicator.Formula.SUM,
        **people,
    )
    under6.summands.set([under3, three6])
    under15 = _indicator(alliance, "u15", "Kinder unter 15", position=23, **people)
    sgb2 = _indicator(
        alliance,
        "sgb2-u15",
        "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften",
        position=30,
        **people,
    )
    poverty = _indicator(
        alliance,
        "kinderarmut",
        "SGB-II-Quote unter 15 (Kinderarmut)",
        position=31,
        unit="%",
        measure=Indicator.Measure.PERCENT,
        direction=Indicator.Direction.HIGHER_IS_WORSE,
        formula=Indicator.Formula.SHARE,
        numerator=sgb2,
        denominator=under15,
        source=source,
    )
    unemployment = _indicator(
        alliance,
        "alq",
        "Arbeitslosenquote",
        position=40,
        unit="%",
        measure=Indicator.Measure.PERCENT,
        direction=Indicator.Direction.HIGHER_IS_WORSE,
        source=source,
    )
    language = _indicator(
        alliance,
        "sprache",
        "Sprachförderbedarf bei der Schuleingangsuntersuchung",
        position=50,
        unit="%",
        measure=Indicator.Measure.PERCENT,
        direction=Indicator.Direction.HIGHER_IS_WORSE,
        source="Demo-Daten (erfunden), Gesundheitsamt",
    )
    rows = []
    for district in districts:
        key = (
            district.parent.slug
            if district.kind == District.Kind.STATISTICAL_AREA
            else district.slug
        )
        population, child_share, poor, jobless, speech = profile[key]
        if district.kind == District.Kind.STATISTICAL_AREA:
            population = population * rng.uniform(0.4, 0.6)
            poor *= rng.uniform(0.8, 1.2)
        for offset, year in enumerate(YEARS):
            drift = 1 + 0.01 * offset * rng.uniform(-1, 1)
            total = round(population * drift)
            kids6 = total * child_share / 100 * rng.uniform(0.92, 1.08)
            u3 = round(kids6 * 0.5)
            kids15 = round(total * child_share * 2.4 / 100)
            trend = 1 + 0.03 * offset if poor > 20 else 1 - 0.02 * offset
            figures = {
                inhabitants: total,
                under3: u3,
                three6: round(kids6) - u3,
                under15: kids15,
                sgb2: round(kids15 * min(poor * trend, 80) / 100),
                unemployment: round(jobless * rng.uniform(0.93, 1.07) * (trend**0.5), 1),
                language: round(speech * rng.uniform(0.9, 1.1), 1),
            }
            for indicator, value in figures.items():
                rows.append(
                    IndicatorValue(
                        alliance=alliance,
                        indicator=indicator,
                        district=district,
                        year=year,
                        value=value,
                    )
                )
    IndicatorValue.objects.bulk_create(rows)
    index = CompositeIndex.objects.create(
        alliance=alliance,
        name="Sozialindex",
        description="Kinderarmut doppelt gewichtet, dazu Arbeitslosigkeit und Sprachförderbedarf.",
        district_kind=districts[0].kind,
        classes=3,
        trend_years=2,
    )
    for indicator, weight in ((poverty, 2.0), (unemployment, 1.0), (language, 1.0)):
        IndexComponent.objects.create(
            alliance=alliance, index=index, indicator=indicator, weight=weight, direction=1
        )


def _walk(
    alliance, district: District, now: dt.datetime, notes: list[tuple[str, str, float, float]]
):
    walk = Walk.objects.create(
        alliance=alliance,
        district=district,
        title=f"Sozialraumbegehung {district.name}",
        walked_on=(now - dt.timedelta(days=40)).date(),
        summary="Mit Fachkräften aus Kita, Jugendhilfe und Gemeinwesenarbeit; Fotos ohne Personen.",
    )
    ratings = {
        "housing": ("fair", "Viele sanierte Häuser, einige leerstehende Wohnungen"),
        "green": ("good", "Park mit Wiese, Bänke im Schatten fehlen"),
        "playgrounds": ("poor", "Spielplatz am Markt gesperrt, nächster 900 m entfernt"),
        "transport": ("fair", "Bus stündlich, am Wochenende selten"),
        "meeting": ("fair", "Ein Familiencafé, am Nachmittag geöffnet"),
        "barriers": ("poor", "Hohe Bordsteine, kein Aufzug am Bahnhof"),
        "safety": ("good", ""),
    }
    for topic, (rating, note) in ratings.items():
        WalkRating.objects.create(
            alliance=alliance, walk=walk, topic=topic, rating=rating, note=note
        )
    for topic, text, lat, lon in notes:
        WalkNote.objects.create(
            alliance=alliance, walk=walk, topic=topic, text=text, latitude=lat, longitude=lon
        )


def install_demo_socialspace(*, alliance, now: dt.datetime) -> None:
    rng = random.Random(f"familiennetz-demo-sozialraum:{alliance.slug}")
    if alliance.slug == "hainichen":
        districts, profile = _hainichen_districts(alliance), HAINICHEN
    else:
        districts, profile = _prohlis_districts(alliance), PROHLIS
    places_assign_districts(alliance=alliance)
    _figures(alliance, districts, profile, rng)
    first = districts[0]
    _walk(
        alliance,
        first,
        now,
        [
            (
                "playgrounds",
                "Spielplatz gesperrt (Schaukel defekt), Bauzaun seit Wochen",
                first.latitude + 0.0008,
                first.longitude - 0.0010,
            ),
            (
                "barriers",
                "Unterführung nur über Treppen, mit Kinderwagen nicht passierbar",
                first.latitude - 0.0006,
                first.longitude + 0.0012,
            ),
            (
                "meeting",
                "Bänke vor der Bibliothek: beliebter Treffpunkt von Eltern nach der Kita",
                first.latitude + 0.0002,
                first.longitude + 0.0004,
            ),
        ],
    )
