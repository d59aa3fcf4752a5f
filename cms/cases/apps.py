from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cms.cases"
    label = "cases"
    verbose_name = "Case"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
