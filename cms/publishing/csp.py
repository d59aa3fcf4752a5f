"""The Content-Security-Policy of the CMS (django-csp), with one exception for the admin.

settings.CONTENT_SECURITY_POLICY is strict and holds for every response: the API, the
login, password-reset and lock-out pages, media. Wagtail 8's editing views still write
inline ``<script>`` elements (chooser widgets, date pickers, inline panels) and Draftail
inserts ``<style>`` elements, so admin pages shown to a signed-in user get
settings.HUB_ADMIN_CSP_UPDATE added. Nobody who is not signed in ever gets the looser
policy, so the login form keeps the strict one.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class HubCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and _signed_in_admin(request):
            parts.update = {**(parts.update or {}), **settings.HUB_ADMIN_CSP_UPDATE}
        return parts


def _signed_in_admin(request) -> bool:
    user = getattr(request, "user", None)
    return (
        request.path_info.startswith(reverse("wagtailadmin_home"))
        and user is not None
        and user.is_authenticated
    )
