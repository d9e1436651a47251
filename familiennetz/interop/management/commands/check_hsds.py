"""manage.py check_hsds PATH [--alliance SLUG] [--json] [--profile-dir DIR]: the HSDS
conformance report."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.interop.hsds.conformance import conformance_check
from familiennetz.interop.hsds.sources import path_files, read_files
from familiennetz.interop.services import hsds_conformance


class Command(BaseCommand):
    help = (
        "Check an Open Referral HSDS file (JSON, CSV, a ZIP or a folder) against the HSDS 3.0 "
        "schemas (and a declared profile): every schema error with its JSON pointer, plus "
        "semantic checks (coordinates, dates, phone numbers). Nothing is imported. Exit "
        "status 1 if the file is not conformant."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="JSON/CSV file, ZIP file or folder.")
        parser.add_argument(
            "--alliance", help="Also check that coordinates lie in this alliance's area."
        )
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--profile-dir",
            type=Path,
            help="Folder with profiles' schema files (<dir>/uk/service.json, … or "
            "<dir>/uk/schema/…), applied as JSON merge patches when a file declares the "
            "profile. Default: the HSDS_PROFILE_DIR setting.",
        )

    def handle(self, *args, path, alliance, json: bool, profile_dir: Path | None, **options):
        with command_scope(alliance):
            return self._handle(path=path, alliance=alliance, as_json=json, profiles=profile_dir)

    def _handle(self, *, path: Path, alliance, as_json: bool, profiles: Path | None):
        if not path.exists():
            raise CommandError(f"No such file or folder: {path}")
        if profiles is not None and not profiles.is_dir():
            raise CommandError(f"No such profile folder: {profiles}")
        target = None
        if alliance:
            target = Alliance.objects.filter(slug=alliance).first()
            if target is None:
                raise CommandError(f"Alliance {alliance!r} does not exist.")
        if path.is_dir():
            files = path_files(path)
            report = conformance_check(
                files, alliance=target, tables=read_files(files), profiles=profiles
            )
        else:
            report = hsds_conformance(
                data=path.read_bytes(),
                name=path.name,
                alliance=target,
                profiles=str(profiles) if profiles else None,
            )
        if as_json:
            self.stdout.write(_dumps(report.as_dict()))
        else:
            for line in report.lines():
                self.stdout.write(line)
        if not report.conformant:
            raise CommandError("The file is not HSDS-conformant.", returncode=1)


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
