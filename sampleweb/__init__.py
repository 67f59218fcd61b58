"""rdwatch's sample web: local copies of three kinds of 人大 websites behind an HTTP proxy.

``SampleWeb`` serves the sites described by ``SITES_CONFIG`` (``sites.yaml``,
in rdwatch's own site-config shape) on hosts under the reserved ``.test`` TLD.
Point an HTTP client at ``web.proxy_url`` and fetch e.g.
``http://www.sdrd-sample.gov.cn.test/jgjs/``. See docs/sampleweb.md.
"""

from .content import SITES_CONFIG
from .server import AccessLog, SampleWeb

__all__ = ["SITES_CONFIG", "AccessLog", "SampleWeb"]
