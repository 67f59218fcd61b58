"""Page objects on saved sample pages: expected values read off the pages by hand."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.extract.article import extract_article
from tests.conftest import run_cli

PAGES = Path(__file__).parent / "pages"
TRS = "http://www.sdrd-sample.gov.cn.test/jgjs/"


def extract(name: str, url: str, content_type: str = "text/html") -> dict:
    return extract_article(url, (PAGES / name).read_bytes(), {"Content-Type": content_type})


def test_trs_page_with_collapsed_one_line_body_seed_001():
    rec = extract("trs_seed001.html", TRS + "202008/t20200828_123456.html")
    assert rec["title"] == "围绕中心履职尽责"
    assert rec["subtitle"] == "市人大常委会及机关推进“双创”工作回眸"
    assert rec["published_at"] == "2020-08-28T09:30:00+08:00"
    assert rec["published_at_source"] == "meta"
    assert rec["source"] == "济宁市人大常委会"
    assert rec["authors"] == ["朱仰民"]  # the trailing （朱仰民）
    assert rec["column_path"] == ["机关建设"]
    assert rec["read_count"] is None
    assert rec["body_text"].startswith("今年是我市创建全国文明城市的决战之年、收官之年")
    assert "用实际行动践行了人大代表的为民情怀" in rec["body_text"]
    assert "版权所有" not in rec["body_text"] and "字号" not in rec["body_text"]
    assert rec["encoding"]["header"] is None
    assert rec["encoding"]["meta"] == "gb2312"
    assert rec["encoding"]["used"] == "gb18030"
    assert rec["quality"] == []


def test_trs_attachment_is_found_with_its_link_text():
    rec = extract("trs_attachment.html", TRS + "202212/t20221209_166085.html")
    assert rec["title"] == "省人大常委会机关印发文明单位创建三年规划"
    assert rec["published_at"] == "2022-12-09T15:20:00+08:00"
    assert rec["source"] == "山东省人大常委会办公厅"
    assert rec["attachments"] == [
        {
            "url": TRS + "202212/P020221209379413528013.pdf",
            "name": "附件：省人大常委会机关文明单位创建三年规划（2023—2025年）.pdf",
        }
    ]
    assert rec["body_text"].startswith("近日，省人大常委会机关印发《省人大常委会")
    # 2023—2025 uses the GB2312 dash: not an overflow
    assert rec["encoding"]["problems"] == []


def test_hanweb_traditional_page_seed_000():
    rec = extract(
        "hanweb_seed000.html",
        "http://www.xxrd-sample.gov.cn.test/art/2020/8/28/art_123_5867.html",
        "text/html; charset=UTF-8",
    )
    assert rec["title"] == "市人大常委會機關創(chuàng)建文明單位工作紀實"
    assert rec["published_at"] == "2020-08-28T09:04:00+08:00"
    assert rec["authors"] == ["路傳良", "凌波"]  # the bare names line under the title
    assert rec["column_path"] == ["机关建设"]
    assert rec["read_count"] is None  # written by a script: the spider fetches it
    assert rec["read_count_url"] == (
        "http://www.xxrd-sample.gov.cn.test/module/visitcount/articlehits.jsp?colid=123&artid=5867"
    )
    assert rec["body_text"].startswith("走進市人大常委會機關,得體的語言行為")
    problems = {p["type"]: p for p in rec["encoding"]["problems"]}
    assert "pinyin_annotation" in problems
    assert problems["pinyin_annotation"]["samples"][0] == "創(chuàng)"


def test_asp_truncated_page_seed_004():
    rec = extract("asp_seed004.html", "http://www.xcrd-sample.gov.cn.test/news_view.asp?id=356")
    assert rec["title"] == "2012“强两基重民生转方式促发展”主题活动总结"
    assert rec["published_at"] == "2013-01-13T00:00:00+08:00"
    assert rec["published_at_source"] == "page"
    assert rec["read_count"] == 1876
    assert rec["source"] is None  # 来源： is printed empty
    assert rec["authors"] == []
    assert rec["column_path"] == ["自身建设", "机关建设"]
    paragraphs = rec["body_text"].split("\n")
    assert paragraphs[:3] == [
        "“强两基重民生转方式促发展”主题活动",
        "总结分析报告",
        "许昌市人大常委会",
    ]
    assert paragraphs[4] == "一、基本做法和特点"
    assert rec["body_text"].endswith("科学发展作贡")
    assert "truncated" in rec["quality"]
    assert "分享到" not in rec["body_text"] and "上一篇" not in rec["body_text"]


def test_asp_byline_after_source():
    rec = extract("asp_1902.html", "http://www.xcrd-sample.gov.cn.test/news_view.asp?id=1902")
    assert rec["title"] == "市人大常委会机关召开党史学习教育动员会"
    assert rec["published_at"] == "2021-03-05T00:00:00+08:00"
    assert rec["read_count"] == 123
    assert rec["source"] == "许昌市人大常委会办公室"
    assert rec["authors"] == ["韩冰"]


def test_rdwatch_extract_prints_the_record(tmp_path):
    result = run_cli(
        "extract",
        str(PAGES / "asp_seed004.html"),
        "--url",
        "http://www.xcrd-sample.gov.cn.test/news_view.asp?id=356",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "2012“强两基重民生转方式促发展”主题活动总结"
    assert record["read_count"] == 1876
    assert record["encoding"]["used"] == "gb18030"


def test_rdwatch_extract_header_charset_is_diagnosed(tmp_path):
    result = run_cli(
        "extract", str(PAGES / "trs_seed001.html"), "--header-charset", "utf-8", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "围绕中心履职尽责"
    kinds = {p["type"] for p in record["encoding"]["problems"]}
    assert {"wrong_header_charset", "header_meta_conflict"} <= kinds
