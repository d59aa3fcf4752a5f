"""The demo site that tests/test_sitebuild_build.py builds and changes (not a test module):
what is hidden in it (``hide_things`` and its markers), where things should be, and the
ways something published is retracted or a build is made to fail."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

from api_factories import add_page, make_document, make_image
from casedata import make_case
from sitebuild_helpers import Site
from wagtail.models import Page, PageViewRestriction

from cms.cases.models import CaseRecord, IdeaCarrier
from cms.core.models import HomePage, Organisation, StandardPage

#: Text that only the hidden things carry: none of it may reach content/ or the site.
NEVER_PUBLISHED = "Qx7-aldrig-publicerad"
UNPUBLISHED = "Qx7-avpublicerad"
UNDER_UNPUBLISHED = "Qx7-under-avpublicerad"
PAGE_DRAFT = "Qx7-sidutkast"
INTERN_CASE = "Qx7-internt-case"
CASE_NEVER_PUBLISHED = "Qx7-case-aldrig-publicerat"
CASE_DRAFT = "Qx7-case-utkast"
MARKERS = [
    NEVER_PUBLISHED,
    UNPUBLISHED,
    UNDER_UNPUBLISHED,
    PAGE_DRAFT,
    INTERN_CASE,
    CASE_NEVER_PUBLISHED,
    CASE_DRAFT,
]


#: A published page that has a newer draft (the draft carries PAGE_DRAFT).
DRAFTED = "/tillganglighetsredogorelse/"


@dataclass
class Demo:
    site: Site
    hidden_paths: set[str]


def standard(parent, title, slug, publish=True):
    page = StandardPage(title=title, slug=slug, body=[("rich_text", f"<p>{title}</p>")])
    return add_page(parent, page, publish=publish)


def hide_things() -> set[str]:
    """Make pages and case records that exist in the CMS but must not be on the site;
    return the paths they would have."""
    home = HomePage.objects.get()
    pages = [standard(home, NEVER_PUBLISHED, "qx7-aldrig", publish=False)]
    unpublished = standard(home, UNPUBLISHED, "qx7-avpublicerad")
    unpublished.unpublish()
    parent = standard(home, "Förälder", "qx7-foralder")
    child = standard(parent, UNDER_UNPUBLISHED, "qx7-barn")
    parent.unpublish()  # Wagtail keeps the child live; the site must not show it
    pages += [unpublished, parent, child]

    drafted = StandardPage.objects.get(url_path=home.url_path + DRAFTED.lstrip("/"))
    drafted.title = f"{PAGE_DRAFT} rubrik"
    drafted.body = [("rich_text", f"<p>{PAGE_DRAFT} brödtext</p>")]
    drafted.save_revision()

    organisation = Organisation.objects.order_by("pk").first()
    intern = make_case(
        organisation, case_id="IS-2020-901", title=INTERN_CASE, publication_level="intern"
    )
    intern.save_revision().publish()
    never = make_case(organisation, case_id="IS-2020-902", title=CASE_NEVER_PUBLISHED, live=False)
    never.save_revision()
    case = CaseRecord.objects.filter(live=True).exclude(publication_level="intern").first()
    case.title = CASE_DRAFT
    case.summary = CASE_DRAFT
    case.save_revision()

    return {public_path(page) for page in pages} | {f"/case/{c.slug}/" for c in (intern, never)}


def public_paths_in_cms() -> set[str]:
    """Where every published page (below published ancestors) and every published, not
    internal case record should be, straight from the database."""
    home = HomePage.objects.get()
    paths = set()
    for page in Page.objects.live().descendant_of(home, inclusive=True):
        if all(a.live for a in page.get_ancestors().filter(depth__gt=home.depth)):
            paths.add(public_path(page))
    for case in CaseRecord.objects.filter(live=True).exclude(publication_level="intern"):
        paths.add(f"/case/{case.slug}/")
    return paths


def generated_files(site: Site) -> set[str]:
    """Pages the pull makes itself from everything it has (the case portal and its filter
    pages, say), from its state file: ``case/index.md``."""
    state = json.loads((site.content / ".data" / "state.json").read_text(encoding="utf-8"))
    return set(state["generated"])


def hrefs(site: Site) -> set[str]:
    """Every internal link target in the built HTML."""
    found = set()
    for file in site.out.resolve().rglob("*.html"):
        found |= set(re.findall(r'href="(/[^"#?]*)', file.read_text(encoding="utf-8")))
    return found


def public_path(page) -> str:
    """The public path of a page in the CMS: its URL path below the home page."""
    return "/" + page.url_path[len(HomePage.objects.get().url_path) :]


def page_path(rel: str) -> str:
    """The public path of a content file: ``inspiration/index.md`` → ``/inspiration/``."""
    return "/" + rel.removesuffix("index.md")


def md(path: str) -> str:
    """The content file of a public path, as MkDocs names it."""
    return (path.strip("/") + "/index.md").lstrip("/")


RETRACTED = "Qx7-tillbakadragen"  # only the retracted thing carries it


def files_holding(root: Path, needle: str) -> list[str]:
    """Files under ``root`` (the live output) holding ``needle``, the search index's
    gzip-compressed chunks and fragments decompressed, in any letter case."""
    wanted = needle.lower().encode()
    found = []
    for path in Path(root).resolve().rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if wanted in data.lower():
            found.append(path.relative_to(Path(root).resolve()).as_posix())
    return found


def media_of(html: str) -> set[str]:
    """The image and document files a page's HTML uses (site paths)."""
    return set(re.findall(r'(?:src|href)="(/(?:media|documents)/[^"]+)"', html)) | {
        candidate.split()[0]
        for srcset in re.findall(r'srcset="([^"]+)"', html)
        for candidate in srcset.split(",")
    }


