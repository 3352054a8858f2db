"""`manage.py import_survey FILE --year YYYY`: import (or with --dry-run, only check) a salary survey export."""

import os
import resource
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from stats.services.catalogue import MappingError, read_mapping
from stats.services.importer import SurveyImportError, import_survey

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import a year of the salary survey from the survey tool's CSV export (replacing that year), "
        "report every rejected row with its line number, and fit the calculator afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV export")
        parser.add_argument("--year", type=int, required=True, help="the survey's year")
        parser.add_argument(
            "--mapping", help="TOML file mapping new column headers to questions (see stats/questions.toml)"
        )
        parser.add_argument("--dry-run", action="store_true", help="check the file and report; write nothing")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            size = os.path.getsize(path)
            mapping = None
            if options["mapping"]:
                with open(options["mapping"], "rb") as mapping_file:
                    mapping = read_mapping(mapping_file)
            started = time.monotonic()
            with open(path, "rb") as source:
                report = import_survey(
                    source,
                    options["year"],
                    mapping=mapping,
                    dry_run=options["dry_run"],
                    progress=lambda done: self._progress(done, size),
                )
        except OSError as error:
            raise CommandError(f"Cannot read {error.filename}: {error.strerror}") from error
        except MappingError as error:
            raise CommandError(error.message) from error
        except SurveyImportError as error:
            lines = [error.message, *(f"  unknown column: {header}" for header in error.headers)]
            if error.line:
                lines.append(f"  near line {error.line}")
            if error.code == "unknown_headers":
                lines.append('  Map them with --mapping FILE ([columns] "header" = "question key" or "ignore").')
            raise CommandError("\n".join(lines)) from error
        self._progress(size, size)
        self.stderr.write("")
        self._report(report, time.monotonic() - started)

    def _progress(self, done: int, size: int) -> None:
        if not size or not sys.stderr.isatty() and done < size:
            return
        share = min(done / size, 1.0)
        filled = int(share * BAR_WIDTH)
        self.stderr.write(f"\r[{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {share:4.0%}", ending="")
        self.stderr.flush()

    def _report(self, report, seconds: float) -> None:
        for row in report.rejected:
            self.stdout.write(f"line {row.line}: {row.message}")
        if report.rejected_count > len(report.rejected):
            self.stdout.write(f"... and {report.rejected_count - len(report.rejected)} more rejected rows")
        for key, values in report.new_answers.items():
            self.stdout.write(f"new answers to {key}: {', '.join(values)}")
        verb = "would import" if report.dry_run else "imported"
        summary = f"{report.year}: {report.rows} rows read, {verb} {report.imported}, rejected {report.rejected_count}"
        if report.replaced:
            summary += f"; replaces the {report.replaced} responses imported before"
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        summary += f" ({seconds:.1f} s, peak memory {peak_mb:.0f} MB)"
        self.stdout.write(self.style.SUCCESS(summary) if report.imported else summary)
