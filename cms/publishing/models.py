"""The build history: every rebuild of the public site, what asked for it and how it went.

A change that reaches the site (a page or case record published, unpublished, moved or
deleted; a taxonomy, the site settings or an image in use changed; "Bygg webbplatsen nu")
adds a ``BuildTrigger`` to the one build that is waiting (``SiteBuild`` with status
``queued``), or queues a new build if none is waiting (``cms.publishing.builds``). The
worker takes the waiting build, marks it running, and records its result. At most one
build waits at a time (a database constraint), so however many changes come in while a
build runs, one more build follows it, with all of them.
"""

from django.conf import settings
from django.db import models


class SiteBuild(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Väntar"
        RUNNING = "running", "Pågår"
        DONE = "done", "Klart"
        FAILED = "failed", "Misslyckades"

    status = models.CharField("Status", max_length=10, choices=Status, default=Status.QUEUED)
    full = models.BooleanField("Fullständigt bygge", default=False)
    queued_at = models.DateTimeField("Köat", auto_now_add=True)
    started_at = models.DateTimeField("Startat", null=True, blank=True)
    finished_at = models.DateTimeField("Klart", null=True, blank=True)
    items_fetched = models.PositiveIntegerField("Hämtade objekt", null=True, blank=True)
    pages_rendered = models.PositiveIntegerField("Renderade sidor", null=True, blank=True)
    error = models.TextField("Fel", blank=True)

    class Meta:
        verbose_name = "Webbplatsbygge"
        verbose_name_plural = "Webbplatsbyggen"
        ordering = ["-queued_at", "-pk"]
        permissions = [("request_build", "Kan starta ett bygge av webbplatsen")]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="queued"),
                name="publishing_one_queued_build",
            )
        ]

    def __str__(self):
        return f"Bygge {self.pk} ({self.get_status_display().lower()})"

    @property
    def seconds(self) -> float | None:
        """How long it ran, or ``None`` before it has finished."""
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class BuildTrigger(models.Model):
    """One change that asked for a build: what changed and who changed it."""

    build = models.ForeignKey(SiteBuild, on_delete=models.CASCADE, related_name="triggers")
    what = models.CharField("Ändring", max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("Tid", auto_now_add=True)

    class Meta:
        verbose_name = "Anledning till bygge"
        verbose_name_plural = "Anledningar till bygge"
        ordering = ["at", "pk"]

    def __str__(self):
        return self.what
