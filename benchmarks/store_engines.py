"""Compare embedded, pymongo-like stores for rdwatch's article records.

For each engine, in a fresh directory on disk, this script:

* creates a unique index on ``url`` and a compound index on (``site_id``, ``published_at``);
* times N upserts of ~2 KB article documents with ``update_one(..., upsert=True)`` and, in a
  second fresh store, with ``bulk_write([UpdateOne(...)], ordered=False)`` in batches of 200;
* closes and re-opens the first store and checks that all N documents are still there;
* probes the queries and updates rdwatch's store layer relies on;
* (unless ``--skip-mp``) lets two processes write to the same store at once and counts what is
  lost or duplicated;
* (with ``--extras``) probes further pymongo features a store layer might be tempted to use.

Every failure is caught and reported in the tables; nothing here asserts on timings.

    python benchmarks/store_engines.py [--n 2000] [--tmp DIR] [--engines litemongo,montydb]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import multiprocessing
import random
import re
import shutil
import sqlite3
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bson
import pymongo
from pymongo import ASCENDING, DESCENDING, IndexModel, InsertOne, ReturnDocument, UpdateOne
from pymongo.errors import BulkWriteError, DuplicateKeyError

DB_NAME = "rdwatch"
COLL_NAME = "articles"
BATCH = 200
FEATURES = [
    "$regex (zh)",
    "$group/$sum",
    "$setOnInsert",
    "$in",
    "sort+limit",
    "DuplicateKeyError",
    "count_documents",
    "projection",
]

# ---------------------------------------------------------------------------------------------
# Engines
# ---------------------------------------------------------------------------------------------


def _open_litemongo(path: Path):
    import litemongo

    return litemongo.connect(str(path))


def _open_mongita(path: Path):
    from mongita import MongitaClientDisk

    return MongitaClientDisk(host=str(path))


def _open_montydb(path: Path):
    from montydb import MontyClient, set_storage

    if not (path / "monty.storage.cfg").exists():
        set_storage(str(path), storage="sqlite")
    return MontyClient(str(path))


# name -> (distribution name on PyPI, opener)
ENGINES: dict[str, tuple[str, Callable[[Path], Any]]] = {
    "litemongo": ("litemongo", _open_litemongo),
    "mongita": ("mongita", _open_mongita),
    "montydb": ("montydb", _open_montydb),
}


def engine_version(name: str) -> str:
    try:
        return importlib.metadata.version(ENGINES[name][0])
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def open_store(name: str, path: Path):
    path.mkdir(parents=True, exist_ok=True)
    client = ENGINES[name][1](path)
    return client, client[DB_NAME][COLL_NAME]


def close_store(client) -> None:
    with contextlib.suppress(Exception):
        client.close()


# ---------------------------------------------------------------------------------------------
# Realistic documents
# ---------------------------------------------------------------------------------------------

SITES = [
    ("bj-rd", "北京市人大常委会"),
    ("sh-rd", "上海市人大常委会"),
    ("gd-rd", "广东省人大常委会"),
    ("zj-rd", "浙江省人大常委会"),
    ("sc-rd", "四川省人大常委会"),
    ("hb-rd", "湖北省人大常委会"),
    ("sd-rd", "山东省人大常委会"),
    ("js-rd", "江苏省人大常委会"),
]

COLUMNS = ["机关建设", "工作动态", "代表工作", "立法工作", "监督工作"]

TOPICS = [
    "机关建设",
    "党组理论学习中心组",
    "代表联络站",
    "法规草案征求意见",
    "执法检查",
    "专题询问",
    "干部培训",
    "作风建设",
]

SENTENCES = [
    "会议深入学习贯彻习近平新时代中国特色社会主义思想，",
    "坚持党的领导、人民当家作主、依法治国有机统一，",
    "全面加强常委会机关自身建设，",
    "推动人大工作高质量发展。",
    "会议强调，要进一步提高政治站位，增强做好新时代人大工作的责任感和使命感，",
    "切实把思想和行动统一到中央决策部署上来。",
    "机关各部门要围绕中心、服务大局，",
    "不断提升依法履职能力和服务保障水平，",
    "建设让党放心、让人民满意的模范机关。",
    "常委会副主任、秘书长出席会议并讲话。",
    "与会同志结合工作实际进行了交流发言，",
    "大家一致认为，要以更高标准、更严要求、更实作风推进各项工作落实。",
    "代表们深入基层、深入群众，广泛听取意见建议，",
    "为常委会依法行使职权提供了有力支撑。",
    "下一步，将持续完善工作机制，健全制度体系，",
    "推动全过程人民民主在本地区生动实践。",
]


def make_doc(i: int, rng: random.Random) -> dict:
    site_id, site_name = SITES[i % len(SITES)]
    topic = TOPICS[(i * 7) % len(TOPICS)]
    published = dt.datetime(2026, 1, 1, 8, 0) + dt.timedelta(
        days=rng.randrange(320), minutes=rng.randrange(600)
    )
    body = ""
    while len(body) < 560:  # ~560 CJK characters, about 1.7 KB in UTF-8
        body += rng.choice(SENTENCES)
    url = f"http://{site_id}.example.cn/jgjs/{published:%Y%m}/t{published:%Y%m%d}_{i:07d}.html"
    return {
        "url": url,
        "site_id": site_id,
        "site_name": site_name,
        "column": COLUMNS[i % len(COLUMNS)],
        "title": f"{site_name}召开{topic}专题会议（第{i}期）",
        "body": body,
        "published_at": published.strftime("%Y-%m-%d %H:%M:%S"),
        "crawled_at": "2026-11-21T10:00:00+08:00",
        "author": rng.choice(["办公厅", "研究室", "人事代表工作委员会", "新闻中心"]),
        "source": site_name,
        "tags": rng.sample(["机关建设", "党建", "学习", "代表", "立法", "监督", "调研"], 3),
        "attachments": [
            {"name": f"附件{k + 1}.pdf", "url": f"{url[:-5]}_att{k}.pdf"}
            for k in range(rng.randrange(3))
        ],
        "images": [f"{url[:-5]}_img{k}.jpg" for k in range(rng.randrange(4))],
        "content_hash": hashlib.sha1(body.encode()).hexdigest(),
        "word_count": len(body),
    }


def make_docs(n: int, seed: int = 20261121) -> list[dict]:
    rng = random.Random(seed)
    return [make_doc(i, rng) for i in range(n)]


def upsert_op(doc: dict) -> tuple[dict, dict]:
    return {"url": doc["url"]}, {"$set": doc}


# ---------------------------------------------------------------------------------------------
# Helpers for reporting
# ---------------------------------------------------------------------------------------------


def short_error(exc: BaseException, limit: int = 160) -> str:
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ").replace("|", "/")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def probe(fn: Callable[[], Any]) -> str:
    """Run a check: it returns True (yes), a string (a qualified yes/no) or False (no)."""
    try:
        result = fn()
    except Exception as exc:
        return "error: " + short_error(exc)
    if result is True:
        return "yes"
    if result is False or result is None:
        return "no"
    return str(result)


def footnote_long_cells(rows: list[list[str]], notes: list[str], width: int = 24) -> None:
    """Replace long cells (error texts) by a short word and a numbered note, in place."""
    for row in rows:
        for i, cell in enumerate(row):
            cell = str(cell)
            if len(cell) > width and i > 0:
                notes.append(cell)
                word = cell.split(":")[0].split(" (")[0][: width - 6]
                row[i] = f"{word} [{len(notes)}]"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]

    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Main benchmark
# ---------------------------------------------------------------------------------------------


def create_indexes(coll) -> dict[str, str]:
    def check(create, matches):
        create()
        try:
            info = coll.index_information()
        except NotImplementedError:
            return "accepted, unverifiable"
        return True if any(matches(spec) for spec in info.values()) else "accepted, not listed"

    def unique():
        return check(
            lambda: coll.create_index("url", unique=True),
            lambda spec: spec.get("unique") and spec["key"][0][0] == "url",
        )

    def compound():
        return check(
            lambda: coll.create_index([("site_id", ASCENDING), ("published_at", DESCENDING)]),
            lambda spec: [k for k, _ in spec["key"]] == ["site_id", "published_at"],
        )

    return {"unique idx": probe(unique), "compound idx": probe(compound)}


def time_single(coll, docs: list[dict]) -> str:
    try:
        start = time.perf_counter()
        for doc in docs:
            flt, upd = upsert_op(doc)
            coll.update_one(flt, upd, upsert=True)
        elapsed = time.perf_counter() - start
    except Exception as exc:
        return "error: " + short_error(exc)
    return f"{len(docs) / elapsed:,.0f}"


def time_bulk(coll, docs: list[dict]) -> str:
    if not callable(getattr(type(coll), "bulk_write", None)):
        return "n/a (no bulk_write)"
    try:
        start = time.perf_counter()
        for b in range(0, len(docs), BATCH):
            ops = [UpdateOne(*upsert_op(d), upsert=True) for d in docs[b : b + BATCH]]
            coll.bulk_write(ops, ordered=False)
        elapsed = time.perf_counter() - start
        n = coll.count_documents({})
    except Exception as exc:
        return "error: " + short_error(exc)
    rate = f"{len(docs) / elapsed:,.0f}"
    return rate if n == len(docs) else f"{rate} (but {n} stored)"


def feature_checks(coll, docs: list[dict]) -> dict[str, str]:
    """The operations rdwatch's store layer needs, each checked against the expected answer."""
    site_a, site_b = SITES[0][0], SITES[3][0]

    def regex():
        pattern = "机关建设"
        want = sum(1 for d in docs if re.search(pattern, d["title"]))
        start = time.perf_counter()
        got = len(list(coll.find({"title": {"$regex": pattern}})))
        ms = (time.perf_counter() - start) * 1000
        anchored = len(list(coll.find({"title": {"$regex": "^北京市人大"}})))
        want_anchored = sum(1 for d in docs if d["title"].startswith("北京市人大"))
        if (got, anchored) == (want, want_anchored):
            return f"yes, {ms:.0f} ms"
        return f"no: {got}/{want}, ^ {anchored}/{want_anchored}"

    def aggregate():
        want = Counter(d["site_id"] for d in docs)
        pipeline = [{"$group": {"_id": "$site_id", "n": {"$sum": 1}}}]
        got = {r["_id"]: r["n"] for r in coll.aggregate(pipeline)}
        return True if got == dict(want) else f"no: {got}"

    def set_on_insert():
        url = "http://test.example.cn/setoninsert.html"
        for seen in ("first", "second"):
            coll.update_one(
                {"url": url},
                {"$set": {"title": seen}, "$setOnInsert": {"first_seen": seen}},
                upsert=True,
            )
        doc = coll.find_one({"url": url})
        ok = doc and doc.get("first_seen") == "first" and doc.get("title") == "second"
        coll.delete_one({"url": url})
        return True if ok else f"no: {doc and {k: doc.get(k) for k in ('title', 'first_seen')}}"

    def in_():
        want = sum(1 for d in docs if d["site_id"] in (site_a, site_b))
        got = len(list(coll.find({"site_id": {"$in": [site_a, site_b]}})))
        return True if got == want else f"no: {got}/{want}"

    def sort_limit():
        want = sorted((d["published_at"] for d in docs), reverse=True)[:5]
        cur = coll.find({}).sort([("published_at", DESCENDING)]).limit(5)
        got = [d["published_at"] for d in cur]
        return True if got == want else f"no: {got}"

    def dup_key():
        try:
            coll.insert_one(dict(docs[0], _id="dup-probe"))
        except DuplicateKeyError:
            return True
        except Exception as exc:
            if "Duplicate" in type(exc).__name__:
                return f"own {type(exc).__module__}.{type(exc).__name__}, not pymongo's"
            raise
        coll.delete_one({"_id": "dup-probe"})
        return "no: duplicate url inserted"

    def count():
        want = sum(1 for d in docs if d["site_id"] == site_a)
        got = coll.count_documents({"site_id": site_a})
        return True if got == want else f"no: {got}/{want}"

    def projection():
        doc = coll.find_one({"url": docs[1]["url"]}, {"title": 1, "_id": 0})
        got = list(coll.find({"site_id": site_a}, {"url": 1, "published_at": 1}).limit(3))
        ok = (
            doc == {"title": docs[1]["title"]}
            and len(got) == 3
            and all(set(d) == {"_id", "url", "published_at"} for d in got)
        )
        return True if ok else f"no: {doc}"

    checks = {
        "$regex (zh)": regex,
        "$group/$sum": aggregate,
        "$setOnInsert": set_on_insert,
        "$in": in_,
        "sort+limit": sort_limit,
        "DuplicateKeyError": dup_key,
        "count_documents": count,
        "projection": projection,
    }
    return {name: probe(fn) for name, fn in checks.items()}


