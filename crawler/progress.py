"""Scrapy extension: a live progress line while a crawl runs.

On a terminal it redraws one line (rich); without one (cron, CI) it writes a
plain line every ``RDWATCH_PROGRESS_INTERVAL`` seconds to stderr, so a log
stays readable. Enabled by ``RDWATCH_PROGRESS``.
"""

from __future__ import annotations

import sys
import time

from rich.console import Console
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class ProgressExtension:
    """Shows sites, pages fetched and articles stored as the crawl goes."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.console = Console(stderr=True)
        self.live = self.console.is_terminal
        self.interval = 0.5 if self.live else interval
        self.loop: task.LoopingCall | None = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        if not crawler.settings.getbool("RDWATCH_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler, crawler.settings.getfloat("RDWATCH_PROGRESS_INTERVAL", 10.0))
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def line(self) -> str:
        stats = self.crawler.stats.get_stats()
        sites = len(self.crawler.settings.get("RDWATCH_SITES") or [])
        pages = stats.get("response_received_count", 0)
        items = stats.get("item_scraped_count", 0)
        elapsed = time.monotonic() - self.started
        return f"crawling {sites} sites · {pages} pages · {items} articles · {elapsed:.0f}s"

    def show(self) -> None:
        if self.live:
            self.console.file.write("\r\x1b[2K" + self.line())
            self.console.file.flush()
        else:
            print(self.line(), file=sys.stderr, flush=True)

    def engine_started(self) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        self.loop.start(self.interval, now=True)

    def engine_stopped(self) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.live:
            self.console.file.write("\r\x1b[2K" + self.line() + "\n")
            self.console.file.flush()
        else:
            print(self.line() + " · done", file=sys.stderr, flush=True)
