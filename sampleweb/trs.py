"""TRS WCM-style provincial site (山东省人大常委会 sample).

What real TRS WCM sites do and this family reproduces:

* static pages in GBK while declaring ``charset=gb2312`` in a meta tag, and an
  HTTP ``Content-Type: text/html`` without charset;
* columns as directories (``/jgjs/``) with list pages ``index.html``,
  ``index_1.html``, ``index_2.html``; the pager is written by an inline
  ``createPageHTML(count, current, "index", "html")`` script, so the HTML has no
  plain "next" link;
* list items with relative hrefs ``./YYYYMM/tYYYYMMDD_NNNNNN.html`` and long
  titles cut in the link text but kept whole in ``title=``;
* articles with government meta tags (``ArticleTitle``, ``PubDate``,
  ``ContentSource``, ``ColumnName``, ``SiteName``) and a ``TRS_Editor`` body
  that starts with its own ``<style>`` block;
* attachments ``P0…pdf`` and images ``W0…jpg`` next to the article file.
"""

from __future__ import annotations

from .content import Article, Column, SiteContent, read_static
from .markup import attr, text
from .messages import Request, Response

ENCODING = "gbk"
PAGE_SIZE = 5
LIST_TITLE_CHARS = 26
_HTML_HEADERS = (("Server", "nginx"), ("Accept-Ranges", "bytes"))

_CSS = """body{margin:0;font:12px/1.8 "宋体",SimSun,Arial;color:#333;background:#f3f3f3}
a{color:#333;text-decoration:none}a:hover{color:#c00}
.wrap{width:1000px;margin:0 auto;background:#fff}
.top{height:120px;background:#b50f14;color:#fff}.top h1{margin:0;padding:30px 20px;font-size:32px}
.nav{background:#8e0b0f;height:40px}.nav li{float:left;list-style:none;padding:0 22px}
.nav a{color:#fff;font-size:15px;line-height:40px}
.list li{height:32px;line-height:32px;border-bottom:1px dashed #ddd}.list span{float:right}
.TRS_Editor{font-size:16px}.foot{text-align:center;padding:20px;background:#eee}
"""

_JS = """function doZoom(size){var e=document.getElementById('zoom');if(e){e.style.fontSize=size+'px';}}
function showDate(){var d=new Date();var w=['日','一','二','三','四','五','六'];
document.write(d.getFullYear()+'年'+(d.getMonth()+1)+'月'+d.getDate()+'日 星期'+w[d.getDay()]);}
"""

_PAGER_SCRIPT = """<script language="JavaScript">
//分页，生成分页HTML
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
	if(_nPageCount == null || _nPageCount<=1){
		return;
	}
	var nCurrIndex = _nCurrIndex || 0;
	// 1 输出首页和上一页
	if(nCurrIndex == 0){
		document.write("首页&nbsp;&nbsp;上一页&nbsp;&nbsp;");
	}else{
		var nPreIndex = nCurrIndex - 1;
		var sPreFileExt = nPreIndex == 0 ? "" : ("_" + nPreIndex);
		document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a>&nbsp;&nbsp;");
		document.write("<a href=\\"" + _sPageName + sPreFileExt + "." + _sPageExt
			+ "\\">上一页</a>&nbsp;&nbsp;");
	}
	// 2 输出中间分页
	for(var i=0; i<_nPageCount; i++){
		var sFile = i == 0 ? "" : ("_" + i);
		if(nCurrIndex == i)
			document.write("<span class=\\"current\\">" + (i+1) + "</span>&nbsp;");
		else
			document.write("<a href=\\"" + _sPageName + sFile + "." + _sPageExt + "\\">"
				+ (i+1) + "</a>&nbsp;");
	}
	// 3 输出下一页和尾页
	if(nCurrIndex == (_nPageCount-1)){
		document.write("下一页&nbsp;&nbsp;尾页");
	}else{
		var nNextIndex = nCurrIndex + 1;
		document.write("<a href=\\"" + _sPageName + "_" + nNextIndex + "." + _sPageExt
			+ "\\">下一页</a>&nbsp;&nbsp;");
		document.write("<a href=\\"" + _sPageName + "_" + (_nPageCount-1) + "." + _sPageExt
			+ "\\">尾页</a>");
	}
	document.write("&nbsp;&nbsp;共" + _nPageCount + "页");
}
</script>"""

