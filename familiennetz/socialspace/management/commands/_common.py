"""Shared parts of the import commands (thin wrappers around services.import_file)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.socialspace.services import import_file


def run_import(command, *, kind: str, path: str, slug: str, options: dict, dry_run: bool) -> None:
    try:
        alliance = Alliance.objects.get(slug=slug)
    except Alliance.DoesNotExist:
        raise CommandError(f"There is no alliance {slug!r}.") from None
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"There is no file {path!r}.")
    data = file.read_bytes()
    with command_scope(alliance.slug):
        report, counts = import_file(
            alliance=alliance,
            kind=kind,
            data=data,
            filename=file.name,
            options=options,
            dry_run=dry_run,
        )
    for line in report.lines():
        command.stdout.write(line)
    summary = ", ".join(f"{k}={v}" for k, v in report.counts.items())
    command.stdout.write(f"Check: {summary}")
    if not report.ok:
        raise CommandError("The file has errors; nothing was imported.")
    if dry_run:
        command.stdout.write("Dry run: nothing was written.")
        return
    command.stdout.write(
        "Imported: " + ", ".join(f"{k}={v}" for k, v in counts.items() if k != "outside_names")
    )
    for name in counts.get("outside_names", []):
        command.stdout.write(f"Outside every district: {name}")
