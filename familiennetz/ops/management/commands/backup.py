from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.ops.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump custom format; SQLite: online backup) and "
        "the media folders into a new folder, with a manifest of row counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a new or empty folder")
        parser.add_argument(
            "--no-media", action="store_true", help="database only (media backed up elsewhere)"
        )

    def handle(self, *args, folder: Path, no_media: bool, **options):
        try:
            manifest = backup_create(folder, media=not no_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Backup written to {folder}: {manifest['engine']}, {len(manifest['tables'])} "
            f"tables, {rows} rows, {len(manifest['media'])} media files."
        )
