"""Benchmark: the demo crawl (sample web → Scrapy → decode → extract → embedded store).

Prints wall time and pages/s of the full crawl, side by side with a baseline
that only fetches the same URLs one after another with urllib (no parsing, no
store), to show what the crawl machinery costs on top of raw fetching.

    python benchmarks/demo_crawl.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.runner import SAMPLE_WEB_SETTINGS, crawl_settings, run_crawl  # noqa: E402
from crawler.siteconfig import load_defaults, load_sites  # noqa: E402
from sampleweb import SITES_CONFIG, SampleWeb  # noqa: E402


def baseline(proxy: str, urls: list[str]) -> float:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy}))
    started = time.perf_counter()
    for url in urls:
        with opener.open(url, timeout=10) as response:
            response.read()
    return time.perf_counter() - started


def main() -> None:
    sites = load_sites(SITES_CONFIG)
    with tempfile.TemporaryDirectory() as tmp, SampleWeb(port=0) as web:
        store = f"embedded:{tmp}/store"
        settings = crawl_settings(
            sites,
            load_defaults(),
            store_uri=store,
            proxy=web.proxy_url,
            overrides={**SAMPLE_WEB_SETTINGS, "LOG_LEVEL": "WARNING"},
        )
        started = time.perf_counter()
        result = run_crawl(settings)
        crawl_seconds = time.perf_counter() - started
        urls = [f"http://{e['host']}{e['path']}" for e in list(web.access_log)]
        fetch_seconds = baseline(web.proxy_url, urls)
    pages = int(result.stats.get("response_received_count", 0))
    stored = sum(row.stored for row in result.sites)
    print(f"sites {len(sites)}, pages {pages}, articles stored {stored}")
    print(f"{'':32}{'wall s':>10}{'pages/s':>10}")
    print(f"{'rdwatch demo crawl (full)':32}{crawl_seconds:>10.2f}{pages / crawl_seconds:>10.1f}")
    print(
        f"{'urllib sequential fetch only':32}{fetch_seconds:>10.2f}{len(urls) / fetch_seconds:>10.1f}"
    )


if __name__ == "__main__":
    main()
