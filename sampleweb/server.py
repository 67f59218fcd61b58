"""The sample web's HTTP server: a forward proxy that only knows the sample hosts.

Clients use it as an HTTP proxy (``http://127.0.0.1:PORT``) and send
absolute-form request lines (``GET http://www.sdrd-sample.gov.cn.test/ HTTP/1.1``);
plain origin-form requests are routed by their ``Host`` header. Requests for
any other host get ``502 Bad Gateway``: nothing is ever fetched from the real
network. The server binds to 127.0.0.1 only, keeps connections alive, writes
each response with a single send, and logs nothing to stderr unless asked.
"""

from __future__ import annotations

import socket
import socketserver
import sys
import threading
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from .content import SITES_CONFIG
from .messages import Request, Response
from .sites import SiteFamily, build_hosts

BIND_ADDRESS = "127.0.0.1"
MAX_BODY = 1 << 20
IDLE_TIMEOUT = 30.0


class AccessLog(list):
    """Requests served, in order, as dicts ``{"host", "path", "status", "bytes"}``.

    ``path`` includes the query string; ``bytes`` is the body length sent
    (0 for HEAD). Appends are serialised by a lock; reading is plain list access.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()

    def record(self, host: str, path: str, status: int, size: int) -> None:
        """Append one entry."""
        with self._lock:
            self.append({"host": host, "path": path, "status": status, "bytes": size})


def _bad_gateway(host: str, known: list[str]) -> Response:
    listing = "".join(f"<li>{name}</li>" for name in known)
    page = (
        "<html><head><title>502 Bad Gateway</title></head><body>"
        "<h1>502 Bad Gateway</h1>"
        f"<p>sampleweb does not serve host <code>{host or '(none)'}</code>; "
        f"it only serves:</p><ul>{listing}</ul></body></html>"
    )
    return Response.text(
        page,
        content_type="text/html; charset=utf-8",
        status=502,
        headers=(("Server", "sampleweb"),),
    )


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self,
        port: int,
        hosts: Mapping[str, SiteFamily],
        access_log: AccessLog,
        verbose: bool,
    ) -> None:
        self.hosts = hosts
        self.access_log = access_log
        self.verbose = verbose
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__((BIND_ADDRESS, port), _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the FQDN, which can stall without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name = "localhost"
        self.server_port = self.server_address[1]

    def close_connections(self) -> None:
        """Shut down kept-alive client connections so their threads end."""
        with self.connections_lock:
            sockets = list(self.connections)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "sampleweb"
    timeout = IDLE_TIMEOUT
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_CONNECT(self) -> None:
        host = self.path.rsplit(":", 1)[0].lower()
        self.close_connection = True
        self._send(_bad_gateway(host, sorted(self.server.hosts)), host, self.path)

    def _target(self) -> tuple[str, str, int | None, str, str] | None:
        """(scheme, host, port, path, query) of the request; None if the port is malformed."""
        target = self.path
        if target.startswith("/"):
            path, _, query = target.partition("?")
            scheme, authority = "http", self.headers.get("Host") or ""
        else:
            parts = urlsplit(target)
            scheme, authority = parts.scheme.lower(), parts.netloc
            path, query = parts.path or "/", parts.query
        host = urlsplit("//" + authority)
        try:
            port = host.port
        except ValueError:
            return None
        return scheme, (host.hostname or "").lower(), port, path, query

    def _serve(self) -> None:
        target = self._target()
        if target is None:
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request target")
            return
        scheme, host, port, path, query = target
        body = b""
        if self.command == "POST":
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                self.send_error(HTTPStatus.BAD_REQUEST, "Bad Content-Length")
                return
            body = self.rfile.read(min(max(length, 0), MAX_BODY))
        site = self.server.hosts.get(host) if scheme == "http" and port in (None, 80) else None
        shown = f"{path}?{query}" if query else path
        if site is None:
            response = _bad_gateway(host, sorted(self.server.hosts))
        else:
            response = site.resolve(Request(self.command, path, query, body))
        self._send(response, host, shown)

    def _send(self, response: Response, host: str, shown: str) -> None:
        body = b"" if self.command == "HEAD" else response.body
        self.server.access_log.record(host, shown, response.status, len(body))
        try:
            phrase = HTTPStatus(response.status).phrase
        except ValueError:
            phrase = ""
        lines = [f"HTTP/1.1 {response.status} {phrase}"]
        lines += [f"{name}: {value}" for name, value in response.headers]
        lines.append(f"Date: {self.date_time_string()}")
        lines.append(f"Content-Length: {len(response.body)}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.wfile.write(head + body)
        if self.server.verbose:
            self.log_request(response.status, len(body))

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            sys.stderr.write(f"sampleweb: {self.address_string()} {format % args}\n")


class SampleWeb:
    """The sample web as a running proxy server.

    >>> with SampleWeb(port=0) as web:          # doctest: +SKIP
    ...     web.proxy_url                        # "http://127.0.0.1:PORT"

    ``port=0`` picks a free port. ``access_log`` lists every request served.
    """

    def __init__(
        self, port: int = 0, *, config: Path = SITES_CONFIG, verbose: bool = False
    ) -> None:
        self._requested_port = port
        self._hosts = build_hosts(config)
        self._verbose = verbose
        self.access_log = AccessLog()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def hosts(self) -> list[str]:
        """The sample host names served, sorted."""
        return sorted(self._hosts)

    @property
    def port(self) -> int:
        """The port the proxy listens on (only while started)."""
        if self._server is None:
            raise RuntimeError("SampleWeb is not started")
        return int(self._server.server_address[1])

    @property
    def proxy_url(self) -> str:
        """``http://127.0.0.1:PORT``, the proxy URL to give the crawler."""
        return f"http://{BIND_ADDRESS}:{self.port}"

    def start(self) -> SampleWeb:
        """Bind and serve in a daemon thread; returns self."""
        if self._server is not None:
            return self
        self._server = _Server(self._requested_port, self._hosts, self.access_log, self._verbose)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"sampleweb:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close the socket and open connections (idempotent)."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.shutdown()
        server.server_close()
        server.close_connections()
        if thread is not None:
            thread.join(timeout=5)

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (used by ``python -m sampleweb``)."""
        self.start()
        assert self._thread is not None
        try:
            while self._thread.is_alive():
                self._thread.join(timeout=0.5)
        finally:
            self.stop()

    def __enter__(self) -> SampleWeb:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
