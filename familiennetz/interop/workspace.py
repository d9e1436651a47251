"""Import and export in the workspace shell: its page and a dashboard panel."""

from django.utils.translation import gettext_lazy as _

from familiennetz.workspace import registry

registry.add_nav(
    registry.NavEntry(
        key="import-export",
        group="guide",
        label=_("Import and export"),
        url_name="interop:manage-import",
        permission="interop.import_data",
        markers=("import", "export"),
        order=60,
    )
)
registry.add_panel(
    registry.Panel(
        "import-export",
        "interop/workspace/_panel_import.html",
        permission="interop.import_data",
        order=5,
        wide=True,
    )
)
