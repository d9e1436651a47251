import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from familiennetz.ops.tasks_recovery import stale_tasks_requeue


class Command(BaseCommand):
    help = (
        "Put tasks left RUNNING by a dead db_worker back into the queue: those of --worker-id "
        "(run it before that worker starts again) and/or those running longer than "
        "--older-than seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id")
        parser.add_argument("--older-than", type=int, help="seconds")

    def handle(self, *args, worker_id=None, older_than=None, **options):
        if not worker_id and not older_than:
            raise CommandError("give --worker-id or --older-than")
        count = stale_tasks_requeue(
            worker_id=worker_id,
            older_than=dt.timedelta(seconds=older_than) if older_than else None,
        )
        self.stdout.write(f"{count} task(s) put back into the queue.")
