"""Background jobs of governance (django-tasks; arguments are IDs)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from familiennetz.alliances.scopes import all_alliances
from familiennetz.core.mail import send_templated_mail

from . import ical
from .models import Announcement, Meeting
from .reminders import action_reminders_run
from .selectors import announcement_recipients, invitation_recipients


@task()
def send_meeting_invitation(meeting_id: int) -> int:
    """One e-mail per current member of the body, with the meeting as an .ics (METHOD:PUBLISH:
    the invitation adds the date to the calendar; no replies are collected by e-mail)."""
    with all_alliances():
        meeting = Meeting.objects.select_related("body", "alliance").filter(pk=meeting_id).first()
        if meeting is None:
            return 0
        data = ical.meetings_calendar([meeting], name=meeting.body.name, method="PUBLISH")
        agenda = list(meeting.agenda.select_related("owner"))
        sent = 0
        for email, language in invitation_recipients(meeting):
            sent += send_templated_mail(
                template="governance/emails/invitation",
                to=[email],
                language=language,
                context={
                    "meeting": meeting,
                    "agenda": agenda,
                    "url": ical.meeting_url(meeting),
                    "starts_at": timezone.localtime(meeting.starts_at),
                    "ends_at": timezone.localtime(meeting.ends_at),
                },
                attachments=[("einladung.ics", data, "text/calendar; method=PUBLISH")],
            )
        return sent


@task()
def send_announcement(announcement_id: int) -> int:
    with all_alliances():
        announcement = (
            Announcement.objects.select_related("alliance", "body")
            .filter(pk=announcement_id)
            .first()
        )
        if announcement is None:
            return 0
        sent = 0
        for email, language in announcement_recipients(
            alliance=announcement.alliance, body=announcement.body
        ):
            sent += send_templated_mail(
                template="governance/emails/announcement",
                to=[email],
                language=language,
                context={"announcement": announcement},
            )
        return sent


@task()
def send_action_reminders() -> dict[str, int]:
    result = action_reminders_run()
    return {"soon": result.soon, "overdue": result.overdue}
