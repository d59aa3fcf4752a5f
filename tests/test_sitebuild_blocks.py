"""StreamField blocks become the theme's markup (themes/hub/partials/blocks/), exactly the
HTML pages have always had: text escaped (quotes too), HTML and URLs sanitised."""

from __future__ import annotations

import pytest

from sitebuild.pull.blocks import render_blocks
from sitebuild.pull.mapping import page_entry

IMAGE = {
    "src": "/media/a.png",
    "width": 640,
    "height": 480,
    "alt": 'Skog "i" <grönt>',
    "srcset": "/media/a.png 640w, /media/b.png 1280w",
}
IMG = (
    '<img src="/media/a.png" srcset="/media/a.png 640w, /media/b.png 1280w" '
    'sizes="(min-width: 50rem) 46rem, 100vw" width="640" height="480" '
    'alt="Skog &quot;i&quot; &lt;grönt&gt;" loading="lazy" decoding="async">'
)


def _image(value, purpose):
    return IMAGE if value is not None else None


@pytest.mark.parametrize(
    "kind, value, html",
    [
        (
            "rich_text",
            '<p>Hej <a href="/case/x/">länk</a></p><script>alert(1)</script>',
            '<div class="rich-text"><p>Hej <a href="/case/x/">länk</a></p></div>',
        ),
        (
            "image",
            {"id": 1, "caption": "Bild & text"},
            f'<figure class="block-image">{IMG}<figcaption>Bild &amp; text</figcaption></figure>',
        ),
        (
            "quote",
            {"quote": "Rad 1\nRad 2\n\nAndra 'stycket'", "attribution": "Anna <A>"},
            '<figure class="quote"><blockquote><p>Rad 1<br>Rad 2</p><p>Andra &#x27;stycket'
            "&#x27;</p></blockquote><figcaption>Anna &lt;A&gt;</figcaption></figure>",
        ),
        (
            "call_to_action",
            {
                "heading": "Kom & gå",
                "text": "Text",
                "link_label": "Läs mer",
                "page": {"path": "/a/?b=1&c=2"},
            },
            '<aside class="call-to-action"><h2>Kom &amp; gå</h2><p>Text</p><p><a class="button" '
            'href="/a/?b=1&amp;c=2">Läs mer</a></p></aside>',
        ),
        (
            "call_to_action",
            {"heading": "H", "text": "", "link_label": "x", "url": "javascript:alert(1)"},
            '<aside class="call-to-action"><h2>H</h2></aside>',
        ),
        (
            "fact_box",
            {"heading": "Fakta", "text": "<p onclick='x'>y</p>"},
            '<aside class="fact-box"><h2>Fakta</h2><p>y</p></aside>',
        ),
        (
            "embed",
            {"url": "https://www.youtube.com/watch?v=1&t=2"},
            '<p class="embed-link"><a href="https://www.youtube.com/watch?v=1&amp;t=2">Se '
            "innehållet hos www.youtube.com</a></p>",
        ),
        ("embed", {"url": "javascript:x"}, ""),
        (
            "section",
            {
                "heading": "Avsnitt",
                "text": "<p>t</p>",
                "image": {"id": 1, "caption": ""},
                "cases": [
                    {"title": "Case & co", "path": "/case/x/"},
                    {"title": "Bad", "path": "javascript:1"},
                ],
                "pages": [],
            },
            f'<section class="newsletter-section"><h2>Avsnitt</h2><p>t</p><figure '
            f'class="block-image">{IMG}</figure><p class="links-heading">Case som nämns</p>'
            '<ul class="links"><li><a href="/case/x/">Case &amp; co</a></li></ul></section>',
        ),
    ],
)
def test_each_block_is_written_as_the_theme_says(kind, value, html):
    assert render_blocks([{"type": kind, "value": value}], _image) == html


def test_blocks_are_separated_by_a_blank_line_and_empty_ones_left_out():
    stream = [
        {"type": "rich_text", "value": "<p>a</p>"},
        {"type": "embed", "value": {"url": ""}},
        {"type": "fact_box", "value": {"heading": "F", "text": ""}},
    ]
    assert render_blocks(stream, _image) == (
        '<div class="rich-text"><p>a</p></div>\n\n<aside class="fact-box"><h2>F</h2></aside>'
    )


def test_an_unknown_block_fails_loudly():
    with pytest.raises(ValueError, match="okänd blocktyp 'karusell'"):
        render_blocks([{"type": "karusell", "value": {}}], _image)


def test_text_in_blocks_gets_swedish_no_break_spaces():
    stream = [
        {"type": "rich_text", "value": "<p>Svinnet minskade med 70 % den 20 oktober 2020.</p>"},
        {"type": "quote", "value": {"quote": "Vi sparade 4 000 kronor.", "attribution": ""}},
        {"type": "image", "value": {"id": 1, "caption": "Mätningen 3 maj"}},
    ]
    html = render_blocks(stream, _image)
    assert "70\u00a0% den 20\u00a0oktober\u00a02020." in html
    assert "4\u202f000 kronor" in html
    assert "<figcaption>Mätningen 3\u00a0maj</figcaption>" in html
    assert IMG in html  # attributes keep their ordinary spaces (srcset, sizes)


def _page(kind, listing_image, body):
    return {
        "id": 5,
        "title": "Sida",
        "meta": {"type": kind, "path": "/sida/"},
        "listing_image": listing_image,
        "body": body,
    }


LEAD = {"id": 7, "alt": "Ledbild", "renditions": {}}
BODY = [
    {"type": "image", "value": {"id": 7, "alt": "Ledbild", "caption": ""}},
    {"type": "rich_text", "value": "<p>Text</p>"},
    {"type": "image", "value": {"id": 8, "alt": "Annan bild", "caption": "Den andra"}},
]


@pytest.mark.parametrize(
    "kind",
    ["cases.CaseStoryPage", "articles.InspirationArticlePage", "programme.ProgrammePage"],
)
def test_a_page_that_shows_its_image_at_the_top_does_not_repeat_it_in_its_body(kind):
    shown = []

    def image(value, purpose):
        if value:
            shown.append((value["id"], purpose))
        return IMAGE if value else None

    entry = page_entry(_page(kind, LEAD, BODY), image)
    # The listing image as the page's top image, the other image once in the body.
    assert shown == [(7, "card"), (8, "body")]
    assert entry.body.count("<img") == 1 and "Den andra" in entry.body


def test_a_page_without_a_top_image_keeps_every_image_of_its_body():
    entry = page_entry(_page("core.StandardPage", LEAD, BODY), _image)
    assert entry.body.count("<img") == 2
    entry = page_entry(_page("cases.CaseStoryPage", None, BODY), _image)
    assert entry.body.count("<img") == 2
