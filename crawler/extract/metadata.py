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
    r"责任编辑|编辑|字号|打印|关闭|记者|通讯员|文\s*[/／]"
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
# A byline role: who wrote (作者 文 记者 通讯员 撰稿) or photographed (图 摄影) what follows.
# One-character roles need a separator (文/ 图：) so names like 王文 are not cut.
_ROLE = re.compile(
    r"(?:^|(?<=[\s:：/／】|丨(（]))"
    r"(?:(?P<both>文\s*[/／]\s*图|图\s*[/／]\s*文)\s*[:：/／]?\s*"
    r"|(?P<author>作者|撰稿人?|记者|通讯员|本报记者)(?:\s*[:：/／]\s*|\s+)"
    r"|(?P<author1>文)\s*[:：/／]\s*"
    r"|(?P<photo>摄影|图片|图|摄)\s*[:：/／]\s*)"
)
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
    text = re.split(_NEXT_LABEL, text)[0]
    names = [n for n in re.split(r"[\s、，,;；]+", text) if n]
    return [n for n in names if _NAME.match(n) and n not in _NOT_NAMES]


def byline(line: str) -> tuple[list[str], list[str]]:
    """Authors and photographers named in one line.

    >>> byline("来源：省人大常委会机关党委  文/图 通讯员 王晓峰")
    (['王晓峰'], ['王晓峰'])
    >>> byline("作者:文/游金霞 图/本刊资料")
    (['游金霞'], ['本刊资料'])
    """
    authors: list[str] = []
    photographers: list[str] = []
    roles = list(_ROLE.finditer(line))
    wrote = photographed = False
    for role, following in zip(roles, [*roles[1:], None], strict=False):
        # Roles stack until names follow: in 文/图 通讯员 王晓峰 both apply.
        wrote = wrote or bool(role["both"] or role["author"] or role["author1"])
        photographed = photographed or bool(role["both"] or role["photo"])
        names = _split_names(line[role.end() : following.start() if following else len(line)])
        if not names:
            continue
        if wrote:
            authors.extend(n for n in names if n not in authors)
        if photographed:
            photographers.extend(n for n in names if n not in photographers)
        wrote = photographed = False
    return authors, photographers


def authors_and_photographer(
    lines: list[str], head: list[str] | None = None, last_paragraph: str | None = None
) -> tuple[list[str], str | None]:
    """Authors (作者 / 文 / 记者 / 通讯员 / 撰稿) and photographer (图 / 摄影).

    *head* are the lines between title and body, where a bare names line such
    as ``路传良 凌波`` stands; *last_paragraph* may end with ``（朱仰民）``.
    """
    authors: list[str] = []
    photographers: list[str] = []
    for line in lines:
        found, photos = byline(line)
        authors.extend(n for n in found if n not in authors)
        photographers.extend(n for n in photos if n not in photographers)
        if authors:
            break
    photographer = "、".join(photographers) or None
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
