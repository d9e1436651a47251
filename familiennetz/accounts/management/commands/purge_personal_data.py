"""Retention (run daily): registrations, e-mail addresses left with suggestions, old
invitations and old login-failure records."""

from django.conf import settings
from django.core.management.base import BaseCommand

from familiennetz.accounts.services import personal_data_purge
from familiennetz.alliances.scopes import command_scope


class Command(BaseCommand):
    help = (
        "Delete personal data that is due: registrations (REGISTRATION_RETENTION_DAYS after "
        "the date), names and e-mail addresses of suggestions and error reports "
        "(SUGGESTION_CONTACT_RETENTION_DAYS after the decision), ended invitations and "
        "login-failure records older than 30 days, expired import uploads."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, change nothing.")

    def handle(self, *args, **options):
        with command_scope():
            return self._handle(*args, **options)

    def _handle(self, *args, dry_run: bool = False, **options):
        result = personal_data_purge(dry_run=dry_run)
        summary = (
            f"{result.registrations_anonymised} registration(s) anonymised, "
            f"{result.registrations_deleted} unconfirmed deleted; {result.suggestion_contacts} "
            f"suggestion contact(s) removed (after {settings.SUGGESTION_CONTACT_RETENTION_DAYS} "
            f"days); {result.invitations} invitation(s), {result.login_failures} "
            f"login-failure record(s) and {result.import_uploads} expired import upload(s) "
            "deleted."
        )
        self.stdout.write(f"Dry run: {summary}" if dry_run else self.style.SUCCESS(summary))
