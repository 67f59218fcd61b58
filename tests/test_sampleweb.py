"""The sample web, exercised over real HTTP through its proxy."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message

import pytest
import yaml

from sampleweb import SITES_CONFIG, SampleWeb

SDRD = "http://www.sdrd-sample.gov.cn.test"
XXRD = "http://www.xxrd-sample.gov.cn.test"
XCRD = "http://www.xcrd-sample.gov.cn.test"
SEED_001 = SDRD + "/jgjs/202008/t20200828_123456.html"
GBK_ONLY = SDRD + "/jgjs/202307/t20230705_174816.html"


@pytest.fixture(scope="module")
def web() -> Iterator[SampleWeb]:
    with pytest.MonkeyPatch.context() as patch:
        # urllib skips the proxy for hosts listed in no_proxy; the tests must not.
        patch.delenv("no_proxy", raising=False)
        patch.delenv("NO_PROXY", raising=False)
        with SampleWeb(port=0) as served:
            yield served


def fetch(web: SampleWeb, url: str, method: str = "GET") -> tuple[int, Message, bytes]:
    """(status, headers, body) of ``url`` fetched through the proxy; no redirects followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({"http": web.proxy_url}), NoRedirect()
    )
    request = urllib.request.Request(url, method=method)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def fetch_with_host_header(web: SampleWeb, host: str, path: str) -> tuple[int, bytes]:
    """An origin-form request straight to the server, routed by its Host header."""
    connection = http.client.HTTPConnection("127.0.0.1", web.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# -- proxy behaviour ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://www.example.com/", "http://www.sdrd-sample.gov.cn/", "http://www.npc.gov.cn/"]
)
def test_unknown_host_gets_502(web: SampleWeb, url: str) -> None:
    status, _, body = fetch(web, url)
    assert status == 502
    assert b"www.sdrd-sample.gov.cn.test" in body  # the page lists the hosts it does serve


def test_unknown_host_header_gets_502(web: SampleWeb) -> None:
    status, _ = fetch_with_host_header(web, "www.example.com", "/")
    assert status == 502


def test_absolute_uri_and_host_header_requests_get_the_same_page(web: SampleWeb) -> None:
    status, _, via_proxy = fetch(web, SDRD + "/jgjs/index_1.html")
    status_direct, direct = fetch_with_host_header(
        web, "www.sdrd-sample.gov.cn.test", "/jgjs/index_1.html"
    )
    assert (status, status_direct) == (200, 200)
    assert via_proxy == direct
    assert b"./202008/t20200828_123456.html" in direct


def test_binds_to_loopback_and_reports_proxy_url(web: SampleWeb) -> None:
    assert web.proxy_url == f"http://127.0.0.1:{web.port}"
    assert web.port > 0


def test_head_sends_length_without_body(web: SampleWeb) -> None:
    _, _, body = fetch(web, SEED_001)
    status, headers, head_body = fetch(web, SEED_001, method="HEAD")
    assert status == 200
    assert headers["Content-Length"] == str(len(body))
    assert head_body == b""


def test_access_log_records_requests_in_order() -> None:
    with SampleWeb(port=0) as fresh:
        fetch(fresh, XXRD + "/robots.txt")
        fetch(fresh, "http://www.example.com/x?y=1")
        fetch(fresh, XCRD + "/news_list.asp?classid=12&page=2", method="HEAD")
        log = list(fresh.access_log)
    assert log[0] == {
        "host": "www.xxrd-sample.gov.cn.test",
        "path": "/robots.txt",
        "status": 200,
        "bytes": len("User-agent: *\nDisallow: /admin/\nDisallow: /manager/\n"),
    }
    assert log[1] == {
        "host": "www.example.com",
        "path": "/x?y=1",
        "status": 502,
        "bytes": log[1]["bytes"],
    }
    assert log[1]["bytes"] > 0
    assert log[2] == {
        "host": "www.xcrd-sample.gov.cn.test",
        "path": "/news_list.asp?classid=12&page=2",
        "status": 200,
        "bytes": 0,
    }
    assert len(log) == 3


@pytest.mark.parametrize("base", [SDRD, XXRD, XCRD])
def test_robots_txt_allows_all_but_admin(web: SampleWeb, base: str) -> None:
    status, headers, body = fetch(web, base + "/robots.txt")
    assert status == 200
    assert headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"User-agent: *")
    assert b"Disallow: /admin/" in body


@pytest.mark.parametrize(
    ("url", "encoding", "marker"),
    [
        (SDRD + "/jgjs/202008/t20200828_999999.html", "gbk", "抱歉，您访问的页面不存在"),
        (XXRD + "/art/2020/8/28/art_123_1.html", "utf-8", "对不起，您访问的页面不存在"),
        (XCRD + "/news_view.asp?id=99999", "gb18030", "HTTP 错误 404"),
    ],
)
def test_unknown_path_gets_family_404(web: SampleWeb, url: str, encoding: str, marker: str) -> None:
    status, _, body = fetch(web, url)
    assert status == 404
    assert marker in body.decode(encoding)


