"""Old ASP-style city site (许昌市人大常委会 sample).

What the 2000s ASP news systems still run by many city 人大 do, reproduced here:

* pages declared ``charset=gb2312`` (bytes from the gb18030 codec), an HTTP
  ``Content-Type: text/html`` without charset, ``Server: Microsoft-IIS/6.0``,
  ``X-Powered-By: ASP.NET`` and an ``ASPSESSIONID`` cookie;
* everything at the site root: ``news_list.asp?classid=12&page=2`` and
  ``news_view.asp?id=1234``; parameter names and paths are case-insensitive and
  an out-of-range ``page`` shows the nearest page, as the ASP scripts did;
* layout tables, ``<font>``, ``<br>`` paragraphs indented with ``&nbsp;``; a
  ``第1页 共2页 下一页 尾页`` pager; a breadcrumb ``您现在的位置：首页 >> …``;
  ``发布时间：2021年3月5日  点击数：123`` in the page;
* columns that sit under a parent menu (机关建设 under 自身建设) without a list
  of their own.
"""

from __future__ import annotations

from .content import Article, Column, SiteContent, read_static
from .markup import attr, text
from .messages import Request, Response

ENCODING = "gb18030"
PAGE_SIZE = 10
_HEADERS = (
    ("Server", "Microsoft-IIS/6.0"),
    ("X-Powered-By", "ASP.NET"),
    ("Cache-Control", "private"),
)
_SESSION_COOKIE = ("Set-Cookie", "ASPSESSIONIDQQTBRBCS=KHMGNBPAEJDLOFKCIBMNJFAH; path=/")

_CSS = """body{margin:0;font-size:12px;line-height:180%;background:#e9e9e9}
td{font-size:12px}a:link,a:visited{color:#000;text-decoration:none}a:hover{color:#f00}
.menu a{color:#fff;font-size:14px;font-weight:bold}.weizhi{color:#666;padding-left:10px}
.title{padding:15px 0}.content{font-size:14px;padding:10px 25px}
.submenu{background:#c00;padding:4px 8px}
"""

_JS = """function showMenu(id){document.getElementById(id).style.display='block';}
function hideMenu(id){document.getElementById(id).style.display='none';}
function fontZoom(size){document.getElementById('content').style.fontSize=size+'px';}
"""


def list_url(column: Column, page: int = 1) -> str:
    """``news_list.asp?classid=N`` (page 1) or ``news_list.asp?classid=N&page=P``."""
    url = f"news_list.asp?classid={column.ref}"
    return url if page == 1 else f"{url}&page={page}"


def view_url(article: Article) -> str:
    """``news_view.asp?id=N``."""
    return f"news_view.asp?id={article.id}"


def _chinese_date(article: Article) -> str:
    p = article.published
    return f"{p.year}年{p.month}月{p.day}日"


