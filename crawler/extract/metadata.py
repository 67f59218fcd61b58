"""Read article metadata from the visible lines of a page.

Each function takes the lines a reader sees (see :mod:`crawler.extract.htmltext`)
and returns one field, or None when the page does not print it.

>>> column_path(["您当前的位置：首页 >> 自身建设 > 机关建设"])
['自身建设', '机关建设']
>>> source(["【信息来源:【信息时间:2013-01-13 阅读次数: 】"]) is None
True
>>> authors_and_photographer(["2023年第10期 —— 本期焦点 作者:文/游金霞 图/本刊资料"])
(['游金霞'], '本刊资料')
>>> read_count(["发布日期：2023-06-15 浏览次数：256"])
256
"""

from __future__ import annotations

import re

_BREADCRUMB = re.compile(r"(?:您|你)?(?:当前|現在|现在|當前|所在)的?位置\s*[:：]?\s*(?P<path>.*)")
_CRUMB_SEPARATORS = re.compile(r"\s*(?:>>|&gt;&gt;|>|＞|»|›|→|/|\\)\s*")
_CRUMB_DROP = {
    "首页",
    "首頁",
    "网站首页",
    "網站首頁",
    "主页",
    "正文",
    "详情",
    "详情页面",
    "内容",
    "正文内容",
}

_NEXT_LABEL = (
    r"\s{2,}|【|】|\||丨|┃|发布|發布|时间|時間|日期|作者|来源|來源|浏览|瀏覽|阅读|閱讀|点击|"
    r"责任编辑|编辑|字号|打印|关闭"
)
_LABEL_STOP = f"(?:{_NEXT_LABEL}|$)"
_SOURCE = re.compile(
    r"(?:信息来源|稿件来源|文章来源|来源|來源|出处)\s*[:：]\s*(?P<value>.*?)" + _LABEL_STOP
)
_EDITOR = re.compile(r"(?:责任编辑|责编|編輯)\s*[:：]\s*(?P<value>.*?)" + _LABEL_STOP)
_READ_COUNT = re.compile(
    r"(?:阅读次数|浏览次数|点击数|点击率|点击次数|访问次数|閱讀次數|瀏覽次數|阅读量|浏览量)"
    r"\s*[:：]?\s*(?P<n>\d+)"
)
_AUTHOR_LABEL = re.compile(
    r"(?:作者|撰稿人?|记者|通讯员|文)\s*[:：/／]\s*(?:文\s*[/／]\s*)?(?P<value>[^:：]*)"
)
_PHOTO_LABEL = re.compile(r"(?:摄影|图片|图|攝影|圖)\s*[:：/／]\s*(?P<value>[^\s:：]+)")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
_NAMES_LINE = re.compile(r"^[\u4e00-\u9fff·]{2,4}(?:[ 、，,][\u4e00-\u9fff·]{2,4}){0,5}$")
_TRAILING_NAMES = re.compile(
    r"[（(](?P<value>[\u4e00-\u9fff·]{2,4}(?:[ 、，,][\u4e00-\u9fff·]{2,4}){0,4})[)）]\s*\|?\s*$"
)
_NOT_NAMES = {"本网", "本站", "原创", "转载", "供稿", "来源", "时间", "日期"}


def column_path(lines: list[str]) -> list[str]:
    """Column names from the breadcrumb (当前位置 / 您当前的位置 / 您现在的位置)."""
    for line in lines:
        match = _BREADCRUMB.search(line)
        if not match:
            continue
        parts = [p.strip(" :：") for p in _CRUMB_SEPARATORS.split(match.group("path"))]
        return [p for p in parts if p and p not in _CRUMB_DROP]
    return []


def _first_value(pattern: re.Pattern[str], lines: list[str]) -> str | None:
    for line in lines:
        for match in pattern.finditer(line):
            value = match.group("value").strip(" :：【】[]")
            if value:
                return value
    return None


def source(lines: list[str]) -> str | None:
    """信息来源 / 来源: the organ or outlet the article comes from."""
    return _first_value(_SOURCE, lines)


def editor(lines: list[str]) -> str | None:
    """责任编辑."""
    return _first_value(_EDITOR, lines)


def read_count(lines: list[str]) -> int | None:
    """阅读次数 / 浏览次数 / 点击数 when the page prints a number."""
    for line in lines:
        match = _READ_COUNT.search(line)
        if match:
            return int(match.group("n"))
    return None


def _split_names(text: str) -> list[str]:
    text = re.split(r"\s*(?:摄影|图片|图|攝影|圖)\s*[:：/／]", text)[0]
    text = re.split(_NEXT_LABEL, text)[0]
    names = [n for n in re.split(r"[\s、，,;；]+", text) if n]
    return [n for n in names if _NAME.match(n) and n not in _NOT_NAMES]


def authors_and_photographer(
    lines: list[str], head: list[str] | None = None, last_paragraph: str | None = None
) -> tuple[list[str], str | None]:
    """Authors (作者 / 文 / 记者 / 通讯员 / 撰稿) and photographer (图 / 摄影).

    *head* are the lines between title and body, where a bare names line such
    as ``路传良 凌波`` stands; *last_paragraph* may end with ``（朱仰民）``.
    """
    authors: list[str] = []
    for line in lines:
        for match in _AUTHOR_LABEL.finditer(line):
            authors.extend(n for n in _split_names(match.group("value")) if n not in authors)
        if authors:
            break
    photographer = _first_value(_PHOTO_LABEL, lines)
    if not authors and head:
        for line in head:
            # Only a line of several names: a lone 2–4 character line is as
            # likely a heading as a byline.
            if _NAMES_LINE.match(line) and re.search(r"[ 、，,]", line):
                authors = _split_names(line)
                break
    if not authors and last_paragraph:
        match = _TRAILING_NAMES.search(last_paragraph)
        if match:
            authors = _split_names(match.group("value"))
    return authors, photographer