def run_engine(name: str, docs: list[dict], base: Path) -> dict[str, str]:
    row = {"engine": name, "version": engine_version(name)}
    if row["version"] == "not installed":
        return row

    # 1. single upserts into a fresh store
    path = base / f"{name}-single"
    try:
        client, coll = open_store(name, path)
    except Exception as exc:
        row["single upserts/s"] = "error: " + short_error(exc)
        return row
    row.update(create_indexes(coll))
    row["single upserts/s"] = time_single(coll, docs)
    filled_by = ""
    if coll.count_documents({}) != len(docs):
        # Upserts failed: fill the store some other way so that the checks below mean something
        try:
            coll.delete_many({})
            coll.insert_many([dict(d) for d in docs])
            filled_by = " (filled by insert_many)"
        except Exception as exc:
            filled_by = " (insert_many: " + short_error(exc, 40) + ")"
    close_store(client)

    # 2. bulk upserts into another fresh store
    bulk_path = base / f"{name}-bulk"
    try:
        client, coll = open_store(name, bulk_path)
        create_indexes(coll)
        row["bulk upserts/s"] = time_bulk(coll, docs)
        close_store(client)
    except Exception as exc:
        row["bulk upserts/s"] = "error: " + short_error(exc)

    # 3. re-open the first store: is everything still there?
    try:
        client, coll = open_store(name, path)
        n = coll.count_documents({})
        ok = "yes" if n == len(docs) else f"no: {n}/{len(docs)}"
        row["reopen ok"] = ok + filled_by
    except Exception as exc:
        row["reopen ok"] = "error: " + short_error(exc)
        return row

    # 4. features, on the re-opened store
    row.update(feature_checks(coll, docs))
    close_store(client)
    return row


