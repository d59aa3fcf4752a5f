from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "cms.publishing"
    label = "publishing"
    verbose_name = "Publicering"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the rebuild triggers)
