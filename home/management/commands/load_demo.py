"""`manage.py load_demo`: demo pages in Danish and English, pictures and one account per role (idempotent)."""

import logging
from collections.abc import Callable
from importlib import import_module

import factory.random
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from wagtail.models import Site

from home.demo.context import DEMO_SEED, DemoContext

QUIET_LOGGERS = ["wagtail", "django_tasks", "modelsearch"]


def demo_sections() -> list[Callable[[DemoContext], None]]:
    """home's sections first (the site and pages others hang off), then each other app's `<app>.demo.SECTIONS`."""
    sections = list(import_module("home.demo").SECTIONS)
    for app_config in apps.get_app_configs():
        if app_config.name != "home" and module_has_submodule(app_config.module, "demo"):
            sections += import_module(f"{app_config.name}.demo").SECTIONS
    return sections


class Command(BaseCommand):
    help = "Load demo pages in Danish and English and demo accounts. Safe to run again: it adds only what is missing."

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Wagtail logs a line per page created and per background task; the summary is what matters here.
            for name in QUIET_LOGGERS:
                logging.getLogger(name).setLevel(logging.WARNING)
        factory.random.reseed_random(DEMO_SEED)
        # All or nothing: an error half-way leaves the database as it was, and the next run starts clean.
        with transaction.atomic():
            demo = DemoContext(site=Site.objects.get(is_default_site=True))
            for section in demo_sections():
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {section.__module__}.{section.__name__}")
                section(demo)
        self.print_summary(demo)

    def print_summary(self, demo: DemoContext) -> None:
        base = settings.SITE_URL
        self.stdout.write(self.style.SUCCESS("Demo content is ready.") + "\n")
        rows = [("Account", "Password", "Role"), *((a.email, a.password, a.role) for a in demo.accounts)]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for number, row in enumerate(rows):
            line = "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip()
            self.stdout.write(f"  {self.style.MIGRATE_HEADING(line) if number == 0 else line}")
        self.stdout.write("")
        width = max(len(label) for label, _path in demo.links)
        for label, path in demo.links:
            self.stdout.write(f"  {label.ljust(width)}  {base}{path}")
