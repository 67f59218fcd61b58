"""Pages that are broken in the ways real CMS pages are: nothing raises, nothing is lost."""

from __future__ import annotations

import pytest

from crawler.extract.article import extract_article
from crawler.extract.listing import extract_listing
from crawler.siteconfig import ConfigError, load_sites_text


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\x00\x01\x02binary",
        b"%PDF-1.4 not html",
        b"<html><head></head></html>",
        b"<p>" * 3000,
    ],
)
def test_article_extraction_never_raises(body):
    record = extract_article("http://a.test/x.html", body, {"Content-Type": b"text/html"})
    assert record["body_text"] == "" or isinstance(record["body_text"], str)
    assert record["url"] == "http://a.test/x.html"


def test_empty_page_is_flagged_empty_body():
    record = extract_article("http://a.test/x.html", b"<html><body></body></html>", {})
    assert record["quality"] == ["empty_body"]
    assert record["title"] is None


def test_malformed_links_are_skipped_not_fatal():
    html = (
        "<ul><li><a href='http://[::1/x'>坏链接的文章标题</a><span>2021-01-01</span></li>"
        "<li><a href='./202101/t20210101_1.html'>好文章的标题</a><span>2021-01-01</span></li></ul>"
        "<div id='zoom'><p>正文。</p><img src='http://[bad'><a href='http://[::1/a.pdf'>附件</a></div>"
    ).encode()
    page = extract_listing("http://a.test/col/", html, {})
    assert [i.url for i in page.items] == ["http://a.test/col/202101/t20210101_1.html"]
    record = extract_article("http://a.test/col/202101/t20210101_1.html", html, {})
    assert record["images"] == [] and record["attachments"] == []


def test_hanweb_paging_with_junk_numbers_does_not_raise():
    text = (
        "<datastore><totalrecord>30</totalrecord><recordset>"
        "<record><![CDATA[<li><a href='/art/2023/6/15/art_1_2.html'>标题一二三四五</a></li>]]></record>"
        "</recordset></datastore>"
    ).encode()
    page = extract_listing(
        "http://a.test/module/web/jpage/dataproxy.jsp?startrecord=&perpage=abc&columnid=1", text, {}
    )
    assert [i.url for i in page.items] == ["http://a.test/art/2023/6/15/art_1_2.html"]
    assert len(page.next_pages) == 1 and "startrecord=2" in page.next_pages[0]


def test_malformed_config_url_is_a_config_error():
    with pytest.raises(ConfigError, match="key 'home': must be an http"):
        load_sites_text("sites:\n  - id: a\n    home: 'http://[bad/'\n", "s.yaml")
