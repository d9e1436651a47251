from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.ops.transfer import TransferError, import_from_file


class Command(BaseCommand):
    help = (
        "Import an alliance written by export_alliance: new ids, all or nothing; refuses a "
        "slug that exists on this instance."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file} does not exist")
        try:
            summary = import_from_file(file)
        except TransferError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{summary.alliance.slug}: {sum(summary.rows.values())} rows imported, "
            f"{summary.users_created} users created, {summary.files} files written."
        )
