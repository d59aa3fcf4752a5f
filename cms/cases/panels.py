"""The case field of a good example, with a warning when the chosen case record is not
shown on the site: the story is published all the same, but without its case."""

from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel

from .choices import PublicationLevel
from .records import CaseRecord


def hidden_case_warning(case: CaseRecord | None) -> str:
    """Why ``case`` is not shown on the site, in the coach's words; empty if it is shown."""
    if case is None:
        return ""
    if case.publication_level == PublicationLevel.INTERN:
        return (
            f"Caset {case.case_id} har publiceringsnivån Intern och visas inte på webbplatsen. "
            "Det goda exemplet kan publiceras ändå, men utan länk till caset. "
            "Ska caset visas? Be kommunikatören ändra publiceringsnivån."
        )
    if not case.live:
        return (
            f"Caset {case.case_id} är inte publicerat och visas inte på webbplatsen. "
            "Det goda exemplet kan publiceras ändå, men utan länk till caset tills "
            "kommunikatören har publicerat caset."
        )
    return ""


class CaseFieldPanel(FieldPanel):
    """``FieldPanel("case")`` that says, under the field, when the chosen case record is
    not shown on the site (the value in the form: after a save, or a save with errors)."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "cases/case_field_panel.html"

        @cached_property
        def case_warning(self) -> str:
            if self.bound_field is None:
                return ""
            value = self.bound_field.value()
            if isinstance(value, CaseRecord):
                value = value.pk
            try:
                case = CaseRecord.objects.filter(pk=int(value)).first() if value else None
            except (TypeError, ValueError):
                case = None
            return hidden_case_warning(case)
