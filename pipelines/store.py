"""The one place that chooses the MongoDB backend.

``mongodb://`` / ``mongodb+srv://`` URIs go to a real server through pymongo;
no URI (or ``embedded:PATH``) opens the embedded on-disk engine, litemongo,
which speaks pymongo's API (chosen by measurement: docs/store.md). Callers
only ever see pymongo-style ``Database``/``Collection`` objects and must use
operations both backends support.

>>> redact("mongodb://reader:s3cret@db.example.org:27017/rdwatch?authSource=admin")
'mongodb://reader:***@db.example.org:27017/rdwatch?authSource=admin'
>>> resolve_uri("embedded:/tmp/x", env={})
'embedded:/tmp/x'
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_DB = "rdwatch"
DEFAULT_EMBEDDED_PATH = Path("var") / "store"
ENV_VAR = "RDWATCH_STORE"
_PASSWORD = re.compile(r"(?P<scheme>[a-z+]+://)(?P<user>[^:@/]*):(?P<password>[^@/]*)@", re.I)


class StoreError(Exception):
    """The store cannot be opened or used; the message never holds a password."""


def redact(uri: str) -> str:
    """*uri* with any password replaced by ``***``, safe to print and log."""
    return _PASSWORD.sub(lambda m: f"{m['scheme']}{m['user']}:***@", uri or "")


def resolve_uri(uri: str | None, env: Mapping[str, str] | None = None) -> str:
    """The store URI in force: the argument, else ``$RDWATCH_STORE``, else the embedded default."""
    env = os.environ if env is None else env
    return uri or env.get(ENV_VAR) or f"embedded:{DEFAULT_EMBEDDED_PATH}"


class Store:
    """An open store: ``articles`` and the other collections, pymongo-style."""

    def __init__(self, client: Any, db: Any, uri: str, kind: str) -> None:
        self.client = client
        self.db = db
        self.uri = redact(uri)
        self.kind = kind

    @property
    def articles(self) -> Any:
        return self.db["articles"]

    def ensure_indexes(self) -> None:
        """Create the indexes every query path relies on (idempotent)."""
        self.articles.create_index("url", unique=True)
        self.articles.create_index([("site_id", 1), ("published_at", -1)])
        self.articles.create_index("jiguan.is")

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_mongodb(uri: str, timeout_ms: int) -> Store:
    import pymongo
    from pymongo.errors import ConfigurationError, PyMongoError

    client = None
    try:
        client = pymongo.MongoClient(uri, serverSelectionTimeoutMS=timeout_ms, tz_aware=True)
        client.admin.command("ping")
        name = client.get_default_database(DEFAULT_DB).name
    except ConfigurationError as exc:
        raise StoreError(f"store {redact(uri)}: bad MongoDB URI: {redact(str(exc))}") from None
    except PyMongoError as exc:
        if client is not None:
            client.close()
        raise StoreError(
            f"store {redact(uri)}: MongoDB is not reachable ({type(exc).__name__}: "
            f"{redact(str(exc))[:200]})"
        ) from None
    return Store(client, client[name], uri, "mongodb")


def _open_embedded(path: Path) -> Store:
    import litemongo

    try:
        path.mkdir(parents=True, exist_ok=True)
        # litemongo keeps one folder per store, holding a SQLite file per database.
        client = litemongo.connect(str(path.resolve()))
        db = client[DEFAULT_DB]
        db.list_collection_names()
    except Exception as exc:  # any failure to open the files is the same error to a user
        raise StoreError(f"store embedded:{path}: cannot open the embedded store ({exc})") from None
    return Store(client, db, f"embedded:{path}", "embedded")


def open_store(uri: str | None = None, *, timeout_ms: int = 5000) -> Store:
    """Open the store named by *uri* (see :func:`resolve_uri`), indexes ensured.

    Raises :class:`StoreError` when it cannot be reached, naming the redacted URI.
    """
    uri = resolve_uri(uri)
    scheme = urlsplit(uri).scheme.lower()
    if scheme in ("mongodb", "mongodb+srv"):
        store = _open_mongodb(uri, timeout_ms)
    elif scheme == "embedded":
        store = _open_embedded(Path(uri.split(":", 1)[1] or DEFAULT_EMBEDDED_PATH))
    else:
        raise StoreError(
            f"store {redact(uri)}: unknown kind of store URI "
            "(use mongodb://host/db or embedded:PATH)"
        )
    store.ensure_indexes()
    return store
