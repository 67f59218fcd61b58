"""The ``rdwatch`` command line (typer: commands and help from type hints).

Exit codes: 0 all went well; 1 the crawl ran but something failed (errors,
lost writes); 2 bad config or unreachable store — nothing was crawled.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from crawler.siteconfig import ConfigError, Defaults, load_defaults, load_sites, select_sites
from pipelines.store import StoreError, open_store, redact, resolve_uri

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="rdwatch: crawl 人大 sites, repair their encodings, extract and store articles.",
)
out = Console()
if not out.is_terminal:
    # piped or under cron: wide enough that site names are not cut
    out = Console(width=120)
err = Console(stderr=True)

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="mongodb://… URI, or embedded:PATH (default: $RDWATCH_STORE, else embedded:var/store)",
    ),
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    # plain print: one unwrapped line, whatever the terminal width
    print(f"error: {message}", file=sys.stderr)
    return typer.Exit(code)


def _check_store(uri: str | None) -> str:
    """Open and close the store once so an unreachable one stops us before crawling."""
    try:
        open_store(uri).close()
    except StoreError as exc:
        raise _fail(str(exc)) from None
    return resolve_uri(uri)


def _summary_table(result: Any, title: str) -> Table:
    table = Table(title=title)
    for column in (
        "site",
        "name",
        "pages fetched",
        "articles stored",
        "encoding problems",
        "机关建设 flagged",
    ):
        table.add_column(column, justify="left" if column in ("site", "name") else "right")
    totals = [0, 0, 0, 0]
    for row in result.sites:
        figures = [row.pages, row.stored, row.with_encoding_problems, row.jiguan]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        table.add_row(row.site_id, row.name, *map(str, figures))
    table.add_row("total", "", *map(str, totals), style="bold")
    return table


def _load(config: Path, site_ids: list[str] | None) -> tuple[list, Defaults]:
    """Sites and defaults, or exit 2 naming file, site and key."""
    try:
        sites = select_sites(load_sites(config), site_ids, str(config))
        defaults = load_defaults()
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    if not sites:
        raise _fail(f"{config}: no enabled sites to crawl")
    return sites, defaults


def _run(
    sites: list,
    defaults: Defaults,
    store_uri: str,
    proxy: str | None,
    overrides: dict[str, Any],
    title: str,
) -> int:
    from crawler.runner import crawl_settings, run_crawl

    settings = crawl_settings(
        sites, defaults, store_uri=store_uri, proxy=proxy, overrides=overrides
    )
    result = run_crawl(settings)
    out.print(_summary_table(result, title))
    out.print(f"store: {redact(store_uri)}", highlight=False)
    if result.failed_writes:
        err.print(f"[red]{result.failed_writes} articles could not be written to the store[/]")
    if result.errors:
        err.print(f"[yellow]{result.errors} errors logged during the crawl[/]")
    return 1 if (result.failed_writes or result.errors) else 0


@app.command()
def demo(
    store: StoreOption = None,
    port: Annotated[int, typer.Option(help="sample web port (0: a free one)")] = 0,
    log_file: Annotated[Path, typer.Option(help="Scrapy's log")] = Path("var/logs/demo.log"),
) -> None:
    """Start the local sample web, crawl all its sites into the store, print a summary."""
    from sampleweb import SITES_CONFIG, SampleWeb

    sites, defaults = _load(SITES_CONFIG, None)
    store_uri = _check_store(store)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with SampleWeb(port=port) as web:
        err.print(f"sample web on {web.proxy_url}; crawling {len(sites)} sites (log: {log_file})")
        from crawler.runner import SAMPLE_WEB_SETTINGS

        overrides = {
            **SAMPLE_WEB_SETTINGS,
            "LOG_FILE": str(log_file),
            "LOG_FILE_APPEND": False,
            "RDWATCH_PROGRESS": True,
            "RDWATCH_PROGRESS_INTERVAL": 2.0,
        }
        code = _run(
            sites, defaults, store_uri, web.proxy_url, overrides, "rdwatch demo — sample web"
        )
    raise typer.Exit(code)


@app.command()
def crawl(
    config: Annotated[Path, typer.Option("--config", help="sites file")] = Path(
        "config/sites.yaml"
    ),
    site: Annotated[
        list[str] | None, typer.Option("--site", help="only this site id (repeatable)")
    ] = None,
    store: StoreOption = None,
    proxy: Annotated[
        str | None, typer.Option(help="HTTP proxy for every request, e.g. the sample web's")
    ] = None,
    log_level: Annotated[str, typer.Option(help="Scrapy log level")] = "INFO",
    setting: Annotated[
        list[str] | None,
        typer.Option("--set", "-s", help="override a Scrapy setting, NAME=VALUE (repeatable)"),
    ] = None,
) -> None:
    """Crawl the configured sites into the store."""
    sites, defaults = _load(config, site)
    store_uri = _check_store(store)
    overrides: dict[str, Any] = {"LOG_LEVEL": log_level.upper(), "RDWATCH_PROGRESS": True}
    for item in setting or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise _fail(f"--set: expected NAME=VALUE, got {item!r}")
        overrides[name.strip()] = value
    raise typer.Exit(
        _run(sites, defaults, store_uri, proxy, overrides, f"rdwatch crawl — {config}")
    )


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="a saved page")],
    url: Annotated[
        str | None, typer.Option(help="the page's URL (for links and URL dates)")
    ] = None,
    header_charset: Annotated[
        str | None, typer.Option("--header-charset", help="charset the HTTP header declared")
    ] = None,
) -> None:
    """Print the JSON article record for one saved page."""
    from crawler.extract.article import extract_article

    try:
        body = file.read_bytes()
    except OSError as exc:
        raise _fail(f"{file}: cannot read: {exc.strerror}") from None
    headers = {"Content-Type": f"text/html; charset={header_charset}"} if header_charset else {}
    record = extract_article(url or file.resolve().as_uri(), body, headers)
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


EXPORT_CSV_FIELDS = (
    "url",
    "site_id",
    "site_name",
    "region",
    "city",
    "level",
    "title",
    "subtitle",
    "published_at",
    "authors",
    "source",
    "column_path",
    "read_count",
    "content_hash",
    "encoding_used",
    "encoding_problems",
    "quality",
    "jiguan",
    "first_seen_at",
    "last_seen_at",
    "body_text",
)


def _csv_row(doc: dict[str, Any]) -> dict[str, Any]:
    encoding = doc.get("encoding") or {}
    row = {k: doc.get(k) for k in EXPORT_CSV_FIELDS}
    row["authors"] = "|".join(doc.get("authors") or [])
    row["column_path"] = " > ".join(doc.get("column_path") or [])
    row["quality"] = "|".join(doc.get("quality") or [])
    row["jiguan"] = (doc.get("jiguan") or {}).get("is")
    row["encoding_used"] = encoding.get("used")
    row["encoding_problems"] = "|".join(p["type"] for p in encoding.get("problems") or [])
    return row


@app.command()
def export(
    store: StoreOption = None,
    format: Annotated[str, typer.Option("--format", help="jsonl or csv")] = "jsonl",
    site: Annotated[
        list[str] | None, typer.Option("--site", help="only this site id (repeatable)")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="published on or after this date (YYYY-MM-DD)")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="file (default: stdout)")
    ] = None,
) -> None:
    """Dump stored articles, streaming, as JSON lines or CSV."""
    if format not in ("jsonl", "csv"):
        raise _fail(f"--format: must be jsonl or csv, got {format!r}")
    query: dict[str, Any] = {}
    if site:
        query["site_id"] = {"$in": site}
    if since:
        try:
            datetime.strptime(since, "%Y-%m-%d")
        except ValueError:
            raise _fail(f"--since: must be a date like 2020-01-31, got {since!r}") from None
        # published_at is ISO 8601 in China time, so text order is time order.
        query["published_at"] = {"$gte": since}
    try:
        store_handle = open_store(store)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    count = 0
    try:
        writer = csv.DictWriter(stream, fieldnames=EXPORT_CSV_FIELDS) if format == "csv" else None
        if writer:
            writer.writeheader()
        for doc in store_handle.articles.find(query, {"_id": False}).sort("url", 1):
            if writer:
                writer.writerow(_csv_row(doc))
            else:
                stream.write(json.dumps(doc, ensure_ascii=False, default=str) + "\n")
            count += 1
    finally:
        store_handle.close()
        if output:
            stream.close()
    err.print(f"exported {count} articles", highlight=False)


@app.command()
def sampleweb(port: Annotated[int, typer.Option(help="port (0: a free one)")] = 8899) -> None:
    """Serve the local sample web (an HTTP proxy for *.test sites) until Ctrl-C."""
    import time

    from sampleweb import SampleWeb

    with SampleWeb(port=port) as web:
        out.print(f"sample web: use proxy {web.proxy_url}  (Ctrl-C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
