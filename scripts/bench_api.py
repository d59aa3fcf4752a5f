#!/usr/bin/env python3
"""Benchmark the content API: time and SQL queries to pull every page and every case
record, the way the build step does (HTTP over the WSGI app with httpx, 500 pages and
1 000 case records per request). Prints a table.

    .venv/bin/python scripts/bench_api.py                 # demo data, then + 10 000 cases
    .venv/bin/python scripts/bench_api.py --cases 2000

Everything runs in a throwaway SQLite database and media folder under a temporary
directory (HUB_VAR_DIR); DATABASE_URL is ignored, so the developer's database is never
touched. Steps: migrate, ``load_demo``, pull everything twice (the first pull also makes
the image renditions), then add N generated case records in bulk (``cms.demo.generate``,
the generator the tests use) and pull again.
"""

from __future__ import annotations

import argparse
import os
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
        from cms.demo.generate import generate_cases

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("load_demo", quiet=True)
        print(f"Database: {var_dir} (migrate + load_demo {time.perf_counter() - started:.1f} s)")

        with client() as http:
            print_table("Demo data, first pull (makes the image renditions)", pull(http))
            print_table("Demo data, second pull", pull(http))

            started = time.perf_counter()
            generate_cases(args.cases, seed=2017)
            print(
                f"\nGenerated {args.cases} case records in "
                f"{time.perf_counter() - started:.1f} s: {CaseRecord.objects.count()} in the "
                f"register, {CaseRecord.objects.public().count()} public."
            )
            print_table(f"Demo data + {args.cases} generated case records", pull(http))
    finally:
        if args.keep:
            print(f"\nKept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
