"""The ``hub`` command: one entry point for the CMS and the build step.

Examples::

    hub demo              # migrate, load the demo content and serve the CMS
    hub demo --no-serve   # the same, then exit
    hub cms createsuperuser
    hub cms check --deploy
"""

import argparse
import os
import subprocess
import sys


def _manage(*args: str) -> int:
    """Run a Django management command in a child process (keeps this process Django-free)."""
    env = {**os.environ}
    env.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    return subprocess.call([sys.executable, "-m", "cms", *args], env=env)


def cmd_cms(args: argparse.Namespace) -> int:
    """Run any Django management command: ``hub cms migrate``."""
    return _manage(*args.args)


def cmd_demo(args: argparse.Namespace) -> int:
    """Prepare the embedded database with demo content, then serve the CMS."""
    steps = [("migrate", "--no-input", "-v", "0"), ("load_demo",)]
    for step in steps:
        code = _manage(*step)
        if code:
            print(
                f"hub demo: steget '{' '.join(step)}' misslyckades (kod {code}).", file=sys.stderr
            )
            return code
    if args.no_serve:
        return 0
    print(f"\nCMS: http://{args.host}:{args.port}/admin/  (avsluta med Ctrl+C)\n", flush=True)
    try:
        return _manage("runserver", "--noreload", f"{args.host}:{args.port}")
    except KeyboardInterrupt:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hub", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("cms", help="kör ett Django-kommando, t.ex. 'hub cms migrate'")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_cms)

    p = sub.add_parser("demo", help="förbered demodatabasen och starta CMS:et")
    p.add_argument("--no-serve", action="store_true", help="avsluta när allt är förberett")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    sys.exit(args.func(args))
