"""The theme's faster ``a.b`` (render/internals.py, ``dict_keys_first``) gives what Jinja gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from sitebuild_helpers import snapshot

from sitebuild.render import internals, render


def _render(source: str, **context) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.getattr = internals.dict_keys_first(env)
    return env.from_string(source).render(**context)


def test_keys_are_found_and_dict_methods_stay_methods():
    card = {"title": "Tryggare hemgång", "items": ["a", "b"], "get": "nyckel"}
    assert _render("{{ card.title }}", card=card) == "Tryggare hemgång"
    # A key that is also a method's name: Jinja gives the method, and so do we.
    assert _render("{{ card.items()|list|length }}", card=card) == "3"
    assert _render("{{ card.get('title') }}", card=card) == "Tryggare hemgång"
    assert _render("{{ card.missing is defined }}", card=card) == "False"
    with pytest.raises(jinja2.UndefinedError, match="missing"):
        _render("{{ card.missing }}", card=card)


def test_other_objects_are_looked_up_as_before():
    class Page:
        title = "Om oss"

    class Meta(dict):
        pass

    assert _render("{{ page.title }}", page=Page()) == "Om oss"
    assert _render("{{ meta.title }}", meta=Meta(title="Ämne")) == "Ämne"
    assert _render("{{ rows.0 }}", rows=["första"]) == "första"


def test_the_demo_site_is_the_same_byte_for_byte(built_site, tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(built_site.content, content)
    render(content, tmp_path / "fast", dirty=False)
    monkeypatch.setattr("sitebuild.render.plugin.dict_keys_first", lambda env: env.getattr)

    render(content, tmp_path / "jinja", dirty=False)

    assert snapshot(tmp_path / "fast") == snapshot(tmp_path / "jinja")
    assert len(list(Path(tmp_path / "fast").rglob("index.html"))) > 100
