"""A broken sites.yaml names file, site and key, exits 2, and crawls nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.siteconfig import (
    ConfigError,
    bundled_config_dir,
    load_defaults,
    load_sites,
    load_sites_text,
)
from tests.conftest import REPO, run_cli

GOOD = """
sites:
  - id: henan
    name: 河南省人大常委会
    level: province
    region: 河南省
    city: null
    home: http://www.henanrd.gov.cn/
    columns:
      - http://www.henanrd.gov.cn/jgjs/
    encoding: null
    enabled: true
  - id: xinxiang
    name: 新乡市人大常委会
    level: city
    region: 河南省
    city: 新乡市
    home: http://www.xxrd.gov.cn/
"""


def test_the_issue_shape_is_accepted():
    henan, xinxiang = load_sites_text(GOOD, "sites.yaml")
    assert henan.id == "henan" and henan.level == "province"
    assert henan.columns == ("http://www.henanrd.gov.cn/jgjs/",)
    assert henan.allowed_domains == ["www.henanrd.gov.cn"]
    assert xinxiang.columns == () and xinxiang.city == "新乡市" and xinxiang.enabled is True


def test_shipped_configs_load():
    assert {s.id for s in load_sites(REPO / "config" / "sites.yaml")} >= {"henan"}
    assert "机关建设" in load_defaults().jiguan_column_keywords
    assert (bundled_config_dir() / "sites.yaml").is_file()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sites:\n  - id: a\n    home: [unclosed\n", "s.yaml: line 4, column 1: not valid YAML"),
        (
            "sites:\n  - name: 无名\n    home: http://a.test/\n",
            "s.yaml: site entry 1: key 'id': missing",
        ),
        ("sites:\n  - id: a\n    name: x\n", "s.yaml: site 'a' (entry 1): key 'home': missing"),
        (
            "sites:\n  - id: a\n    home: http://a.test/\n  - id: a\n    home: http://b.test/\n",
            "s.yaml: site 'a' (entry 2): key 'id': duplicate, already used by entry 1",
        ),
        (
            "sites:\n  - id: a\n    home: http://a.test/\n    level: state\n",
            "s.yaml: site 'a' (entry 1): key 'level': must be one of province, city, county, got 'state'",
        ),
        (
            "sites:\n  - id: a\n    home: http://a.test/\n    columns: [ftp://a.test/x]\n",
            "s.yaml: site 'a' (entry 1): key 'columns[1]': must be an http(s) URL",
        ),
        ("nothing: here\n", "s.yaml: key 'sites': missing"),
    ],
)
def test_broken_config_names_file_site_and_key(text, expected):
    with pytest.raises(ConfigError) as caught:
        load_sites_text(text, "s.yaml")
    assert str(caught.value).startswith(expected)


def test_crawl_with_broken_config_exits_2_and_crawls_nothing(tmp_path: Path):
    bad = tmp_path / "sites.yaml"
    bad.write_text(
        "sites:\n  - id: henan\n    home: http://www.henanrd.gov.cn/\n    level: nation\n",
        encoding="utf-8",
    )
    result = run_cli("crawl", "--config", str(bad), cwd=tmp_path)
    assert result.returncode == 2
    assert f"{bad}: site 'henan' (entry 1): key 'level'" in result.stderr
    # nothing crawled, not even a store opened
    assert not (tmp_path / "var").exists()
    assert "Traceback" not in result.stderr


def test_crawl_with_unknown_site_id_exits_2(tmp_path: Path):
    result = run_cli(
        "crawl", "--config", str(REPO / "config" / "sites.yaml"), "--site", "nowhere", cwd=tmp_path
    )
    assert result.returncode == 2
    assert "site 'nowhere'" in result.stderr
