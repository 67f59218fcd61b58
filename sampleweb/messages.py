"""Request and Response values passed between the proxy server and the site families.

The server parses each HTTP request into a :class:`Request` (already routed to
one sample host) and asks that host's family for a :class:`Response`. Families
render their pages once and hand out the same immutable ``Response`` objects,
so serving is a dictionary lookup plus a socket write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class Request:
    """One request for a path on a sample host.

    ``path`` is the raw path without query string; ``query`` is the raw query
    string; ``body`` holds a POST body (empty for GET and HEAD).
    """

    method: str
    path: str
    query: str = ""
    body: bytes = b""

    @cached_property
    def params(self) -> dict[str, str]:
        """Query parameters (and form fields of a urlencoded POST body), first value wins."""
        params: dict[str, str] = {}
        pairs = parse_qsl(self.query, keep_blank_values=True)
        if self.body:
            pairs += parse_qsl(self.body.decode("latin-1"), keep_blank_values=True)
        for key, value in pairs:
            params.setdefault(key.lower(), value)
        return params

    def int_param(self, name: str, default: int) -> int:
        """Parameter ``name`` as an int; ``default`` when missing or not a number."""
        try:
            return int(self.params.get(name.lower(), "").strip())
        except ValueError:
            return default


@dataclass(frozen=True)
class Response:
    """A complete HTTP response: status, ordered headers (without Content-Length), body."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())

    @classmethod
    def text(
        cls,
        text: str,
        *,
        content_type: str,
        encoding: str = "utf-8",
        status: int = 200,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> Response:
        """Encode ``text`` (unencodable characters become ``&#NNNN;`` as real CMSes do)."""
        body = text.encode(encoding, errors="xmlcharrefreplace")
        return cls(status, body, (("Content-Type", content_type), *headers))

    @classmethod
    def binary(
        cls, body: bytes, *, content_type: str, headers: tuple[tuple[str, str], ...] = ()
    ) -> Response:
        """A 200 response carrying raw bytes (attachments, images)."""
        return cls(200, body, (("Content-Type", content_type), *headers))

    @classmethod
    def redirect(cls, location: str, *, headers: tuple[tuple[str, str], ...] = ()) -> Response:
        """A 301 to ``location`` (absolute path), as web servers answer ``/dir`` for ``/dir/``."""
        body = (
            "<html><head><title>301 Moved Permanently</title></head><body>"
            f'<h1>Moved Permanently</h1><a href="{location}">{location}</a></body></html>'
        ).encode("ascii", errors="xmlcharrefreplace")
        return cls(
            301,
            body,
            (("Content-Type", "text/html"), ("Location", location), *headers),
        )
