from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Grund"
    default_auto_field = "django.db.models.BigAutoField"
