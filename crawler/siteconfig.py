"""Load and validate ``sites.yaml`` and ``defaults.yaml``.

A broken config must stop rdwatch before anything is crawled, with one message
naming the file, the site and the key::

    >>> load_sites_text("sites: [{id: a, home: 'ftp://x'}]", "s.yaml")
    Traceback (most recent call last):
    ...
    crawler.siteconfig.ConfigError: s.yaml: site 'a' (entry 1): key 'home': must be an http(s) URL, got 'ftp://x'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

LEVELS = ("province", "city", "county")
# site: every column found on the home page (机关建设-type ones first);
# columns: only the configured columns, or the 机关建设-type ones found.
SCOPES = ("site", "columns")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ConfigError(Exception):
    """A config file rdwatch cannot use; the message names file, site and key."""


@dataclass(frozen=True)
class Site:
    """One configured 人大 site."""

    id: str
    name: str
    level: str
    region: str | None
    city: str | None
    home: str
    columns: tuple[str, ...] = ()
    encoding: str | None = None
    enabled: bool = True
    scope: str = "site"
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def allowed_domains(self) -> list[str]:
        """Hosts the crawler may visit for this site: home's and the columns'."""
        hosts = {urlsplit(self.home).hostname or ""}
        hosts.update(urlsplit(c).hostname or "" for c in self.columns)
        return sorted(h for h in hosts if h)

    def meta(self) -> dict[str, Any]:
        """The site fields every article record carries."""
        return {
            "site_id": self.id,
            "site_name": self.name,
            "region": self.region,
            "city": self.city,
            "level": self.level,
        }


@dataclass(frozen=True)
class Defaults:
    """Site-independent knowledge from ``defaults.yaml``."""

    jiguan_column_keywords: tuple[str, ...]
    max_list_pages: int = 50
    contact: str = "rdwatch@example.org"


def bundled_config_dir() -> Path:
    """The ``config/`` folder shipped with rdwatch.

    In a source checkout it is ``<repo>/config``; an installed wheel carries the
    same files as ``crawler/config`` (see ``package-dir`` in pyproject.toml).
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "config", here.parent / "config"):
        if (candidate / "defaults.yaml").is_file():
            return candidate
    raise ConfigError(f"{here}: rdwatch's bundled config/ folder is missing (broken install)")


def _read_yaml(text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{source}:{where}: not valid YAML: {problem}") from None


def _check_url(value: Any, source: str, label: str, key: str) -> str:
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
        host = parts.hostname if parts else None
    except ValueError:
        parts = host = None
    if parts is None or not host or parts.scheme not in ("http", "https"):
        raise ConfigError(f"{source}: {label}: key '{key}': must be an http(s) URL, got {value!r}")
    return value


def _site_from_entry(entry: Any, index: int, source: str) -> Site:
    label = f"entry {index}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{source}: site {label}: must be a mapping of keys, got {entry!r}")
    site_id = entry.get("id")
    if site_id is None:
        raise ConfigError(f"{source}: site {label}: key 'id': missing")
    if not isinstance(site_id, str) or not _SLUG.match(site_id):
        raise ConfigError(
            f"{source}: site {label}: key 'id': must be a lowercase slug "
            f"(letters, digits, - and _), got {site_id!r}"
        )
    label = f"site '{site_id}' ({label})"
    if "home" not in entry or entry["home"] in (None, ""):
        raise ConfigError(f"{source}: {label}: key 'home': missing")
    home = _check_url(entry["home"], source, label, "home")
    level = entry.get("level", "province")
    if level not in LEVELS:
        raise ConfigError(
            f"{source}: {label}: key 'level': must be one of {', '.join(LEVELS)}, got {level!r}"
        )
    columns = entry.get("columns") or []
    if not isinstance(columns, list):
        raise ConfigError(f"{source}: {label}: key 'columns': must be a list of URLs")
    for i, column in enumerate(columns, 1):
        _check_url(column, source, label, f"columns[{i}]")
    for key in ("name", "region", "city", "encoding"):
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{source}: {label}: key '{key}': must be text, got {value!r}")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{source}: {label}: key 'enabled': must be true or false")
    scope = entry.get("scope", "site")
    if scope not in SCOPES:
        raise ConfigError(
            f"{source}: {label}: key 'scope': must be one of {', '.join(SCOPES)}, got {scope!r}"
        )
    known = {
        "id",
        "name",
        "level",
        "region",
        "city",
        "home",
        "columns",
        "encoding",
        "enabled",
        "scope",
    }
    return Site(
        id=site_id,
        name=entry.get("name") or site_id,
        level=level,
        region=entry.get("region"),
        city=entry.get("city"),
        home=home,
        columns=tuple(columns),
        encoding=entry.get("encoding"),
        enabled=enabled,
        scope=scope,
        extra={k: v for k, v in entry.items() if k not in known},
    )


def load_sites_text(text: str, source: str = "<sites>") -> list[Site]:
    """Parse and validate the text of a sites file; raise :class:`ConfigError`."""
    data = _read_yaml(text, source)
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list):
        raise ConfigError(f"{source}: key 'sites': missing or not a list of sites")
    sites: list[Site] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["sites"], 1):
        site = _site_from_entry(entry, index, source)
        if site.id in seen:
            raise ConfigError(
                f"{source}: site '{site.id}' (entry {index}): key 'id': duplicate, "
                f"already used by entry {seen[site.id]}"
            )
        seen[site.id] = index
        sites.append(site)
    return sites


def load_sites(path: str | Path) -> list[Site]:
    """Read and validate a sites file; raise :class:`ConfigError` naming the problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    return load_sites_text(text, str(path))


def load_defaults(path: str | Path | None = None) -> Defaults:
    """Read ``defaults.yaml`` (the bundled one when *path* is None)."""
    path = Path(path) if path else bundled_config_dir() / "defaults.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    data = _read_yaml(text, str(path)) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping of keys")
    keywords = data.get("jiguan_column_keywords") or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        raise ConfigError(f"{path}: key 'jiguan_column_keywords': must be a list of text")
    max_pages = data.get("max_list_pages", 50)
    if not isinstance(max_pages, int) or max_pages < 1:
        raise ConfigError(f"{path}: key 'max_list_pages': must be a positive integer")
    return Defaults(
        jiguan_column_keywords=tuple(keywords),
        max_list_pages=max_pages,
        contact=str(data.get("contact") or "rdwatch@example.org"),
    )


def select_sites(sites: list[Site], ids: list[str] | None, source: str) -> list[Site]:
    """The enabled sites, or exactly those named by *ids* (unknown ids are an error)."""
    if not ids:
        return [s for s in sites if s.enabled]
    by_id = {s.id: s for s in sites}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ConfigError(f"{source}: site {unknown[0]!r}: key 'id': no such site in the config")
    return [by_id[i] for i in ids]
