"""The contract of content/: the names the pull, the render and the theme share.

The pull (``sitebuild.pull``) writes content/ and the render (``sitebuild.render``) and the
theme (themes/hub/) read it; neither side imports the other. What both must agree on is
named here, once, and described for template authors in themes/hub/README.md ("The
content contract"): the CMS's item types, the shape of a case card and of a case record,
the addresses the case portal reserves for itself, and the data files in
``content/.data/`` with their shapes. Templates read only those data files, never the
pull's own bookkeeping (``state.json``, which is private to the pull and may change).
"""

from __future__ import annotations

from pathlib import Path

#: The MkDocs configuration: the render builds with it; the pull reads the site's name from
#: it (the feeds'). Nothing an editor can change in the CMS is in it: the site's address and
#: contact details come from the CMS, in the data file ``site``.
MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"
#: The theme. The render builds with all of it; the pull renders StreamField blocks into
#: the Markdown body with the templates in ``partials/blocks/``.
THEME_DIR = Path(__file__).resolve().parent.parent.parent / "themes" / "hub"
BLOCK_TEMPLATES = THEME_DIR / "partials" / "blocks"

# Item types: the CMS's model labels, as the manifest and the API name them --------------

HOME_PAGE = "core.HomePage"
STANDARD_PAGE = "core.StandardPage"
STORY_INDEX_PAGE = "cases.CaseStoryIndexPage"
STORY_PAGE = "cases.CaseStoryPage"
ARTICLE_INDEX_PAGE = "articles.InspirationIndexPage"
ARTICLE_PAGE = "articles.InspirationArticlePage"
PROGRAMME_INDEX_PAGE = "programme.ProgrammeIndexPage"
PROGRAMME_PAGE = "programme.ProgrammePage"
NEWSLETTER_INDEX_PAGE = "newsletter.NewsletterIndexPage"
NEWSLETTER_ISSUE_PAGE = "newsletter.NewsletterIssuePage"
#: A case record: a snippet, not a page (``/api/v2/cases/``).
CASE_RECORD = "cases.CaseRecord"


def is_case_item(item: dict) -> bool:
    """Whether an API item is a case record (``/cases/`` shape) rather than a page (Wagtail
    API shape, which always has ``meta``). The pull and the preview both ask this."""
    return "case_id" in item and "meta" not in item


#: What a page's front matter shows of other pages: the fields the pull derives from the
#: other items (``pull/derived.py``, ``pull/facets.py``), by item type, each with its value
#: when there is nothing to show. A story's ``case`` is derived too, but its own item
#: already names the case. The preview takes these from the published page in content/.
LISTING_FIELDS = {
    HOME_PAGE: {"status": None, "featured": [], "latest_articles": [], "latest_issue": None},
    STORY_INDEX_PAGE: {"items": []},
    ARTICLE_INDEX_PAGE: {"items": []},
    PROGRAMME_INDEX_PAGE: {"items": []},
    NEWSLETTER_INDEX_PAGE: {"years": []},
    NEWSLETTER_ISSUE_PAGE: {"previous": None, "next": None, "archive": None},
    CASE_RECORD: {"stories": [], "newsletters": [], "related": [], "facet_links": []},
}


# The case portal ------------------------------------------------------------------------

PORTAL = "/case/"
#: The data page of the case filter (themes/hub/case_data.html, assets/case-filter.js).
CASE_DATA_PATH = "/case/data/"
#: The folder of a listing's further pages: ``/case/sida/2/``.
PAGE_SEGMENT = "sida"
#: The URL segment (and query parameter) of each filter, by the record field it filters.
FACET_SEGMENTS = {
    "phase": "fas",
    "organisation": "organisation",
    "topics": "amne",
    "sdgs": "mal",
    "year": "ar",
}
#: "Nuläget över tid": the register's figures at the end of every year, then today, as a
#: chart and a table (themes/hub/statistics.html; its data file is ``stats_years``).
STATISTICS_SEGMENT = "statistik"
STATISTICS_PATH = f"{PORTAL}{STATISTICS_SEGMENT}/"
#: Segments under ``/case/`` the portal uses itself: a case may not be named like these.
RESERVED_SEGMENTS = frozenset({PAGE_SEGMENT, "data", STATISTICS_SEGMENT, *FACET_SEGMENTS.values()})

#: What a case card in a listing shows (partials/case_card.html; assets/case-filter.js
#: builds the same markup). A listing page's ``digest`` covers exactly these.
CARD_FIELDS = (
    "title",
    "path",
    "summary",
    "case_id",
    "phase",
    "phase_label",
    "organisation",
    "year",
    "goals",
)
#: A record of the case filter's data (case_data.html): card field → record field.
RECORD_FIELDS = {
    "title": "title",
    "path": "path",
    "summary": "summary",
    "case_id": "case_id",
    "phase": "phase",
    "organisation_slug": "organisation",
    "topics": "topics",
    "sdgs": "sdgs",
    "year": "year",
}
#: Fields of a card in the pull that only serve to compute derived data (the portal's
#: filters, "stories about this case", newsletter mentions); never shown in a listing.
PRIVATE_CARD_FIELDS = (
    "case_path",
    "mentions",
    "phase",
    "topics",
    "organisation_slug",
    "topic_names",
    "sdg_names",
)

# Data files: content/.data/<name>.json, read by templates with hub_data(name) ------------

DATA_DIR = ".data"
#: Name → shape (themes/hub/README.md has the details).
DATA_FILES = {
    "stats": "Nuläget: {as_of, received, in_progress, in_implementation, closed, implemented, "
    "not_public, by_phase, by_organisation, by_year}",
    "stats_years": "Nuläget över tid: {as_of, phases [{code, label}], points [{as_of, year, "
    "received_in_year, received, in_progress, in_implementation, closed, implemented, "
    "by_phase}], version}, the end of every year from the first case received, then today "
    "(/api/v2/stats/years/)",
    "taxonomies": "the CMS's taxonomies as /api/v2/taxonomies/ gives them",
    "sitemap": "[{path, lastmod}] of every page meant for search engines",
    "feeds": "[{title, path, type, format, section, page_type}] of every feed",
    "cases": "{cards: {key: case card (CARD_FIELDS)}, records: [record] in portal order}",
    "site": "{site_url, organisation_name, contact_email, contact_phone, contact_phone_uri, "
    "postal_address [line], footer_text, contact_page (path or null), newsletter_signup_url, "
    "newsletter_signup_origin}: the CMS's site settings, the site's address and where the "
    "newsletter form posts (pull/site.py)",
}
#: The search page (its A–Ö lists are written by the pull).
SEARCH_PATH = "/sok/"
#: The accessibility statement (a page in the CMS; every page's footer links it): the pull
#: adds what the build knows (pull/accessibility.py, partials/accessibility.html).
ACCESSIBILITY_STATEMENT = "/tillganglighetsredogorelse/"


def data_file(name: str) -> str:
    """A data file's path in content/: ``"cases"`` → ``".data/cases.json"``."""
    if name not in DATA_FILES:
        raise KeyError(f"not a data file of the contract: {name!r}")
    return f"{DATA_DIR}/{name}.json"
