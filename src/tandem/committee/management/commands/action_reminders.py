"""Queue the reminders for action items due soon or overdue: ``tandem action-reminders``.

Run it daily (cron or a systemd timer); the task worker sends the e-mails.
"""

from typing import Any

from django.core.management.base import BaseCommand

from tandem.committee.tasks import send_action_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders for open action items due within two weeks or overdue."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_action_reminders.enqueue()
        self.stdout.write(f"reminders queued (task {result.id})")
