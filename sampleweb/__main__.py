"""``python -m sampleweb [--port N] [--verbose]``: serve the sample web until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
from types import FrameType

from .server import SampleWeb

DEFAULT_PORT = 8765


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, start the proxy, print its URL and serve until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m sampleweb",
        description="Serve rdwatch's sample 人大 websites as an HTTP proxy on 127.0.0.1.",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any)"
    )
    parser.add_argument("--verbose", action="store_true", help="log each request to stderr")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    web = SampleWeb(port=args.port, verbose=args.verbose).start()
    print(f"sampleweb proxy: {web.proxy_url}", flush=True)
    for host in web.hosts:
        print(f"  http://{host}/", flush=True)
    print(f"try: curl -x {web.proxy_url} http://{web.hosts[0]}/   (Ctrl-C to stop)", flush=True)
    try:
        web.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        web.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
