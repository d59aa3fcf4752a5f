"""``hub worker``: the one process for all background work.

It runs every queued task, whatever queue it is in: the site rebuilds
(``cms.publishing.builds``) and Wagtail's own tasks (search index, reference index, image
files), and it publishes and unpublishes pages whose scheduled time has come, once a
minute (``HUB_SCHEDULE_INTERVAL``), as Wagtail's ``publish_scheduled`` would from cron.

It is django-tasks-db's ``db_worker`` with the defaults this project wants: all queues,
no reloader (a rebuild is not stopped half-way because a file changed) and no random
start-up delay. Any of ``db_worker``'s options can still be given.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from cms.publishing.builds import recover_interrupted

logger = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = (
        "Kör allt bakgrundsarbete: bygger om webbplatsen efter publiceringar, uppdaterar "
        "Wagtails sökindex och referensindex och publicerar schemalagda sidor varje minut."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False, startup_delay=False, interval=0.2)
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Publicera inte schemalagda sidor (om en annan process redan gör det).",
        )

    def configure_logging(self, verbosity: int) -> None:
        # A line per task started and finished (thousands after a demo load or an import)
        # only with -v 2; failed tasks are logged (as errors) unless -v 0.
        super().configure_logging(verbosity)
        if verbosity == 1:
            for name in (TASKS_LOGGER, "django_tasks_db"):
                logging.getLogger(name).setLevel(logging.WARNING)

    def handle(self, *args, no_schedule=False, **options):
        interrupted = recover_interrupted()
        if interrupted:
            logger.warning(
                "%s avbrutna bygge(n) markerade som misslyckade; nytt bygge köat.", interrupted
            )
        if not no_schedule:
            # A newsletter send that a stopped worker left midway goes on (only the worker
            # that also schedules does this, so two workers never take the same message).
            from cms.newsletter.sending import resume_sends

            if resume_sends():
                logger.warning("Ett avbrutet utskick av nyhetsbrevet fortsätter.")
        if not no_schedule and not options["batch"]:
            threading.Thread(target=_publish_scheduled_forever, daemon=True).start()
        super().handle(*args, **options)


def _publish_scheduled_forever() -> None:
    """Wagtail's ``publish_scheduled``, now and then every minute, in its own thread (and
    database connection) beside the worker's loop; and the newsletter sign-ups whose
    confirmation link has expired are deleted."""
    from cms.newsletter.signup import purge_expired

    while True:
        try:
            call_command("publish_scheduled")
            purge_expired()
        except Exception:  # logged; the next minute tries again
            logger.exception("Schemalagd publicering misslyckades")
        finally:
            close_old_connections()
        time.sleep(settings.HUB_SCHEDULE_INTERVAL)
