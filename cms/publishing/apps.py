from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "cms.publishing"
    label = "publishing"
    verbose_name = "Publicering"
    default_auto_field = "django.db.models.BigAutoField"
