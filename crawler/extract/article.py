"""The article page object: (url, bytes, headers) → the article record's fields.

Pure and Scrapy-free, in the web-poet sense, so a saved page is enough to test
it: the crawl, ``rdwatch extract`` and the tests all call :func:`extract_article`.

>>> html = '''<html><head><meta charset="utf-8"><title>机关建设工作会议召开_某市人大</title></head>
... <body><div>当前位置：首页 > 机关建设</div><h1>机关建设工作会议召开</h1>
... <div>发布时间：2021年3月5日 来源：办公室 点击数：12</div>
... <div id="zoom"><p>会议要求加强机关建设。</p><p>会议强调，作风建设永远在路上。</p></div></body></html>'''
>>> rec = extract_article("http://a.test/news_view.asp?id=1", html.encode("utf-8"), {})
>>> rec["title"], rec["published_at"], rec["source"], rec["read_count"], rec["column_path"]
('机关建设工作会议召开', '2021-03-05T00:00:00+08:00', '办公室', 12, ['机关建设'])
>>> rec["body_text"]
'会议要求加强机关建设。\\n会议强调，作风建设永远在路上。'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from crawler.decoding import decode_page
from crawler.extract import metadata
from crawler.extract.body import drop_boilerplate, find_body
from crawler.extract.dates import date_from_url, find_datetime, iso
from crawler.extract.htmltext import drop_invisible, lines, normalize_space, parse, text_of
from crawler.extract.urls import host_of, join_url, links

ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar", ".et")
_DATE_LABEL = re.compile(r"(?:发布|發布|信息|更新|成文)?(?:时间|時間|日期)")
_TITLE_SEPARATORS = (" - ", " — ", " – ", " -- ", "--", "_", "|", "｜", "-")
_SENTENCE_END = "。！？!?”」』）)…．.；;：:"
_READ_COUNTER_SRC = re.compile(r"(?:articlehits|visitcount|hits|clickcount|readcount)", re.I)


def _meta(root: etree._Element, name: str) -> str | None:
    for value in root.xpath(
        "//meta[translate(@name,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')"
        "=$n]/@content",
        n=name.lower(),
    ):
        value = normalize_space(value)
        if value:
            return value
    return None


def _strip_site_suffix(title_tag: str, site_name: str | None) -> str:
    for separator in _TITLE_SEPARATORS:
        if separator in title_tag:
            parts = [p.strip() for p in title_tag.split(separator) if p.strip()]
            parts = [p for p in parts if not site_name or site_name not in p] or parts
            return max(parts, key=len)
    return title_tag


def _title(root: etree._Element, title_tag: str, site_name: str | None) -> str | None:
    declared = _meta(root, "ArticleTitle")
    if declared:
        return declared
    candidates = [
        normalize_space(e.text_content())
        for e in root.xpath(
            "//h1|//h2|//h3|//*[contains(translate(@class,'TITLE','title'),'title')]"
            "|//*[contains(translate(@id,'TITLE','title'),'title')]"
        )
    ]
    candidates = [c for c in candidates if 4 <= len(c) <= 150]
    # The headline is what the <title> tag starts with, minus the site suffix.
    matching = [c for c in candidates if title_tag and (c in title_tag or title_tag in c)]
    if matching:
        return max(matching, key=len)
    if title_tag:
        return _strip_site_suffix(title_tag, site_name)
    return candidates[0] if candidates else None


def _index_of(page_lines: list[str], text: str | None) -> int:
    if text:
        for i, line in enumerate(page_lines):
            if line == text or (len(text) > 6 and text in line and len(line) < len(text) + 20):
                return i
    return -1


def _published(
    root: etree._Element, head: list[str], page_lines: list[str], url: str, list_date: str | None
) -> tuple[datetime | None, str | None]:
    declared = _meta(root, "PubDate") or _meta(root, "pubdate") or _meta(root, "publishdate")
    if declared and (found := find_datetime(declared)):
        return found, "meta"
    for line in head + page_lines:
        match = _DATE_LABEL.search(line)
        if match and (found := find_datetime(line[match.end() :])):
            return found, "page"
    for line in head:
        if found := find_datetime(line):
            return found, "page"
    if found := date_from_url(url):
        return found, "url"
    if list_date and (found := find_datetime(list_date)):
        return found, "list"
    return None, None


def _attachments(root: etree._Element, base: str) -> list[dict[str, str]]:
    seen: set[str] = set()
    found = []
    for anchor, href in links(root, base):
        if urlsplit(href).path.lower().endswith(ATTACHMENT_EXTENSIONS) and href not in seen:
            seen.add(href)
            found.append({"url": href, "name": normalize_space(anchor.text_content()) or None})
    return found


def _images(body: etree._Element | None, base: str) -> list[dict[str, str | None]]:
    if body is None:
        return []
    images = []
    for img in body.xpath(".//img[@src]"):
        if img.get("src").strip() and (src := join_url(base, img.get("src"))):
            images.append({"url": src, "alt": img.get("alt") or None})
    return images


def _read_count_url(root: etree._Element, base: str) -> str | None:
    host = host_of(base)
    for src in root.xpath("//script/@src"):
        url = join_url(base, src)
        if url and _READ_COUNTER_SRC.search(src) and host_of(url) == host:
            return url
    return None


def _quality(paragraphs: list[str], raw_body_lines: list[str]) -> list[str]:
    flags = []
    body = "".join(paragraphs)
    if not body:
        flags.append("empty_body")
    elif len(body) > 80 and paragraphs[-1].rstrip(" |")[-1:] not in _SENTENCE_END:
        flags.append("truncated")
    if any(re.search(r"版权所有|ICP备", line) for line in raw_body_lines):
        flags.append("boilerplate_in_body")
    return flags


def extract_article(
    url: str,
    body: bytes,
    headers: Mapping[str, Any] | None = None,
    *,
    site_name: str | None = None,
    encoding_override: str | None = None,
    list_date: str | None = None,
) -> dict[str, Any]:
    """Every field rdwatch reads from one article page.

    *list_date* is the date the column's list page printed beside the link,
    used when the page itself gives none.
    """
    decoded = decode_page(body, headers, encoding_override)
    root = parse(decoded.text)
    read_count_url = _read_count_url(root, url)  # before the scripts go
    drop_invisible(root)
    title_el = root.find(".//title")
    title_tag = text_of(title_el) if title_el is not None else ""
    title = _title(root, title_tag, site_name)

    body_el = find_body(root)
    raw_body_lines = lines(body_el) if body_el is not None else []
    paragraphs = drop_boilerplate(raw_body_lines)
    body_element = root.find("body")
    page_lines = lines(body_element if body_element is not None else root)

    title_at = _index_of(page_lines, title)
    body_at = _index_of(page_lines, paragraphs[0]) if paragraphs else -1
    head = page_lines[title_at + 1 : body_at] if 0 <= title_at < body_at else []
    # A paragraph-less title line gets stripped from the body if it was caught in it.
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    subtitle = next((h.lstrip("—- ").strip() for h in head[:2] if h.startswith(("——", "—"))), None)
    if subtitle is None and paragraphs and paragraphs[0].startswith("——"):
        subtitle = paragraphs.pop(0).lstrip("—- ").strip()
    meta_lines = head or page_lines

    published, published_source = _published(root, head, page_lines, url, list_date)
    authors, photographer = metadata.authors_and_photographer(
        meta_lines, head=head, last_paragraph=paragraphs[-1] if paragraphs else None
    )
    column_path = metadata.column_path(page_lines)
    if not column_path and (column := _meta(root, "ColumnName")):
        column_path = [column]

    return {
        "url": url,
        "title": title,
        "subtitle": subtitle,
        "published_at": iso(published),
        "published_at_source": published_source,
        "authors": authors,
        "photographer": photographer,
        "source": _meta(root, "ContentSource") or metadata.source(meta_lines),
        "editor": metadata.editor(page_lines),
        "column_path": column_path,
        "read_count": metadata.read_count(meta_lines),
        "read_count_url": read_count_url,
        "body_text": "\n".join(paragraphs),
        "attachments": _attachments(root, url),
        "images": _images(body_el, url),
        "encoding": decoded.record(),
        "quality": _quality(paragraphs, raw_body_lines),
    }


def failed_record(
    url: str,
    body: bytes,
    headers: Mapping[str, Any] | None,
    error: Exception,
    encoding_override: str | None = None,
) -> dict[str, Any]:
    """The record of a page extraction failed on: its URL, encoding diagnosis and the error."""
    decoded = decode_page(body, headers, encoding_override)
    return {
        "url": url,
        "title": None,
        "body_text": "",
        "authors": [],
        "column_path": [],
        "read_count": None,
        "read_count_url": None,
        "encoding": decoded.record(),
        "quality": ["extraction_failed"],
        "error": f"{type(error).__name__}: {error}",
    }


__all__ = ["extract_article", "failed_record", "ATTACHMENT_EXTENSIONS"]
