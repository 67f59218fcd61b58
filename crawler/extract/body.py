"""Find an article's body in a page nobody wrote a selector for.

First the containers CMS families name by convention (TRS ``TRS_Editor``,
大汉 ``#zoom``, …: generic, not per-site), then a text-density score in the
spirit of Readability: every run of visible text counts for the nearest block
that holds it, paragraph blocks hand their score to their container, and link
text counts against. The best-scoring container is the body.

>>> from crawler.extract.htmltext import parse, drop_invisible
>>> root = drop_invisible(parse('''<table><tr><td><a href="/">首页</a> <a href="/a">要闻</a></td></tr>
... <tr><td class="x"><p>第一段正文内容比较长一些。</p><p>第二段正文内容也比较长。</p></td></tr></table>'''))
>>> body_paragraphs(find_body(root))
['第一段正文内容比较长一些。', '第二段正文内容也比较长。']
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from crawler.extract.htmltext import BLOCK_TAGS, lines, normalize_space

# Containers CMS families use for article text (generic conventions).
KNOWN_BODY_XPATHS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//*[@id='zoom']",
    "//*[@id='UCAP-CONTENT']",
    "//*[@id='fontzoom']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]",
    "//*[@id='ArticleContent' or @id='articleContent' or @id='art_content']",
)
_PARAGRAPH_TAGS = frozenset({"p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})
# Chrome that old CMSes leave inside or right after the body.
BOILERPLATE = re.compile(
    r"(字号[:：]?\s*【?\s*[大中小]|【\s*[大中小]\s*[大中小]|打印本页|打印此页|【?我要打印|关闭窗口|【?关闭】?$"
    r"|^分享到|版权所有|ICP备|网站标识码|公网安备|^上一篇|^下一篇|^【?打印】?$|^【?关闭】?$)"
)


def _nearest_block(element: etree._Element) -> etree._Element:
    while element is not None and element.tag not in BLOCK_TAGS:
        element = element.getparent()
    return element


def _inside_link(element: etree._Element) -> bool:
    while element is not None:
        if element.tag == "a":
            return True
        element = element.getparent()
    return False


def _score(root: etree._Element) -> dict[etree._Element, float]:
    scores: dict[etree._Element, float] = defaultdict(float)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for text, owner in ((element.text, element), (element.tail, element.getparent())):
            if owner is None or not text or not text.strip():
                continue
            length = len(normalize_space(text))
            block = _nearest_block(owner)
            if block is None:
                continue
            weight = -0.5 if _inside_link(owner) else 1.0
            # Paragraph-like blocks credit the container that holds them.
            while block is not None and block.tag in _PARAGRAPH_TAGS:
                block = _nearest_block(block.getparent())
            if block is not None:
                scores[block] += weight * length
    return scores


def find_body(root: etree._Element) -> etree._Element | None:
    """The element holding the article text, or None for a page without text."""
    for xpath in KNOWN_BODY_XPATHS:
        found = [e for e in root.xpath(xpath) if len(normalize_space(e.text_content())) > 0]
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    scores = _score(root)
    scores = {e: s for e, s in scores.items() if e.tag not in ("html", "body") and s > 0}
    if not scores:
        return None
    return max(scores, key=scores.get)


def drop_boilerplate(body_lines: list[str]) -> list[str]:
    """*body_lines* without chrome lines (字号, 打印, 关闭, 版权所有…)."""
    return [line for line in body_lines if not BOILERPLATE.search(line)]


def body_paragraphs(body: etree._Element | None) -> list[str]:
    """The body's paragraphs, boilerplate lines dropped."""
    return drop_boilerplate(lines(body)) if body is not None else []
