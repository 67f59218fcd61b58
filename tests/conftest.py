"""Shared fixtures: the real sample web, and a way to run the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_web() -> Iterator[object]:
    """The sample web, serving on a free loopback port for the whole session."""
    from sampleweb import SampleWeb

    with SampleWeb(port=0) as web:
        yield web


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300):
    """Run ``rdwatch`` from this source tree in a child process (Scrapy's reactor runs once)."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    full_env.pop("RDWATCH_STORE", None)
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
