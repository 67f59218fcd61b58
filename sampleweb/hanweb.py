"""大汉 Hanweb-style city site (新乡市人大常委会 sample).

What real Hanweb jcms sites do and this family reproduces:

* UTF-8 pages with ``Content-Type: text/html; charset=UTF-8``;
* columns at ``/col/colNNN/index.html`` whose list is not HTML but an inline
  ``<script type="text/xml"><datastore>`` holding only the first ``PER_PAGE``
  records in CDATA; the rest come from ``/module/web/jpage/dataproxy.jsp``
  (``columnid``, ``startrecord``, ``endrecord``, ``perpage``), which answers
  ``text/xml`` with the same ``<record>`` items;
* articles at ``/art/YYYY/M/D/art_COLID_ARTID.html`` (no zero padding) with only
  ``ArticleTitle`` and ``PubDate`` meta tags and the body between
  ``<meta name="ContentStart">`` and ``<meta name="ContentEnd">``;
* the read count written by ``/module/visitcount/articlehits.jsp?colid=..&artid=..``
  which answers ``document.write(N);``.
"""

from __future__ import annotations

from functools import lru_cache

from .content import Article, Column, SiteContent
from .markup import attr, text
from .messages import Request, Response

PER_PAGE = 10
DATAPROXY = "/module/web/jpage/dataproxy.jsp"
ARTICLEHITS = "/module/visitcount/articlehits.jsp"
WEBID = 1
_HEADERS = (("Server", "Apache-Coyote/1.1"), ("X-Frame-Options", "SAMEORIGIN"))
_HTML = "text/html; charset=UTF-8"

_CSS = """*{margin:0;padding:0}body{font:14px/1.8 "Microsoft YaHei",Arial;color:#333}
.container{width:1200px;margin:0 auto}.header{height:150px;background:#c8161e}
.header .logo{font-size:36px;color:#fff;padding:45px 30px;font-weight:bold}
.nav{background:#a40f16}.nav ul{overflow:hidden}.nav li{float:left;list-style:none}
.nav a{display:block;padding:0 28px;line-height:48px;color:#fff;font-size:16px}
.list li{list-style:none;line-height:36px;border-bottom:1px dotted #ccc}
.list li span{float:right;color:#999}#zoom p{text-indent:2em;margin:10px 0}
.footer{background:#f2f2f2;text-align:center;padding:25px 0;color:#666}
"""

_JPAGE_JS = """/* jpage 分页组件 (Hanweb) */
var jpage = {
  init: function (o) { this.o = o; },
  load: function (start, end) {
    var u = this.o.proxyUrl + '?startrecord=' + start + '&endrecord=' + end
      + '&perpage=' + this.o.perPage + '&columnid=' + this.o.columnId
      + '&unitid=' + this.o.unitId + '&webid=' + this.o.webId;
    return u;
  }
};
"""

_SITE_JS = """function doZoom(size){document.getElementById('zoom').style.fontSize=size+'px';}
function addFavorite(){try{window.external.addFavorite(location.href,document.title);}catch(e){}}
"""


def article_path(column: Column, article: Article) -> str:
    """``/art/YYYY/M/D/art_COLID_ARTID.html``."""
    p = article.published
    return f"/art/{p.year}/{p.month}/{p.day}/art_{column.ref}_{article.id}.html"


def column_path(column: Column) -> str:
    """``/col/colNNN/index.html``."""
    return f"/col/col{column.ref}/index.html"


