"""Retention (run daily): registrations, e-mail addresses left with suggestions, old
invitations and old login-failure records."""

from django.core.management.base import BaseCommand

from familiennetz.accounts.personal_data import count_labels
from familiennetz.accounts.services import personal_data_purge
from familiennetz.alliances.scopes import command_scope


class Command(BaseCommand):
    help = (
        "Delete personal data that is due: registrations (REGISTRATION_RETENTION_DAYS after "
        "the date), names and e-mail addresses of suggestions and error reports "
        "(SUGGESTION_CONTACT_RETENTION_DAYS after the decision), ended invitations and "
        "login-failure records older than 30 days, expired import uploads, expired "
        "notice-board sheets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, change nothing.")

    def handle(self, *args, **options):
        with command_scope():
            return self._handle(*args, **options)

    def _handle(self, *args, dry_run: bool = False, **options):
        counts = personal_data_purge(dry_run=dry_run)
        labels = {
            **count_labels(),
            "invitations": "ended invitation(s) deleted",
            "login_failures": "login-failure record(s) older than 30 days deleted",
        }
        summary = "; ".join(f"{count} {labels.get(key, key)}" for key, count in counts.items())
        self.stdout.write(f"Dry run: {summary}" if dry_run else self.style.SUCCESS(summary))
