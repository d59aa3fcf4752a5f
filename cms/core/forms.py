"""Admin forms shared by every page type."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.utils import get_user_display_name

from swedish import swedish_slugify


class HubPageForm(WagtailAdminPageForm):
    """An empty slug is made from the title the Swedish way (å/ä→a, ö→o, é→e)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = "Del av webbadressen. Lämna tomt för att skapa den från rubriken."

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        return swedish_slugify(slug or self.data.get("title", ""))


class UserChoiceField(forms.ModelChoiceField):
    """Editors choose a colleague by name ("Sara Lindqvist"), not by login name; used for
    every foreign key to a user in the admin's forms (registered in ``CoreConfig.ready``)."""

    def label_from_instance(self, obj):
        return get_user_display_name(obj)
