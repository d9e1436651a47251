"""Retention (run daily): registrations, e-mail addresses left with suggestions, old
invitations and old login-failure records."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from familiennetz.accounts.services import invitations_purge
from familiennetz.events.registration import registration_purge
from familiennetz.moderation.services import purge_contacts


class Command(BaseCommand):
    help = (
        "Delete personal data that is due: registrations (REGISTRATION_RETENTION_DAYS after "
        "the date), names and e-mail addresses of suggestions and error reports "
        "(SUGGESTION_CONTACT_RETENTION_DAYS after the decision), ended invitations and "
        "login-failure records older than 30 days."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        from axes.models import AccessAttempt

        registrations = registration_purge(dry_run=dry_run)
        contacts = purge_contacts(dry_run=dry_run)
        attempts = AccessAttempt.objects.filter(
            attempt_time__lt=timezone.now() - dt.timedelta(days=30)
        )
        if dry_run:
            invitations, failures = 0, attempts.count()
        else:
            invitations = invitations_purge()
            failures, _detail = attempts.delete()
        summary = (
            f"{registrations.anonymised} registration(s) anonymised, {registrations.deleted} "
            f"unconfirmed deleted; {contacts} suggestion contact(s) removed "
            f"(after {settings.SUGGESTION_CONTACT_RETENTION_DAYS} days); {invitations} "
            f"invitation(s) and {failures} login-failure record(s) deleted."
        )
        self.stdout.write(f"Dry run: {summary}" if dry_run else self.style.SUCCESS(summary))
