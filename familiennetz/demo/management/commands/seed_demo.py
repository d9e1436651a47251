"""manage.py seed_demo – build the two demo alliances (Hainichen, Prohlis)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from familiennetz.alliances.models import Alliance
from familiennetz.alliances.scopes import command_scope
from familiennetz.demo.accounts import STATE_OFFICE_EMAIL
from familiennetz.demo.services import (
    DEMO_ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD,
    DemoSeedError,
    demo_seed,
)

BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Build the demo alliances 'hainichen' and 'prohlis' with fictional content. "
        "Existing demo alliances are deleted and rebuilt; other alliances are never touched. "
        f"With DEBUG on (or --with-admin) it also creates the Django admin login "
        f"{DEMO_ADMIN_EMAIL} with the password {DEMO_ADMIN_PASSWORD!r}."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if any alliance exists (used by 'make run').",
        )
        parser.add_argument(
            "--base-url",
            default=BASE_URL,
            help="Where the server will listen, for the printed links (default: %(default)s).",
        )
        parser.add_argument("--quiet", action="store_true", help="Print nothing on success.")
        admin = parser.add_mutually_exclusive_group()
        admin.add_argument(
            "--with-admin",
            action="store_true",
            help=f"Create the demo admin {DEMO_ADMIN_EMAIL} even when DEBUG is off.",
        )
        admin.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo admin account."
        )

    def handle(self, *args, **options):
        with command_scope():
            return self._handle(*args, **options)

    def _handle(self, *args, if_empty=False, quiet=False, with_admin=False, no_admin=False, **kw):
        base_url = kw.get("base_url", BASE_URL).rstrip("/")
        if if_empty and Alliance.objects.exists():
            if not quiet:
                self.stdout.write(
                    "Alliances exist already; demo data not loaded (--if-empty). "
                    f"Open {base_url}/ (workspace: {base_url}/manage/; the demo users' "
                    f"password is {DEMO_ADMIN_PASSWORD!r}; rebuild with 'make seed')."
                )
            return
        # A superuser with a published password must not appear on a production instance
        # by accident: by default it is only created in development (DEBUG on).
        create_admin = with_admin or (settings.DEBUG and not no_admin)
        try:
            result = demo_seed(with_admin=create_admin)
        except DemoSeedError as exc:
            raise CommandError(str(exc)) from exc
        if quiet:
            return
        self.stdout.write(self.style.SUCCESS(f"Demo data built in {result.seconds:.1f} s."))
        for summary in result.alliances:
            self.stdout.write(
                f"  {summary.name}\n"
                f"    {base_url}{summary.path}\n"
                f"    {summary.offers_published} published offers "
                f"(+{summary.offers_draft} drafts, {summary.offers_archived} archived), "
                f"{summary.organisations} organisations, {summary.locations} locations, "
                f"{summary.districts} districts\n"
                f"    open data: {base_url}{summary.path}offene-daten/"
            )
        self.stdout.write(f"  API: {base_url}/api/v1/docs  HSDS: {base_url}/api/hsds/docs")
        if result.admin_email:
            self.stdout.write(
                f"  Admin: {base_url}/admin/  e-mail {result.admin_email}  "
                f"password {DEMO_ADMIN_PASSWORD}"
            )
        elif not no_admin:
            self.stdout.write(
                "  Demo admin not created (DEBUG is off); pass --with-admin to create it."
            )
        if result.logins:
            self.stdout.write(
                f"  Workspace: {base_url}/manage/  (every demo user's password: "
                f"{DEMO_ADMIN_PASSWORD})"
            )
            for login in result.logins:
                scope = f" – {login.organisation}" if login.organisation else ""
                self.stdout.write(f"    {login.alliance}: {login.role}{scope}: {login.email}")
        if result.logins:
            self.stdout.write(
                f"  State office (log in as {STATE_OFFICE_EMAIL}): {base_url}/manage/landesstelle/"
            )
        self.stdout.write(f"  {result.review_items} items wait in the review queues.")
