"""Run a Django management command: ``python -m cms migrate`` (the manage.py equivalent)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hub cms", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
