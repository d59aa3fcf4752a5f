"""Generate many case records and pages quickly, for benchmarks (never on a real database).

    hub cms generate_bench_content --cases 10000 --pages 1000

Case records come from ``cms.demo.generate`` (bulk-inserted live ``publik`` rows with
phase history and every kind of relation); pages are real Wagtail pages (articles and good
examples) created one by one in the tree. Refuses to run on a database that already holds
more than the demo's case records unless ``--force`` is given.
"""

import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.choices import PublicationLevel
from cms.cases.models import CaseRecord, CaseStoryIndexPage, CaseStoryPage
from cms.core.models import Organisation, Topic
from cms.demo.generate import WORDS, generate_cases


class Command(BaseCommand):
    help = "Skapa många case och sidor snabbt, för prestandamätningar."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=1000)
        parser.add_argument("--pages", type=int, default=100)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, cases, pages, seed, force, **options):
        if CaseRecord.objects.count() > 200 and not force:
            raise CommandError("Databasen har redan många case; använd en tom databas.")
        rng = random.Random(seed)
        with transaction.atomic():
            # The generator needs an organisation and a topic, also in an empty database.
            Organisation.objects.get_or_create(
                name="Testförvaltningen", defaults={"type": "forvaltning"}
            )
            Topic.objects.get_or_create(name="Prestanda")
            generate_cases(cases, seed=seed, levels=[PublicationLevel.PUBLIK])
            self._pages(pages, rng)
        self.stdout.write(f"{cases} case och {pages} sidor skapade.")

    def _pages(self, count, rng):
        articles = InspirationIndexPage.objects.get()
        stories = CaseStoryIndexPage.objects.get()
        cases = list(CaseRecord.objects.filter(live=True).values_list("pk", flat=True)[:count])
        now = timezone.now()
        for i in range(count):
            body = [("rich_text", f"<p>Genererad text nummer {i} om {rng.choice(WORDS)}.</p>")]
            if i % 2 and cases:
                page = CaseStoryPage(
                    title=f"Genererat gott exempel {i}",
                    slug=f"exempel-{i}",
                    case_id=cases[i % len(cases)],
                    body=body,
                    listing_summary="Ett genererat exempel.",
                    first_published_at=now,
                    last_published_at=now,
                )
                stories.add_child(instance=page)
            else:
                page = InspirationArticlePage(
                    title=f"Genererad artikel {i}",
                    slug=f"artikel-{i}",
                    body=body,
                    published_date=dt.date(2020, 1, 1) + dt.timedelta(days=i % 300),
                    listing_summary="En genererad artikel.",
                    first_published_at=now,
                    last_published_at=now,
                )
                articles.add_child(instance=page)
