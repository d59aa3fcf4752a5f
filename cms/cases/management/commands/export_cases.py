"""``hub export-cases FILE [--personal]``: the case register as a spreadsheet (the format from
the suffix, ``.xlsx`` or ``.csv``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.cases import register
from cms.cases.records import CaseRecord


class Command(BaseCommand):
    help = (
        "Exportera caseregistret till ett kalkylblad; formatet följer filändelsen (.xlsx "
        "eller .csv). Exempel: hub export-cases register.xlsx"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="filen att skriva (.xlsx eller .csv)")
        parser.add_argument(
            "--personal",
            action="store_true",
            help="ta med interna anteckningar och personuppgifter (idébärare, coach, kontakt)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in register.FORMATS:
            raise CommandError("Filen ska sluta på .xlsx eller .csv.")
        records = register.latest_versions(CaseRecord.objects.order_by("case_id"))
        data = register.dataset(records, personal=options["personal"])
        try:
            path.write_bytes(register.export_bytes(data, fmt))
        except OSError as error:
            raise CommandError(f"Kunde inte skriva {path}: {error.strerror}") from None
        self.stdout.write(f"{len(records)} case exporterade till {path}.")
