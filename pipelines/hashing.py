"""Item pipeline: give every article a ``content_hash`` of its normalised body.

The hash ignores spacing and full-/half-width differences so that a page that
only changed its ``&nbsp;`` layout is not taken for a new version.

>>> body_hash("会议 强调：\\n作风建设") == body_hash("会议强调:作风建设")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from itemadapter import ItemAdapter

_WHITESPACE = re.compile(r"\s+")


def body_hash(text: str) -> str:
    """SHA-1 hex digest of *text* after NFKC normalisation and whitespace removal."""
    normalised = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text or ""))
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


class ContentHashPipeline:
    """Sets ``content_hash`` from ``body_text``."""

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        adapter["content_hash"] = body_hash(adapter.get("body_text") or "")
        return item
