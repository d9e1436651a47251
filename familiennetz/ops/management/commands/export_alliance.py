from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.ops.transfer import TransferError, export_to_file


class Command(BaseCommand):
    help = (
        "Write one alliance (every tenant row, its members, history and files) to a JSON-lines "
        "file for import_alliance on another instance. The file holds personal data: keep it "
        "like a backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("file", type=Path)

    def handle(self, *args, slug: str, file: Path, **options):
        if file.exists():
            raise CommandError(f"{file} exists; choose a new file name")
        try:
            summary = export_to_file(slug, file)
        except TransferError as error:
            file.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{slug}: {sum(summary.rows.values())} rows of {len(summary.rows)} kinds, "
            f"{summary.users} users, {summary.files} files written to {file}."
        )
