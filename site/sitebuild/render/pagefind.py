"""Pagefind, the static search index: how it is run over a built site and read back.

``search_index`` decides what to index in a build; this module knows Pagefind itself:
the command line (Swedish stemming, only ``<main>`` and not the lists of other pages in it),
the globs that pick the pages one process reads (``pages_glob``, ``share_globs``), and the
bundle's files (a page's id, the words of its entry). One Pagefind process uses little more
than one core, and its memory grows with the pages it holds, so a big site's index is made
in parts by processes side by side (``run_pagefinds``, through ``sitebuild.parallel``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..contract import PAGE_SEGMENT
from ..parallel import run_commands

BUNDLE = "pagefind"
#: What a page costs Pagefind besides its bytes, in bytes (for sharing out the pages).
PAGE_WEIGHT = 4000
LANGUAGE = "sv"
#: A listing's further pages (``/case/sida/2/``) only list other pages: not indexed, and
#: not even read (they are a fifth of a big site's bytes).
SKIPPED_FOLDER = PAGE_SEGMENT
#: Lists of other pages inside <main>: indexed where those pages are, not here.
EXCLUDE = (
    ".cards",
    ".listing",
    ".headline-list",
    ".issue-list",
    ".pager",
    ".pagination",
    ".case-filters",
    ".year-nav",
    ".feed-links",
    ".updated",
    ".chart",  # an SVG chart: its figures are in the table beside it
)
#: Swedish function words that the Swedish stemmer makes look like content words: the
#: pronoun "dem" and "demens" both become "dem", "var" and "varor" become "var", "mot" and
#: "möte" become "mot" (Pagefind also folds ö into o). In the indexed text they are marked
#: with weight 0 (``weigh_function_words``): still part of the page's text and excerpts, but
#: a page whose only match is one of them scores 0, and the search script drops it. The
#: title Pagefind ranks by leaves them out (``search_title``; the whole title, shown in the
#: results, is the metadata field "rubrik", which the script gives no weight: main.html).
FUNCTION_WORDS = (
    "dem", "dess", "din", "dina", "han", "hans", "hon", "hur", "man", "mot", "sin", "sina",
    "vad", "var", "vara", "varit", "vars", "vart", "vid",
)  # fmt: skip
#: In the indexed HTML, one of: an element whose content is text only (``keep``: SVG's
#: ``<text>`` and ``<desc>`` too, where an HTML ``<span>`` would end the SVG), or a
#: function word in text (``word``), that is, not inside a tag: no ``>`` before the next
#: ``<``. The lookahead of first characters lets the regex engine skip every other
#: position at once (over the 10 000-case benchmark site: 1.9 s instead of 4.6 s).
_TEXT_ONLY = ("script", "style", "option", "textarea", "title", "desc", "text")
_FIRST = "".join(sorted({word[0] for word in FUNCTION_WORDS}))
_FUNCTION_WORD_IN_TEXT = re.compile(
    rf"(?=[<{_FIRST}])(?:"
    rf"(?P<keep><(?P<name>{'|'.join(_TEXT_ONLY)})\b[^>]*>.*?</(?P=name)\s*>)"
    rf"|\b(?P<word>{'|'.join(FUNCTION_WORDS)})\b(?![^<]*>))",
    re.IGNORECASE | re.DOTALL,
)

#: Files Pagefind writes for its own ready-made interfaces; the site has its own.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexFailed(RuntimeError):
    """Pagefind could not index the site; the message has its output."""


def pagefind_binary() -> Path:
    """The Pagefind executable shipped in the ``pagefind-bin`` wheel."""
    from pagefind_bin import get_executable

    return get_executable()


def _not_named(name: str) -> str:
    """A glob for one folder name other than ``name`` (letters and digits only)."""
    other_lengths = ["?" * k for k in range(1, len(name))] + ["?" * (len(name) + 1) + "*"]
    same_length = [name[:i] + f"[!{c}]" + "?" * (len(name) - i - 1) for i, c in enumerate(name)]
    return "{" + ",".join(other_lengths + same_length) + "}"


def pages_glob(name: str = "*", *, home: bool = True) -> str:
    """A Pagefind glob for the pages (``…/index.html``, not 404.html) whose folder name
    matches ``name``, except those in a ``SKIPPED_FOLDER``; with ``home``, the home page."""
    choices = ["index.html"] if home else []
    choices += [f"{name}/index.html", f"**/{_not_named(SKIPPED_FOLDER)}/{name}/index.html"]
    return "{" + ",".join(choices) + "}"


GLOB = pages_glob()


def run_pagefind(site: Path, output: Path, glob: str = GLOB) -> None:
    """Index the pages under ``site`` into the bundle folder ``output`` (made anew)."""
    run_pagefinds([(site, output, glob)])


def run_pagefinds(jobs: list[tuple[Path, Path, str]]) -> None:
    """Index each ``(site, output, glob)``, all at the same time."""
    for _site, output, _glob in jobs:
        if output.exists():
            shutil.rmtree(output)
    done = run_commands([_command(site, output, glob) for site, output, glob in jobs])
    for (site, output, _glob), process in zip(jobs, done, strict=True):
        if process.returncode != 0 or not (output / "pagefind.js").exists():
            details = (process.stderr or process.stdout).strip()[-2000:]
            raise SearchIndexFailed(f"Pagefind kunde inte indexera {site}: {details}")
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)


def _command(site: Path, output: Path, glob: str) -> list[str]:
    command = [
        str(pagefind_binary()),
        "--site",
        str(site.absolute()),
        "--output-path",
        str(output.absolute()),
        "--force-language",
        LANGUAGE,
        "--glob",
        glob,
        "--silent",
    ]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    return command


def page_ids(bundle: Path) -> dict[str, str]:
    """URL → Pagefind result id of every page in a bundle (its fragment files)."""
    ids = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        data = data[data.index(b"{") :]  # after Pagefind's "pagefind_dcd" signature
        ids[json.loads(data)["url"]] = fragment.name.removesuffix(".pf_fragment")
    return ids


def share_globs(sizes: dict[str, int], n: int) -> list[str]:
    """Pagefind globs that split the pages ``sizes`` (URL → bytes) in up to ``n`` shares of
    about the same weight, by the first or the last character of each page's folder name
    (whichever splits these pages more evenly: generated names may share a prefix).

    Each share but the last lists its characters (``[ace]*`` in ``pages_glob``); the last takes
    every other character and the home page, so the shares cover every page exactly once,
    whatever the names. Only letters and digits are listed: anything else would need
    escaping inside a glob, and goes to the last share.
    """
    best: tuple[int, str, list[list[str]]] | None = None
    for pattern, pick in (("{}*", lambda name: name[:1]), ("*{}", lambda name: name[-1:])):
        weight: dict[str, int] = defaultdict(int)
        loads = [0] * n
        for url, size in sizes.items():
            folders = url.strip("/").split("/")
            if folders[-2:-1] == [SKIPPED_FOLDER]:
                continue  # not read at all
            char = pick(folders[-1])
            if char.isalnum():
                weight[char] += size + PAGE_WEIGHT
            else:
                loads[-1] += size + PAGE_WEIGHT
        chars: list[list[str]] = [[] for _ in range(n)]
        for char in sorted(weight, key=lambda c: (-weight[c], c)):  # heaviest first
            k = min(range(n), key=lambda i: (loads[i], i))  # onto the lightest share
            loads[k] += weight[char]
            chars[k].append(char)
        if best is None or max(loads) < best[0]:
            best = (max(loads), pattern, chars)
    _, pattern, chars = best
    listed = [sorted(share) for share in chars[:-1] if share]
    if not listed:
        return [GLOB]
    every = "".join(sorted(c for share in listed for c in share))
    globs = [pages_glob(pattern.format(f"[{''.join(share)}]"), home=False) for share in listed]
    return [*globs, pages_glob(pattern.format(f"[!{every}]"))]


#: Stripped from both ends of a word: Pagefind ends each block of text with a full stop.
_PUNCTUATION = ".,;:!?()[]{}\"'«»“”‘’…"


def words(bundle: Path, page_id: str) -> list[str]:
    """Digests of the words a page's entry in ``bundle`` holds: each whitespace-separated
    word of its text, title and headings, lower-cased and without the punctuation around
    it (Pagefind makes every word it indexes out of one of these). Digests, so the build
    record beside the site holds no text."""
    data = gzip.decompress((bundle / "fragment" / f"{page_id}.pf_fragment").read_bytes())
    fragment = json.loads(data[data.index(b"{") :])
    texts = [fragment.get("content", ""), *_strings(fragment.get("meta"))]
    texts += [*_strings(fragment.get("filters")), *_strings(fragment.get("anchors"))]
    words = {word.strip(_PUNCTUATION) for text in texts for word in text.lower().split()}
    return sorted(hashlib.blake2b(w.encode(), digest_size=8).hexdigest() for w in words)


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def weigh_function_words(html: str) -> str:
    """``html`` (a rendered page) with each of the ``FUNCTION_WORDS`` in the text of the
    indexed ``<main data-pagefind-body>`` wrapped in a span of weight 0; other pages as
    they are. Text only: tags, and the content of elements that hold text only
    (``_TEXT_ONLY``: ``<script>``, ``<option>`` …), are kept as they are."""
    marker = html.find("data-pagefind-body")
    if marker < 0:
        return html
    start = html.find(">", marker) + 1
    end = html.find("</main>", start)
    if end < 0:
        return html
    main = _FUNCTION_WORD_IN_TEXT.sub(_weigh_nothing, html[start:end])
    return html[:start] + main + html[end:]


def _weigh_nothing(match: re.Match) -> str:
    if match["keep"]:
        return match["keep"]
    return f'<span data-pagefind-weight="0">{match["word"]}</span>'


def search_title(title: str) -> str:
    """``title`` without its ``FUNCTION_WORDS`` (all of it if that would leave nothing)."""
    kept = [w for w in title.split() if w.strip(_PUNCTUATION).lower() not in FUNCTION_WORDS]
    return " ".join(kept) or title
