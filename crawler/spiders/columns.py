"""The spider: decides what to fetch on each configured 人大 site, nothing more.

Home page → 机关建设-type columns (when the config lists none) → list pages
and their next pages → article pages → a read counter when the page writes
it with a script. Reading the pages is the page objects' work
(:mod:`crawler.extract`); storing and flagging is the pipelines'.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from crawler.extract.article import extract_article, failed_record
from crawler.extract.listing import extract_listing
from crawler.extract.navigation import find_columns
from crawler.extract.urls import host_of
from crawler.siteconfig import Site

_DOCUMENT_WRITE = re.compile(rb"document\.write\(\s*['\"]?\s*(\d+)")


def plain_headers(response: Response) -> dict[str, str]:
    """Scrapy's multi-valued bytes headers as the ``str → str`` map page objects take."""
    return {
        key.decode("latin-1"): (values[-1] if values else b"").decode("latin-1")
        for key, values in response.headers.items()
    }


def in_site(site: Site, url: str) -> bool:
    """Whether *url* is on one of the site's own hosts (or their subdomains)."""
    host = (host_of(url) or "").lower()
    return any(host == d or host.endswith("." + d) for d in site.allowed_domains)


class ColumnsSpider(scrapy.Spider):
    """Crawls the 机关建设-type columns of the sites in ``RDWATCH_SITES``."""

    name = "columns"

    def __init__(self, sites: list[Site], keywords: list[str], max_list_pages: int, **kwargs: Any):
        super().__init__(**kwargs)
        self.sites = {site.id: site for site in sites}
        self.keywords = keywords
        self.max_list_pages = max_list_pages
        # Scrapy's OffsiteMiddleware keeps every request on these hosts.
        self.allowed_domains = sorted({d for s in sites for d in s.allowed_domains})

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ColumnsSpider:
        settings = crawler.settings
        return super().from_crawler(
            crawler,
            *args,
            sites=list(settings.get("RDWATCH_SITES") or []),
            keywords=settings.getlist("RDWATCH_JIGUAN_KEYWORDS"),
            max_list_pages=settings.getint("RDWATCH_MAX_LIST_PAGES", 50),
            **kwargs,
        )

    def _site(self, response: Response) -> Site:
        return self.sites[response.meta["site_id"]]

    async def start(self) -> AsyncIterator[Request]:
        for site in self.sites.values():
            for column in site.columns:
                yield self._list_request(site, column, jiguan=True)
            if site.scope == "site" or not site.columns:
                yield Request(site.home, self.parse_home, meta={"site_id": site.id}, priority=20)

    def _list_request(self, site: Site, url: str, *, jiguan: bool) -> Request:
        # 机关建设-type columns first: they are why rdwatch runs.
        return Request(
            url,
            self.parse_list,
            meta={"site_id": site.id, "column": url, "jiguan_column": jiguan, "list_page": 1},
            priority=10 if jiguan else 0,
        )

    def parse_home(self, response: Response) -> Iterator[Request]:
        site = self._site(response)
        columns = find_columns(
            response.url,
            response.body,
            plain_headers(response),
            self.keywords,
            encoding_override=site.encoding,
        )
        jiguan = [c for c in columns if c.jiguan]
        stats = self.crawler.stats
        stats.set_value(f"rdwatch/site/{site.id}/columns_found", len(columns))
        stats.set_value(f"rdwatch/site/{site.id}/jiguan_columns_found", len(jiguan))
        if not jiguan and not site.columns:
            self.logger.warning(
                "site %s: no 机关建设-type column found on %s", site.id, response.url
            )
        for column in columns if site.scope == "site" else jiguan:
            self.logger.info("site %s: column %s at %s", site.id, column.name, column.url)
            yield self._list_request(site, column.url, jiguan=column.jiguan)

    def parse_list(self, response: Response) -> Iterator[Request]:
        site = self._site(response)
        page = extract_listing(
            response.url, response.body, plain_headers(response), encoding_override=site.encoding
        )
        for link in page.items:
            if in_site(site, link.url):
                yield Request(
                    link.url,
                    self.parse_article,
                    meta={"site_id": site.id, "list_date": link.date},
                    priority=response.request.priority,
                )
        list_page = response.meta.get("list_page", 1)
        if list_page >= self.max_list_pages:
            return
        for url in page.next_pages:
            if in_site(site, url):
                yield Request(
                    url,
                    self.parse_list,
                    meta={
                        "site_id": site.id,
                        "column": response.meta.get("column"),
                        "jiguan_column": response.meta.get("jiguan_column"),
                        "list_page": list_page + 1,
                    },
                    priority=response.request.priority,
                )

    def parse_article(self, response: Response) -> Iterator[Any]:
        site = self._site(response)
        try:
            record = extract_article(
                response.url,
                response.body,
                plain_headers(response),
                site_name=site.name,
                encoding_override=site.encoding,
                list_date=response.meta.get("list_date"),
            )
        except Exception as exc:  # a page we cannot read is recorded, never lost
            self.logger.exception("site %s: cannot extract %s", site.id, response.url)
            self.crawler.stats.inc_value(f"rdwatch/site/{site.id}/extraction_failed")
            record = failed_record(
                response.url, response.body, plain_headers(response), exc, site.encoding
            )
        record.update(site.meta())
        counter = record.get("read_count_url")
        if record.get("read_count") is None and counter and in_site(site, counter):
            # The page writes its read count with a script: fetch that too.
            yield Request(
                counter,
                self.parse_read_count,
                # never follow a counter's redirect off the site
                meta={"site_id": site.id, "dont_redirect": True},
                cb_kwargs={"record": record},
                errback=self.read_count_failed,
            )
        else:
            yield record

    def parse_read_count(self, response: Response, record: dict[str, Any]) -> Iterator[Any]:
        match = _DOCUMENT_WRITE.search(response.body)
        record["read_count"] = int(match.group(1)) if match else None
        yield record

    def read_count_failed(self, failure: Any) -> Iterator[Any]:
        # Losing the counter must not lose the article.
        yield failure.request.cb_kwargs["record"]
