from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Grund"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings
        from django.db import models
        from django.db.backends.signals import connection_created
        from wagtail.admin.forms.models import register_form_field_override

        from .collation import add_sqlite_collation
        from .forms import UserChoiceField

        # SQLite sorts text byte for byte: every connection learns the Swedish order.
        connection_created.connect(add_sqlite_collation, dispatch_uid="swedish-collation")

        # Owner, coach and contact pickers show full names (Wagtail's own filters do too).
        register_form_field_override(
            models.ForeignKey,
            to=settings.AUTH_USER_MODEL,
            override={"form_class": UserChoiceField},
        )
