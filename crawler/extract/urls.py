"""URL joining that tolerates the malformed links old CMS pages carry.

>>> join_url("http://a.test/jgjs/", "./202008/t20200828_1.html")
'http://a.test/jgjs/202008/t20200828_1.html'
>>> join_url("http://a.test/", "http://[::1/x") is None
True
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


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
