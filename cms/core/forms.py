"""Admin forms shared by every page type."""

from wagtail.admin.forms import WagtailAdminPageForm

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
