"""Abstract pictures in a calm palette, drawn locally with Pillow (nothing is downloaded).

Each picture is drawn from its own seed, so the same run always gives the same pixels. The
shapes are drawn at half size and scaled up, which softens their edges.
"""

import math
import random
from dataclasses import dataclass
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from swedish import swedish_slugify

SIZE = (1600, 900)
SEED = 2017

# name: (light background, dark background, three shape colours)
PALETTES = {
    "havsblått": (
        (232, 241, 246),
        (196, 219, 232),
        [(31, 78, 121), (74, 144, 164), (150, 196, 208)],
    ),
    "skogsgrönt": (
        (234, 242, 234),
        (200, 222, 204),
        [(47, 93, 80), (111, 155, 120), (176, 206, 168)],
    ),
    "sand": ((248, 242, 231), (232, 218, 196), [(163, 112, 68), (210, 168, 112), (120, 108, 96)]),
    "ljung": ((244, 238, 246), (222, 206, 228), [(98, 68, 116), (160, 122, 172), (214, 190, 222)]),
    "skymning": (
        (236, 238, 246),
        (206, 210, 232),
        [(48, 58, 108), (112, 124, 186), (226, 166, 118)],
    ),
    "älvdal": ((238, 244, 242), (206, 226, 222), [(30, 96, 96), (84, 150, 140), (220, 196, 140)]),
}

STYLE_WORDS = {
    "cirklar": "mjuka cirklar som går in i varandra",
    "vågor": "breda vågor som ligger i lager",
    "ränder": "sneda ränder i olika bredd",
    "rutor": "rundade rutor i ett lösligt rutnät",
    "ringar": "tunna ringar kring en gemensam mittpunkt",
}


@dataclass(frozen=True)
class DemoImage:
    number: int
    palette: str
    style: str

    @property
    def title(self) -> str:
        return f"Demobild {self.number:02d}: {self.style} i {self.palette}"

    @property
    def alt(self) -> str:
        return f"Abstrakt bild med {STYLE_WORDS[self.style]}, i toner av {self.palette}."

    @property
    def filename(self) -> str:
        return f"demo-{self.number:02d}-{swedish_slugify(self.style)}.jpg"


IMAGES = [
    DemoImage(i, palette, style)
    for i, (palette, style) in enumerate(
        [
            ("havsblått", "cirklar"),
            ("skogsgrönt", "vågor"),
            ("sand", "ränder"),
            ("ljung", "rutor"),
            ("skymning", "ringar"),
            ("älvdal", "cirklar"),
            ("havsblått", "vågor"),
            ("skogsgrönt", "rutor"),
            ("sand", "ringar"),
            ("ljung", "vågor"),
            ("skymning", "ränder"),
            ("älvdal", "rutor"),
        ],
        start=1,
    )
]


def _background(light, dark, size):
    mask = PILImage.linear_gradient("L").rotate(-90).resize(size)  # a gradient across the width
    return PILImage.composite(
        PILImage.new("RGB", size, dark), PILImage.new("RGB", size, light), mask
    )


def _rgba(colour, alpha):
    return (*colour, alpha)


def _draw_shapes(draw, style, colours, rng, w, h):
    if style == "cirklar":
        for _ in range(9):
            r = rng.randint(h // 8, h // 2)
            x, y = rng.randint(0, w), rng.randint(0, h)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(rng.choice(colours), 110))
    elif style == "vågor":
        for layer in range(5):
            base = h * (0.35 + layer * 0.14)
            amp, freq, phase = rng.randint(18, 50), rng.uniform(1.0, 2.2), rng.uniform(0, 6.28)
            top = [
                (x, base + amp * math.sin(phase + freq * 2 * math.pi * x / w))
                for x in range(0, w + 8, 8)
            ]
            colour = colours[layer % len(colours)]
            draw.polygon([*top, (w, h), (0, h)], fill=_rgba(colour, 90 + layer * 20))
    elif style == "ränder":
        x = -h
        while x < w:
            band = rng.randint(20, 90)
            draw.polygon(
                [(x, h), (x + h, 0), (x + h + band, 0), (x + band, h)],
                fill=_rgba(rng.choice(colours), rng.randint(70, 150)),
            )
            x += band + rng.randint(10, 70)
    elif style == "rutor":
        step = h // 4
        for gx in range(0, w, step):
            for gy in range(0, h, step):
                if rng.random() < 0.55:
                    pad = rng.randint(6, step // 4)
                    draw.rounded_rectangle(
                        (gx + pad, gy + pad, gx + step - pad, gy + step - pad),
                        radius=step // 6,
                        fill=_rgba(rng.choice(colours), rng.randint(80, 170)),
                    )
    elif style == "ringar":
        cx, cy = rng.randint(w // 4, 3 * w // 4), rng.randint(h // 4, 3 * h // 4)
        for i, r in enumerate(range(30, w, rng.randint(24, 40))):
            draw.ellipse(
                (cx - r, cy - r, cx + r, cy + r),
                outline=_rgba(colours[i % len(colours)], 150),
                width=rng.randint(3, 9),
            )


def render(spec: DemoImage) -> bytes:
    """The picture as JPEG bytes; the same spec always gives the same bytes."""
    rng = random.Random(SEED * 100 + spec.number)
    light, dark, colours = PALETTES[spec.palette]
    w, h = SIZE[0] // 2, SIZE[1] // 2
    canvas = _background(light, dark, (w, h)).convert("RGBA")
    overlay = PILImage.new("RGBA", (w, h), (0, 0, 0, 0))
    _draw_shapes(ImageDraw.Draw(overlay), spec.style, colours, rng, w, h)
    picture = PILImage.alpha_composite(canvas, overlay).convert("RGB")
    picture = picture.resize(SIZE, PILImage.Resampling.BICUBIC)
    out = BytesIO()
    picture.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def ensure_images(report, user=None) -> list[Image]:
    """The demo pictures in number order, created only where no image has the title."""
    existing = {i.title: i for i in Image.objects.filter(title__in=[s.title for s in IMAGES])}
    images = []
    for spec in IMAGES:
        image = existing.get(spec.title)
        created = image is None
        if created:
            image = Image(
                title=spec.title,
                description=spec.alt,
                uploaded_by_user=user,
                file=ImageFile(BytesIO(render(spec)), name=spec.filename),
            )
            image._set_image_file_metadata()
            image.save()
        images.append(image)
        report.add("Bilder", created)
    return images
