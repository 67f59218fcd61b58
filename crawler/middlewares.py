"""Downloader middlewares rdwatch adds to Scrapy's own."""

from __future__ import annotations

from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares import cookies
from scrapy.downloadermiddlewares.cookies import CookiesMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from tldextract import TLDExtract


class OfflineCookiesMiddleware(CookiesMiddleware):
    """Scrapy's cookie handling, with the public-suffix list read offline.

    Scrapy asks tldextract for the public-suffix list, which it downloads on
    first use; offline that stalls on ``.test`` hosts. Scrapy reads it through
    a module-level extractor, so that is what we replace, once this middleware
    is enabled: tldextract's bundled snapshot, no network, ever.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OfflineCookiesMiddleware:
        cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)
        return super().from_crawler(crawler)


class ProxyFromSettingsMiddleware:
    """Send every request through ``RDWATCH_HTTP_PROXY`` (the sample web, in tests and demo).

    Scrapy's HttpProxyMiddleware (after this one) does the proxying itself.
    """

    def __init__(self, proxy: str) -> None:
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProxyFromSettingsMiddleware:
        proxy = crawler.settings.get("RDWATCH_HTTP_PROXY")
        if not proxy:
            raise NotConfigured
        return cls(proxy)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        request.meta.setdefault("proxy", self.proxy)


class SiteStatsMiddleware:
    """Count responses per site (``rdwatch/site/<id>/pages``) for the run summary."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteStatsMiddleware:
        return cls(crawler)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Any:
        site = request.meta.get("site_id")
        if site:
            self.stats.inc_value(f"rdwatch/site/{site}/pages")
            if response.status >= 400:
                self.stats.inc_value(f"rdwatch/site/{site}/http_errors")
        return response
