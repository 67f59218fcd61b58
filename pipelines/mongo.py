"""Item pipeline: upsert articles into MongoDB (or the embedded engine) in batches.

One document per article URL. Re-storing an unchanged article rewrites the
same values and moves ``last_seen_at``; ``first_seen_at`` is set only on
insert. Writes are batched (``RDWATCH_STORE_BATCH``, default 100) with
unordered ``bulk_write`` so the store is not the crawl's bottleneck.
A failed batch is logged and counted (``rdwatch/store/failed``), so a run
that lost writes ends with a non-zero exit code instead of passing silently.
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from pymongo import UpdateOne
from pymongo.errors import BulkWriteError, PyMongoError
from scrapy.crawler import Crawler

from crawler.extract.dates import now_iso
from pipelines.store import Store, open_store

logger = logging.getLogger(__name__)

# Fields owned by the store, never overwritten from an item.
_STORE_FIELDS = ("_id", "first_seen_at", "last_seen_at")


def article_update(document: dict[str, Any], seen_at: str) -> UpdateOne:
    """The idempotent upsert that stores *document* under its URL."""
    fields = {k: v for k, v in document.items() if k not in _STORE_FIELDS}
    fields["last_seen_at"] = seen_at
    return UpdateOne(
        {"url": document["url"]},
        {"$set": fields, "$setOnInsert": {"first_seen_at": seen_at}},
        upsert=True,
    )


class MongoStorePipeline:
    """Batches article upserts into the store named by ``RDWATCH_STORE_URI``."""

    def __init__(self, crawler: Crawler, uri: str | None, batch_size: int) -> None:
        self.crawler = crawler
        self.uri = uri
        self.batch_size = max(1, batch_size)
        self.pending: list[UpdateOne] = []
        self.pending_sites: list[str] = []
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MongoStorePipeline:
        settings = crawler.settings
        return cls(
            crawler, settings.get("RDWATCH_STORE_URI"), settings.getint("RDWATCH_STORE_BATCH", 100)
        )

    def open_spider(self) -> None:
        self.store = open_store(self.uri)

    def process_item(self, item: Any) -> Any:
        document = ItemAdapter(item).asdict()
        self.pending.append(article_update(document, now_iso()))
        self.pending_sites.append(document.get("site_id") or "")
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        if not self.pending or self.store is None:
            return
        batch, sites = self.pending, self.pending_sites
        self.pending, self.pending_sites = [], []
        stats = self.crawler.stats
        failed: set[int] = set()
        try:
            result = self.store.articles.bulk_write(batch, ordered=False)
            inserted = result.upserted_count
        except BulkWriteError as exc:
            # Unordered: the other writes went through. A duplicate-key error on
            # an upsert is a race with another writer of the same URL: the
            # document now exists, so one retry updates it.
            inserted = exc.details.get("nUpserted", 0)
            for error in exc.details.get("writeErrors", []):
                index = error["index"]
                try:
                    if error.get("code") != 11000:
                        raise PyMongoError(error.get("errmsg", "write error"))
                    self.store.articles.bulk_write([batch[index]], ordered=False)
                except PyMongoError as retry_exc:
                    failed.add(index)
                    logger.error("store %s: article not written: %s", self.store.uri, retry_exc)
        except PyMongoError as exc:
            failed = set(range(len(batch)))
            inserted = 0
            logger.error("store %s: %d articles not written: %s", self.store.uri, len(batch), exc)
        stats.inc_value("rdwatch/store/failed", len(failed))
        stats.inc_value("rdwatch/store/written", len(batch) - len(failed))
        stats.inc_value("rdwatch/store/inserted", inserted)
        for index, site in enumerate(sites):
            if index not in failed:
                stats.inc_value(f"rdwatch/site/{site}/stored")

    def close_spider(self) -> None:
        try:
            self.flush()
        finally:
            if self.store is not None:
                self.store.close()
