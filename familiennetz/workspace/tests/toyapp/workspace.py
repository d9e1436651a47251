from familiennetz.workspace import registry

registry.add_group(registry.NavGroup("toys", "Spielzeug", order=500))
registry.add_nav(
    registry.NavEntry(
        key="toy-shelf",
        group="toys",
        label="Spielzeugregal",
        url_name="toyapp:manage-shelf",
        permission="alliances.view_workspace",
        markers=("shelf",),
    )
)
registry.add_nav(
    registry.NavEntry(
        key="toy-box",
        group="toys",
        label="Spielzeugkiste",
        url_name="toyapp:manage-shelf",
        permission="alliances.manage_members",  # coordinators only
        markers=("box",),
    )
)
registry.add_tiles(
    registry.TileSet(
        "toy-count",
        lambda request: [registry.Tile(7, "Bauklötze im Regal", "/regal/")],
        order=1,
    )
)
registry.add_panel(
    registry.Panel(
        "toy-panel",
        "toyapp/_panel.html",
        lambda request: {"greeting": f"Hallo {request.alliance.name}"},
        order=1,
    )
)
