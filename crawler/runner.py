"""Run one crawl of configured sites in this process and sum it up per site."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.siteconfig import Defaults, Site
from crawler.spiders.columns import ColumnsSpider
from pipelines.store import open_store

# Politeness off: only for the local sample web, never for real sites.
SAMPLE_WEB_SETTINGS: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


@dataclass
class SiteSummary:
    """One row of the run summary."""

    site_id: str
    name: str
    pages: int
    stored: int
    with_encoding_problems: int
    jiguan: int


@dataclass
class CrawlResult:
    """What a crawl did: Scrapy's stats and one summary row per site."""

    stats: dict[str, Any]
    sites: list[SiteSummary] = field(default_factory=list)

    @property
    def failed_writes(self) -> int:
        return int(self.stats.get("rdwatch/store/failed", 0))

    @property
    def errors(self) -> int:
        return int(self.stats.get("log_count/ERROR", 0))


def crawl_settings(
    sites: list[Site],
    defaults: Defaults,
    *,
    store_uri: str | None,
    proxy: str | None = None,
    overrides: dict[str, Any] | None = None,
) -> Settings:
    """Scrapy settings for a crawl: the project's, then rdwatch's, then *overrides*."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict(
        {
            "RDWATCH_SITES": sites,
            "RDWATCH_STORE_URI": store_uri,
            "RDWATCH_HTTP_PROXY": proxy,
            "RDWATCH_JIGUAN_KEYWORDS": list(defaults.jiguan_column_keywords),
            "RDWATCH_MAX_LIST_PAGES": defaults.max_list_pages,
            "USER_AGENT": (
                f"rdwatch/0.1 (+research crawler of 人大 sites; contact {defaults.contact})"
            ),
            "EXTENSIONS": {"crawler.progress.ProgressExtension": 500},
        },
        priority="cmdline",
    )
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


def summarize(sites: list[Site], stats: dict[str, Any], store_uri: str | None) -> list[SiteSummary]:
    """Per-site figures: pages from Scrapy's stats, articles from the store itself."""
    rows = []
    with open_store(store_uri) as store:
        articles = store.articles
        for site in sites:
            rows.append(
                SiteSummary(
                    site_id=site.id,
                    name=site.name,
                    pages=int(stats.get(f"rdwatch/site/{site.id}/pages", 0)),
                    stored=articles.count_documents({"site_id": site.id}),
                    with_encoding_problems=articles.count_documents(
                        {"site_id": site.id, "encoding.problems": {"$ne": []}}
                    ),
                    jiguan=articles.count_documents({"site_id": site.id, "jiguan.is": True}),
                )
            )
    return rows


def run_crawl(settings: Settings) -> CrawlResult:
    """Crawl in this process (Twisted's reactor runs once per process)."""
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ColumnsSpider)
    process.crawl(crawler)
    process.start()
    stats = dict(crawler.stats.get_stats() if crawler.stats else {})
    sites = settings.get("RDWATCH_SITES") or []
    return CrawlResult(
        stats=stats, sites=summarize(sites, stats, settings.get("RDWATCH_STORE_URI"))
    )
