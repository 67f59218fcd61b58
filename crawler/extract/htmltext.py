"""Turn decoded HTML into an lxml tree and into the lines a reader sees.

Old CMS pages lay text out with tables, ``<br>``, ``<font>`` and ``&nbsp;``;
reading them line by line, the way a browser shows them, is what makes
metadata lines (发布时间：… 来源：…) and paragraphs findable.

>>> lines(parse("<div>标题<br>发布时间：2020-08-28&nbsp;&nbsp;来源：<b>本网</b></div><p>正文</p>"))
['标题', '发布时间：2020-08-28 来源：本网', '正文']
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody "
    "td tfoot th thead tr ul".split()
)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000\u2002\u2003\u200b\ufeff]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse(html: str) -> lxml.html.HtmlElement:
    """Parse a decoded page leniently; never raises on junk."""
    html = _XML_DECL.sub("", html or "")
    if not html.strip():
        html = "<html><body></body></html>"
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def drop_invisible(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Remove scripts, styles, comments and other invisible parts from *root*, in place."""
    for element in root.xpath("|".join(f"//{t}" for t in _DROP_TAGS) + "|//comment()"):
        element.drop_tree()
    return root


def normalize_space(text: str) -> str:
    """Collapse spaces of every width (``&nbsp;``, 全角空格) into one."""
    return _SPACES.sub(" ", text).strip()


def _walk(element: etree._Element, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROP_TAGS or not tag:
        # comments and processing instructions: keep only their tail
        if element.tail:
            out.append(element.tail)
        return
    block = tag in BLOCK_TAGS
    if block or tag == "br":
        out.append("\n")
    if element.text:
        out.append(element.text)
    for child in element:
        _walk(child, out)
    if block:
        out.append("\n")
    if element.tail:
        out.append(element.tail)


def lines(element: etree._Element) -> list[str]:
    """The non-empty visible lines of *element*, spaces normalised."""
    out: list[str] = []
    tail = element.tail
    element.tail = None
    try:
        _walk(element, out)
    finally:
        element.tail = tail
    return [line for raw in "".join(out).split("\n") if (line := normalize_space(raw))]


def text_of(element: etree._Element) -> str:
    """All visible text of *element* on one line."""
    return " ".join(lines(element))
