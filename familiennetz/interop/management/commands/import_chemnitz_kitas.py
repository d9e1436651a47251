"""manage.py import_chemnitz_kitas PATH --alliance SLUG [--create-alliance] [--dry-run]
[--checked-date import|source [--source-date YYYY-MM-DD]]"""

import argparse
import datetime as dt
import textwrap
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.scopes import command_scope
from familiennetz.interop.connectors.chemnitz_kitas.mapping import SkipReason, SourceFormatError
from familiennetz.interop.connectors.chemnitz_kitas.services import (
    CheckedDate,
    ChemnitzImportError,
    checked_date_choose,
    chemnitz_kitas_import,
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


class Command(BaseCommand):
    help = (
        "Import the Kita list of the Stadt Chemnitz (open-data CSV, 'Kindertageseinrichtungen') "
        "into an alliance. Re-importing updates the same entries; entries that are no longer "
        "in the file are archived. Private Kindertagespflege rows are never imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The CSV file from the Chemnitz portal.")
        parser.add_argument("--alliance", required=True, help="Short name of the alliance.")
        parser.add_argument(
            "--create-alliance",
            action="store_true",
            help="Create the alliance (with the standard taxonomy) if it does not exist.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; save nothing."
        )
        parser.add_argument(
            "--checked-date",
            choices=CheckedDate.CHOICES,
            default=CheckedDate.IMPORT,
            help=(
                "Which day the entries count as checked: 'import' (default, today: the list was "
                "agreed with the providers) or 'source' (the source's date: --source-date, "
                "otherwise the file's modification date)."
            ),
        )
        parser.add_argument(
            "--source-date",
            type=_date,
            help="The source's date (YYYY-MM-DD), e.g. the portal's 'last updated' date.",
        )
        parser.add_argument(
            "--checked-on",
            type=_date,
            help="Same as --checked-date source --source-date DATE (kept for old scripts).",
        )

    def handle(self, *args, **options):
        with command_scope(options.get("alliance")):
            return self._handle(*args, **options)

    def _handle(self, *args, path, alliance, create_alliance, dry_run, checked_on, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        choice, source_date = options["checked_date"], options["source_date"]
        if checked_on is not None:
            if source_date is not None and source_date != checked_on:
                raise CommandError("--checked-on and --source-date name different days.")
            choice, source_date = CheckedDate.SOURCE, checked_on
        try:
            checked_on, checked_from = checked_date_choose(
                choice=choice, path=path, source_date=source_date
            )
            report = chemnitz_kitas_import(
                path=path,
                alliance_slug=alliance,
                create_alliance=create_alliance,
                dry_run=dry_run,
                checked_on=checked_on,
            )
        except (ChemnitzImportError, SourceFormatError, UnicodeDecodeError) as exc:
            raise CommandError(str(exc)) from exc

        write = self.stdout.write
        created = " (created)" if report.alliance_created else ""
        write(f"Chemnitz Kita list → alliance {report.alliance_slug!r}{created}")
        write(f"  rows read:  {report.rows_read}")
        write(f"  checked on: {checked_on.isoformat()} ({checked_from})")
        write(f"  imported:   {len(report.created)}")
        write(f"  updated:    {len(report.updated)}")
        write(f"  unchanged:  {len(report.unchanged)}")
        write(f"  archived:   {len(report.archived)} (no longer in the file)")
        write(f"  skipped:    {len(report.skipped)}")
        for reason, skips in sorted(report.skipped_by_reason().items()):
            write(f"    {reason}: {len(skips)}")
            if reason == SkipReason.PRIVATE:
                rows = ", ".join(str(skip.row) for skip in skips)
                write(
                    textwrap.fill(
                        f"rows {rows}", width=96, initial_indent=" " * 6, subsequent_indent=" " * 6
                    )
                )
            else:
                for skip in skips:
                    write(f"      row {skip.row}: {skip.label}")
        if report.warnings:
            write(f"  warnings:   {len(report.warnings)}")
            for row, message in report.warnings:
                write(f"      row {row}: {message}")
        write("  (Row numbers are line numbers in the file; the header is line 1.)")
        if report.dry_run:
            write(self.style.WARNING("Dry run: nothing was saved."))
        else:
            write(self.style.SUCCESS("Done."))
