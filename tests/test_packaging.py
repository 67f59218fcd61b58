"""What `pip install .` ships: every package, the config files, and a working `rdwatch`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from setuptools import find_packages

from tests.conftest import REPO


def test_every_python_package_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = set(find_packages(str(REPO), include=["crawler*", "pipelines*", "sampleweb*"]))
    assert found - listed == set(), "packages missing from pyproject [tool.setuptools] packages"
    assert "crawler.config" in listed  # config/ ships as crawler/config


def _installed_rdwatch() -> str | None:
    """The console script, if this checkout's package is what is installed."""
    beside = Path(sys.executable).with_name("rdwatch")
    script = str(beside) if beside.exists() else shutil.which("rdwatch")
    if not script:
        return None
    probe = subprocess.run(
        [str(Path(script).with_name("python")), "-c", "import crawler; print(crawler.__file__)"],
        capture_output=True,
        text=True,
        cwd="/",
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    return script if probe.returncode == 0 else None


def test_installed_rdwatch_demo_runs_outside_the_checkout(tmp_path: Path):
    script = _installed_rdwatch()
    if script is None:
        pytest.skip("rdwatch is not installed in this environment (run `pip install .` first)")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "RDWATCH_STORE")}
    result = subprocess.run(
        [script, "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "total" in result.stdout
    assert (tmp_path / "var" / "store").is_dir()