def page_with_media(slug: str):
    """A published page with the marker in a sentence of its own, an image and a document
    that nothing else uses."""
    image = make_image(f"{RETRACTED}-bild-{slug}", colour=(200, 30, 60))
    document = make_document(f"{RETRACTED} rapport", f"{slug}-rapport.pdf")
    return standard_with_body(
        f"Sidan {slug}",
        slug,
        f"<p>Det här stannar kvar. {RETRACTED} står i den här meningen.</p>"
        f'<p>Läs <a linktype="document" id="{document.pk}">rapporten</a>.</p>',
        image=image,
    )


def retraction(how: str) -> tuple[str, callable]:
    """Publish something that carries the marker; return its site path and the step that
    retracts it (in the way a communicator would)."""
    if how in ("unpublish", "restrict", "edit out"):
        page = page_with_media(f"qx7-{how.replace(' ', '-')}")

        def retract():
            if how == "unpublish":
                page.unpublish()
            elif how == "restrict":
                PageViewRestriction.objects.create(
                    page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
                )
            else:
                page.body = [("rich_text", "<p>Det här stannar kvar.</p>")]
                page.save_revision().publish()

        return public_path(page), retract
    organisation = Organisation.objects.order_by("pk").first()
    if how == "intern":
        case = make_case(organisation, case_id="IS-2021-931", summary=f"Om {RETRACTED}.")
        case.save_revision().publish()

        def retract():
            case.publication_level = "intern"
            case.save_revision().publish()

        return f"/case/{case.slug}/", retract
    case = make_case(organisation, case_id="IS-2021-932", title="Samtycke som dras tillbaka")
    case.idea_carriers = [
        IdeaCarrier(
            role="Sjuksköterska",
            name=RETRACTED,
            consent_to_publish_name=True,
            consent_date=case.received_date,
        )
    ]
    case.save()
    case.save_revision().publish()

    def retract():
        carrier = case.idea_carriers.get()
        carrier.consent_to_publish_name = False
        carrier.save()
        case.save_revision().publish()

    return f"/case/{case.slug}/", retract


def broken_link_page():
    """A published page whose body links to a path that does not exist on the site."""
    return standard_with_body(
        "Trasig länk", "trasig-lank", '<p>Se <a href="/finns-inte/">sidan</a>.</p>'
    )


def standard_with_body(title, slug, html, image=None):
    home = HomePage.objects.get()
    body = [("rich_text", html)]
    if image is not None:
        body.append(("image", {"image": image, "alt_text": "En röd yta", "caption": ""}))
    page = StandardPage(title=title, slug=slug, body=body, live=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def beside_output(site: Site) -> dict:
    """Everything beside the live output: the builds kept, the build record."""
    # Not the old builds being removed in the background (publish._prune), nor the lock
    # file, which says who held it last.
    return {
        p.name: p.stat().st_mtime_ns
        for p in site.out.parent.iterdir()
        if ".trash-" not in p.name and not p.name.endswith(".lock")
    }