# ---------------------------------------------------------------------------------------------
# Two processes writing to one store at once
# ---------------------------------------------------------------------------------------------


def _mp_worker(name: str, path: str, wid: int, n: int, shared: int, start, out) -> None:
    """Upsert own urls, $inc a shared counter and race for shared unique urls, interleaved."""
    result = {"dup_errors": 0, "errors": 0, "first_error": ""}
    try:
        client, coll = open_store(name, Path(path))
        start.wait()
        for j in range(n):
            try:
                url = f"http://mp.example.cn/w{wid}/{j}.html"
                coll.update_one({"url": url}, {"$set": {"url": url, "w": wid}}, upsert=True)
                coll.update_one({"_id": "counter"}, {"$inc": {"n": 1}}, upsert=True)
                if j < shared:
                    try:
                        coll.insert_one({"url": f"http://mp.example.cn/shared/{j}.html"})
                    except DuplicateKeyError:
                        result["dup_errors"] += 1
            except Exception as exc:
                if "Duplicate" in type(exc).__name__:
                    result["dup_errors"] += 1
                    continue
                result["errors"] += 1
                result["first_error"] = result["first_error"] or short_error(exc)
        close_store(client)
    except Exception as exc:
        result["errors"] += 1
        result["first_error"] = result["first_error"] or short_error(exc)
    out.put(result)


