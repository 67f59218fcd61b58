"""The sample hosts: which family renders which site, built from ``sites.yaml``."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .asp import AspSite
from .content import SITES_CONFIG, SiteContent, load_sites
from .hanweb import HanwebSite
from .messages import Request, Response
from .trs import TrsSite


class SiteFamily(Protocol):
    """A rendered sample site: answers every request for its host."""

    site: SiteContent

    def resolve(self, request: Request) -> Response:
        """The response for ``request`` (404 page, redirect or content)."""
        ...


FAMILIES: dict[str, type[SiteFamily]] = {
    "trs": TrsSite,
    "hanweb": HanwebSite,
    "asp": AspSite,
}


def build_hosts(config: Path = SITES_CONFIG) -> dict[str, SiteFamily]:
    """Host name (lower case, no port) -> rendered site, for every site in ``config``."""
    hosts: dict[str, SiteFamily] = {}
    for site in load_sites(config):
        try:
            family = FAMILIES[site.family]
        except KeyError:
            raise ValueError(f"site {site.id}: unknown family {site.family!r}") from None
        if site.host in hosts:
            raise ValueError(f"site {site.id}: host {site.host} used twice")
        hosts[site.host] = family(site)
    return hosts
