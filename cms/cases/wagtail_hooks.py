"""The register in the admin menu: case records and the taxonomies they use."""

from django.contrib import messages
from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.models import Organisation, SustainableDevelopmentGoal, Topic

from .models import CaseRecord, CaseStoryPage
from .panels import hidden_case_warning
from .register_listing import CaseRecordFilterSet
from .register_views import CaseRecordIndexView, ImportView, template_view


class CaseRecordViewSet(SnippetViewSet):
    model = CaseRecord
    icon = "folder-open-inverse"
    menu_label = "Case"
    list_display = ["case_id", "title", "phase", "publication_level", "received_date"]
    # The downloads are the register's own spreadsheet (cms.cases.register: every column,
    # Swedish headers and labels); this list only turns the buttons on.
    list_export = ["case_id"]
    index_view_class = CaseRecordIndexView
    # The register's search is the database's own (icontains on these fields), not the
    # search index: "IS-2019-001" is found as typed, and a record is found the moment it
    # is saved, with or without the worker that updates the index.
    search_fields = ["case_id", "title", "summary"]
    search_backend_name = None
    filterset_class = CaseRecordFilterSet
    ordering = ["-received_date"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("import/", ImportView.as_view(), name="import"),
            path("import/mall/", template_view, name="import_template"),
        ]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisationer"
    list_display = ["name", "type"]
    list_filter = ["type"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Ämnen"


class SDGViewSet(SnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = "Globala mål"
    list_display = ["number", "name"]


class RegisterGroup(SnippetViewSetGroup):
    menu_label = "Caseregister"
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = (CaseRecordViewSet, OrganisationViewSet, TopicViewSet, SDGViewSet)


register_snippet(RegisterGroup)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_hidden_case(request, page):
    """A good example saved or published with a case the site does not show: say so (the
    edit form says it under the case field too)."""
    if isinstance(page.specific, CaseStoryPage):
        warning = hidden_case_warning(page.specific.case)
        if warning:
            messages.warning(request, warning)