def sqlite_integrity(path: Path) -> str:
    """PRAGMA integrity_check on every SQLite file under path."""
    checked, bad = 0, []
    for f in path.rglob("*"):
        if not f.is_file() or f.name.endswith(("-wal", "-shm", "-journal")):
            continue
        with f.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                continue
        con = sqlite3.connect(f)
        try:
            res = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
        checked += 1
        if res != "ok":
            bad.append(f"{f.name}: {res}")
    if not checked:
        return "n/a (not SQLite)"
    return "ok" if not bad else "; ".join(bad)


def run_two_processes(name: str, base: Path, n: int, shared: int = 100) -> list[str]:
    path = base / f"{name}-mp"
    client, coll = open_store(name, path)
    with contextlib.suppress(Exception):  # engines without unique indexes still get the rest
        coll.create_index("url", unique=True)
    close_store(client)

    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=_mp_worker, args=(name, str(path), w, n, shared, start, out))
        for w in range(2)
    ]
    for p in procs:
        p.start()
    time.sleep(1.0)  # let both import and open the store
    start.set()
    results = [out.get(timeout=1800) for _ in procs]
    for p in procs:
        p.join()
    errors = sum(r["errors"] for r in results)
    first_error = next((r["first_error"] for r in results if r["first_error"]), "")

    try:
        client, coll = open_store(name, path)
        everything = list(coll.find({}))
        close_store(client)
        urls = [d.get("url", "") for d in everything]
        own = sum(1 for u in urls if u.startswith("http://mp.example.cn/w"))
        counter = next((d.get("n", 0) for d in everything if d["_id"] == "counter"), 0)
        per_url = Counter(u for u in urls if u.startswith("http://mp.example.cn/shared/"))
    except Exception as exc:
        return [name, "error: " + short_error(exc)] + [""] * 4
    duplicated = sum(1 for c in per_url.values() if c > 1)
    missing = shared - len(per_url)
    return [
        name,
        f"{own}/{2 * n}",
        f"{counter}/{2 * n}",
        f"{duplicated} duplicated, {missing} missing (of {shared})",
        sqlite_integrity(path),
        f"{errors}" + (f" ({first_error})" if first_error else ""),
    ]