class HanwebSite:
    """Renders one Hanweb-family site; static pages once, dataproxy slices on demand (cached)."""

    def __init__(self, site: SiteContent) -> None:
        self.site = site
        self._pages: dict[str, Response] = {}
        self._hits: dict[str, Response] = {}
        self._columns_by_id = {c.ref: c for c in site.columns}
        self._records = lru_cache(maxsize=1024)(self._render_records)
        self._build()

    # -- serving -----------------------------------------------------------------

    def resolve(self, request: Request) -> Response:
        """The response for ``request``; dataproxy also takes POSTed form fields."""
        if request.path == DATAPROXY and request.method in ("GET", "HEAD", "POST"):
            return self._dataproxy(request)
        if request.method not in ("GET", "HEAD"):
            return Response.text(
                "<html><body><h1>HTTP Status 405 - Request method not supported</h1></body></html>",
                content_type=_HTML,
                status=405,
                headers=(*_HEADERS, ("Allow", "GET, HEAD")),
            )
        if request.path == ARTICLEHITS:
            return self._hits.get(request.params.get("artid", ""), self._not_found)
        return self._pages.get(request.path, self._not_found)

    def _dataproxy(self, request: Request) -> Response:
        perpage = max(1, request.int_param("perpage", PER_PAGE))
        start = max(1, request.int_param("startrecord", 1))
        end = request.int_param("endrecord", start + perpage - 1)
        column_id = request.params.get("columnid", "").strip()
        return self._records(column_id, start, end, perpage)

    def _render_records(self, column_id: str, start: int, end: int, perpage: int) -> Response:
        column = self._columns_by_id.get(column_id)
        articles = self.site.articles_in(column.key) if column else []
        chosen = articles[start - 1 : max(start - 1, end)]
        total_pages = -(-len(articles) // perpage)
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n'
            f"<totalrecord>{len(articles)}</totalrecord>\n"
            f"<totalpage>{total_pages}</totalpage>\n<recordset>\n"
            + "".join(self._record(column, a) for a in chosen if column)
            + "</recordset>\n</datastore>\n"
        )
        return Response.text(xml, content_type="text/xml; charset=UTF-8", headers=_HEADERS)

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        site = self.site
        home = self._html(self._home_page())
        self._pages["/"] = home
        self._pages["/index.html"] = home
        self._pages["/robots.txt"] = Response.text(
            "User-agent: *\nDisallow: /admin/\nDisallow: /manager/\n",
            content_type="text/plain; charset=UTF-8",
            headers=_HEADERS,
        )
        self._pages["/images/1/style.css"] = Response.text(
            _CSS, content_type="text/css", headers=_HEADERS
        )
        self._pages["/module/web/jpage/jpage.js"] = Response.text(
            _JPAGE_JS, content_type="application/javascript", headers=_HEADERS
        )
        self._pages["/script/0/site.js"] = Response.text(
            _SITE_JS, content_type="application/javascript", headers=_HEADERS
        )
        for column in site.columns:
            page = self._html(self._list_page(column))
            self._pages[column_path(column)] = page
            self._pages[f"/col/col{column.ref}/"] = page
            for article in site.articles_in(column.key):
                self._pages[article_path(column, article)] = self._html(
                    self._article_page(column, article)
                )
                self._hits[str(article.id)] = Response.text(
                    f"document.write({article.read_count or 0});",
                    content_type="application/javascript",
                    headers=_HEADERS,
                )
        self._not_found = self._html(self._not_found_page(), status=404)

    def _html(self, page: str, status: int = 200) -> Response:
        return Response.text(page, content_type=_HTML, status=status, headers=_HEADERS)

    # -- page parts ------------------------------------------------------------------

    def _head(self, title: str, metas: tuple[tuple[str, str], ...] = ()) -> str:
        meta_tags = "".join(f'<meta name="{n}" content="{attr(v)}">\n' for n, v in metas)
        return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{text(title)}</title>
{meta_tags}<link rel="stylesheet" type="text/css" href="/images/1/style.css">
<script type="text/javascript" src="/script/0/site.js"></script>
</head>
"""

    def _header(self) -> str:
        nav = "\n".join(
            f'      <li><a href="{column_path(c)}" target="_blank">{text(c.name)}</a></li>'
            for c in self.site.columns
        )
        return f"""<body>
<div class="header"><div class="container">
  <div class="logo">{text(self.site.name)}</div>
  <div class="top_links"><a href="javascript:addFavorite()">加入收藏</a> | \
<a href="/">设为首页</a></div>
</div></div>
<div class="nav"><div class="container">
  <ul>
      <li class="on"><a href="/">网站首页</a></li>
{nav}
  </ul>
</div></div>
"""

    def _footer(self) -> str:
        f = self.site.footer
        return f"""<div class="footer">
  <div class="container">
    <p>主办单位：{text(self.site.name)}&nbsp;&nbsp;&nbsp;版权所有：{text(f.owner)}</p>
    <p>地址：{text(f.address)}&nbsp;&nbsp;&nbsp;邮编：{f.postcode}&nbsp;&nbsp;&nbsp;\
电话：{f.phone}</p>
    <p><a href="https://beian.miit.gov.cn/" target="_blank">{text(f.icp)}</a>\
&nbsp;&nbsp;&nbsp;{text(f.police)}&nbsp;&nbsp;&nbsp;网站标识码：{f.site_code}</p>
    <p>技术支持：大汉网络</p>
  </div>
</div>
</body>
</html>
"""

    def _record(self, column: Column, article: Article) -> str:
        return (
            "<record><![CDATA[\n"
            f'<li><a href="{article_path(column, article)}" title="{attr(article.title)}" '
            f'target="_blank">{text(article.title)}</a>'
            f"<span>{article.published:%Y-%m-%d}</span></li>\n"
            "]]></record>\n"
        )

    def _datastore(self, column: Column, articles: list[Article]) -> str:
        assert column.unit is not None, f"Hanweb column {column.ref} needs a unit id"
        nextgroup = (
            f'<a href="{DATAPROXY}?page=1&webid={WEBID}&path=/&columnid={column.ref}'
            f'&unitid={column.unit}&webname={self.site.name}&permissiontype=0"></a>'
        )
        records = "".join(self._record(column, a) for a in articles[:PER_PAGE])
        return (
            f'<script type="text/xml"><datastore><nextgroup><![CDATA[{nextgroup}]]></nextgroup>'
            f"<recordset>\n{records}</recordset></datastore></script>"
        )

    def _home_page(self) -> str:
        site = self.site
        latest = site.latest(5)
        boxes = []
        for column in site.columns:
            items = "\n".join(
                f'<li><span>{a.published:%m-%d}</span><a href="{article_path(column, a)}" '
                f'target="_blank" title="{attr(a.title)}">{text(a.title)}</a></li>'
                for a in site.articles_in(column.key)[:6]
            )
            boxes.append(
                f"""<div class="box">
  <div class="box_title"><h3>{text(column.name)}</h3>\
