"""`manage.py health`: the detailed health check from inside (systemd timers, cron, monitoring agents)."""

import json

from django.core.management.base import BaseCommand

from home.health import DEGRADED, DOWN, detailed

EXIT_CODES = {DEGRADED: 1, DOWN: 2}


class Command(BaseCommand):
    help = "Print the detailed health check as JSON; exit 0 when ok, 1 when degraded, 2 when down."

    def handle(self, *args, **options):
        report = detailed()
        self.stdout.write(json.dumps(report, indent=2, default=str))
        if report["status"] in EXIT_CODES:
            raise SystemExit(EXIT_CODES[report["status"]])
