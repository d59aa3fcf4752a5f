"""The contract of content/ (sitebuild/contract.py) is the one place its names live, and
the theme reads only what it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import contract
from sitebuild.render.plugin import HubPlugin

ROOT = Path(__file__).resolve().parents[1]
SITEBUILD = ROOT / "site" / "sitebuild"
THEME = ROOT / "themes" / "hub"


def test_the_case_record_type_is_named_in_the_contract_only():
    naming = [
        path.relative_to(ROOT).as_posix()
        for path in [*SITEBUILD.rglob("*.py"), *THEME.rglob("*.html"), *THEME.rglob("*.js")]
        if contract.CASE_RECORD in path.read_text(encoding="utf-8")
    ]
    assert naming == ["site/sitebuild/contract.py"]


def test_templates_read_only_the_data_files_of_the_contract():
    names = {
        name
        for path in THEME.rglob("*.html")
        for name in re.findall(r'hub_data\("([^"]+)"', path.read_text(encoding="utf-8"))
    }
    assert names and names <= set(contract.DATA_FILES)


def test_the_plugin_refuses_the_pulls_own_bookkeeping(tmp_path):
    (tmp_path / ".data").mkdir()
    (tmp_path / ".data" / "state.json").write_text("{}", encoding="utf-8")
    plugin = HubPlugin()
    plugin.load_config({})
    plugin.on_config({"docs_dir": str(tmp_path)})

    with pytest.raises(PluginError, match="state"):
        plugin.data("state")


def test_the_cms_reserves_the_case_slugs_the_portal_uses_itself():
    from cms.core.paths import RESERVED_CASE_SLUGS

    assert RESERVED_CASE_SLUGS == contract.RESERVED_SEGMENTS
    assert contract.STATISTICS_PATH == f"/case/{contract.STATISTICS_SEGMENT}/"
