"""Find a site's columns, and which are 机关建设-type, from its home page.

A first version: short on-site menu links that are not articles, attachments
or the home page itself; a column is 机关建设-type when its link text holds
one of the keywords of ``config/defaults.yaml`` (sub-columns under a parent
menu included, since every link of the menu is looked at).

>>> html = '''<ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/col1/">人大要闻</a></li>
... <li>自身建设<ul><li><a href="/col/col123/index.html">机关建设</a></li></ul></li></ul>
... <a href="/art/2023/6/15/art_1_2.html">某篇文章的标题</a>'''
>>> for column in find_columns("http://x.test/", html.encode(), {}, ["机关建设", "自身建设"]):
...     print(column)
Column(name='机关建设', url='http://x.test/col/col123/index.html', jiguan=True)
Column(name='人大要闻', url='http://x.test/col/col1/', jiguan=False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from crawler.decoding import decode_page
from crawler.extract.article import ATTACHMENT_EXTENSIONS
from crawler.extract.htmltext import parse, text_of
from crawler.extract.listing import ARTICLE_HREF
from crawler.extract.urls import host_of, links

_NOT_COLUMNS = ("首页", "首頁", "网站首页", "返回首页", "更多", "more", "English", "繁體", "简体")
_STATIC = (".css", ".js", ".jpg", ".jpeg", ".png", ".gif", ".ico", ".txt", ".xml")


@dataclass(frozen=True)
class Column:
    """A column (栏目) link on a site's home page."""

    name: str
    url: str
    jiguan: bool


def _same_page(a: str, b: str) -> bool:
    strip = lambda u: urlsplit(u)._replace(fragment="").geturl().removesuffix("index.html")  # noqa: E731
    return strip(a).rstrip("/") == strip(b).rstrip("/")


def find_columns(
    url: str,
    body: bytes,
    headers: Mapping[str, Any] | None,
    keywords: Iterable[str],
    *,
    encoding_override: str | None = None,
) -> list[Column]:
    """Every column link of the page, 机关建设-type ones first."""
    keywords = list(keywords)
    root = parse(decode_page(body, headers, encoding_override).text)
    host = host_of(url)
    found: dict[str, Column] = {}
    for anchor, target in links(root, url):
        name = text_of(anchor).replace(" ", "")
        if not 2 <= len(name) <= 12 or name in _NOT_COLUMNS:
            continue
        path = urlsplit(target).path.lower()
        if (
            host_of(target) != host
            or ARTICLE_HREF.search(target)
            or path.endswith(ATTACHMENT_EXTENSIONS + _STATIC)
            or _same_page(target, url)
        ):
            continue
        jiguan = any(keyword in name for keyword in keywords)
        if target not in found or (jiguan and not found[target].jiguan):
            found[target] = Column(name, target, jiguan)
    return sorted(found.values(), key=lambda c: not c.jiguan)