def test_directory_without_slash_redirects(web: SampleWeb) -> None:
    status, headers, _ = fetch(web, SDRD + "/jgjs")
    assert status == 301
    assert headers["Location"] == SDRD + "/jgjs/"


# -- TRS (sdrd) -------------------------------------------------------------------------


def test_trs_article_is_gbk_with_meta_gb2312_and_no_header_charset(web: SampleWeb) -> None:
    status, headers, body = fetch(web, GBK_ONLY)
    assert status == 200
    assert headers["Content-Type"] == "text/html"
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")
    page = body.decode("gb18030")
    assert "王喆、李堃、张玥、陈镕等6名青年干部" in page
    assert "喆".encode("gbk") in body


def test_trs_seed_001_metadata_and_single_paragraph_body(web: SampleWeb) -> None:
    _, _, body = fetch(web, SEED_001)
    page = body.decode("gbk")
    assert "<title>围绕中心履职尽责 - 山东省人大常委会</title>" in page
    assert '<meta name="ArticleTitle" content="围绕中心履职尽责">' in page
    assert '<meta name="PubDate" content="2020-08-28 09:30">' in page
    assert '<meta name="ContentSource" content="济宁市人大常委会">' in page
    assert '<meta name="ColumnName" content="机关建设">' in page
    assert "发布时间：2020-08-28 09:30&nbsp;&nbsp;来源：济宁市人大常委会" in page
    editor = page.split('<div class="Custom_UnionStyle">', 1)[1].split("</div>", 1)[0]
    assert editor.count("<p") == 2  # the one-line body, then TRS's trailing <p>&nbsp;</p>
    assert '<p style="text-indent:2em;">今年是我市创建全国文明城市的决战之年' in editor
    assert "用实际行动践行了人大代表的为民情怀。(朱仰民) |</p>" in editor
    assert '<div class="TRS_Editor"><style type="text/css">' in page


def test_trs_list_pages_use_create_page_html(web: SampleWeb) -> None:
    _, _, column = fetch(web, SDRD + "/jgjs/")
    _, _, first = fetch(web, SDRD + "/jgjs/index.html")
    _, _, last = fetch(web, SDRD + "/jgjs/index_2.html")
    assert column == first
    assert b'createPageHTML(3, 0, "index", "html");' in first
    assert b'createPageHTML(3, 2, "index", "html");' in last
    assert first.count(b'<li><a href="./20') == 5
    assert last.count(b'<li><a href="./20') == 1
    assert b'<li><a href="./201906/t20190612_100354.html" target="_blank"' in last
    status, _, _ = fetch(web, SDRD + "/jgjs/index_3.html")
    assert status == 404


def test_trs_attachment_and_image_are_served(web: SampleWeb) -> None:
    _, _, article = fetch(web, SDRD + "/jgjs/202212/t20221209_166085.html")
    link = '<a href="./P020221209379413528013.pdf" target="_blank">附件：'
    assert link.encode("gbk") in article
    status, headers, pdf = fetch(web, SDRD + "/jgjs/202212/P020221209379413528013.pdf")
    assert (status, headers["Content-Type"]) == (200, "application/pdf")
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    _, _, article = fetch(web, SDRD + "/jgjs/202206/t20220628_157720.html")
    assert b'<img src="./W020220628512837706125.jpg"' in article
    status, headers, jpeg = fetch(web, SDRD + "/jgjs/202206/W020220628512837706125.jpg")
    assert (status, headers["Content-Type"]) == (200, "image/jpeg")
    assert jpeg[:3] == b"\xff\xd8\xff" and jpeg[-2:] == b"\xff\xd9"


# -- Hanweb (xxrd) ----------------------------------------------------------------------


def test_hanweb_list_inlines_only_first_ten_records(web: SampleWeb) -> None:
    status, headers, body = fetch(web, XXRD + "/col/col123/index.html")
    page = body.decode("utf-8")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=UTF-8")
    assert page.count("<record>") == 10
    assert '<script type="text/xml"><datastore><nextgroup><![CDATA[' in page
    assert "columnid=123&unitid=4567" in page
    assert "var totalRecord = 14;" in page
    assert "art_123_5867.html" in page  # seed 000 is record 10
    assert "art_123_5521.html" not in page  # record 11 needs dataproxy


def test_hanweb_dataproxy_returns_records_beyond_first_ten(web: SampleWeb) -> None:
    url = (
        XXRD + "/module/web/jpage/dataproxy.jsp"
        "?startrecord=11&endrecord=20&perpage=10&columnid=123&unitid=4567"
    )
    status, headers, body = fetch(web, url)
    xml = body.decode("utf-8")
    assert (status, headers["Content-Type"]) == (200, "text/xml; charset=UTF-8")
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<totalrecord>14</totalrecord>" in xml
    assert "<totalpage>2</totalpage>" in xml
    assert xml.count("<record>") == 4
    first = xml.index("art_123_5521.html")
    assert first < xml.index("art_123_4210.html")
    assert 'title="市人大常委会机关召开文明单位创建工作推进会"' in xml


