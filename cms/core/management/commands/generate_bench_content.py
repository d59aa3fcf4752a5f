"""Generate many case records and pages quickly, for benchmarks (never on a real database).

    hub cms generate_bench_content --cases 10000 --pages 1000

Case records are bulk-inserted as live rows (with phase history, topics and goals);
pages are real Wagtail pages (articles and good examples) created one by one in the tree.
Refuses to run on a database that already holds more than the demo's case records unless
``--force`` is given.
"""

import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.choices import Outcome, Phase, PublicationLevel
from cms.cases.models import CasePhaseChange, CaseRecord, CaseStoryIndexPage, CaseStoryPage
from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic

WORDS = [
    "digitala",
    "nycklar",
    "hemtjänst",
    "skolskjuts",
    "äldreboende",
    "återbruk",
    "medborgardialog",
    "bygglov",
    "fritidsgård",
    "välfärdsteknik",
    "matsvinn",
    "cykelparkering",
    "vägledning",
    "öppna data",
    "bemanning",
    "språkstöd",
]
PHASES = [
    Phase.INKOMMEN,
    Phase.UTFORSKAS,
    Phase.KONCEPTUTVECKLING,
    Phase.TESTAS,
    Phase.IMPLEMENTERAS,
    Phase.AVSLUTAD,
]


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
            org = Organisation.objects.get_or_create(
                name="Testförvaltningen", defaults={"type": "forvaltning"}
            )[0]
            topic = Topic.objects.get_or_create(name="Prestanda")[0]
            self._cases(cases, rng, org, topic)
            self._pages(pages, rng)
        self.stdout.write(f"{cases} case och {pages} sidor skapade.")

    def _cases(self, count, rng, org, topic):
        now = timezone.now()
        start = CaseRecord.objects.count()
        records = []
        for i in range(count):
            n = start + i
            received = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(1400))
            phase = rng.choice(PHASES)
            title = f"{rng.choice(WORDS).capitalize()} och {rng.choice(WORDS)} {n}"
            records.append(
                CaseRecord(
                    case_id=f"IS-{received.year}-{n:05d}"[:20],
                    title=title,
                    slug=f"bench-{n}",
                    summary=f"Ett genererat case om {title.lower()}.",
                    publication_level=PublicationLevel.PUBLIK,
                    received_date=received,
                    origin="medarbetaride",
                    home_organisation=org,
                    challenge="Ett behov som behöver utforskas.",
                    phase=phase,
                    outcome=Outcome.LARANDE if phase == Phase.AVSLUTAD else "",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    target_groups=["medarbetare"],
                    innovation_types=["process"],
                    methods=["workshop"],
                )
            )
        created = CaseRecord.objects.bulk_create(records, batch_size=500)
        CasePhaseChange.objects.bulk_create(
            [
                CasePhaseChange(case=r, phase=r.phase, date=r.received_date, sort_order=0)
                for r in created
            ],
            batch_size=1000,
        )
        goals = list(SustainableDevelopmentGoal.objects.values_list("pk", flat=True))
        CaseRecord.topics.through.objects.bulk_create(
            [CaseRecord.topics.through(caserecord_id=r.pk, topic_id=topic.pk) for r in created],
            batch_size=1000,
        )
        CaseRecord.sdgs.through.objects.bulk_create(
            [
                CaseRecord.sdgs.through(
                    caserecord_id=r.pk, sustainabledevelopmentgoal_id=rng.choice(goals)
                )
                for r in created
            ],
            batch_size=1000,
        )

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
