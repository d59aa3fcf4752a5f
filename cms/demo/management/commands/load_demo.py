"""``manage.py load_demo``: fill the hub with demo content (idempotent)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.runner import run
from cms.demo.users import login_lines


class Command(BaseCommand):
    help = (
        "Fyller webbplatsen med demoinnehåll: användare, organisationer, 128 case, goda "
        "exempel, inspiration, Innovationsprogrammet, 24 nyhetsbrev och bilder. Det som redan "
        "finns lämnas orört, så kommandot kan köras flera gånger. "
        "Exempel: python -m cms load_demo --quiet"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Skriv inte ut något när allt går bra."
        )

    def handle(self, *args, quiet=False, **options):
        # The demo logins' passwords are published in the README: never in production.
        if not settings.HUB_DEMO_ALLOWED:
            raise CommandError(
                "load_demo körs bara med utvecklings- och testinställningarna "
                "(HUB_DEMO_ALLOWED är av): demoanvändarna, bland dem superanvändaren admin, "
                "har lösenord som står i README. Den här miljön använder "
                f"{settings.SETTINGS_MODULE}."
            )
        started = time.monotonic()
        report = run()
        if quiet:
            return
        self.stdout.write(f"Demoinnehållet är på plats ({time.monotonic() - started:.1f} s):")
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write("")
        self.stdout.write("Inloggningar för demo (användarnamn, lösenord, roll):")
        for line in login_lines():
            self.stdout.write(line)
