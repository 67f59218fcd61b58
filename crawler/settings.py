"""Scrapy settings for rdwatch: polite defaults for old government servers.

Settings, not code, choose behaviour: the CLI overrides these per command
(``rdwatch demo`` turns politeness off for the local sample web).
"""

BOT_NAME = "rdwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# A descriptive User-Agent with a contact address (config/defaults.yaml: contact)
# is set by the CLI; this is the fallback.
USER_AGENT = "rdwatch/0.1 (+research crawler of 人大 sites; contact rdwatch@example.org)"

# Politeness for government sites.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Limits on every download.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5

TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

DOWNLOADER_MIDDLEWARES = {
    # off: replaced by the offline variant below (no public-suffix download)
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "crawler.middlewares.OfflineCookiesMiddleware": 700,
    "crawler.middlewares.ProxyFromSettingsMiddleware": 740,
    # below Retry (550) and Redirect (600): counts final responses only
    "crawler.middlewares.SiteStatsMiddleware": 540,
}

ITEM_PIPELINES = {
    "pipelines.hashing.ContentHashPipeline": 100,
    "pipelines.jiguan.JiguanColumnPipeline": 200,
    "pipelines.mongo.MongoStorePipeline": 900,
}

# rdwatch's own settings
RDWATCH_SITES = []  # list of crawler.siteconfig.Site, set by the CLI
RDWATCH_STORE_URI = None  # None: $RDWATCH_STORE or the embedded default
RDWATCH_STORE_BATCH = 100
RDWATCH_HTTP_PROXY = None  # e.g. http://127.0.0.1:8899 for the sample web
RDWATCH_JIGUAN_KEYWORDS = ["机关建设", "自身建设", "机关党建", "党建工作"]
RDWATCH_MAX_LIST_PAGES = 50
