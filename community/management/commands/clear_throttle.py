"""`clear_throttle --email ADDRESS | --ip ADDRESS | --all`: lift the rate limits on log in, registration,
activation resend and password reset, for a person locked out (say, a developer who mistyped a password)."""

from django.core.management.base import BaseCommand, CommandError

from community.services import ratelimit


class Command(BaseCommand):
    help = "Clear the rate-limit counters (log in, registration, password reset) for an e-mail address, an IP, or all."

    def add_arguments(self, parser):
        parser.add_argument("--email", help="the e-mail address whose attempts are forgotten")
        parser.add_argument("--ip", help="the client IP address whose attempts are forgotten")
        parser.add_argument("--all", action="store_true", help="forget every counter")

    def handle(self, *args, email: str | None, ip: str | None, all: bool, **options):
        if all and (email or ip):
            raise CommandError("Give --all alone, or --email and/or --ip.")
        if all:
            deleted = ratelimit.clear_all()
            self.stdout.write(self.style.SUCCESS(f"Cleared every rate limit ({deleted} counters)."))
            return
        if not (email or ip):
            raise CommandError("Say whose limits to clear: --email ADDRESS, --ip ADDRESS, or --all.")
        ratelimit.clear(email=email, ip=ip)
        who = " and ".join(part for part in [email and f"e-mail {email}", ip and f"IP {ip}"] if part)
        self.stdout.write(self.style.SUCCESS(f"Cleared the rate limits of {who}."))
