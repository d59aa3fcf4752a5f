"""The ``hub`` command: one entry point for the CMS and the build step.

Examples::

    hub demo              # migrate, load the demo content, build; run CMS, worker, site
    hub demo --port 8010 --site-port 8011
    hub demo --no-serve   # prepare and build, then exit
    hub build             # pull from the local CMS and build site/build/
    hub build --api https://cms.example.org --out /srv/hub
    hub build --wait 600  # wait up to ten minutes if another build is running
    hub pull              # only update content/
    hub serve             # serve site/build/ at http://127.0.0.1:8001/
    hub worker            # rebuild after publishing; Wagtail's tasks; scheduled publishing
    hub import-cases register.xlsx --dry-run   # what importing the register would change
    hub export-cases register.csv              # the register as a spreadsheet
    hub cms createsuperuser
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

#: Exit code of ``hub build`` and ``hub pull`` when another build holds the lock (the
#: sysexits code "try again later"); 1 is a build that failed, 0 one that published.
EXIT_BUSY = 75


def _manage(*args: str) -> int:
    """Run a Django management command in a child process (keeps this process Django-free)."""
    env = {**os.environ}
    env.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    return subprocess.call([sys.executable, "-m", "cms", *args], env=env)


def cmd_cms(args: argparse.Namespace) -> int:
    """Run any Django management command: ``hub cms migrate``."""
    return _manage(*args.args)


def cmd_demo(args: argparse.Namespace) -> int:
    """Prepare the embedded database with demo content and build the site, then run the
    CMS, the worker and the site server together until Ctrl+C (``sitebuild.demo``)."""
    from . import demo

    return demo.run(args.host, args.port, args.site_port, serve=not args.no_serve)


def cmd_worker(args: argparse.Namespace) -> int:
    """Run the background worker: rebuilds after publishing, Wagtail's own tasks and
    scheduled publishing (``python -m cms hub_worker``)."""
    return _manage("hub_worker", *args.args)


def cmd_import_cases(args: argparse.Namespace) -> int:
    """Import the case register from a spreadsheet (``python -m cms import_cases``); exit 1
    if any row is rejected (then nothing is imported)."""
    options = ["--dry-run"] * args.dry_run + ["--publish"] * args.publish
    if args.user:
        options += ["--user", args.user]
    return _manage("import_cases", str(args.file), *options)


def cmd_export_cases(args: argparse.Namespace) -> int:
    """Export the case register to a spreadsheet (``python -m cms export_cases``)."""
    return _manage("export_cases", str(args.file), *["--personal"] * args.personal)


def cmd_pull(args: argparse.Namespace) -> int:
    """Pull published content from the CMS into content/."""
    from .build import CONTENT, Reporter
    from .limits import TimeLimitExceeded
    from .local_cms import api_client
    from .lock import BuildBusy, holding
    from .pull import ApiError, pull

    reporter = Reporter(quiet=args.quiet)
    content = args.content or CONTENT
    try:
        with holding(content, wait=args.wait), api_client(args.api) as client:
            reporter.phase("Hämtar från CMS:et")
            result = pull(
                client,
                content,
                full=args.full,
                progress=reporter.tick,
                allow_mass_delete=args.allow_mass_delete,
            )
    except BuildBusy as exc:
        reporter.done("")
        print(f"hub pull: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except (ApiError, ValueError, OSError, TimeLimitExceeded) as exc:
        reporter.done("")
        print(f"hub pull: {exc}", file=sys.stderr)
        return 1
    reporter.done(
        f"Klart: {result.fetched} objekt hämtade, {len(result.written)} filer "
        f"skrivna, {len(result.removed)} borttagna, {result.media} mediefiler."
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Pull, then build the static site atomically into site/build/ (or --out)."""
    from .build import CONTENT, OUT, Reporter, build
    from .limits import TimeLimitExceeded
    from .lock import BuildBusy
    from .pull import ApiError
    from .render import BuildFailed
    from .render.pagefind import SearchIndexFailed

    reporter = Reporter(quiet=args.quiet)
    try:
        summary = build(
            args.api,
            out=args.out or OUT,
            content=args.content or CONTENT,
            full=args.full,
            site_url=args.site_url,
            reporter=reporter,
            allow_mass_delete=args.allow_mass_delete,
            wait=args.wait,
        )
    except BuildBusy as exc:
        reporter.done("")
        print(f"hub build: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except (ApiError, BuildFailed, SearchIndexFailed, ValueError, OSError, TimeLimitExceeded) as e:
        reporter.done("")
        print(f"hub build: {e}\nDen publicerade webbplatsen är oförändrad.", file=sys.stderr)
        return 1
    reporter.done(summary.line())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the built site (site/build/) for a look on this machine."""
    from .build import OUT
    from .serve import serve

    return serve(args.out or OUT, args.host, args.port)


def _add_build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--api", help="CMS:ets adress (standard: det lokala CMS:et i processen)")
    p.add_argument("--content", type=Path, help="mapp för Markdown (standard: content/)")
    p.add_argument("--full", action="store_true", help="hämta och bygg allt på nytt")
    p.add_argument("--quiet", "-q", action="store_true", help="skriv bara ut fel")
    p.add_argument(
        "--wait",
        type=float,
        default=0,
        metavar="SEKUNDER",
        help="vänta så här länge om ett annat bygge pågår (standard: avbryt direkt)",
    )
    p.add_argument(
        "--allow-mass-delete",
        action="store_true",
        help="publicera även om manifestet tar bort mer än hälften av webbplatsen",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hub", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("cms", help="kör ett Django-kommando, t.ex. 'hub cms migrate'")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_cms)

    p = sub.add_parser("pull", help="hämta publicerat innehåll till content/")
    _add_build_options(p)
    p.set_defaults(func=cmd_pull)

    p = sub.add_parser("build", help="hämta och bygg den statiska webbplatsen")
    _add_build_options(p)
    p.add_argument("--out", type=Path, help="utmapp (standard: site/build/)")
    p.add_argument("--site-url", help="webbplatsens publika adress (för kanoniska länkar)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="visa den byggda webbplatsen lokalt")
    p.add_argument("--out", type=Path, help="mappen att visa (standard: site/build/)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "worker", help="kör bakgrundsarbetet: ombyggen efter publicering, sökindex, schemaläggning"
    )
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser(
        "import-cases", help="importera caseregistret från ett kalkylblad (.xlsx eller .csv)"
    )
    p.add_argument("file", type=Path, help="kalkylbladet")
    p.add_argument("--dry-run", action="store_true", help="visa vad som ändras, spara ingenting")
    p.add_argument("--publish", action="store_true", help="publicera nya och ändrade case direkt")
    p.add_argument("--user", help="användarnamnet som nya versioner sparas i namn av")
    p.set_defaults(func=cmd_import_cases)

    p = sub.add_parser(
        "export-cases", help="exportera caseregistret till ett kalkylblad (.xlsx eller .csv)"
    )
    p.add_argument("file", type=Path, help="filen att skriva; formatet följer filändelsen")
    p.add_argument(
        "--personal",
        action="store_true",
        help="ta med interna anteckningar och personuppgifter",
    )
    p.set_defaults(func=cmd_export_cases)

    p = sub.add_parser(
        "demo", help="förbered demodatabasen, bygg och kör CMS:et, workern och webbplatsen"
    )
    p.add_argument("--no-serve", action="store_true", help="avsluta när allt är förberett")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000, help="CMS:ets port (standard: 8000)")
    p.add_argument("--site-port", type=int, default=8001, help="webbplatsens port (standard: 8001)")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    sys.exit(args.func(args))