_EDITOR_STYLE = (
    '<style type="text/css">\n'
    ".TRS_Editor P{margin-top:5px;margin-bottom:5px;line-height:2;font-family:宋体;"
    "font-size:12pt;}.TRS_Editor DIV{margin-top:5px;margin-bottom:5px;line-height:2;"
    "font-family:宋体;font-size:12pt;}.TRS_Editor TD{margin-top:5px;margin-bottom:5px;"
    "line-height:2;font-family:宋体;font-size:12pt;}.TRS_Editor TH{margin-top:5px;"
    "margin-bottom:5px;line-height:2;font-family:宋体;font-size:12pt;}\n"
    "</style>"
)


def _yyyymm(article: Article) -> str:
    return article.published.strftime("%Y%m")


def article_file(article: Article) -> str:
    """``YYYYMM/tYYYYMMDD_NNNNNN.html`` relative to the column directory."""
    return f"{_yyyymm(article)}/t{article.published:%Y%m%d}_{article.id}.html"


def list_page_name(index: int) -> str:
    """``index.html`` for page 0, ``index_N.html`` for page N."""
    return "index.html" if index == 0 else f"index_{index}.html"


class TrsSite:
    """Renders every page of one TRS-family site once; serves them by path."""

    def __init__(self, site: SiteContent) -> None:
        self.site = site
        self._pages: dict[str, Response] = {}
        self._build()

    # -- serving ---------------------------------------------------------------

    def resolve(self, request: Request) -> Response:
        """The response for ``request`` (queries are ignored, as by a static web server)."""
        if request.method not in ("GET", "HEAD"):
            return self._not_allowed()
        page = self._pages.get(request.path)
        if page is not None:
            return page
        if not request.path.endswith("/") and request.path + "/" in self._pages:
            return Response.redirect(
                f"http://{self.site.host}{request.path}/", headers=_HTML_HEADERS
            )
        return self._not_found

    # -- building --------------------------------------------------------------

    def _build(self) -> None:
        site = self.site
        home = self._html(self._home_page())
        self._pages["/"] = home
        self._pages["/index.html"] = home
        self._pages["/robots.txt"] = Response.text(
            "User-agent: *\nDisallow: /admin/\nDisallow: /wcm/\n",
            content_type="text/plain",
            headers=_HTML_HEADERS,
        )
        self._pages["/css/style.css"] = Response.text(
            _CSS, content_type="text/css", encoding=ENCODING, headers=_HTML_HEADERS
        )
        self._pages["/js/common.js"] = Response.text(
            _JS, content_type="application/javascript", encoding=ENCODING, headers=_HTML_HEADERS
        )
        pdf, jpg = read_static("attachment.pdf"), read_static("photo.jpg")
        for column in site.columns:
            articles = site.articles_in(column.key)
            pages = max(1, -(-len(articles) // PAGE_SIZE))
            for index in range(pages):
                chunk = articles[index * PAGE_SIZE : (index + 1) * PAGE_SIZE]
                page = self._html(self._list_page(column, chunk, index, pages))
                self._pages[f"/{column.ref}/{list_page_name(index)}"] = page
                if index == 0:
                    self._pages[f"/{column.ref}/"] = page
            for article in articles:
                base = f"/{column.ref}/{_yyyymm(article)}/"
                self._pages[f"/{column.ref}/{article_file(article)}"] = self._html(
                    self._article_page(column, article)
                )
                for attachment in article.attachments:
                    self._pages[base + attachment.file] = Response.binary(
                        pdf, content_type="application/pdf", headers=_HTML_HEADERS
                    )
                for image in article.images:
                    self._pages[base + image.file] = Response.binary(
                        jpg, content_type="image/jpeg", headers=_HTML_HEADERS
                    )
        self._not_found = self._html(self._not_found_page(), status=404)

    def _html(self, page: str, status: int = 200) -> Response:
        return Response.text(
            page,
            content_type="text/html",
            encoding=ENCODING,
            status=status,
            headers=_HTML_HEADERS,
        )

    def _not_allowed(self) -> Response:
        return Response.text(
            "<html><head><title>405 Not Allowed</title></head><body>"
            "<center><h1>405 Not Allowed</h1></center><hr><center>nginx</center></body></html>",
            content_type="text/html",
            status=405,
            headers=(*_HTML_HEADERS, ("Allow", "GET, HEAD")),
        )

    # -- page parts --------------------------------------------------------------

    def _head(self, title: str, metas: list[tuple[str, str]], root: str) -> str:
        meta_tags = "\n".join(f'<meta name="{n}" content="{attr(v)}">' for n, v in metas)
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta http-equiv="X-UA-Compatible" content="IE=EmulateIE7" />
<title>{text(title)}</title>
{meta_tags}
<link href="{root}css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="{root}js/common.js"></script>
</head>
"""

    def _top(self, root: str) -> str:
        site = self.site
        nav = "".join(
            f'<li><a href="{root}{c.ref}/" target="_self">{text(c.name)}</a></li>'
            for c in site.columns
        )
        return f"""<body>
<div class="wrap">
<table width="1000" border="0" cellspacing="0" cellpadding="0" class="top">
  <tr>
    <td width="620"><h1>{text(site.name)}</h1></td>
    <td align="right" valign="bottom" style="padding:0 15px 12px 0;">
      <script type="text/javascript">showDate();</script>&nbsp;&nbsp;
      <form name="searchform" action="/was5/web/search" method="get" style="display:inline;">
        <input type="text" name="searchword" value="请输入关键字" size="18" />
        <input type="submit" value="搜索" />
      </form>
    </td>
  </tr>
</table>
<div class="nav"><ul>
<li><a href="{root}" target="_self">首&nbsp;&nbsp;页</a></li>{nav}
</ul></div>
"""

    def _footer(self) -> str:
        f = self.site.footer
        return f"""<div class="foot">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr><td align="center">版权所有：{text(f.owner)}&nbsp;&nbsp;&nbsp;&nbsp;\
地址：{text(f.address)}&nbsp;&nbsp;邮编：{f.postcode}</td></tr>
  <tr><td align="center">联系电话：{f.phone}&nbsp;&nbsp;&nbsp;&nbsp;\
<a href="https://beian.miit.gov.cn/" target="_blank">{text(f.icp)}</a>&nbsp;&nbsp;&nbsp;&nbsp;\
{text(f.police)}&nbsp;&nbsp;&nbsp;&nbsp;网站标识码：{f.site_code}</td></tr>
  <tr><td align="center">建议使用1024×768分辨率&nbsp;IE8.0以上版本浏览器浏览</td></tr>
</table>
</div>
</div>
</body>
</html>
"""

    def _home_page(self) -> str:
        site = self.site
        latest = site.latest(6)
        headline = latest[0]
        head_col = site.column(headline.column)
        blocks = []
        for column in site.columns:
            items = "\n".join(
                f'<tr><td class="dot">·</td><td><a href="./{column.ref}/{article_file(a)}" '
                f'target="_blank" title="{attr(a.title)}">{text(_cut(a.title, 22))}</a></td>'
                f'<td align="right" class="date">[{a.published:%m-%d}]</td></tr>'
                for a in site.articles_in(column.key)[:5]
            )
            blocks.append(
                f"""<table width="490" border="0" cellspacing="0" cellpadding="0" \
class="block" style="float:left;margin:5px;">
  <tr><td colspan="3" class="block_title"><span style="float:right;">\
<a href="./{column.ref}/">更多&gt;&gt;</a></span><b>{text(column.name)}</b></td></tr>
{items}
</table>"""
            )
        latest_items = "\n".join(
            f'<li><a href="./{site.column(a.column).ref}/{article_file(a)}" target="_blank">'
            f"{text(a.title)}</a></li>"
            for a in latest[1:]
        )
        return (
            self._head(
                site.name,
                [
                    ("SiteName", site.name),
                    ("SiteDomain", site.host),
                    ("SiteIDCode", site.footer.site_code),
                ],
                "./",
            )
            + self._top("./")
            + f"""<div class="headline" style="text-align:center;padding:15px;">
<a href="./{head_col.ref}/{article_file(headline)}" target="_blank" \
style="font-size:24px;color:#b50f14;font-weight:bold;">{text(headline.title)}</a>
</div>
<div class="latest"><b>最新动态</b><ul>
{latest_items}
</ul></div>
<div class="blocks">
{"".join(blocks)}
<div style="clear:both;"></div>
</div>
"""
            + self._footer()
        )

    def _list_page(self, column: Column, articles: list[Article], index: int, pages: int) -> str:
        site = self.site
        items = "\n".join(
            f'<li><a href="./{article_file(a)}" target="_blank" title="{attr(a.title)}">'
            f"{text(_cut(a.title, LIST_TITLE_CHARS))}</a><span>{a.published:%Y-%m-%d}</span></li>"
            for a in articles
        )
        return (
            self._head(
                f"{column.name} - {site.name}",
                [("SiteName", site.name), ("ColumnName", column.name)],
                "../",
            )
            + _PAGER_SCRIPT
            + "\n"
            + self._top("../")
            + f"""<table width="1000" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td width="220" valign="top" class="left">
      <div class="left_title">{text(column.name)}</div>
    </td>
    <td width="780" valign="top">
      <div class="position">当前位置：<a href="../">首页</a>&nbsp;&gt;&nbsp;\
<a href="./">{text(column.name)}</a></div>
      <div class="list_con">
        <ul class="list">
{items}
        </ul>
      </div>
      <div class="page" style="text-align:center;">\
<script>createPageHTML({pages}, {index}, "index", "html");</script></div>
    </td>
  </tr>
</table>
"""
            + self._footer()
        )

    def _article_page(self, column: Column, article: Article) -> str:
        site = self.site
        published = f"{article.published:%Y-%m-%d %H:%M}"
        metas = [
            ("SiteName", site.name),
            ("SiteDomain", site.host),
            ("SiteIDCode", site.footer.site_code),
            ("ColumnName", column.name),
            ("ArticleTitle", article.title),
            ("PubDate", published),
            ("ContentSource", article.source or site.name),
        ]
        info = [f"发布时间：{published}"]
        if article.source:
            info.append(f"来源：{text(article.source)}")
        if article.authors:
            info.append(text(article.authors))
        info.append(
            '【字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a>'
            ' <a href="javascript:doZoom(14)">小</a>】'
        )
        subtitle = (
            f'<div class="subtitle" style="text-align:center;font-size:16px;">'
            f"{text(article.subtitle)}</div>\n"
            if article.subtitle
            else ""
        )
        body = []
        for number, paragraph in enumerate(article.paragraphs):
            style = "text-align:center;" if paragraph.center else "text-indent:2em;"
            content = text(paragraph.text)
            if paragraph.bold:
                content = f"<strong>{content}</strong>"
            body.append(f'<p style="{style}">{content}</p>')
            if number == 0:
                for image in article.images:
                    body.append(
                        f'<p style="text-align:center;"><img src="./{image.file}" '
                        f'alt="{attr(image.alt)}" OLDSRC="{image.file}" '
                        f'OLDID="{image.file}" style="border:0;width:600px;" /></p>'
                    )
                    if image.caption:
                        body.append(
                            f'<p style="text-align:center;"><font face="楷体">'
                            f"{text(image.caption)}</font></p>"
                        )
        body.append("<p>&nbsp;</p>")
        attachments = "".join(
            f'<p><a href="./{a.file}" target="_blank">附件：{text(a.name)}</a></p>\n'
            for a in article.attachments
        )
        if attachments:
            attachments = f'<div class="fujian">\n{attachments}</div>\n'
        return (
            self._head(f"{article.title} - {site.name}", metas, "../../")
            + self._top("../../")
            + f"""<div class="position">当前位置：<a href="../../">首页</a>&nbsp;&gt;&nbsp;\
<a href="../">{text(column.name)}</a></div>
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0" class="article">
  <tr><td>
<div class="title" style="text-align:center;font-size:24px;font-weight:bold;color:#b50f14;\
padding-top:20px;">{text(article.title)}</div>
{subtitle}<div class="info" style="text-align:center;border-bottom:1px solid #ddd;">\
{"&nbsp;&nbsp;".join(info)}</div>
<div id="zoom">
<div class="TRS_Editor">{_EDITOR_STYLE}
<div class="Custom_UnionStyle">
{chr(10).join(body)}
</div></div>
</div>
{attachments}<div class="share" style="text-align:right;">分享到：\
<a href="javascript:void(0)" class="share_wx">微信</a>&nbsp;\
<a href="javascript:void(0)" class="share_wb">微博</a></div>
<div class="tools" style="text-align:center;">\
<a href="javascript:window.print()">打印本页</a>&nbsp;&nbsp;\
<a href="javascript:window.close()">关闭窗口</a></div>
  </td></tr>
</table>
"""
            + self._footer()
        )

    def _not_found_page(self) -> str:
        site = self.site
        return (
            self._head(f"页面不存在 - {site.name}", [("SiteName", site.name)], "/")
            + self._top("/")
            + """<div style="text-align:center;padding:80px 0;font-size:16px;">
<p><b>404</b>&nbsp;抱歉，您访问的页面不存在或已被删除！</p>
<p><a href="/">返回首页</a></p>
</div>
"""
            + self._footer()
        )


def _cut(title: str, limit: int) -> str:
    """Title cut to ``limit`` characters with "..." the way TRS list templates do."""
    return title if len(title) <= limit else title[: limit - 1] + "..."