def test_hanweb_articlehits_writes_fixed_count(web: SampleWeb) -> None:
    url = XXRD + "/module/visitcount/articlehits.jsp?colid=123&artid=8501"
    status, headers, body = fetch(web, url)
    assert (status, headers["Content-Type"], body) == (
        200,
        "application/javascript",
        b"document.write(256);",
    )
    _, _, article = fetch(web, XXRD + "/art/2023/6/15/art_123_8501.html")
    assert b'src="/module/visitcount/articlehits.jsp?colid=123&artid=8501"' in article
    status, _, _ = fetch(web, XXRD + "/module/visitcount/articlehits.jsp?colid=123&artid=1")
    assert status == 404


def test_hanweb_article_metadata(web: SampleWeb) -> None:
    _, _, body = fetch(web, XXRD + "/art/2023/6/15/art_123_8501.html")
    page = body.decode("utf-8")
    assert '<meta name="ArticleTitle" content="市人大常委会机关召开模范机关创建工作会议">' in page
    assert '<meta name="PubDate" content="2023-06-15 10:21">' in page
    assert "ContentSource" not in page
    assert "发布日期：2023-06-15&nbsp;&nbsp;来源：新乡人大&nbsp;&nbsp;作者：张三" in page


def test_hanweb_seed_000_is_served_as_broken_as_it_came(web: SampleWeb) -> None:
    _, _, body = fetch(web, XXRD + "/art/2020/8/28/art_123_5867.html")
    page = body.decode("utf-8")
    assert "<title>市人大常委會機關創(chuàng)建文明單位工作紀實_新乡市人大常委会</title>" in page
    assert '<td align="center" class="author">路傳良 凌波</td>' in page
    assert "文明行為和文化內涵?!笔腥舜蟪N瘯\ue49d魅瓮鯓沸抡f" in page
    assert "<p>激發(fā)內生動力</p>" in page
    assert "您当前的位置" in page  # the chrome stays Simplified


def test_hanweb_home_navigation_links_jiguan_column(web: SampleWeb) -> None:
    _, _, body = fetch(web, XXRD + "/")
    assert '<a href="/col/col123/index.html" target="_blank">机关建设</a>' in body.decode()


# -- ASP (xcrd) ---------------------------------------------------------------------------


def test_asp_article_decodes_gb18030_with_iis_headers(web: SampleWeb) -> None:
    status, headers, body = fetch(web, XCRD + "/news_view.asp?id=356")
    assert status == 200
    assert headers["Content-Type"] == "text/html"
    assert headers["Server"] == "Microsoft-IIS/6.0"
    assert headers["X-Powered-By"] == "ASP.NET"
    page = body.decode("gb18030")
    assert "charset=gb2312" in page
    assert (
        '您现在的位置：<a href="/">首页</a> &gt;&gt; 自身建设 &gt;&gt; '
        '<a href="news_list.asp?classid=12">机关建设</a>'
    ) in page
    assert "发布时间：2013年1月13日&nbsp;&nbsp;点击数：1876" in page
    assert "体察民情办实事,科学发展作贡<br>" in page
    assert "科学发展作贡献" not in page


def test_asp_parameters_are_case_insensitive(web: SampleWeb) -> None:
    _, _, lower = fetch(web, XCRD + "/news_view.asp?id=1902")
    _, _, mixed = fetch(web, XCRD + "/News_View.asp?ID=1902")
    assert lower == mixed
    assert "点击数：123".encode("gb18030") in lower


def test_asp_list_pager(web: SampleWeb) -> None:
    _, _, first = fetch(web, XCRD + "/news_list.asp?classid=12")
    _, _, second = fetch(web, XCRD + "/news_list.asp?classid=12&page=2")
    first_page, second_page = first.decode("gb18030"), second.decode("gb18030")
    assert (
        '第1页 共2页 <a href="news_list.asp?classid=12&page=2">下一页</a> '
        '<a href="news_list.asp?classid=12&page=2">尾页</a>'
    ) in first_page
    assert first_page.count('<a href="news_view.asp?id=') == 10
    assert second_page.count('<a href="news_view.asp?id=') == 1
    assert '<a href="news_view.asp?id=356" target="_blank">' in second_page


# -- sites.yaml ----------------------------------------------------------------------------


def test_sites_yaml_has_rdwatch_config_shape() -> None:
    sites = yaml.safe_load(SITES_CONFIG.read_text(encoding="utf-8"))["sites"]
    assert [s["id"] for s in sites] == ["sdrd", "xxrd", "xcrd"]
    keys = {"id", "name", "level", "region", "city", "home", "columns", "encoding", "enabled"}
    assert set(sites[0]) == keys
    assert set(sites[1]) == keys - {"columns"}  # 机关建设 must be discovered
    assert sites[0]["columns"] == ["http://www.sdrd-sample.gov.cn.test/jgjs/"]
    assert sites[2]["columns"] == ["http://www.xcrd-sample.gov.cn.test/news_list.asp?classid=12"]
    assert [s["home"] for s in sites] == [SDRD + "/", XXRD + "/", XCRD + "/"]
