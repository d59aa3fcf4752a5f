"""Runs the demo builders in order, inside one transaction."""

from django.db import transaction

from cms.core.models import HomePage

from .articles import ensure_articles
from .base import Report
from .cases import ensure_cases
from .fixed_pages import ensure_fixed_pages
from .home import fill_home
from .images import ensure_images
from .newsletter import ensure_newsletters
from .organisations import ensure_organisations, ensure_topics
from .programme import ensure_programme
from .site_settings import ensure_site_settings
from .stories import ensure_stories
from .users import ensure_users

SECTION_SLUGS = ("goda-exempel", "inspiration", "innovationsprogrammet", "nyhetsbrev")


def run() -> Report:
    """Create whatever part of the demo is missing; return what was created and found."""
    report = Report()
    with transaction.atomic():
        users = ensure_users(report)
        orgs = ensure_organisations(report)
        topics = ensure_topics(report)
        images = ensure_images(report, users["kommunikator"])
        cases = ensure_cases(orgs, topics, users, report)

        home = HomePage.objects.get()
        sections = {
            page.slug: page.specific for page in home.get_children().filter(slug__in=SECTION_SLUGS)
        }
        ctx = {
            "users": users,
            "topics": topics,
            "images": images,
            "cases": cases,
            "sections": sections,
        }
        ctx["pages"] = ensure_fixed_pages(home, sections, images, users, report)
        ensure_site_settings(ctx["pages"], report)
        ctx["programme"] = ensure_programme(
            sections["innovationsprogrammet"], ctx["pages"], orgs, images, users, report
        )
        ctx["articles"] = ensure_articles(sections["inspiration"], ctx, report)
        ctx["stories"] = ensure_stories(sections["goda-exempel"], ctx, report)
        ensure_newsletters(sections["nyhetsbrev"], ctx, report)
        fill_home(home, ctx, report)
    return report
