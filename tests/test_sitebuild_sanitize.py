"""Sanitising at the boundary: hostile HTML and URL schemes that reach the CMS's database
by a path other than the admin's forms never reach a built page as markup or a live link.

The hostile values are written straight into the database (as a script or an import
could), then the site is built by the real build step against the CMS in this process.
"""

from __future__ import annotations

import lxml.html
import pytest
from casedata import make_case
from sitebuild_helpers import Site, add_fixed_pages

from cms.cases.models import CaseResearchProject
from cms.core.models import HomePage, Organisation, StandardPage
from sitebuild.pull import sanitize

HOSTILE_RICH_TEXT = (
    '<p onclick="alert(1)">Hej<script>alert(2)</script>'
    '<img src="x" onerror="alert(3)">'
    '<a href="javascript:alert(4)">första länken</a> '
    '<a href=" JaVa&#x09;ScRiPt:alert(5)">andra länken</a> '
    '<a href="/case/" style="color:red" target="_blank">portalen</a>'
    '<iframe src="https://example.com/"></iframe><svg onload="alert(6)"></svg>'
    "<style>body{display:none}</style><object data=x></object></p>"
)
BAD_URLS = [
    "javascript:alert(7)",
    " javascript:alert(8)",
    "JAVASCRIPT:alert(9)",
    "java\nscript:alert(10)",
    "java\tscript:alert(11)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=",
    "vbscript:msgbox(13)",
    "file:///etc/passwd",
]
GOOD_URLS = [
    "https://www.sundsvall.se/",
    "http://example.org/a?b=1&c=2",
    "mailto:idesluss@sundsvall.se",
    "tel:+4660191000",
    "/case/",
    "#innehall",
    "rapport.pdf",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_url_with_a_scheme_outside_the_allow_list_is_dropped(url):
    assert sanitize.url(url) == ""


@pytest.mark.parametrize("url", GOOD_URLS)
def test_a_url_with_an_allowed_scheme_or_none_is_kept(url):
    assert sanitize.url(url) == url


def test_rich_text_keeps_its_text_and_loses_what_runs():
    clean = sanitize.html(HOSTILE_RICH_TEXT)
    page = lxml.html.fragment_fromstring(clean, create_parent="div")
    assert page.text_content() == "Hejförsta länken andra länken portalen"
    assert [a.get("href") for a in page.iter("a")] == [None, None, "/case/"]
    for element in page.iter():
        assert element.tag in {"div", "p", "a"}, element.tag
        assert not [name for name in element.attrib if name not in ("href",)], element.attrib
    assert sanitize.html('<h2 lang="en">Design</h2><a href="/x/" data-file-size="9">x</a>') == (
        '<h2 lang="en">Design</h2><a href="/x/" data-file-size="9">x</a>'
    )


def _hostile_content() -> None:
    """Pages, site text and a case record with hostile HTML and URLs, saved without forms."""
    add_fixed_pages()
    home = HomePage.objects.get()
    home.contact_text = (
        '<p>Skriv till <a href="mailto:idesluss@sundsvall.se">oss</a> eller '
        '<a href="data:text/html,<script>alert(14)</script>">klicka</a>'
        "<script>alert(15)</script></p>"
    )
    home.save_revision().publish()
    body = [("rich_text", HOSTILE_RICH_TEXT)]
    body += [
        (
            "fact_box",
            {"heading": "Fakta", "text": '<p>Fakta<svg onload="alert(16)"></svg></p>'},
        ),
        *[
            ("call_to_action", {"heading": f"Gör så {n}", "link_label": "Gå", "url": url})
            for n, url in enumerate(BAD_URLS)
        ],
        ("call_to_action", {"heading": "Bra länk", "link_label": "Gå", "url": GOOD_URLS[0]}),
        ("embed", BAD_URLS[0]),
        ("quote", {"quote": "<b>Citat</b><script>alert(17)</script>", "attribution": ""}),
    ]
    page = StandardPage(
        title="Fientligt <script>alert(18)</script>",
        slug="fientligt",
        listing_summary='Sammanfattning <img src=x onerror="alert(19)">',
        body=body,
        live=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    organisation = Organisation.objects.create(name="Forskning", type="annan")
    case = make_case(organisation, case_id="IS-2021-940")
    for n, url in enumerate([*BAD_URLS, GOOD_URLS[0]]):
        CaseResearchProject.objects.create(case=case, title=f"Projekt {n}", url=url)
    case.save_revision().publish()


def _script_is_the_sites_own(script) -> bool:
    return (script.get("src") or "").startswith("/assets/") or script.get("type") in (
        "application/json",
        "application/ld+json",
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_hostile_html_and_urls_in_the_database_never_reach_a_built_page(tmp_path):
    _hostile_content()
    site = Site(tmp_path)
    site.build()

    live_links = 0
    for file in site.out.resolve().rglob("*.html"):
        page = lxml.html.document_fromstring(file.read_bytes())
        where = file.relative_to(site.out.resolve()).as_posix()
        for element in page.iter():
            if not isinstance(element.tag, str):
                continue  # comments
            assert element.tag not in ("iframe", "object", "embed", "style"), where
            if element.tag == "script":
                assert _script_is_the_sites_own(element), (where, lxml.html.tostring(element))
            assert not [a for a in element.attrib if a.lower().startswith("on")], (where, element)
            for attribute in ("href", "src", "action", "formaction", "data"):
                value = element.get(attribute)
                if value is not None:
                    assert sanitize.url(value) == value.strip(), (where, attribute, value)
                    if value == GOOD_URLS[0]:
                        live_links += 1
        assert "alert(" not in "".join(page.xpath("//script//text()")), where
    assert live_links >= 2  # the good call to action and the good research project
    html = site.html("/fientligt/")
    assert "Hej" in html and "första länken" in html and "portalen" in html
    assert "Fientligt &lt;script&gt;" in html  # the title is text, shown as typed
