"""The list-page object: (url, bytes, headers) → article links and further pages.

Handles ordinary ``<li><a>…</a><span>date</span></li>`` lists, TRS
``createPageHTML(count, current, "index", "html")`` paging, 大汉 Hanweb
``<datastore><record><![CDATA[…]]>`` lists with ``dataproxy.jsp`` paging, and
下一页 links (``?page=N``, ``index_N``).

>>> html = '''<ul><li><a href="./202008/t20200828_1.html" title="全文标题">标题…</a>
... <span>2020-08-28</span></li></ul><script>createPageHTML(3, 0, "index", "html");</script>'''
>>> page = extract_listing("http://a.test/jgjs/index.html", html.encode(), {})
>>> [(i.url, i.title, i.date) for i in page.items]
[('http://a.test/jgjs/202008/t20200828_1.html', '全文标题', '2020-08-28')]
>>> page.next_pages
['http://a.test/jgjs/index_1.html']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree

from crawler.decoding import decode_page
from crawler.extract.dates import find_datetime
from crawler.extract.htmltext import normalize_space, parse, text_of
from crawler.extract.urls import host_of, join_url, links

ARTICLE_HREF = re.compile(
    r"(?:/t\d{8}_\d+\.s?html?$|/art/\d{4}/\d{1,2}/\d{1,2}/|"
    r"(?:view|show|detail|content|article)\w*\.(?:asp|aspx|php|jsp|html?)\?(?:.*&)?(?:id|newsid|articleid)=\d+|"
    r"/content_\d+\.s?html?$|/\d{4}-?\d{2}/\d{2}/\w+\.s?html?$)",
    re.I,
)
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>\s*</nextgroup>", re.S | re.I)
_TOTAL = re.compile(r"(?:<totalrecord>|totalRecord\s*[=:]\s*)(\d+)", re.I)
_PERPAGE = re.compile(r"perpage\s*[=:]\s*['\"]?(\d+)", re.I)
_CREATE_PAGE = re.compile(
    r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([^\"']+)[\"']\s*,\s*[\"']([^\"']+)[\"']"
)
_NEXT_TEXT = re.compile(r"^(?:下一页|下页|后页|下一頁|›|»|>|next)$", re.I)
_ROW_TAGS = ("li", "tr", "dd", "dt", "p", "div", "td")


@dataclass(frozen=True)
class ListLink:
    """One article link on a list page, with the date the list prints."""

    url: str
    title: str | None
    date: str | None


@dataclass
class ListPage:
    """What a column's list page offers: article links and the next page(s)."""

    items: list[ListLink] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)


def _row(anchor: etree._Element) -> etree._Element:
    element = anchor.getparent()
    while element is not None and element.tag not in _ROW_TAGS:
        element = element.getparent()
    return element if element is not None else anchor


def _links(root: etree._Element, base: str) -> list[ListLink]:
    host = host_of(base)
    found: dict[str, ListLink] = {}
    for anchor, url in links(root, base):
        if host_of(url) != host or url in found:
            continue
        anchor_text = text_of(anchor)
        title = normalize_space(anchor.get("title") or "") or anchor_text
        row = _row(anchor)
        date = find_datetime(text_of(row).replace(anchor_text, " ")) if row is not anchor else None
        if ARTICLE_HREF.search(url) or (date and len(title) >= 5):
            found[url] = ListLink(url, title or None, date.date().isoformat() if date else None)
    return list(found.values())


def _with_query(url: str, **params: Any) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update({k: str(v) for k, v in params.items()})
    return urlunsplit(parts._replace(query=urlencode(query)))


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


def _hanweb(text: str, base: str) -> ListPage | None:
    records = _RECORD.findall(text)
    if not records:
        return None
    page = ListPage(items=_links(parse("<ul>" + "".join(records) + "</ul>"), base))
    total = _TOTAL.search(text)
    if not total:
        return page
    query = dict(parse_qsl(urlsplit(base).query))
    start = _number(query.get("startrecord"), 1)
    last = start + len(records) - 1
    declared = _PERPAGE.search(text)
    perpage = _number(query.get("perpage") or (declared and declared.group(1)), len(records))
    if last >= int(total.group(1)):
        return page
    if "dataproxy" in base:
        proxy = base
    else:
        group = _NEXTGROUP.search(text)
        hrefs = re.findall(r"href=[\"']([^\"']+)", group.group(1)) if group else []
        if not hrefs:
            return page
        proxy = join_url(base, hrefs[0].replace("&amp;", "&"))
        if proxy is None:
            return page
    page.next_pages.append(
        _with_query(proxy, startrecord=last + 1, endrecord=last + perpage, perpage=perpage)
    )
    return page


def extract_listing(
    url: str,
    body: bytes,
    headers: Mapping[str, Any] | None = None,
    *,
    encoding_override: str | None = None,
) -> ListPage:
    """Article links and next list pages of one list page (or dataproxy answer)."""
    text = decode_page(body, headers, encoding_override).text
    hanweb = _hanweb(text, url)
    if hanweb is not None:
        return hanweb
    root = parse(text)
    page = ListPage(items=_links(root, url))
    if match := _CREATE_PAGE.search(text):
        count, current, prefix, suffix = int(match[1]), int(match[2]), match[3], match[4]
        if current + 1 < count:
            if next_url := join_url(url, f"{prefix}_{current + 1}.{suffix}"):
                page.next_pages.append(next_url)
        return page
    for anchor, next_url in links(root, url):
        if _NEXT_TEXT.match(text_of(anchor)):
            page.next_pages.append(next_url)
            break
    return page
