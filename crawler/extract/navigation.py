"""Find a site's 机关建设-type columns from its home page navigation.

A first version: menu links whose text names such a column (the keyword list
lives in ``config/defaults.yaml``), sub-columns under a parent menu included,
on the site's own host, article pages excluded.

>>> html = '''<ul class="nav"><li><a href="/col/col1/">人大要闻</a></li>
... <li>自身建设<ul><li><a href="/col/col123/index.html">机关建设</a></li></ul></li></ul>'''
>>> find_columns("http://x.test/", html.encode(), {}, ["机关建设", "自身建设"])
[('机关建设', 'http://x.test/col/col123/index.html')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler.decoding import decode_page
from crawler.extract.htmltext import parse, text_of
from crawler.extract.listing import ARTICLE_HREF


def find_columns(
    url: str,
    body: bytes,
    headers: Mapping[str, Any] | None,
    keywords: Iterable[str],
    *,
    encoding_override: str | None = None,
) -> list[tuple[str, str]]:
    """``(name, url)`` of every column link whose text contains a keyword."""
    keywords = list(keywords)
    root = parse(decode_page(body, headers, encoding_override).text)
    host = urlsplit(url).hostname
    found: dict[str, tuple[int, str]] = {}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        name = text_of(anchor)
        if not href or href.startswith(("javascript:", "#")) or not name or len(name) > 12:
            continue
        target = urljoin(url, href)
        if urlsplit(target).hostname != host or ARTICLE_HREF.search(target):
            continue
        rank = next((i for i, k in enumerate(keywords) if k in name), None)
        if rank is not None and (target not in found or rank < found[target][0]):
            found[target] = (rank, name)
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return [(name, target) for target, (_, name) in ordered]
