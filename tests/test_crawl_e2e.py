"""End to end: the real crawl (Scrapy, real HTTP through the sample web's proxy)
into the embedded store, checked field by field against the sample pages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pipelines.store import open_store
from sampleweb import SITES_CONFIG
from tests.conftest import run_cli

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> tuple[str, object]:
    """One `rdwatch demo` run into a fresh store, shared by the tests below."""
    cwd = tmp_path_factory.mktemp("demo")
    store = f"embedded:{cwd}/store"
    result = run_cli("demo", "--store", store, cwd=cwd)
    return store, result


def articles(store: str) -> dict[str, dict]:
    with open_store(store) as handle:
        return {doc["url"]: doc for doc in handle.articles.find({}, {"_id": False})}


def test_demo_exits_0_and_prints_the_summary(demo_store):
    _, result = demo_store
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if "│" in line]
    rows = {
        cells[0]: cells for cells in ([c.strip() for c in line.split("│")[1:-1]] for line in lines)
    }
    # site: pages fetched, articles stored, encoding problems, 机关建设 flagged
    assert rows["sdrd"][3:] == ["19", "2", "11"]
    assert rows["xxrd"][3:] == ["22", "1", "14"]
    assert rows["xcrd"][3:] == ["19", "0", "11"]
    assert rows["total"][3] == "60"


def test_demo_stores_every_sample_article(demo_store):
    store, _ = demo_store
    stored = articles(store)
    assert len(stored) == 60
    by_site = {}
    for doc in stored.values():
        by_site[doc["site_id"]] = by_site.get(doc["site_id"], 0) + 1
    assert by_site == {"sdrd": 19, "xxrd": 22, "xcrd": 19}
    # every record carries the schema
    for doc in stored.values():
        assert doc["title"] and doc["body_text"]
        assert doc["published_at"].endswith("+08:00")
        assert doc["first_seen_at"] and doc["last_seen_at"]
        assert len(doc["content_hash"]) == 40


def test_trs_article_field_by_field(demo_store):
    doc = articles(demo_store[0])[
        "http://www.sdrd-sample.gov.cn.test/jgjs/202008/t20200828_123456.html"
    ]
    assert doc["site_id"] == "sdrd"
    assert doc["site_name"] == "山东省人大常委会"
    assert (doc["level"], doc["region"], doc["city"]) == ("province", "山东省", None)
    assert doc["title"] == "围绕中心履职尽责"
    assert doc["subtitle"] == "市人大常委会及机关推进“双创”工作回眸"
    assert doc["published_at"] == "2020-08-28T09:30:00+08:00"
    assert doc["source"] == "济宁市人大常委会"
    assert doc["authors"] == ["朱仰民"]
    assert doc["column_path"] == ["机关建设"]
    assert doc["read_count"] is None
    assert doc["encoding"]["used"] == "gb18030" and doc["encoding"]["meta"] == "gb2312"
    assert doc["jiguan"]["is"] is True


def test_hanweb_read_count_comes_from_the_counter_script(demo_store):
    stored = articles(demo_store[0])
    seed = stored["http://www.xxrd-sample.gov.cn.test/art/2020/8/28/art_123_5867.html"]
    assert seed["read_count"] == 1327
    assert seed["authors"] == ["路傳良", "凌波"]
    assert (seed["level"], seed["region"], seed["city"]) == ("city", "河南省", "新乡市")
    # the example of the issue: answered by articlehits.jsp with document.write(256)
    example = stored["http://www.xxrd-sample.gov.cn.test/art/2023/6/15/art_123_8501.html"]
    assert example["read_count"] == 256
    assert example["authors"] == ["张三"]
    assert example["source"] == "新乡人大"
    assert example["published_at"].startswith("2023-06-15T")


def test_hanweb_dataproxy_page_is_followed(demo_store):
    doc = articles(demo_store[0])[
        "http://www.xxrd-sample.gov.cn.test/art/2020/5/26/art_123_5521.html"
    ]
    assert doc["title"] == "市人大常委会机关召开文明单位创建工作推进会"
    assert doc["published_at"] == "2020-05-26T15:30:00+08:00"
    assert doc["source"] == "新乡人大"
    assert doc["authors"] == ["赵雪"]
    assert doc["read_count"] == 233
    assert doc["body_text"].startswith("5月25日，市人大常委会机关召开文明单位")


def test_asp_article_and_non_jiguan_column(demo_store):
    stored = articles(demo_store[0])
    seed = stored["http://www.xcrd-sample.gov.cn.test/news_view.asp?id=356"]
    assert seed["column_path"] == ["自身建设", "机关建设"]
    assert seed["read_count"] == 1876
    assert seed["quality"] == ["truncated"]
    law = [
        d for d in stored.values() if d["site_id"] == "xcrd" and d["column_path"] == ["立法工作"]
    ]
    assert len(law) == 4
    assert all(d["jiguan"]["is"] is False for d in law)


def test_crawl_command_finds_the_column_and_is_idempotent(sample_web, tmp_path: Path):
    config = tmp_path / "sites.yaml"
    config.write_text(
        "sites:\n"
        "  - id: xxrd\n    name: 新乡市人大常委会\n    level: city\n    region: 河南省\n"
        "    city: 新乡市\n    home: http://www.xxrd-sample.gov.cn.test/\n    scope: columns\n",
        encoding="utf-8",
    )
    store = f"embedded:{tmp_path}/store"
    args = [
        "crawl",
        "--config",
        str(config),
        "--store",
        store,
        "--proxy",
        sample_web.proxy_url,
        *FAST,
    ]
    first = run_cli(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    after_first = articles(store)
    # scope: columns → only the 机关建设 column, found from the home page: 10 inline + 4 via dataproxy
    assert len(after_first) == 14
    assert all(d["column_path"] == ["机关建设"] for d in after_first.values())

    second = run_cli(*args, cwd=tmp_path)
    assert second.returncode == 0, second.stderr[-2000:]
    after_second = articles(store)
    assert after_second.keys() == after_first.keys()
    for url, doc in after_second.items():
        before = after_first[url]
        assert doc["first_seen_at"] == before["first_seen_at"]
        assert doc["content_hash"] == before["content_hash"]
        assert {k: v for k, v in doc.items() if k != "last_seen_at"} == {
            k: v for k, v in before.items() if k != "last_seen_at"
        }


def test_unreachable_store_exits_2_redacted_and_crawls_nothing(sample_web, tmp_path: Path):
    served_before = len(sample_web.access_log)
    result = run_cli(
        "crawl",
        "--config",
        str(SITES_CONFIG),
        "--store",
        "mongodb://reader:s3cretpw@127.0.0.1:9/rdwatch?serverSelectionTimeoutMS=300",
        "--proxy",
        sample_web.proxy_url,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "mongodb://reader:***@127.0.0.1:9/rdwatch" in result.stderr
    assert "s3cretpw" not in result.stderr + result.stdout
    assert len(sample_web.access_log) == served_before


def test_export_jsonl_and_csv_with_filters(demo_store, tmp_path: Path):
    store, _ = demo_store
    every = run_cli("export", "--store", store, cwd=tmp_path)
    assert every.returncode == 0, every.stderr
    lines = every.stdout.splitlines()
    assert len(lines) == 60
    assert json.loads(lines[0])["url"].startswith("http://www.")

    recent = run_cli(
        "export",
        "--store",
        store,
        "--site",
        "xcrd",
        "--since",
        "2023-01-01",
        "--format",
        "csv",
        cwd=tmp_path,
    )
    assert recent.returncode == 0, recent.stderr
    rows = list(csv.DictReader(io.StringIO(recent.stdout)))
    # xcrd articles published 2023 or later, read off its list pages: ids 2372, 2410, 2431, 2498, 2560, 2615, 2633
    assert sorted(int(r["url"].rsplit("=", 1)[1]) for r in rows) == [
        2372,
        2410,
        2431,
        2498,
        2560,
        2615,
        2633,
    ]
    assert all(r["site_id"] == "xcrd" and r["published_at"] >= "2023" for r in rows)

    bad = run_cli("export", "--store", store, "--since", "last year", cwd=tmp_path)
    assert bad.returncode == 2 and "--since" in bad.stderr
