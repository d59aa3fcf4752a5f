from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "cms.newsletter"
    label = "newsletter"
    verbose_name = "Nyhetsbrev"
    default_auto_field = "django.db.models.BigAutoField"
