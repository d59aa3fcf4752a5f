"""The site settings and the site's address: ``/api/v2/site/`` → ``content/.data/site.json``.

Every page shows the contact details of the CMS's site settings (header, footer, the 404
page, the contact page), and every absolute link starts with the site's address, so the
pull fetches them on every run and the theme reads them from this data file
(``contract.DATA_FILES["site"]``); nothing of it is fixed in site/mkdocs.yml. The build
renders every page again when the file changes (``build.py``).

Checked as everything from the API is, whatever the CMS sent: the address must be an
absolute http(s) URL (``--site-url`` wins over the CMS's), the e-mail address becomes a
``mailto:`` link and must look like one, the phone number a ``tel:`` link of its digits,
and the contact page must be a path of the site. Texts stay text: the theme escapes them.
"""

from __future__ import annotations

import re

from . import sanitize
from .client import ApiError

_EMAIL = re.compile(r"[^@\s<>\"'()\[\],;:\\]+@[^@\s<>\"'()\[\],;:\\]+\.[^@\s<>\"'()\[\],;:\\]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The fields of the answer, all required (``null`` allowed for the contact page).
FIELDS = (
    "site_url",
    "organisation_name",
    "contact_email",
    "contact_phone",
    "postal_address",
    "footer_text",
    "contact_page",
    "newsletter_signup_url",
)


def site_data(answer, where: str, site_url: str | None = None) -> dict:
    """The data file's content from the API's answer (``where``: its URL, for errors);
    ``site_url`` (``--site-url``) instead of the CMS's address when given."""
    if not isinstance(answer, dict) or any(name not in answer for name in FIELDS):
        raise ApiError(f"{where}: svaret saknar något av fälten {', '.join(FIELDS)}")
    url = (site_url or _text(answer["site_url"])).strip()
    if not re.match(r"https?://[^/\s]+", url) or sanitize.url(url) != url:
        raise ValueError(
            "Webbplatsens adress (HUB_SITE_URL i CMS:et, eller --site-url) saknas eller "
            f"är inte en http(s)-adress: {url!r}. Flöden och kanoniska länkar behöver den."
        )
    email = _text(answer["contact_email"])
    if email and not (_EMAIL.fullmatch(email) and sanitize.url(f"mailto:{email}")):
        raise ApiError(f"{where}: contact_email är ingen e-postadress: {email!r}")
    contact_page = answer["contact_page"]
    if contact_page is not None and not (
        isinstance(contact_page, str)
        and contact_page.startswith("/")
        and not contact_page.startswith("//")
        and sanitize.url(contact_page) == contact_page
    ):
        raise ApiError(f"{where}: contact_page är ingen sökväg på webbplatsen: {contact_page!r}")
    signup = _text(answer["newsletter_signup_url"]).strip()
    signup_origin = re.match(r"https?://[^/\s?#]+", signup)
    if not signup_origin or sanitize.url(signup) != signup:
        raise ApiError(
            f"{where}: newsletter_signup_url är ingen http(s)-adress: "
            f"{answer['newsletter_signup_url']!r}"
        )
    phone = _text(answer["contact_phone"])
    return {
        "site_url": url.rstrip("/") + "/",
        "organisation_name": _text(answer["organisation_name"]),
        "contact_email": email,
        "contact_phone": phone,
        "contact_phone_uri": tel_uri(phone),
        "postal_address": [
            line.strip() for line in _text(answer["postal_address"]).splitlines() if line.strip()
        ],
        "footer_text": _text(answer["footer_text"]),
        "contact_page": contact_page,
        "newsletter_signup_url": signup,
        # For the pages' Content-Security-Policy: the form may post there, its script ask.
        "newsletter_signup_origin": signup_origin.group(0),
    }


def tel_uri(phone: str) -> str | None:
    """A ``tel:`` link for a Swedish phone number as people write it: ``060-19 10 00`` →
    ``tel:+4660191000`` (a leading 0 is the trunk prefix, 00 the international one);
    None when there are no digits to call."""
    digits = re.sub(r"[^\d+]", "", phone)
    if digits.startswith("+"):
        digits = "+" + digits[1:].replace("+", "")
    elif digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+46" + digits[1:]
    if not re.fullmatch(r"\+?\d{3,}", digits):
        return None
    return f"tel:{digits}"


def _text(value) -> str:
    return _CONTROL.sub("", str(value or "")).strip()
