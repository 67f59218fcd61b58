"""HTML escaping shared by the family templates.

Text from the content files is escaped once here; non-breaking spaces are
written as ``&nbsp;`` the way CMS editors emit them (GBK has no U+00A0).
"""

from __future__ import annotations

from html import escape


def text(value: str) -> str:
    """``value`` escaped for element content."""
    return escape(value, quote=False).replace("\xa0", "&nbsp;")


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return escape(value, quote=True).replace("\xa0", "&nbsp;")
