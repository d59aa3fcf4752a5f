"""StreamField blocks become the theme's markup (themes/hub/partials/blocks/), exactly the
HTML pages have always had: text escaped (quotes too), HTML and URLs sanitised."""

from __future__ import annotations

import pytest

from sitebuild.pull.blocks import render_blocks

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
