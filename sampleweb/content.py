"""The sample sites' content: typed records loaded from ``sites.yaml`` and ``content/*.yaml``.

``sites.yaml`` is in rdwatch's own site-config shape (what the crawler reads);
``content/<site id>.yaml`` adds what only the sample web needs: the CMS family,
footer details, the columns with their CMS-specific ids, and the articles.
``content/seeds.yaml`` holds verbatim article texts copied from real pages;
an article entry with ``seed: "000"`` takes its title, subtitle, byline and
paragraphs from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
SITES_CONFIG = PACKAGE_DIR / "sites.yaml"
CONTENT_DIR = PACKAGE_DIR / "content"
STATIC_DIR = PACKAGE_DIR / "static"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph; ``center``/``bold`` mark heading lines inside the body."""

    text: str
    center: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Attachment:
    """A file linked from the article body, e.g. ``P020221209379413528013.pdf``."""

    file: str
    name: str


@dataclass(frozen=True)
class Image:
    """An image shown in the article body, e.g. ``W020220616512837706125.jpg``."""

    file: str
    alt: str
    caption: str | None = None


@dataclass(frozen=True)
class Article:
    """One article page.

    ``authors`` is the authors line exactly as displayed ("作者：张三",
    "文/记者 王磊"); with ``authors_under_title`` it is shown on its own line
    under the title instead of in the metadata line. ``read_count`` is shown by
    families that show read counts.
    """

    id: int
    column: str
    title: str
    published: datetime
    paragraphs: tuple[Paragraph, ...]
    subtitle: str | None = None
    authors: str | None = None
    authors_under_title: bool = False
    source: str | None = None
    read_count: int | None = None
    attachments: tuple[Attachment, ...] = ()
    images: tuple[Image, ...] = ()


@dataclass(frozen=True)
class Column:
    """A list column.

    ``ref`` is the column's id in its CMS: the directory name for TRS
    (``jgjs``), the column id for Hanweb (``123``), the classid for ASP
    (``12``). ``unit`` is Hanweb's list-unit id; ``parent`` names a parent
    menu the column sits under.
    """

    key: str
    name: str
    ref: str
    unit: int | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Footer:
    """Footer details every page of a site repeats."""

    owner: str
    icp: str
    police: str
    site_code: str
    address: str
    phone: str
    postcode: str


@dataclass(frozen=True)
class SiteContent:
    """Everything needed to render one sample site."""

    id: str
    name: str
    host: str
    family: str
    footer: Footer
    columns: tuple[Column, ...]
    articles: tuple[Article, ...]

    def column(self, key: str) -> Column:
        """The column with ``key``."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def articles_in(self, key: str) -> list[Article]:
        """The articles of column ``key``, newest first (ties: higher id first)."""
        chosen = [a for a in self.articles if a.column == key]
        return sorted(chosen, key=lambda a: (a.published, a.id), reverse=True)

    def latest(self, count: int) -> list[Article]:
        """The ``count`` newest articles of the whole site."""
        return sorted(self.articles, key=lambda a: (a.published, a.id), reverse=True)[:count]


def read_static(name: str) -> bytes:
    """Bytes of a file in ``sampleweb/static`` (the fake PDF, the tiny JPEG, the GIF)."""
    return (STATIC_DIR / name).read_bytes()


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


def _published(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"bad published value {value!r}")


def _paragraph(value: Any) -> Paragraph:
    if isinstance(value, str):
        return Paragraph(value)
    return Paragraph(str(value["text"]), bool(value.get("center")), bool(value.get("bold")))


def _article(entry: dict[str, Any], seeds: dict[str, Any]) -> Article:
    data = dict(entry)
    seed_key = data.pop("seed", None)
    if seed_key is not None:
        seed = seeds[str(seed_key)]
        data.setdefault("title", seed["title"])
        data.setdefault("subtitle", seed.get("subtitle"))
        data.setdefault("paragraphs", seed["paragraphs"])
        if seed.get("byline"):
            data.setdefault("authors", seed["byline"])
            data.setdefault("authors_under_title", True)
    return Article(
        id=int(data["id"]),
        column=str(data["column"]),
        title=str(data["title"]),
        published=_published(data["published"]),
        paragraphs=tuple(_paragraph(p) for p in data["paragraphs"]),
        subtitle=data.get("subtitle"),
        authors=data.get("authors"),
        authors_under_title=bool(data.get("authors_under_title", False)),
        source=data.get("source"),
        read_count=data.get("read_count"),
        attachments=tuple(Attachment(**a) for a in data.get("attachments") or ()),
        images=tuple(Image(**i) for i in data.get("images") or ()),
    )


def _site(config: dict[str, Any], content_dir: Path, seeds: dict[str, Any]) -> SiteContent:
    content = _load_yaml(content_dir / f"{config['id']}.yaml")
    host = urlsplit(config["home"]).hostname
    if not host:
        raise ValueError(f"site {config['id']}: home {config['home']!r} has no host")
    columns = tuple(
        Column(
            key=str(c["key"]),
            name=str(c["name"]),
            ref=str(c["ref"]),
            unit=c.get("unit"),
            parent=c.get("parent"),
        )
        for c in content["columns"]
    )
    articles = tuple(_article(a, seeds) for a in content["articles"])
    keys = {c.key for c in columns}
    seen: set[int] = set()
    for article in articles:
        if article.column not in keys:
            raise ValueError(f"{config['id']}: article {article.id} in unknown column")
        if article.id in seen:
            raise ValueError(f"{config['id']}: duplicate article id {article.id}")
        seen.add(article.id)
    return SiteContent(
        id=str(config["id"]),
        name=str(config["name"]),
        host=host.lower(),
        family=str(content["family"]),
        footer=Footer(**content["footer"]),
        columns=columns,
        articles=articles,
    )


@cache
def load_sites(config: Path = SITES_CONFIG) -> tuple[SiteContent, ...]:
    """All sample sites named in ``config`` with their content (loaded once per path)."""
    content_dir = config.parent / "content"
    seeds = _load_yaml(content_dir / "seeds.yaml")
    return tuple(_site(entry, content_dir, seeds) for entry in _load_yaml(config)["sites"])
