#!/usr/bin/env python3
"""Benchmark importing the case register from a spreadsheet: time and peak memory of
``hub import-cases`` for a dry run, the import, and a re-import of the same file (which
changes nothing). Prints a table.

    .venv/bin/python scripts/bench_import.py                # 10 000 rows
    .venv/bin/python scripts/bench_import.py --rows 2000 --publish

Everything runs in a throwaway SQLite database under a temporary directory (HUB_VAR_DIR);
DATABASE_URL is ignored, so the developer's database is never touched. Steps: migrate,
add the demo's organisations and topics, write N generated cases (``cms.demo.generate``,
the generator the tests use) as an ``.xlsx`` the way the export writes it, then run each
step as its own ``python -m cms import_cases`` process, as ``hub import-cases`` does: the
time includes starting Django, the memory is the process's peak resident size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
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


def spreadsheet(rows: int, path: Path) -> None:
    """``rows`` generated cases, valid as the admin form would have them, as an .xlsx."""
    from cms.cases import register
    from cms.cases.models import HANDOVER_OUTCOMES
    from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic
    from cms.demo.generate import random_spec, record_from_spec

    orgs = {o.name: o for o in Organisation.objects.all()}
    topics = {t.name: t for t in Topic.objects.all()}
    sdgs = {g.number: g for g in SustainableDevelopmentGoal.objects.all()}
    rng = random.Random(2017)
    records = []
    for n in range(rows):
        spec = random_spec(
            rng, n, 2000, ["intern", "anonymiserad", "publik"], list(orgs), list(topics), list(sdgs)
        )
        # The generator writes in bulk, past validation; the import validates every row.
        spec.origin = spec.origin or "medarbetaride"
        if spec.outcome in HANDOVER_OUTCOMES and not spec.taken_over_by:
            spec.taken_over_by = spec.home
        record = record_from_spec(spec, orgs, topics, sdgs, {})
        record.slug = f"genererat-case-{n}"
        records.append(record)
    data = register.dataset(records)
    path.write_bytes(register.export_bytes(data, path.suffix.lstrip(".")))


def run_step(name: str, args: list[str]) -> tuple[str, float, float, str]:
    """Run ``python -m cms import_cases ARGS``: (name, seconds, peak MB, last line)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "cms", "import_cases", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = output.strip().splitlines() or [""]
    if process.returncode:
        print(output, file=sys.stderr)
        raise SystemExit(f"{name} failed with exit code {process.returncode}")
    return name, seconds, usage.ru_maxrss / 1024, lines[-1]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows in the spreadsheet")
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    parser.add_argument("--publish", action="store_true", help="import with --publish")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)

    var_dir = Path(tempfile.mkdtemp(prefix="hub-bench-import-"))
    try:
        setup_django(var_dir)
        from django.core.management import call_command
        from django.db import connections

        from cms.demo.base import Report
        from cms.demo.organisations import ensure_organisations, ensure_topics

        call_command("migrate", verbosity=0)
        ensure_organisations(Report())
        ensure_topics(Report())
        path = var_dir / f"register.{args.format}"
        started = time.perf_counter()
        spreadsheet(args.rows, path)
        print(
            f"Database: {var_dir}\n{args.rows} rows written to {path.name} "
            f"({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s"
        )
        connections.close_all()

        publish = ["--publish"] if args.publish else []
        steps = [
            run_step("dry run", [str(path), "--dry-run"]),
            run_step("import" + (" --publish" if publish else ""), [str(path), *publish]),
            run_step("re-import (unchanged)", [str(path), *publish]),
        ]
        print(f"\n  {'step':<24} {'seconds':>8} {'peak MB':>8}  output")
        for name, seconds, peak, line in steps:
            print(f"  {name:<24} {seconds:>8.1f} {peak:>8.0f}  {line}")
    finally:
        if args.keep:
            print(f"\nKept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
