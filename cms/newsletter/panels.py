"""What the communicator sees of an issue's "Nuläget" in the edit form: the figures the
issue shows, computed from the register for its issue date (read only; nothing to type)."""

from django.utils.functional import cached_property
from wagtail.admin.panels import HelpPanel


class IssueStatusPanel(HelpPanel):
    """The issue's Nuläget (``NewsletterIssuePage.status``) for the saved issue date."""

    def __init__(self, template="newsletter/issue_status_panel.html", **kwargs):
        kwargs.setdefault("heading", "Nuläget")
        super().__init__(template=template, **kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        @cached_property
        def status(self) -> dict | None:
            return self.instance.status if self.instance is not None else None
