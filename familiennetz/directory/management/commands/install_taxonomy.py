"""Install (or update) a taxonomy into an alliance: the shipped German one or your own file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.directory.models import Category
from familiennetz.directory.services import DEFAULT_TAXONOMY, taxonomy_install


class Command(BaseCommand):
    help = "Install a taxonomy JSON file (default: the shipped German one) into an alliance."

    def add_arguments(self, parser):
        parser.add_argument("--alliance", required=True, help="slug of the alliance")
        parser.add_argument("--file", type=Path, default=DEFAULT_TAXONOMY)
        parser.add_argument(
            "--remove-unlisted",
            action="store_true",
            help="delete categories whose code is not in the file (their offers lose them)",
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, alliance, file, remove_unlisted, dry_run, **options):
        try:
            target = Alliance.objects.get(slug=alliance)
        except Alliance.DoesNotExist:
            raise CommandError(f"No alliance with slug {alliance!r}.") from None
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with transaction.atomic():
            before = set(Category.objects.for_alliance(target).values_list("code", flat=True))
            try:
                count = taxonomy_install(alliance=target, path=file)
            except (ValueError, KeyError) as exc:
                raise CommandError(f"{file} is not a valid taxonomy file: {exc}") from exc
            after = set(Category.objects.for_alliance(target).values_list("code", flat=True))
            listed = taxonomy_codes(file)
            removed = 0
            if remove_unlisted:
                removed, _ = Category.objects.for_alliance(target).exclude(code__in=listed).delete()
            self.stdout.write(
                f"{target.slug}: {count} terms in file, {len(after - before)} new, "
                f"{removed} removed{' (dry run, rolled back)' if dry_run else ''}."
            )
            if dry_run:
                transaction.set_rollback(True)


def taxonomy_codes(path: Path) -> set[str]:
    import json

    codes: set[str] = set()

    def walk(terms):
        for term in terms:
            codes.add(term["code"])
            walk(term.get("children", []))

    walk(json.loads(path.read_text(encoding="utf-8"))["terms"])
    return codes
