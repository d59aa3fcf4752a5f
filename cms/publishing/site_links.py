"""The CMS host sends people to the site.

Nothing on the public site is served by Django, yet Wagtail links to pages on the CMS's
own host: "Visa publicerad" in the page explorer, "Visa live" after publishing, and any
old or typed address. So a page's address on the CMS leads (a redirect) to the same path
on the static site (``settings.HUB_SITE_URL``), as does a public case record's
(``/case/<slug>/``). A page or case the site does not show (a draft, unpublished, expired,
restricted, ``intern``) is a plain 404, as is any other address: never Wagtail's own page
rendering, which has no templates here.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect

from cms.cases.models import CaseRecord
from cms.core import public
from cms.core.paths import case_path, page_path


def on_site(path: str) -> str:
    """The site's address of a public path (``/goda-exempel/demens/``)."""
    return settings.HUB_SITE_URL.rstrip("/") + path


def page_on_site(page, request, serve_args, serve_kwargs):
    """Wagtail's ``before_serve_page`` hook: a public page's address leads to the site."""
    root = public.site_root()
    if root is None or not public.public_pages(root=root).filter(pk=page.pk).exists():
        raise Http404
    return redirect(on_site(page_path(page.url_path, root.url_path)))


def case_on_site(request, slug: str):
    """``/case/<slug>/``: a public case record's page on the site."""
    if not CaseRecord.objects.public().filter(slug=slug).exists():
        raise Http404
    return redirect(on_site(case_path(slug)))
