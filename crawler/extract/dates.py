"""Find publication dates in the forms 人大 CMSes print them, as China time.

>>> find_datetime("发布时间：2021年3月5日 9:05").isoformat()
'2021-03-05T09:05:00+08:00'
>>> date_from_url("http://x.test/jgjs/202008/t20200828_123456.html").isoformat()
'2020-08-28T00:00:00+08:00'
>>> date_from_url("http://x.test/art/2023/6/15/art_123_4567.html").date().isoformat()
'2023-06-15'
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))

# 2020-08-28, 2020/8/28, 2020.08.28, 2021年3月5日, each with an optional time.
_DATETIME = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})"
    r"(?!\d)\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2}))?)?"
)
_URL_DATES = (
    re.compile(r"/t(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})_\d+"),
    re.compile(r"/art/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})/"),
)


def _build(match: re.Match[str]) -> datetime | None:
    parts = match.groupdict()
    try:
        return datetime(
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts.get("H") or 0),
            int(parts.get("M") or 0),
            int(parts.get("S") or 0),
            tzinfo=CHINA,
        )
    except ValueError:
        return None


def find_datetime(text: str) -> datetime | None:
    """The first valid date (with its time, if printed) in *text*, in China time."""
    for match in _DATETIME.finditer(text or ""):
        found = _build(match)
        if found:
            return found
    return None


def date_from_url(url: str) -> datetime | None:
    """A date encoded in a CMS article URL (TRS ``t20200828_``, 大汉 ``/art/2023/6/15/``)."""
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match and (found := _build(match)):
            return found
    return None


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in China time, the form every rdwatch timestamp takes."""
    return value.astimezone(CHINA).isoformat() if value else None


def now_iso() -> str:
    """The current time as rdwatch stores it."""
    return iso(datetime.now(CHINA).replace(microsecond=0))