class AspSite:
    """Renders every page of one ASP-family site once; routes ``.asp`` requests by parameter."""

    def __init__(self, site: SiteContent) -> None:
        self.site = site
        self._columns = {c.ref: c for c in site.columns}
        self._lists: dict[tuple[str, int], Response] = {}
        self._list_pages: dict[str, int] = {}
        self._views: dict[str, Response] = {}
        self._static: dict[str, Response] = {}
        self._build()

    # -- serving -------------------------------------------------------------------

    def resolve(self, request: Request) -> Response:
        """The response for ``request``."""
        if request.method not in ("GET", "HEAD"):
            return self._error(
                405, "无法显示该页", "HTTP 错误 405 - 用于访问该页的 HTTP 动作未被许可。"
            )
        path = request.path.lower()
        params = request.params
        if path in ("/", "/index.asp", "/default.asp"):
            return self._home
        if path == "/news_list.asp":
            classid = params.get("classid", "").strip()
            pages = self._list_pages.get(classid)
            if pages is None:
                return self._not_found
            page = min(max(request.int_param("page", 1), 1), pages)
            return self._lists[(classid, page)]
        if path == "/news_view.asp":
            return self._views.get(params.get("id", "").strip(), self._not_found)
        return self._static.get(path, self._not_found)

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        site = self.site
        self._home = self._html(self._home_page())
        self._static["/robots.txt"] = Response.text(
            "User-agent: *\r\nDisallow: /admin/\r\nDisallow: /data/\r\n",
            content_type="text/plain",
            headers=_HEADERS,
        )
        self._static["/inc/style.css"] = Response.text(
            _CSS, content_type="text/css", encoding=ENCODING, headers=_HEADERS
        )
        self._static["/inc/menu.js"] = Response.text(
            _JS, content_type="application/x-javascript", encoding=ENCODING, headers=_HEADERS
        )
        gif = read_static("dot.gif")
        for name in ("dot.gif", "line.gif"):
            self._static[f"/images/{name}"] = Response.binary(
                gif, content_type="image/gif", headers=_HEADERS
            )
        for column in site.columns:
            articles = site.articles_in(column.key)
            pages = max(1, -(-len(articles) // PAGE_SIZE))
            self._list_pages[column.ref] = pages
            for page in range(1, pages + 1):
                chunk = articles[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
                self._lists[(column.ref, page)] = self._html(
                    self._list_page(column, chunk, page, pages, len(articles))
                )
            for index, article in enumerate(articles):
                newer = articles[index - 1] if index > 0 else None
                older = articles[index + 1] if index + 1 < len(articles) else None
                self._views[str(article.id)] = self._html(
                    self._article_page(column, article, newer, older)
                )
        self._not_found = self._error(404, "无法找到该页", "HTTP 错误 404 - 文件或目录未找到。")

    def _html(self, page: str, status: int = 200) -> Response:
        return Response.text(
            page,
            content_type="text/html",
            encoding=ENCODING,
            status=status,
            headers=(*_HEADERS, _SESSION_COOKIE),
        )

    def _error(self, status: int, heading: str, detail: str) -> Response:
        page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" \
"http://www.w3.org/TR/html4/strict.dtd">
<HTML><HEAD><TITLE>{heading}</TITLE>
<META HTTP-EQUIV="Content-Type" Content="text/html; charset=GB2312">
<STYLE type="text/css">
  BODY {{ font: 9pt/12pt 宋体 }}
  H1 {{ font: 12pt/15pt 宋体 }}
  H2 {{ font: 9pt/12pt 宋体 }}
  A:link {{ color: red }}
  A:visited {{ color: maroon }}
</STYLE>
</HEAD><BODY><TABLE width=500 border=0 cellspacing=10><TR><TD>

<h1>{heading}</h1>
您正在搜索的页面可能已经删除、更名或暂时不可用。
<hr>
<p>请尝试以下操作：</p>
<ul>
<li>确保浏览器的地址栏中显示的网站地址的拼写和格式正确无误。</li>
<li>如果通过单击链接而到达了该网页，请与网站管理员联系，通知他们该链接的格式不正确。</li>
<li>单击<a href="javascript:history.back(1)">后退</a>按钮尝试另一个链接。</li>
</ul>
<h2>{detail}<br>Internet 信息服务 (IIS)</h2>
</TD></TR></TABLE></BODY></HTML>
"""
        return Response.text(
            page, content_type="text/html", encoding=ENCODING, status=status, headers=_HEADERS
        )

    # -- page parts ------------------------------------------------------------------

    def _head(self, title: str) -> str:
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="keywords" content="{attr(self.site.name)},人大,人民代表大会">
<title>{text(title)}</title>
<link href="inc/style.css" rel="stylesheet" type="text/css">
<script language="JavaScript" src="inc/menu.js"></script>
</head>
"""

    def _top(self) -> str:
        cells = []
        for column in self.site.columns:
            if column.parent:
                continue
            cells.append(
                f'<TD align="center" width="100"><a href="{list_url(column)}">'
                f"{text(column.name)}</a></TD>"
            )
        parents: dict[str, list[Column]] = {}
        for column in self.site.columns:
            if column.parent:
                parents.setdefault(column.parent, []).append(column)
        for number, (parent, children) in enumerate(parents.items(), start=1):
            links = "<br>".join(f'<a href="{list_url(c)}">{text(c.name)}</a>' for c in children)
            cells.append(
                f'<TD align="center" width="100" onmouseover="showMenu(\'sub{number}\')" '
                f"onmouseout=\"hideMenu('sub{number}')\">"
                f'<a href="javascript:void(0)">{text(parent)}</a>'
                f'<div id="sub{number}" class="submenu" style="display:none;position:absolute;">'
                f"{links}</div></TD>"
            )
        return f"""<body leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
  <tr>
    <td height="110" bgcolor="#B80000" style="padding-left:30px;">\
<font color="#FFFFFF" style="font-size:30px;font-family:黑体"><b>{text(self.site.name)}</b></font></td>
  </tr>
</table>
<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" \
bgcolor="#8B0000" class="menu">
  <TR height="32">
    <TD align="center" width="80"><a href="/">首&nbsp;页</a></TD>
    {"".join(cells)}
    <TD>&nbsp;</TD>
  </TR>
</table>
"""

    def _bottom(self) -> str:
        f = self.site.footer
        return f"""<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" \
bgcolor="#FFFFFF" style="border-top:3px solid #B80000;">
  <tr><td height="25" align="center">版权所有：{text(f.owner)}&nbsp;&nbsp;\
地址：{text(f.address)}&nbsp;&nbsp;邮编：{f.postcode}</td></tr>
  <tr><td height="25" align="center">电话：{f.phone}&nbsp;&nbsp;\
<a href="http://www.miibeian.gov.cn/" target="_blank">{text(f.icp)}</a>&nbsp;&nbsp;\
{text(f.police)}&nbsp;&nbsp;网站标识码：{f.site_code}</td></tr>
  <tr><td height="25" align="center"><font color="#999999">\
建议使用IE6.0以上浏览器&nbsp;1024*768分辨率浏览</font></td></tr>
</table>
</body>
</html>
"""

    def _breadcrumb(self, column: Column) -> str:
        parent = f"{text(column.parent)} &gt;&gt; " if column.parent else ""
        return (
            f'您现在的位置：<a href="/">首页</a> &gt;&gt; {parent}'
            f'<a href="{list_url(column)}">{text(column.name)}</a>'
        )

    def _home_page(self) -> str:
        site = self.site
        marquee = "&nbsp;&nbsp;&nbsp;&nbsp;".join(
            f'<a href="{view_url(a)}" target="_blank"><font color="#CC0000">·</font>'
            f"{text(a.title)}</a>"
            for a in site.latest(5)
        )
        blocks = []
        for column in site.columns:
            rows = "\n".join(
                f'<TR><TD width="12" height="22"><img src="images/dot.gif" width="3" '
                f'height="3"></TD><TD><a href="{view_url(a)}" target="_blank" '
                f'title="{attr(a.title)}">{text(a.title)}</a></TD>'
                f'<TD width="70" align="right"><font color="#999999">'
                f"{a.published:%m-%d}</font></TD></TR>"
                for a in site.articles_in(column.key)[:6]
            )
            blocks.append(
                f"""<table width="376" border="0" cellpadding="0" cellspacing="0" \
style="float:left;margin:4px;border:1px solid #DDDDDD;">
  <TR bgcolor="#F3E1E1"><TD colspan="2" height="26">&nbsp;<b>{text(column.name)}</b></TD>
  <TD align="right"><a href="{list_url(column)}">更多&gt;&gt;</a>&nbsp;</TD></TR>
{rows}
</table>"""
            )
        return (
            self._head(f"{site.name}--首页")
            + self._top()
            + f"""<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" \
bgcolor="#FFFFFF">
  <tr><td height="28" style="border-bottom:1px dashed #CCCCCC;">&nbsp;<b>最新信息：</b>\
<marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()" \
style="width:660px;">{marquee}</marquee></td></tr>
  <tr><td>
{chr(10).join(blocks)}
  </td></tr>
</table>
"""
            + self._bottom()
        )

    def _pager(self, column: Column, page: int, pages: int, total: int) -> str:
        parts = [f"共{total}条记录&nbsp;&nbsp;"]
        if page > 1:
            parts.append(
                f'<a href="{list_url(column, 1)}">首页</a> '
                f'<a href="{list_url(column, page - 1)}">上一页</a> '
            )
        parts.append(f"第{page}页 共{pages}页")
        if page < pages:
            parts.append(
                f' <a href="{list_url(column, page + 1)}">下一页</a>'
                f' <a href="{list_url(column, pages)}">尾页</a>'
            )
        return "".join(parts)

    def _list_page(
        self, column: Column, articles: list[Article], page: int, pages: int, total: int
    ) -> str:
        site = self.site
        rows = "\n".join(
            f'<TR><TD width="20" height="25" align="center"><img src="images/dot.gif" width="3" '
            f'height="3"></TD><TD><a href="{view_url(a)}" target="_blank">{text(a.title)}</a>'
            f'</TD><TD width="90" align="right"><font color="#999999">'
            f"{a.published.year}-{a.published.month}-{a.published.day}</font></TD></TR>\n"
            f'<TR><TD colspan="3" height="1" background="images/line.gif"></TD></TR>'
            for a in articles
        )
        return (
            self._head(f"{column.name}--{site.name}")
            + self._top()
            + f"""<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" \
bgcolor="#FFFFFF">
  <tr>
    <td width="180" valign="top" bgcolor="#F7F7F7">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td height="30" bgcolor="#B80000" align="center"><font color="#FFFFFF">\
<b>{text(column.parent or column.name)}</b></font></td></tr>
        <tr><td height="26" align="center"><a href="{list_url(column)}">\
{text(column.name)}</a></td></tr>
      </table>
    </td>
    <td valign="top" style="padding:0 10px;">
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td height="30" class="weizhi" style="border-bottom:1px solid #B80000;">\
{self._breadcrumb(column)}</td></tr>
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
{rows}
      </table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td height="35" align="center">{self._pager(column, page, pages, total)}</td></tr>
      </table>
    </td>
  </tr>
</table>
"""
            + self._bottom()
        )

    def _body(self, article: Article) -> str:
        lines = []
        for paragraph in article.paragraphs:
            content = text(paragraph.text)
            if paragraph.bold:
                content = f"<b>{content}</b>"
            if paragraph.center:
                lines.append(f'<div align="center"><font size="4">{content}</font></div>')
            elif paragraph.text[:1].isspace():
                lines.append(f"{content}<br>")
            else:
                lines.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{content}<br>")
        return "\n".join(lines)

    def _article_page(
        self, column: Column, article: Article, newer: Article | None, older: Article | None
    ) -> str:
        site = self.site
        info = [f"发布时间：{_chinese_date(article)}", f"点击数：{article.read_count or 0}"]
        info.append(f"来源：{text(article.source or '')}")
        if article.authors:
            info.append(text(article.authors))
        subtitle = (
            f'<tr><td align="center"><font style="font-size:15px">{text(article.subtitle)}'
            "</font></td></tr>\n"
            if article.subtitle
            else ""
        )

        def neighbour(label: str, other: Article | None) -> str:
            if other is None:
                return f"{label}：没有了"
            return f'{label}：<a href="{view_url(other)}">{text(other.title)}</a>'

        return (
            self._head(f"{article.title}--{site.name}")
            + self._top()
            + f"""<table width="778" border="0" align="center" cellpadding="0" cellspacing="0" \
bgcolor="#FFFFFF">
  <tr><td height="30" class="weizhi" style="border-bottom:1px solid #B80000;">\
{self._breadcrumb(column)}</td></tr>
  <tr><td class="title" align="center"><font color="#990000" style="font-size:20px">\
<b>{text(article.title)}</b></font></td></tr>
{subtitle}  <tr><td align="center" height="28" bgcolor="#F5F5F5">\
{"&nbsp;&nbsp;".join(info)}</td></tr>
  <tr><td align="center" height="24">【字号：<a href="javascript:fontZoom(16)">大</a> \
<a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>】\
【<a href="javascript:window.print()">打印本页</a>】\
【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
  <tr><td class="content"><div id="content"><font style="font-size:14px;line-height:200%">
{self._body(article)}
</font></div></td></tr>
  <tr><td align="right" style="padding:10px 25px;">分享到：<a href="javascript:void(0)">微信</a>\
&nbsp;<a href="javascript:void(0)">微博</a></td></tr>
  <tr><td style="padding:5px 25px;border-top:1px dashed #CCCCCC;">{neighbour("上一篇", newer)}\
<br>{neighbour("下一篇", older)}</td></tr>
</table>
"""
            + self._bottom()
        )
