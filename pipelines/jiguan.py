"""Item pipeline: mark 机关建设 posts by the column they were published in.

A first version that reads only the column path (breadcrumb); the keyword
list is ``jiguan_column_keywords`` in ``config/defaults.yaml``, passed in as
the ``RDWATCH_JIGUAN_KEYWORDS`` setting.

>>> classify_by_column(["自身建设", "机关建设"], ["机关建设", "自身建设"])
{'is': True, 'score': 1.0, 'reasons': ['column:自身建设', 'column:机关建设']}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler


def classify_by_column(column_path: Iterable[str], keywords: Iterable[str]) -> dict[str, Any]:
    """``{is, score, reasons}`` from the column names alone."""
    keywords = list(keywords)
    reasons = [
        f"column:{name}" for name in column_path if any(keyword in name for keyword in keywords)
    ]
    return {"is": bool(reasons), "score": 1.0 if reasons else 0.0, "reasons": reasons}


class JiguanColumnPipeline:
    """Sets ``jiguan`` on every article from its ``column_path``."""

    def __init__(self, keywords: list[str]) -> None:
        self.keywords = keywords

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JiguanColumnPipeline:
        return cls(crawler.settings.getlist("RDWATCH_JIGUAN_KEYWORDS"))

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        adapter["jiguan"] = classify_by_column(adapter.get("column_path") or [], self.keywords)
        return item
