#!/usr/bin/env python3
"""Benchmark the content API: time and SQL queries to pull every page and every case
record, the way the build step does (HTTP over the WSGI app with httpx, 500 pages and
1 000 case records per request). Prints a table.

    .venv/bin/python scripts/bench_api.py                 # demo data, then + 10 000 cases
    .venv/bin/python scripts/bench_api.py --cases 2000

Everything runs in a throwaway SQLite database and media folder under a temporary
directory (HUB_VAR_DIR); DATABASE_URL is ignored, so the developer's database is never
touched. Steps: migrate, ``load_demo``, pull everything twice (the first pull also makes
the image renditions), then add N generated case records in bulk and pull again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(var_dir: Path) -> None:
    os.environ["HUB_VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    database = Path(settings.DATABASES["default"]["NAME"])
    assert var_dir in database.parents, f"refusing to use {database}"


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def measured():
    """Seconds and number of SQL queries of the block: ``with measured() as m: …; m()``."""
    from django.db import connection

    counter = QueryCounter()
    started = time.perf_counter()
    result = {}
    with connection.execute_wrapper(counter):
        yield lambda: result
    result.update(seconds=time.perf_counter() - started, queries=counter.count)


def client():
    import httpx

    from cms.wsgi import application

    return httpx.Client(
        transport=httpx.WSGITransport(app=application), base_url="http://localhost/api/v2/"
    )


def walk(http, path: str, params: dict, limit: int) -> tuple[int, int]:
    """Fetch every item of a listing; (requests, items)."""
    requests = items = offset = 0
    while True:
        response = http.get(path, params={**params, "limit": limit, "offset": offset})
        response.raise_for_status()
        data = response.json()
        requests += 1
        items += len(data["items"])
        offset += len(data["items"])
        if not data["items"] or offset >= data["meta"]["total_count"]:
            return requests, items


def pull(http) -> list[tuple[str, int, int, dict]]:
    """Every page (one listing per type, all fields) and every case record."""
    rows = []
    from sitebuild.pull.mapping import PAGE_TYPES  # every page type the site is built from

    with measured() as pages:
        requests = items = 0
        for page_type in PAGE_TYPES:
            r, i = walk(http, "pages/", {"type": page_type, "fields": "*"}, 500)
            requests, items = requests + r, items + i
    rows.append(("all pages, fields=*", requests, items, pages()))
    with measured() as cases:
        requests, items = walk(http, "cases/", {}, 1000)
    rows.append(("all case records", requests, items, cases()))
    for name in ["manifest/", "stats/", "taxonomies/"]:
        with measured() as other:
            response = http.get(name)
            response.raise_for_status()
        count = len(response.json().get("items", [])) if name == "manifest/" else 1
        rows.append((name.rstrip("/"), 1, count, other()))
    return rows


def generate_cases(count: int, seed: int = 2017) -> None:
    """``count`` published case records with phase histories, taxonomies, idea carriers,
    partners and solutions, written in bulk."""
    from django.db import transaction

    from cms.cases.choices import InnovationType, Method, Origin, Outcome, Phase
    from cms.cases.models import (
        CasePartner,
        CasePhaseChange,
        CaseRecord,
        CaseSolution,
        IdeaCarrier,
    )
    from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic

    rng = random.Random(seed)
    orgs = list(Organisation.objects.all())
    topics = list(Topic.objects.all())
    goals = list(SustainableDevelopmentGoal.objects.all())
    phases = [p.value for p in Phase]
    levels = ["intern", "anonymiserad", "publik"]
    now = dt.datetime.now(dt.UTC)
    records = []
    for n in range(count):
        year = 2000 + n // 1000
        received = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(360))
        phase = rng.choice(phases)
        outcome = rng.choice([o.value for o in Outcome]) if phase == "avslutad" else ""
        records.append(
            CaseRecord(
                case_id=f"IS-{year}-{n % 1000 + 1:03d}",
                title=f"Genererat case {n}",
                slug=f"genererat-case-{n}",
                summary="Ett genererat case för mätningen. " * 3,
                challenge="Behovet beskrivs här. " * 5,
                publication_level=rng.choice(levels),
                received_date=received,
                origin=rng.choice([o.value for o in Origin]),
                home_organisation=rng.choice(orgs),
                taken_over_by=rng.choice(orgs) if outcome in ("overlamnat", "hittat_hem") else None,
                innovation_types=[rng.choice([t.value for t in InnovationType])],
                methods=rng.sample([m.value for m in Method], 3),
                phase=phase,
                outcome=outcome,
                results="Resultat. " * 10,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    with transaction.atomic():
        CaseRecord.objects.bulk_create(records, batch_size=500)
        records = list(CaseRecord.objects.filter(slug__startswith="genererat-case-"))
        history, carriers, partners, solutions = [], [], [], []
        topic_links, goal_links, org_links = [], [], []
        for record in records:
            path = phases[: phases.index(record.phase) + 1]
            for i, phase in enumerate(path):
                date = record.received_date + dt.timedelta(days=40 * i)
                history.append(CasePhaseChange(case=record, phase=phase, date=date, sort_order=i))
            carriers.append(IdeaCarrier(case=record, role="Sjuksköterska", unit="Hemtjänsten"))
            partners.append(
                CasePartner(case=record, organisation=rng.choice(orgs), partner_type="forskning")
            )
            solutions.append(CaseSolution(case=record, title="Ett lösningsförslag"))
            topic_links.append(
                CaseRecord.topics.through(caserecord=record, topic=rng.choice(topics))
            )
            goal_links.append(
                CaseRecord.sdgs.through(
                    caserecord=record, sustainabledevelopmentgoal=rng.choice(goals)
                )
            )
            org_links.append(
                CaseRecord.participating_organisations.through(
                    caserecord=record, organisation=rng.choice(orgs)
                )
            )
        for model, rows in [
            (CasePhaseChange, history),
            (IdeaCarrier, carriers),
            (CasePartner, partners),
            (CaseSolution, solutions),
            (CaseRecord.topics.through, topic_links),
            (CaseRecord.sdgs.through, goal_links),
            (CaseRecord.participating_organisations.through, org_links),
        ]:
            model.objects.bulk_create(rows, batch_size=1000)


def print_table(title: str, rows) -> None:
    print(f"\n{title}")
    print(f"  {'what':<22} {'requests':>8} {'items':>7} {'seconds':>8} {'SQL queries':>11}")
    for name, requests, items, m in rows:
        print(f"  {name:<22} {requests:>8} {items:>7} {m['seconds']:>8.2f} {m['queries']:>11}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="generated case records")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)

    var_dir = Path(tempfile.mkdtemp(prefix="hub-bench-api-"))
    try:
        setup_django(var_dir)
        from django.core.management import call_command

        from cms.cases.models import CaseRecord
        from cms.core.public import public_cases

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("load_demo", quiet=True)
        print(f"Database: {var_dir} (migrate + load_demo {time.perf_counter() - started:.1f} s)")

        with client() as http:
            print_table("Demo data, first pull (makes the image renditions)", pull(http))
            print_table("Demo data, second pull", pull(http))

            started = time.perf_counter()
            generate_cases(args.cases)
            print(
                f"\nGenerated {args.cases} case records in "
                f"{time.perf_counter() - started:.1f} s: {CaseRecord.objects.count()} in the "
                f"register, {public_cases().count()} public."
            )
            print_table(f"Demo data + {args.cases} generated case records", pull(http))
    finally:
        if args.keep:
            print(f"\nKept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
