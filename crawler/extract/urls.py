"""URL joining that tolerates the malformed links old CMS pages carry.

>>> join_url("http://a.test/jgjs/", "./202008/t20200828_1.html")
'http://a.test/jgjs/202008/t20200828_1.html'
>>> join_url("http://a.test/", "http://[::1/x") is None
True
>>> import lxml.html
>>> page = lxml.html.fromstring('<p><a href="javascript:void(0)">x</a><a href="b.html#top">b</a></p>')
>>> [url for _, url in links(page, "http://a.test/")]
['http://a.test/b.html']
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

_NOT_NAVIGABLE = ("javascript:", "#", "mailto:", "tel:")


def join_url(base: str, href: str) -> str | None:
    """*href* resolved against *base*, or None when either is not a usable URL."""
    try:
        url = urljoin(base, href.strip())
        urlsplit(url).hostname  # noqa: B018 - raises ValueError on a broken netloc
    except ValueError:
        return None
    return url


def host_of(url: str) -> str | None:
    """The lower-cased host of *url*, or None for a malformed one."""
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def links(root: Any, base: str) -> Iterator[tuple[Any, str]]:
    """``(anchor, absolute URL)`` for every followable ``<a href>`` under *root*.

    Script and mail links, bare fragments and malformed URLs are skipped;
    fragments are dropped, since they name the same page.
    """
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.lower().startswith(_NOT_NAVIGABLE):
            continue
        url = join_url(base, href)
        if url is not None:
            yield anchor, urldefrag(url).url
