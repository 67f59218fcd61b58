"""Decode a page's bytes and diagnose its encoding: a pure function of (bytes, headers).

Order of evidence: byte-order mark, a strict UTF-8 check, the declarations
(HTTP header, then ``<meta>``), then a detector (chardet). GB2312 and GBK are
decoded as GB18030, their superset, because government pages that declare
gb2312 routinely contain GBK-only characters such as 镕 or 喆. Decoding never
raises; undecodable bytes are replaced and counted.

>>> page = decode_page("<meta charset=gb2312><p>朱镕基</p>".encode("gbk"), {})
>>> page.used, page.meta, [p["type"] for p in page.problems]
('gb18030', 'gb2312', ['gb2312_overflow'])

Label resolution (aliases, gb2312 → gb18030) is w3lib's, the same rules
Scrapy's own responses follow; chardet is the design card's detector.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import chardet
from w3lib.encoding import read_bom, resolve_encoding

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_PINYIN = re.compile(r"[\u4e00-\u9fff]\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")
_SAMPLES = 3
_DETECT_BYTES = 64 * 1024

_counter = threading.local()


def _count_and_replace(err: UnicodeDecodeError) -> tuple[str, int]:
    _counter.bad = getattr(_counter, "bad", 0) + (err.end - err.start)
    return "\ufffd", err.end


codecs.register_error("rdwatch-count", _count_and_replace)


@dataclass
class DecodedPage:
    """A page's text and the honest story of how it was decoded."""

    text: str
    used: str
    header: str | None = None
    meta: str | None = None
    bom: str | None = None
    detected: str | None = None
    confidence: float | None = None
    invalid_bytes: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The ``encoding`` sub-document stored with every article."""
        return {
            "header": self.header,
            "meta": self.meta,
            "bom": self.bom,
            "detected": self.detected,
            "confidence": self.confidence,
            "used": self.used,
            "problems": self.problems,
        }


def _header_value(headers: Mapping[str, Any] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        key = key.decode("latin-1") if isinstance(key, bytes) else key
        if key.lower() == name.lower():
            if isinstance(value, list | tuple):
                value = value[-1] if value else None  # the last, as Scrapy reads it
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            return value
    return None


def header_charset(headers: Mapping[str, Any] | None) -> str | None:
    """The raw charset label of the Content-Type header, lower-cased.

    >>> header_charset({"Content-Type": "text/html; charset=GB2312"})
    'gb2312'
    """
    content_type = _header_value(headers, "content-type")
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def meta_charset(body: bytes) -> str | None:
    """The raw charset label of the first ``<meta>`` declaring one (first 4 KB)."""
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def _decode(body: bytes, encoding: str) -> tuple[str, int]:
    _counter.bad = 0
    text = body.decode(encoding, "rdwatch-count")
    return text, _counter.bad


def _strict(body: bytes, encoding: str) -> str | None:
    """*body* decoded if every byte is valid in *encoding*, else None."""
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _problem(kind: str, count: int, samples: list[str]) -> dict[str, Any]:
    distinct = list(dict.fromkeys(samples))
    return {"type": kind, "count": count, "samples": distinct[:_SAMPLES]}


def _in_gb2312(ch: str) -> bool:
    """Whether GBK encodes *ch* inside GB2312's code space (EUC-CN rows A1–F7, A1–FE).

    Python's own gb2312 codec is no judge: it maps A1AA to U+2015 and A1A4 to
    U+30FB where GBK and every browser use U+2014 — and · — so it would call
    ordinary GB2312 punctuation an overflow.
    """
    try:
        code = ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    if len(code) != 2:
        return len(code) == 1
    lead, trail = code
    return 0xA1 <= lead <= 0xF7 and 0xA1 <= trail <= 0xFE and not 0xAA <= lead <= 0xAF


def _gb2312_overflow(text: str) -> tuple[int, list[str]]:
    outside = [ch for ch in set(text) if ord(ch) > 0x7F and ch != "\ufffd" and not _in_gb2312(ch)]
    count = sum(text.count(ch) for ch in outside)
    return count, sorted(outside)


def _diagnose(page: DecodedPage) -> None:
    header = resolve_encoding(page.header) if page.header else None
    meta = resolve_encoding(page.meta) if page.meta else None
    if header and meta and header != meta:
        page.problems.append(_problem("header_meta_conflict", 1, [f"{page.header} / {page.meta}"]))
    if header and header != page.used:
        page.problems.append(_problem("wrong_header_charset", 1, [f"{page.header} → {page.used}"]))
    if "gb2312" in (page.header, page.meta) and page.used == "gb18030":
        count, chars = _gb2312_overflow(page.text)
        if count:
            page.problems.append(_problem("gb2312_overflow", count, chars))
    if page.invalid_bytes:
        page.problems.append(_problem("invalid_bytes", page.invalid_bytes, []))
    # U+FFFD that came with the bytes (not ones we put in for invalid bytes)
    upstream_fffd = page.text.count("\ufffd") - page.invalid_bytes
    if upstream_fffd > 0:
        page.problems.append(_problem("replacement_char", upstream_fffd, ["\ufffd"]))
    kun = page.text.count("锟斤拷")
    if kun:
        page.problems.append(_problem("kunjinkao", kun, ["锟斤拷"]))
    pinyin = [m.group(0) for m in _PINYIN.finditer(page.text)]
    if pinyin:
        page.problems.append(_problem("pinyin_annotation", len(pinyin), pinyin))


def decode_page(
    body: bytes, headers: Mapping[str, Any] | None = None, override: str | None = None
) -> DecodedPage:
    """Decode *body* and record what was declared, detected and used.

    *override* is a site's configured encoding: it wins over everything but
    a byte-order mark, and disagreements are still diagnosed.
    """
    page = DecodedPage(
        text="", used="utf-8", header=header_charset(headers), meta=meta_charset(body)
    )
    bom, bom_bytes = read_bom(body)
    payload = body[len(bom_bytes) :] if bom_bytes else body
    text: str | None = None  # set when a strict decode already succeeded
    if bom:
        page.bom = page.detected = bom
        page.confidence = 1.0
        used = bom
    elif override and resolve_encoding(override):
        # A site's configured encoding is an explicit human decision.
        used = resolve_encoding(override)
    elif (text := _strict(body, "utf-8")) is not None:
        # Pure ASCII is valid UTF-8 too; only call it detected when it says so.
        used = "utf-8"
        page.detected = "utf-8" if not body.isascii() else None
        page.confidence = 1.0 if page.detected else None
    else:
        used = None
        for label in (page.header, page.meta):
            resolved = resolve_encoding(label) if label else None
            if resolved and resolved != "utf-8":
                text = _strict(body, resolved)
                if text is not None:
                    used = resolved
                    break
        if used is None:
            # chardet is slow pure Python: ask it only when no declaration decodes.
            guess = chardet.detect(body[:_DETECT_BYTES])
            if guess.get("encoding"):
                page.detected = resolve_encoding(guess["encoding"]) or guess["encoding"].lower()
                page.confidence = round(float(guess.get("confidence") or 0.0), 3)
            # Nothing decodes cleanly: trust a declared encoding over a guess,
            # except a declared UTF-8 that just failed the strict check.
            declared = [resolve_encoding(x) for x in (page.header, page.meta) if x]
            declared = [d for d in declared if d and d != "utf-8"]
            used = declared[0] if declared else (page.detected or "gb18030")
    page.used = used
    if text is not None:
        page.text = text
    else:
        page.text, page.invalid_bytes = _decode(payload, used)
    _diagnose(page)
    return page