<a class="more" href="{column_path(column)}" target="_blank">更多&gt;&gt;</a></div>
  <ul class="list">
{items}
  </ul>
</div>"""
            )
        slides = "\n".join(
            f'<li><a href="{article_path(site.column(a.column), a)}" target="_blank">'
            f"{text(a.title)}</a></li>"
            for a in latest
        )
        return (
            self._head(site.name)
            + self._header()
            + f"""<div class="container">
<div class="focus">
  <div class="focus_title">要闻聚焦</div>
  <ul id="slides">
{slides}
  </ul>
</div>
{chr(10).join(boxes)}
</div>
"""
            + self._footer()
        )

    def _list_page(self, column: Column) -> str:
        site = self.site
        articles = site.articles_in(column.key)
        return (
            self._head(f"{column.name}_{site.name}")
            + self._header()
            + f"""<div class="container">
<div class="position">您当前的位置：<a href="/">首页</a>&nbsp;&gt;&gt;&nbsp;\
<a href="{column_path(column)}">{text(column.name)}</a></div>
<div class="list_left"><div class="lm_name">{text(column.name)}</div></div>
<div class="list_right">
<div id="{column.unit}">{self._datastore(column, articles)}
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script language="javascript">
var totalRecord = {len(articles)};
var perpage = {PER_PAGE};
jpage.init({{proxyUrl:'{DATAPROXY}', columnId:{column.ref}, unitId:{column.unit}, \
webId:{WEBID}, perPage:perpage, totalRecord:totalRecord, groupSize:3}});
</script>
</div>
</div>
</div>
"""
            + self._footer()
        )

    def _article_page(self, column: Column, article: Article) -> str:
        site = self.site
        info = [f"发布日期：{article.published:%Y-%m-%d}"]
        if article.source:
            info.append(f"来源：{text(article.source)}")
        if article.authors and not article.authors_under_title:
            info.append(text(article.authors))
        info.append(
            f'浏览次数：<script language="javascript" '
            f'src="{ARTICLEHITS}?colid={column.ref}&artid={article.id}"></script>'
        )
        info.append(
            '【字体：<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a>'
            ' <a href="javascript:doZoom(12)">小</a>】'
        )
        rows = [
            f'<tr><td align="center" class="title" style="font-size:26px;font-weight:bold;'
            f'color:#c8161e;padding:20px 0 10px;">{text(article.title)}</td></tr>'
        ]
        if article.subtitle:
            rows.append(
                f'<tr><td align="center" class="subtitle">{text(article.subtitle)}</td></tr>'
            )
        rows.append(
            '<tr><td align="center" class="info" style="color:#666;border-bottom:1px solid #e5e5e5;">'
            + "&nbsp;&nbsp;".join(info)
            + "</td></tr>"
        )
        if article.authors and article.authors_under_title:
            rows.append(f'<tr><td align="center" class="author">{text(article.authors)}</td></tr>')
        paragraphs = []
        for paragraph in article.paragraphs:
            content = text(paragraph.text)
            if paragraph.bold:
                content = f"<strong>{content}</strong>"
            align = ' style="text-align:center;text-indent:0;"' if paragraph.center else ""
            paragraphs.append(f"<p{align}>{content}</p>")
        return (
            self._head(
                f"{article.title}_{site.name}",
                (
                    ("ArticleTitle", article.title),
                    ("PubDate", f"{article.published:%Y-%m-%d %H:%M}"),
                ),
            )
            + self._header()
            + f"""<div class="container">
<div class="position">您当前的位置：<a href="/">首页</a>&nbsp;&gt;&gt;&nbsp;\
<a href="{column_path(column)}">{text(column.name)}</a></div>
<div class="article">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
{chr(10).join(rows)}
<tr><td class="bt_content">
<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{chr(10).join(paragraphs)}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>
</td></tr>
</table>
<div class="art_tools">
  <div class="share">分享到：<a href="javascript:;" class="wx">微信</a> \
<a href="javascript:;" class="wb">微博</a></div>
  <div class="print">【<a href="javascript:window.print()">打印本页</a>】\
【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
</div>
</div>
"""
            + self._footer()
        )

    def _not_found_page(self) -> str:
        return (
            self._head(f"404_{self.site.name}")
            + """<body>
<div style="width:600px;margin:120px auto;text-align:center;font-size:16px;">
<h2>404</h2>
<p>对不起，您访问的页面不存在或已被删除！</p>
<p><span id="sec">5</span>秒后自动跳转到<a href="/">网站首页</a></p>
<script>setTimeout(function(){location.href='/';},5000);</script>
</div>
</body>
</html>
"""
        )
