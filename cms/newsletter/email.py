"""The e-mail edition of a newsletter issue: the same content as its page on the site.

The issue is read as the API gives it to the build (``api_value``: rich text with public
paths, cases and pages expanded, anything not public left out), so the e-mail shows what
the web page shows and nothing more. "Nuläget" is the register as it stood on the issue
date (``status_as_of``), as on the site. Every link and image points at the static site
(``HUB_SITE_URL``); the HTML is laid out in ``role="presentation"`` tables, its CSS
inlined by ``css-inline`` (mail programs drop ``<style>``); a plain-text part says the
same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import css_inline
import nh3
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from cms.api.fields import api_value
from cms.cases.stats import status_as_of
from cms.core.paths import case_path, page_path
from cms.core.public import site_root
from swedish import no_break, swedish_date, swedish_number

#: Attributes whose value is a URL, made absolute in rich text.
URL_ATTRIBUTES = {"href", "src"}
_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', re.S)
_BLOCK_END = re.compile(r"</(p|h[2-6]|li|blockquote)>|<br\s*/?>", re.I)
_ITEM = re.compile(r"<li\b[^>]*>", re.I)


@dataclass(frozen=True)
class Edition:
    subject: str
    html: str
    text: str
    web_url: str


def site_url(path: str = "/") -> str:
    """An absolute URL on the static site for a site path (``/nyhetsbrev/2020-10/``)."""
    return urljoin(settings.HUB_SITE_URL, path.lstrip("/"))


def issue_path(page) -> str:
    """The issue's path on the site, from its place in the page tree (also for a draft)."""
    root = site_root()
    return page_path(page.url_path, root.url_path) if root else "/"


def absolute_html(html: str) -> str:
    """Rich text from the API with every link and image on the site given in full."""

    def absolute(tag, attribute, value):
        if attribute in URL_ATTRIBUTES and value.startswith("/"):
            return site_url(value)
        return value

    return nh3.clean(html, attribute_filter=absolute, link_rel=None)


def plain_text(html: str) -> str:
    """Rich text as plain text: a link keeps its address in brackets, blocks end lines, list
    items start with a dash."""
    text = _LINK.sub(lambda m: f"{strip_tags(m.group(2))} ({m.group(1)})", html)
    text = _ITEM.sub("- ", text)
    text = _BLOCK_END.sub("\n", text)
    lines = (" ".join(line.split()) for line in strip_tags(text).splitlines())
    return "\n".join(line for line in lines if line)


def _image(shown: dict | None) -> dict | None:
    """An image block's value as the e-mail shows it: one rendition, absolute."""
    if not shown or not shown.get("renditions"):
        return None
    rendition = shown["renditions"].get("medium") or next(iter(shown["renditions"].values()))
    return {
        "src": site_url(rendition["url"]),
        "width": min(rendition["width"], 552),
        "alt": shown.get("alt") or "",
        "caption": shown.get("caption") or "",
    }


def sections(page) -> list[dict]:
    """The issue's sections as the e-mail shows them, from the API's value of the body."""
    value = api_value(page.body.stream_block, page.body, {})
    shown = []
    for block in value:
        section = block["value"]
        links = [
            {"title": case["title"], "url": site_url(case["path"])}
            for case in section.get("cases") or []
        ] + [
            {"title": linked["title"], "url": site_url(linked["path"])}
            for linked in section.get("pages") or []
            if linked.get("path")
        ]
        shown.append(
            {
                "heading": section["heading"],
                "html": absolute_html(section["text"]),
                "text": plain_text(absolute_html(section["text"])),
                "image": _image(section.get("image")),
                "links": links,
            }
        )
    return shown


def figures(page) -> list[tuple[str, str]]:
    """ "Nuläget" on the issue date, as (label, figure) in the site's words."""
    status = status_as_of(page.issue_date)
    return [
        ("Inkomna case", swedish_number(status.received)),
        (
            "Pågående",
            f"{swedish_number(status.in_progress)}, varav "
            f"{swedish_number(status.in_implementation)} i implementering",
        ),
        (
            "Avslutade",
            f"{swedish_number(status.closed)}, varav "
            f"{swedish_number(status.implemented)} införda eller överlämnade",
        ),
    ]


def render_edition(page, unsubscribe_url: str = "") -> Edition:
    """The e-mail edition of ``page`` (a ``NewsletterIssuePage``, published or a draft)."""
    page = page.specific
    web_url = site_url(issue_path(page))
    context = {
        "title": page.display_title,
        "number": page.issue_number,
        "date": no_break(swedish_date(page.issue_date)),
        "intro": page.intro,
        "figures": figures(page),
        "as_of": no_break(swedish_date(page.issue_date)),
        "sections": sections(page),
        "web_url": web_url,
        "archive_url": site_url(issue_path(page.get_parent())),
        "statistics_url": site_url(case_path("statistik")),
        "home_url": site_url("/"),
        "unsubscribe_url": unsubscribe_url,
    }
    html = render_to_string("newsletter/email/issue.html", context)
    html = css_inline.inline(html)
    text = render_to_string("newsletter/email/issue.txt", context)
    return Edition(subject=page.display_title, html=html, text=text, web_url=web_url)


def message(edition: Edition, to: str, headers: dict | None = None) -> EmailMultiAlternatives:
    """The e-mail to one address: the plain text, with the HTML as its alternative."""
    mail = EmailMultiAlternatives(
        subject=edition.subject, body=edition.text, to=[to], headers=headers or {}
    )
    mail.attach_alternative(edition.html, "text/html")
    return mail
