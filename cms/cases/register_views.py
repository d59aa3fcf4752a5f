"""The register as a spreadsheet in the admin: the listing's "Ladda ner" with every column
(Swedish headers and labels; personal data only for Kommunikatörer and only when asked
for), and "Importera": upload, a preview of what will change, then the import.

Who may import or see personal data: whoever may change case records
(``cases.change_caserecord``: Kommunikatörer and superusers; coaches only view the
register, migration ``publishing/0002``). Others get a plain 403.
"""

from __future__ import annotations

import base64
import hashlib

from django.contrib import messages
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from . import register
from .register_import import CREATED, REJECTED, UNCHANGED, UPDATED, apply, plan
from .register_listing import SwedishOrderIndexView

#: Where the previewed file waits for "Importera" (the session: one per editor).
SESSION_KEY = "hub_case_import"
#: The largest file the admin takes (a register of 10 000 cases is a few MB).
MAX_BYTES = 20 * 1024 * 1024


def may_change_register(user) -> bool:
    return user.is_active and user.has_perm("cases.change_caserecord")


def may_publish(user) -> bool:
    return user.has_perm("cases.publish_caserecord")


def forbidden(text: str) -> HttpResponse:
    # A plain 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard).
    return HttpResponseForbidden(text, content_type="text/plain; charset=utf-8")


def spreadsheet_response(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        content, content_type=register.XLSX_TYPE if fmt == "xlsx" else register.CSV_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


class CaseRecordIndexView(SwedishOrderIndexView):
    """The register's listing (titles in Swedish order); its downloads are the register's
    own spreadsheet."""

    export_filename = "caseregistret"

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("personal") and not may_change_register(request.user):
            return forbidden("Bara kommunikatörer kan ladda ner personuppgifter ur registret.")
        return super().dispatch(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        personal = bool(self.request.GET.get("personal"))
        records = register.latest_versions(queryset)
        data = register.dataset(records, personal=personal)
        name = self.export_filename + ("-med-personuppgifter" if personal else "")
        return spreadsheet_response(
            register.export_bytes(data, spreadsheet_format), spreadsheet_format, name
        )

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if may_change_register(self.request.user):
            buttons.append(
                Button(
                    "Importera",
                    url=reverse("wagtailsnippets_cases_caserecord:import"),
                    icon_name="upload",
                    priority=80,
                )
            )
            for fmt, priority in (("xlsx", 110), ("csv", 120)):
                params = self.request.GET.copy()
                params["export"] = fmt
                params["personal"] = "1"
                buttons.append(
                    Button(
                        f"Ladda ner {fmt.upper()} med personuppgifter",
                        url=f"{self.request.path}?{params.urlencode()}",
                        icon_name="download",
                        priority=priority,
                    )
                )
        return buttons


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    """Caseregister → Case → Importera: choose a file, see what it changes, import it."""

    template_name = "cases/register_import.html"
    page_title = "Importera case"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_change_register(request.user):
            return forbidden("Bara kommunikatörer kan importera caseregistret.")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_cases_caserecord:list"), "label": "Case"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["template_url"] = reverse("wagtailsnippets_cases_caserecord:import_template")
        context["action_url"] = reverse("wagtailsnippets_cases_caserecord:import")
        context["may_publish"] = may_publish(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        publish = bool(request.POST.get("publish")) and may_publish(request.user)
        if "confirm" in request.POST:
            return self.confirm(request, request.POST["confirm"], publish)
        upload = request.FILES.get("file")
        if upload is None:
            return self.again("Välj en fil att importera.", publish)
        if upload.size > MAX_BYTES:
            return self.again("Filen är för stor (högst 20 MB).", publish)
        content = upload.read()
        try:
            table = register.read_table(content, upload.name)
        except register.TableError as error:
            return self.again(str(error), publish)
        result = plan(table)
        token = hashlib.sha256(content).hexdigest()
        if result.ok:
            request.session[SESSION_KEY] = {
                "token": token,
                "name": upload.name,
                "content": base64.b64encode(content).decode("ascii"),
            }
        return self.render_to_response(
            self.get_context_data(
                result=result,
                token=token,
                file_name=upload.name,
                publish=publish,
                rows=_shown_rows(result),
            )
        )

    def again(self, error: str, publish: bool):
        return self.render_to_response(self.get_context_data(error=error, publish=publish))

    def confirm(self, request, token: str, publish: bool):
        stored = request.session.get(SESSION_KEY)
        if not stored or stored["token"] != token:
            return self.again(
                "Filen att importera finns inte längre (den har redan importerats, eller en "
                "annan fil har förhandsgranskats sedan). Välj filen igen.",
                publish,
            )
        content = base64.b64decode(stored["content"])
        result = plan(register.read_table(content, stored["name"]))
        if not result.ok:  # the register changed since the preview
            return self.render_to_response(
                self.get_context_data(
                    result=result,
                    token=token,
                    file_name=stored["name"],
                    publish=publish,
                    rows=_shown_rows(result),
                )
            )
        apply(result, user=request.user, publish=publish)
        del request.session[SESSION_KEY]
        published = " och publicerats" if publish else ""
        messages.success(
            request,
            f"Importen är klar: {result.summary()}. Nya och ändrade case har sparats som nya "
            f"versioner{published}.",
        )
        return redirect("wagtailsnippets_cases_caserecord:list")


def _shown_rows(result):
    """The preview's rows: every row, its status and what changes or is wrong."""
    labels = {
        CREATED: ("Nytt", "w-status--primary"),
        UPDATED: ("Ändras", "w-status--primary"),
        UNCHANGED: ("Oförändrat", ""),
        REJECTED: ("Avvisas", "w-status--label"),
    }
    return [(row, *labels[row.status]) for row in result.rows]


def template_view(request):
    """The import's template: an empty ``.xlsx`` with every column's header."""
    if not may_change_register(request.user):
        return forbidden("Bara kommunikatörer kan importera caseregistret.")
    return spreadsheet_response(register.template_bytes(), "xlsx", "caseregistret-mall")
