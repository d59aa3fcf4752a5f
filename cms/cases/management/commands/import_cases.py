"""``hub import-cases FILE [--dry-run] [--publish]``: import the case register from a
spreadsheet (``.xlsx`` or ``.csv``; see the README's "Caseregistret i kalkylblad")."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.cases import register
from cms.cases.register_import import REJECTED, import_table


class Command(BaseCommand):
    help = (
        "Importera caseregistret från ett kalkylblad (.xlsx eller .csv). Rader matchas på id: "
        "nya id skapas, ändrade case får en ny version. Exempel: "
        "hub import-cases register.xlsx --dry-run"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="kalkylbladet (.xlsx eller .csv)")
        parser.add_argument(
            "--dry-run", action="store_true", help="visa vad som skulle ändras, spara ingenting"
        )
        parser.add_argument(
            "--publish", action="store_true", help="publicera nya och ändrade case direkt"
        )
        parser.add_argument(
            "--user", help="användarnamnet som nya versioner sparas i namn av (standard: inget)"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Kunde inte läsa {path}: {error.strerror}") from None
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Det finns ingen användare ”{options['user']}”.")
        try:
            table = register.read_table(content, path.name)
        except register.TableError as error:
            raise CommandError(str(error)) from None

        result = import_table(
            table, user=user, publish=options["publish"], dry_run=options["dry_run"]
        )
        for message in result.file_errors:
            self.stdout.write(message)
        for row in result.rows:
            if row.status == REJECTED:
                for header, message in row.errors:
                    where = f"Rad {row.row}, {header}" if header else f"Rad {row.row}"
                    self.stdout.write(f"{where}: {message}")
            elif options["verbosity"] > 1 and row.changed:
                self.stdout.write(f"Rad {row.row} {row.case_id}: {', '.join(row.changed)}")
        if not result.ok:
            raise CommandError(
                f"Ingenting importerades: {result.summary()}. Rätta raderna ovan och försök igen."
            )
        if options["dry_run"]:
            self.stdout.write(f"Provkörning: {result.summary()}. Ingenting sparades.")
        else:
            published = " och publicerades" if options["publish"] else ""
            self.stdout.write(f"Importerat{published}: {result.summary()}.")
