"""The search page ``/sok/`` and its A–Ö lists, written by the pull.

Made from the cards in the pull state (never from reading other pages), at the end of
``derived.compute``. Without JavaScript the page lists every page by section, so nothing
depends on the search script; a section with more than ``INLINE_MAX`` pages gets one page
per initial letter (``/sok/case/a/``) so the search page itself stays small. The index
the search box uses is made by the render (``sitebuild.render.search_index``).
"""

from __future__ import annotations

from collections import defaultdict

from swedish import swedish_sort_key

from ..contract import SEARCH_PATH

#: A section with more pages than this is listed one initial letter per page.
INLINE_MAX = 100
OTHER_TITLE = "Andra sidor"
LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
#: Letter → URL segment; å ä ö get two letters so that no two letter pages share a path.
LETTER_SLUGS = {"å": "aa", "ä": "ae", "ö": "oe", "#": "0-9"}
OTHER_LETTER = "#"
OTHER_LETTER_LABEL = "0–9"


def add_pages(out, items: dict[str, dict]) -> None:
    """Add the search page and its letter pages to ``out.pages`` (a ``derived.Derived``).

    Lists every pulled item (page or case) and the generated section pages (the case
    portal ``/case/``); generated views of those items (filter pages, later pages of a
    listing, data pages) are reached from their section page.
    """
    links = [{"title": info["card"]["title"], "path": info["path"]} for info in items.values()]
    links += [
        {"title": meta["title"], "path": meta["path"]}
        for meta, _ in out.pages.values()
        if meta["path"].count("/") == 2 and meta["path"] != SEARCH_PATH
    ]
    out.pages.update(az_pages(links))


def initial(title: str) -> str:
    """The letter a title is listed under: ``"Ängen"`` → ``"Ä"``, ``"4 frågor"`` → ``"#"``."""
    for kind, rank in swedish_sort_key(title)[0]:
        if kind == 0:  # leading space
            continue
        if kind == 2 and rank < len(LETTERS):
            return LETTERS[rank].upper()
        return OTHER_LETTER
    return OTHER_LETTER


def _sorted(links: list[dict]) -> list[dict]:
    return sorted(links, key=lambda link: (swedish_sort_key(link["title"]), link["path"]))


def _meta(template: str, type_: str, path: str, title: str, description: str) -> dict:
    return {
        "template": template,
        "title": title,
        "type": type_,
        "path": path,
        "summary": "",
        "image": None,
        "last_published": "",
        "seo_title": "",
        "description": description,
    }


def az_pages(links: list[dict]) -> dict[str, tuple[dict, str]]:
    """The search page and letter pages listing ``links`` ({title, path}) A–Ö by section.

    A section is a top-level page with pages below it; top-level pages without any, and
    the start page, are listed under "Andra sidor".
    """
    heads: dict[str, dict] = {}
    below: dict[str, list[dict]] = defaultdict(list)
    others: list[dict] = []
    for link in links:
        parts = [p for p in link["path"].strip("/").split("/") if p]
        if not parts:
            others.append(link)
        elif len(parts) == 1:
            heads[parts[0]] = link
        else:
            below[parts[0]].append(link)
    groups = []
    for segment in set(heads) | set(below):
        if segment in heads and below.get(segment):
            groups.append((segment, heads[segment]["title"], heads[segment]["path"]))
        else:
            others += [heads[segment]] if segment in heads else below[segment]
    groups.sort(key=lambda g: swedish_sort_key(g[1]))
    if others:
        groups.append(("andra-sidor", OTHER_TITLE, None))
        below["andra-sidor"] = others

    pages: dict[str, tuple[dict, str]] = {}
    sections = []
    for segment, title, path in groups:
        listed = _sorted(below[segment])
        section = {"title": title, "path": path, "count": len(listed), "items": [], "letters": []}
        if len(listed) <= INLINE_MAX:
            section["items"] = listed
        else:
            by_letter: dict[str, list[dict]] = defaultdict(list)
            for link in listed:
                by_letter[initial(link["title"])].append(link)
            order = sorted(by_letter, key=lambda c: LETTERS.find(c.lower()))  # "#" first
            letters = [
                {
                    "letter": c,
                    "label": OTHER_LETTER_LABEL if c == OTHER_LETTER else c,
                    "path": f"{SEARCH_PATH}{segment}/{LETTER_SLUGS.get(c.lower(), c.lower())}/",
                }
                for c in order
            ]
            section["letters"] = [
                {**letter, "count": len(by_letter[letter["letter"]])} for letter in letters
            ]
            for letter in letters:
                meta = _meta(
                    "search_az.html",
                    "searchletter",
                    letter["path"],
                    f"{title}: {letter['label']}",
                    f"Sidor under {title} från A till Ö, på {letter['label']}.",
                )
                meta.update(
                    section={"title": title, "path": path},
                    letter=letter["label"],
                    letters=letters,
                    items=by_letter[letter["letter"]],
                )
                pages[_rel(letter["path"])] = (meta, "")
        sections.append(section)

    meta = _meta(
        "search.html",
        "search",
        SEARCH_PATH,
        "Sök",
        "Sök bland alla sidor och case på webbplatsen, eller hitta dem i listan från A till Ö.",
    )
    meta["count"] = sum(s["count"] for s in sections) + sum(1 for s in sections if s["path"])
    meta["sections"] = sections
    pages[_rel(SEARCH_PATH)] = (meta, "")
    return pages


def _rel(path: str) -> str:
    return f"{path.strip('/')}/index.md"
