from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder written by `manage.py backup` into the configured database, "
        "which must be empty, and into empty media folders. Checks checksums before and row "
        "counts after."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        try:
            manifest = backup_restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables ({rows} rows) and "
            f"{len(manifest['media'])} media files from {folder} (taken {manifest['created']}). "
            "Run `manage.py migrate` if this code is newer than the backup."
        )
