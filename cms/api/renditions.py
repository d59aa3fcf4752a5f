"""The image renditions the theme uses, by the role an image plays on the site.

Named sizes, so that a template asks for ``card`` or ``large`` and the API makes exactly the
renditions some template shows (``ALL_RENDITION_SPECS`` are prefetched with every image).
"""

BODY_RENDITIONS = {"medium": "max-960x960", "large": "max-1920x1920"}
LISTING_RENDITIONS = {"card": "fill-640x360", "card_2x": "fill-1280x720"}
ALL_RENDITION_SPECS = sorted({*BODY_RENDITIONS.values(), *LISTING_RENDITIONS.values()})
