"""``hub pull``: published content → content/ (Markdown with front matter, media, data files),
over real HTTP from a running CMS and in-process, with the same result; a second pull of
unchanged content writes nothing."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from api_factories import add_page, make_document, make_image
from casedata import make_case
from sitebuild_helpers import add_fixed_pages, cms_in_this_transaction, snapshot

from cms.articles.models import InspirationArticlePage, InspirationIndexPage
from cms.cases.models import CaseStoryIndexPage, CaseStoryPage
from cms.core.models import Organisation
from sitebuild.frontmatter import loads
from sitebuild.local_cms import api_client
from sitebuild.pull import pull, puller
from sitebuild.render import render

ROOT = Path(__file__).resolve().parents[1]


def small_site():
    """The fixed pages, an article with an image and a document link, a public case record
    and a story about it: every kind of thing a pull writes."""
    add_fixed_pages()
    organisation = Organisation.objects.create(
        name="Vård- och omsorgsförvaltningen", type=Organisation.Type.FORVALTNING
    )
    case = make_case(organisation, save=True)
    case.save_revision().publish()
    image = make_image("Skog")
    document = make_document("Rapport", "rapport.pdf")
    article = add_page(
        InspirationIndexPage.objects.get(),
        InspirationArticlePage(
            title="Tjänstedesign: börja i behovet",
            slug="tjanstedesign",
            published_date=dt.date(2020, 10, 20),
            listing_summary="Om behov, kundresor och att pröva i liten skala.",
            listing_image=image,
            listing_image_alt="En skog i grönt",
            body=[
                (
                    "rich_text",
                    f'<p>Läs <a linktype="document" id="{document.pk}">rapporten</a> och '
                    f'<a linktype="page" id="{InspirationIndexPage.objects.get().pk}">mer</a>.</p>',
                )
            ],
        ),
    )
    story = add_page(
        CaseStoryIndexPage.objects.get(),
        CaseStoryPage(
            title="Demens: stöd som kommer i tid",
            slug="demens",
            case=case,
            body=[("rich_text", "<p>Så gick det till.</p>")],
        ),
    )
    return {"case": case, "article": article, "story": story, "document": document}


def hub(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")])}
    return subprocess.run(
        [sys.executable, "-m", "sitebuild", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def mtimes(directory: Path) -> dict[str, int]:
    """When each file was last written; the pull's own bookkeeping (state.json, saved on
    every pull) aside, a file written again would make MkDocs render its page again."""
    return {
        p.relative_to(directory).as_posix(): p.stat().st_mtime_ns
        for p in directory.rglob("*")
        if p.is_file() and p.name != "state.json"
    }


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hub_pull_over_http_from_a_running_cms(live_server, tmp_path):
    made = small_site()
    content = tmp_path / "content"

    done = hub("pull", "--api", live_server.url, "--content", str(content))

    assert done.returncode == 0, done.stderr
    meta, body = loads((content / "inspiration/tjanstedesign/index.md").read_text("utf-8"))
    assert meta["title"] == "Tjänstedesign: börja i behovet"
    assert meta["image"]["alt"] == "En skog i grönt"
    # Media came over HTTP from the CMS: the rendition and the document, byte for byte.
    rendition = content / meta["image"]["src"].lstrip("/")
    assert rendition.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    document = made["document"]
    href = f"/documents/{document.pk}/{Path(document.file.name).name}"
    assert f'href="{href}"' in body
    assert (content / href.lstrip("/")).read_bytes() == b"%PDF-1.4 test\n"
    story, _ = loads((content / "goda-exempel/demens/index.md").read_text("utf-8"))
    assert story["case"]["path"] == f"/case/{made['case'].slug}/"
    assert (content / "case" / made["case"].slug / "index.md").exists()

    # The same pull in-process gives the same pages and media, byte for byte.
    local = tmp_path / "local"
    with cms_in_this_transaction(), api_client() as client:
        pull(client, local)
    over_http, in_process = snapshot(content), snapshot(local)
    pages = {k for k in over_http if not k.startswith(".data/")}
    assert pages == {k for k in in_process if not k.startswith(".data/")}
    assert {k: over_http[k] for k in pages} == {k: in_process[k] for k in pages}

    # Nothing changed in the CMS: a second pull over HTTP touches no file.
    before = mtimes(content)
    again = hub("pull", "--api", live_server.url, "--content", str(content))
    assert again.returncode == 0, again.stderr
    assert mtimes(content) == before


@pytest.mark.django_db
def test_files_written_by_two_processes_are_those_one_process_writes(tmp_path, monkeypatch):
    small_site()
    with cms_in_this_transaction(), api_client() as client:
        alone = pull(client, tmp_path / "alone")
    monkeypatch.setattr(puller, "PARALLEL_WRITES", 0)  # every pull shares its writes

    with cms_in_this_transaction(), api_client() as client:
        shared = pull(client, tmp_path / "shared")

    pages = {k: v for k, v in snapshot(tmp_path / "shared").items() if not k.startswith(".")}
    assert pages == {k: v for k, v in snapshot(tmp_path / "alone").items() if k in pages}
    assert len(pages) >= 5 and sorted(shared.written) == sorted(alone.written)


@pytest.mark.django_db
def test_a_second_pull_of_unchanged_content_writes_nothing(tmp_path):
    small_site()
    content = tmp_path / "content"
    with cms_in_this_transaction(), api_client() as client:
        first = pull(client, content)
    before = snapshot(content), mtimes(content)

    with cms_in_this_transaction(), api_client() as client:
        second = pull(client, content)

    assert first.fetched > 0 and first.written
    assert (second.fetched, second.written, second.removed, second.media) == (0, [], [], 0), second
    assert (snapshot(content), mtimes(content)) == before


@pytest.mark.django_db
def test_the_readme_in_content_survives_every_pull_and_is_no_page(tmp_path):
    """content/ is tracked only for its README: no pull removes it (a full one empties the
    folder), and the render leaves it out of the site."""
    small_site()
    content = tmp_path / "content"
    content.mkdir()
    readme = content / "README.md"
    readme.write_text("# content/\n\nGenerated by `hub pull`.\n", encoding="utf-8")

    with cms_in_this_transaction(), api_client() as client:
        first = pull(client, content)
        full = pull(client, content, full=True)

    assert readme.read_text(encoding="utf-8").startswith("# content/")
    assert "README.md" not in first.written + first.removed + full.written + full.removed
    rendered = render(content, tmp_path / "out", dirty=False)
    assert "README.md" not in rendered.pages
    assert not list((tmp_path / "out").rglob("README*"))
