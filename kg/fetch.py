"""Fetch web pages and feeds for a build, politely, with a cache on disk.

One HTTP client (httpx) with timeouts, a bounded number of redirects, a size
cap and a User-Agent that names kg. A site's robots.txt is read once per build
and obeyed, and requests to one host are spaced by at least ``HOST_DELAY``
seconds (or the site's Crawl-delay, when longer). Each response is cached under the URL's
hash (``~/.cache/kg`` or ``$XDG_CACHE_HOME/kg``, or ``kg build --cache DIR``),
so that building again reads the cache instead of the network. A failure is
an InputError with a one-line message; the caller reports it and goes on.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import __version__
from .errors import InputError
from .user_cache import default_cache_dir

if TYPE_CHECKING:
    from urllib.robotparser import RobotFileParser

__all__ = ["Page", "Fetcher", "is_url", "USER_AGENT", "MAX_BYTES"]

USER_AGENT = f"kg/{__version__} (knowledge graph of news claims; one request at a time)"
#: a page or feed larger than this is refused, not truncated
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
#: seconds between two requests to one host, unless its robots.txt asks for more
HOST_DELAY = 1.0
ROBOTS_MAX_BYTES = 512 * 1024


def is_url(text: str) -> bool:
    """
    >>> is_url("https://example.org/a"), is_url("sources/a.txt")
    (True, False)
    """
    return str(text).lower().startswith(("http://", "https://"))


def _site(url: str) -> str:
    """``scheme://host[:port]`` of ``url``; an InputError for a URL that names no site.

    >>> _site("https://example.org:8080/a?b")
    'https://example.org:8080'
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - read for its check: a port that is not a number
    except ValueError as exc:
        raise InputError(f"not a valid URL ({exc})") from None
    if not parts.hostname:
        raise InputError("not a valid URL (no host)")
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Page:
    """What a URL gave: the final URL after redirects, its media type and bytes."""
    url: str
    content_type: str
    data: bytes
    charset: str | None = None


class Fetcher:
    """Get URLs through the cache; the network only for what the cache lacks."""

    def __init__(self, cache_dir: str | Path | None = None, *, timeout: float = TIMEOUT_SECONDS,
                 max_bytes: int = MAX_BYTES):
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._client = None
        self._robots: dict[str, RobotFileParser | None] = {}   # by scheme://host; None: no rules
        self._last_request: dict[str, float] = {}

    def get(self, url: str) -> Page:
        cached = self._cached(url)
        if cached is not None:
            return cached
        self._check_robots(url)
        page = self._download(url)
        self._store(url, page)
        return page

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / f"{key}.json", self.cache_dir / f"{key}.body"

    def _cached(self, url: str) -> Page | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return Page(meta["url"], meta["content_type"], body_path.read_bytes(), meta.get("charset"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or damaged: fetch again

    def _store(self, url: str, page: Page) -> None:
        meta_path, body_path = self._paths(url)
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            body_path.write_bytes(page.data)  # the body first: meta without a body is never read
            meta_path.write_text(json.dumps({"url": page.url, "content_type": page.content_type,
                                             "charset": page.charset, "requested": url}), encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written only costs a fetch next time

    def _check_robots(self, url: str) -> None:
        """An InputError when the site's robots.txt forbids kg the URL."""
        site = _site(url)
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        if rules is not None and not rules.can_fetch(USER_AGENT, url):
            raise InputError(f"{site}/robots.txt does not allow kg to fetch this page; "
                             "save it from a browser and build the file instead")

    def _read_robots(self, site: str) -> RobotFileParser | None:
        """The site's rules; None when it has none kg can read (absent, an error, too big):
        the usual reading of a missing robots.txt is that everything is allowed."""
        try:
            page = self._download(f"{site}/robots.txt", limit=ROBOTS_MAX_BYTES)
        except InputError:
            return None
        from urllib.robotparser import RobotFileParser  # urllib.request: only when fetching

        rules = RobotFileParser()
        rules.parse(page.data.decode("utf-8", "replace").splitlines())
        return rules

    def _wait_for_host(self, url: str) -> None:
        site = _site(url)
        rules = self._robots.get(site)
        delay = max(HOST_DELAY, float((rules.crawl_delay(USER_AGENT) if rules else None) or 0))
        last = self._last_request.get(site)
        if last is not None:
            time.sleep(max(0.0, last + delay - time.monotonic()))
        self._last_request[site] = time.monotonic()

    def _download(self, url: str, limit: int | None = None) -> Page:
        import httpx

        limit = limit or self.max_bytes
        if self._client is None:
            self._client = httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                                        timeout=httpx.Timeout(self.timeout),
                                        headers={"User-Agent": USER_AGENT})
        self._wait_for_host(url)
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise InputError(self._too_big(limit))
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise InputError(self._too_big(limit))
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "")
                return Page(str(response.url), content_type.split(";")[0].strip().lower(),
                            b"".join(chunks), response.charset_encoding)
        except httpx.TooManyRedirects:
            raise InputError(f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.TimeoutException:
            raise InputError(f"no answer within {self.timeout:g} s") from None
        except httpx.HTTPError as error:
            raise InputError(f"cannot fetch ({type(error).__name__}: {error})") from None

    @staticmethod
    def _too_big(limit: int) -> str:
        return f"larger than {limit:,} bytes; save the article as a file instead"
