"""Where domain apps plug into the workspace shell: navigation, dashboard tiles and panels,
and the columns of the network list on /manage/.

A domain app registers its parts in its own ``workspace.py`` (found by ``WorkspaceConfig``)::

    # familiennetz/network/workspace.py
    from django.utils.translation import gettext_lazy as _
    from familiennetz.workspace import registry

    registry.add_group(registry.NavGroup("network", _("Network"), order=20))
    registry.add_nav(registry.NavEntry(
        key="network-map", group="network", label=_("Network map"),
        url_name="network:manage-map", permission="network.view_network",
        markers=("network",), order=10,
    ))
    registry.add_panel(registry.Panel(
        key="network-renewals", template="network/workspace/_panel_renewals.html",
        context=renewals_panel, permission="network.view_network", order=40,
    ))

The shell shows an entry, tile or panel only to users with its ``permission`` on the
alliance; a ``context``/``tiles`` callable may also return ``None``/``[]`` to stay hidden.
Keys are unique: registering a key twice replaces the earlier part (tests rely on that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class NavGroup:
    """A top-level section of the workspace navigation."""

    key: str
    label: Any  # a lazy translation
    order: int = 100


@dataclass(frozen=True)
class NavEntry:
    """A page of a group. It is marked current when the URL name of the request contains
    ``-<marker>-`` for one of ``markers`` (``manage-offer-update`` has ``offer``)."""

    key: str
    group: str
    label: Any
    url_name: str
    permission: str
    order: int = 100
    markers: tuple[str, ...] = ()
    badge: Callable[[HttpRequest], int] | None = None  # a small count beside the label


@dataclass(frozen=True)
class Tile:
    """A number on the dashboard that leads to the list it counts."""

    number: int | str
    label: Any
    url: str
    attention: bool = False


@dataclass(frozen=True)
class TileSet:
    key: str
    tiles: Callable[[HttpRequest], Iterable[Tile]]
    permission: str = "alliances.view_workspace"
    order: int = 100


@dataclass(frozen=True)
class Panel:
    """A section of the dashboard rendered from ``template`` with ``context(request)``."""

    key: str
    template: str
    context: Callable[[HttpRequest], dict | None] = lambda request: {}
    permission: str = "alliances.view_workspace"
    order: int = 100
    wide: bool = False


@dataclass(frozen=True)
class AllianceColumn:
    """A column of the network list on /manage/ (people with several networks, state offices):
    ``values(alliances)`` answers ``{alliance_id: value}`` for all rows at once."""

    key: str
    label: Any
    values: Callable[[list], dict[int, Any]]
    order: int = 100


@dataclass
class Registry:
    groups: dict[str, NavGroup] = field(default_factory=dict)
    nav: dict[str, NavEntry] = field(default_factory=dict)
    tiles: dict[str, TileSet] = field(default_factory=dict)
    panels: dict[str, Panel] = field(default_factory=dict)
    alliance_columns: dict[str, AllianceColumn] = field(default_factory=dict)

    def sorted(self, name: str) -> list:
        return sorted(getattr(self, name).values(), key=lambda part: (part.order, part.key))


registry = Registry()


def add_group(group: NavGroup) -> NavGroup:
    registry.groups[group.key] = group
    return group


def add_nav(entry: NavEntry) -> NavEntry:
    registry.nav[entry.key] = entry
    return entry


def add_tiles(tile_set: TileSet) -> TileSet:
    registry.tiles[tile_set.key] = tile_set
    return tile_set


def add_panel(panel: Panel) -> Panel:
    registry.panels[panel.key] = panel
    return panel


def add_alliance_column(column: AllianceColumn) -> AllianceColumn:
    registry.alliance_columns[column.key] = column
    return column


def remove(key: str) -> None:
    """Take a part out again (tests that plug in a toy app clean up after themselves)."""
    for parts in (
        registry.groups,
        registry.nav,
        registry.tiles,
        registry.panels,
        registry.alliance_columns,
    ):
        parts.pop(key, None)