# ---------------------------------------------------------------------------------------------
# Extras: pymongo features a store layer might reach for
# ---------------------------------------------------------------------------------------------


def extra_checks(client, coll, docs: list[dict]) -> dict[str, str]:
    coll.insert_many([dict(d) for d in docs])
    first = docs[0]

    def update_operators():
        url = "http://extra.example.cn/ops.html"
        coll.insert_one({"url": url, "n": 1, "tags": ["a"], "lo": 5, "hi": 5, "old": 1, "x": 1})
        failed = []
        steps = [
            ("$inc", {"$inc": {"n": 2}}, lambda d: d["n"] == 3),
            ("$mul", {"$mul": {"n": 2}}, lambda d: d["n"] == 6),
            ("$push", {"$push": {"tags": "b"}}, lambda d: d["tags"] == ["a", "b"]),
            (
                "$addToSet/$each",
                {"$addToSet": {"tags": {"$each": ["b", "c"]}}},
                lambda d: d["tags"] == ["a", "b", "c"],
            ),
            ("$pull", {"$pull": {"tags": "a"}}, lambda d: d["tags"] == ["b", "c"]),
            ("$min", {"$min": {"lo": 1}}, lambda d: d["lo"] == 1),
            ("$max", {"$max": {"hi": 9}}, lambda d: d["hi"] == 9),
            ("$unset", {"$unset": {"x": ""}}, lambda d: "x" not in d),
            ("$rename", {"$rename": {"old": "new"}}, lambda d: d.get("new") == 1),
            (
                "$currentDate",
                {"$currentDate": {"seen": True}},
                lambda d: isinstance(d.get("seen"), dt.datetime),
            ),
            ("dotted $set", {"$set": {"meta.etag": "e1"}}, lambda d: d["meta"] == {"etag": "e1"}),
        ]
        for label, update, ok in steps:
            try:
                coll.update_one({"url": url}, update)
                if not ok(coll.find_one({"url": url})):
                    failed.append(label)
            except Exception as exc:
                failed.append(f"{label} ({type(exc).__name__})")
        return True if not failed else "no: " + ", ".join(failed)

    def text_index():
        coll.create_index([("body", "text")])
        return f"{len(list(coll.find({'$text': {'$search': '机关'}})))} hits"

    def collation():
        from pymongo.collation import Collation

        # strength 2 ignores case: MongoDB matches, an engine that ignores collation does not
        c = Collation(locale="en", strength=2)
        flt = {"site_id": first["site_id"].upper()}
        calls = {
            "find": lambda: len(list(coll.find(flt, collation=c))),
            "count": lambda: coll.count_documents(flt, collation=c),
            "update": lambda: coll.update_one(flt, {"$set": {"c": 1}}, collation=c).matched_count,
        }
        parts = {}
        for label, call in calls.items():
            try:
                parts[label] = "ok" if call() else "ignored"
            except Exception as exc:
                parts[label] = type(exc).__name__
        if set(parts.values()) == {"ok"}:
            return True
        return "no: " + ", ".join(f"{k} {v}" for k, v in parts.items())

    def sessions():
        with client.start_session() as s:
            coll.find_one({}, session=s)
        return True

    def transaction():
        with client.start_session() as s, s.start_transaction():
            coll.update_one({"url": first["url"]}, {"$set": {"tx": 1}}, session=s)
        return True

    def bulk_result_fields():
        ops = [
            UpdateOne({"url": first["url"]}, {"$set": {"title": "changed"}}, upsert=True),
            UpdateOne({"url": docs[1]["url"]}, {"$set": {"title": docs[1]["title"]}}, upsert=True),
            UpdateOne({"url": "http://extra.example.cn/new1"}, {"$set": {"a": 1}}, upsert=True),
            UpdateOne({"url": "http://extra.example.cn/new2"}, {"$set": {"a": 1}}, upsert=True),
            InsertOne({"url": "http://extra.example.cn/new3"}),
        ]
        r = coll.bulk_write(ops, ordered=False)
        got = (
            r.acknowledged,
            r.inserted_count,
            r.matched_count,
            r.modified_count,
            r.upserted_count,
            sorted(r.upserted_ids),
        )
        want = (True, 1, 2, 1, 2, [2, 3])
        return True if got == want else f"no: (ack, ins, match, mod, ups, ids)={got}, want {want}"

    def bulk_dup_unordered():
        ops = [
            InsertOne({"url": first["url"]}),
            InsertOne({"url": "http://extra.example.cn/after-dup"}),
        ]
        try:
            coll.bulk_write(ops, ordered=False)
        except BulkWriteError as exc:
            errs = exc.details.get("writeErrors", [])
            after = coll.count_documents({"url": "http://extra.example.cn/after-dup"})
            ok = len(errs) == 1 and errs[0].get("code") == 11000 and after == 1
            return True if ok else f"no: writeErrors={errs}, later op applied={after}"
        return "no: no BulkWriteError"

    def insert_many_dup_unordered():
        try:
            coll.insert_many(
                [{"url": first["url"]}, {"url": "http://extra.example.cn/im-after"}],
                ordered=False,
            )
        except BulkWriteError:
            after = coll.count_documents({"url": "http://extra.example.cn/im-after"})
            return True if after == 1 else "no: later doc not inserted"
        return "no: no BulkWriteError"

    def find_one_and_update():
        doc = coll.find_one_and_update(
            {"url": "http://extra.example.cn/fau"},
            {"$set": {"state": "queued"}, "$setOnInsert": {"tries": 0}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
            projection={"_id": 0, "state": 1, "tries": 1},
        )
        return True if doc == {"state": "queued", "tries": 0} else f"no: {doc}"

    def create_indexes_():
        names = coll.create_indexes(
            [IndexModel([("content_hash", ASCENDING)]), IndexModel([("column", ASCENDING)])]
        )
        return True if len(names) == 2 else f"no: {names}"

    def expr():
        probe_coll = coll.database["expr_probe"]
        probe_coll.insert_many([{"a": 1}, {"a": 5}])
        flt = {"$expr": {"$gt": ["$a", 2]}}
        if probe_coll.count_documents(flt) != 1:
            return "no: wrong count"
        probe_coll.insert_one({"b": 1})  # MongoDB treats the missing field as null
        try:
            got = probe_coll.count_documents(flt)
        except Exception as exc:
            return f"no: {type(exc).__name__} on a doc lacking the field"
        return True if got == 1 else f"no: {got} with a doc lacking the field"

    def update_dup():
        try:
            coll.update_one({"url": docs[1]["url"]}, {"$set": {"url": docs[2]["url"]}})
        except DuplicateKeyError:
            return True
        return "no: update made a duplicate url"

    def partial_unique():
        coll.create_index(
            "content_hash",
            unique=True,
            name="hash_partial",
            partialFilterExpression={"content_hash": {"$type": "string"}},
        )
        return True

    def regex_options():
        a = coll.count_documents({"url": {"$regex": "^HTTP://BJ-RD", "$options": "i"}})
        b = coll.count_documents({"url": re.compile("^http://bj-rd")})
        return True if a == b > 0 else f"no: i={a} compiled={b}"

    def lookup_facet():
        r = list(
            coll.aggregate(
                [
                    {"$match": {"site_id": first["site_id"]}},
                    {"$sort": {"published_at": -1}},
                    {"$facet": {"n": [{"$count": "n"}], "top": [{"$limit": 1}]}},
                ]
            )
        )
        return True if r and r[0]["n"] else f"no: {r}"

    def date_ops():
        r = list(
            coll.aggregate(
                [
                    {"$match": {"site_id": first["site_id"]}},
                    {"$project": {"d": {"$dateFromString": {"dateString": "$published_at"}}}},
                    {"$limit": 1},
                ]
            )
        )
        return True if isinstance(r[0]["d"], dt.datetime) else f"no: {r}"

    def datetime_roundtrip():
        when = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        coll.insert_one({"url": "http://extra.example.cn/dt", "at": when})
        got = coll.find_one({"url": "http://extra.example.cn/dt"})["at"]
        want = dt.datetime(2026, 11, 21, 2, 0)  # pymongo's default: naive UTC
        return True if got == want else f"no: {got!r}"

    def distinct():
        got = sorted(coll.distinct("site_id"))
        return True if set(got) >= {s for s, _ in SITES} else f"no: {got}"

    def hint():
        list(coll.find({"url": first["url"]}).hint([("url", ASCENDING)]))
        return True

    def array_filters():
        url = "http://extra.example.cn/af"
        coll.insert_one({"url": url, "att": [{"n": 1}, {"n": 2}]})
        coll.update_one({"url": url}, {"$set": {"att.$[a].ok": 1}}, array_filters=[{"a.n": 2}])
        return True if coll.find_one({"url": url})["att"][1].get("ok") == 1 else "no"

    def watch():
        coll.watch()
        return True

    def estimated():
        return True if coll.estimated_document_count() >= len(docs) else "no"

    checks = {
        "update operators": update_operators,
        "$text": text_index,
        "collation": collation,
        "sessions": sessions,
        "transactions": transaction,
        "bulk_write result fields": bulk_result_fields,
        "bulk_write dup, unordered": bulk_dup_unordered,
        "insert_many dup, unordered": insert_many_dup_unordered,
        "find_one_and_update AFTER": find_one_and_update,
        "create_indexes": create_indexes_,
        "$expr": expr,
        "update to dup url raises": update_dup,
        "partial unique index": partial_unique,
        "$regex $options / re.compile": regex_options,
        "$facet/$count": lookup_facet,
        "$dateFromString": date_ops,
        "tz datetime round trip": datetime_roundtrip,
        "distinct": distinct,
        "cursor.hint": hint,
        "array_filters": array_filters,
        "watch (change streams)": watch,
        "estimated_document_count": estimated,
    }
    return {k: probe(fn) for k, fn in checks.items()}


def run_extras(name: str, base: Path, docs: list[dict]) -> dict[str, str]:
    path = base / f"{name}-extras"
    try:
        client, coll = open_store(name, path)
        with contextlib.suppress(Exception):
            coll.create_index("url", unique=True)
        result = extra_checks(client, coll, docs)
        close_store(client)
        return result
    except Exception as exc:
        return {"setup": "error: " + short_error(exc)}


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="documents to upsert (default 2000)")
    parser.add_argument("--tmp", type=Path, default=None, help="parent of the temp directories")
    parser.add_argument(
        "--engines", default=",".join(ENGINES), help="comma-separated (default: all three)"
    )
    parser.add_argument("--skip-mp", action="store_true", help="skip the two-process check")
    parser.add_argument("--mp-n", type=int, default=300, help="upserts per process (default 300)")
    parser.add_argument("--extras", action="store_true", help="probe further pymongo features")
    parser.add_argument("--keep", action="store_true", help="keep the temp directory")
    args = parser.parse_args(argv)

    names = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in names if e not in ENGINES]
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(unknown)}; known: {', '.join(ENGINES)}")

    if args.tmp:
        args.tmp.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="rdwatch-store-bench-", dir=args.tmp))
    docs = make_docs(args.n)
    size = sum(len(bson.encode(d)) for d in docs)
    print(
        f"{args.n} documents, {size / max(args.n, 1):,.0f} bytes BSON each on average; "
        f"pymongo {pymongo.version}; temp dir {base}",
        flush=True,
    )

    try:
        rows = []
        for name in names:
            print(f"... {name}", flush=True)
            start = time.perf_counter()
            try:
                rows.append(run_engine(name, docs, base))
            except Exception:
                rows.append({"engine": name, "version": engine_version(name)})
                traceback.print_exc()
            print(f"    {time.perf_counter() - start:.1f} s", flush=True)

        headers = ["engine", "version", "single upserts/s", "bulk upserts/s", "reopen ok"]
        headers += ["unique idx", "compound idx"]
        headers += FEATURES
        table = [[r.get(h, "-") for h in headers] for r in rows]
        notes: list[str] = []
        footnote_long_cells(table, notes)
        print()
        print(markdown_table(headers, table))

        if not args.skip_mp:
            print(f"\nTwo processes writing to one store at once ({args.mp_n} upserts each):")
            mp_headers = [
                "engine",
                "own upserts kept",
                "shared $inc counter",
                "racing inserts of one unique url",
                "SQLite integrity",
                "errors in workers",
            ]
            mp_rows = []
            for name in names:
                if engine_version(name) == "not installed":
                    continue
                print(f"... {name}", flush=True)
                mp_rows.append(run_two_processes(name, base, args.mp_n))
            footnote_long_cells(mp_rows, notes, width=40)
            print(markdown_table(mp_headers, mp_rows))

        if args.extras:
            print("\nFurther pymongo features (each on a fresh store of 50 documents):")
            extras = {n: run_extras(n, base, docs[:50]) for n in names}
            keys = list(dict.fromkeys(k for r in extras.values() for k in r))
            rows = [[k] + [extras[n].get(k, "-") for n in names] for k in keys]
            footnote_long_cells(rows, notes, width=30)
            print(markdown_table(["feature", *names], rows))

        if notes:
            print()
            for k, note in enumerate(notes, 1):
                print(f"[{k}] {note}")
    finally:
        if args.keep:
            print(f"\nkept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
