from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "cms.programme"
    label = "programme"
    verbose_name = "Innovationsprogrammet"
    default_auto_field = "django.db.models.BigAutoField"
