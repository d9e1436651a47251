"""``--enqueue`` for the periodic calendar commands: hand the job to the task worker."""

from __future__ import annotations


def add_enqueue_argument(parser) -> None:
    parser.add_argument(
        "--enqueue",
        action="store_true",
        help="Hand the job to the task backend (manage.py db_worker) instead of running it here.",
    )


def enqueue_task(command, task) -> None:
    result = task.enqueue()
    command.stdout.write(f"Enqueued as task {result.id}.")
