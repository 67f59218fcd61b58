"""Decoding and first diagnosis: a pure function of bytes and headers."""

from __future__ import annotations

from crawler.decoding import decode_page


def types(page) -> list[str]:
    return [p["type"] for p in page.problems]


GB_PAGE = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body>{}</body></html>"


def test_gbk_only_character_on_gb2312_page_is_decoded_and_reported():
    body = GB_PAGE.format("朱镕基同志视察机关建设").encode("gbk")
    page = decode_page(body, {"Content-Type": "text/html"})
    assert "朱镕基同志视察机关建设" in page.text
    assert (page.header, page.meta, page.used) == (None, "gb2312", "gb18030")
    assert page.problems == [{"type": "gb2312_overflow", "count": 1, "samples": ["镕"]}]
    assert page.invalid_bytes == 0


def test_utf8_page_with_gbk_header_is_read_as_utf8():
    body = "<p>市人大常委会机关党建工作会议</p>".encode()
    page = decode_page(body, {"Content-Type": "text/html; charset=GBK"})
    assert page.used == "utf-8"
    assert "市人大常委会机关党建工作会议" in page.text
    assert types(page) == ["wrong_header_charset"]


def test_header_and_meta_disagree():
    body = GB_PAGE.format("机关建设").encode("gbk")
    page = decode_page(body, {"content-type": "text/html; charset=utf-8"})
    assert page.used == "gb18030"
    assert "机关建设" in page.text
    assert set(types(page)) == {"header_meta_conflict", "wrong_header_charset"}


def test_bom_wins():
    page = decode_page(
        b"\xef\xbb\xbf<p>\xe4\xba\xba\xe5\xa4\xa7</p>", {"Content-Type": "text/html; charset=gbk"}
    )
    assert page.bom == "utf-8" and page.used == "utf-8"
    assert page.text == "<p>人大</p>"


def test_undecodable_bytes_are_counted_not_raised():
    body = "<meta charset=gbk><p>机关".encode("gbk") + b"\xff" + "建设</p>".encode("gbk")
    page = decode_page(body, {})
    assert page.used == "gb18030"
    assert page.invalid_bytes == 1
    assert "invalid_bytes" in types(page)
    assert "机关" in page.text and "建设" in page.text


def test_undeclared_gbk_is_detected():
    body = (
        "<p>" + "市人大常委会机关深入开展模范机关创建活动，推进作风建设。" * 20 + "</p>"
    ).encode("gbk")
    page = decode_page(body, {})
    assert page.header is None and page.meta is None
    assert page.used == "gb18030"
    assert "模范机关创建活动" in page.text


def test_pinyin_annotations_and_kunjinkao_are_reported():
    body = "<p>市人大常委會機關創(chuàng)建文明單位，發(fā)布。锟斤拷</p>".encode()
    page = decode_page(body, {})
    found = {p["type"]: p for p in page.problems}
    assert found["pinyin_annotation"]["count"] == 2
    assert found["pinyin_annotation"]["samples"] == ["創(chuàng)", "發(fā)"]
    assert found["kunjinkao"]["count"] == 1


def test_site_override_is_used():
    body = "<p>人大</p>".encode("big5")
    assert decode_page(body, {}, override="big5").text == "<p>人大</p>"
