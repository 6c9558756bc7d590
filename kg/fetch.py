"""Fetch web pages and feeds for a build, politely, with a cache on disk.

One HTTP client (httpx) with timeouts, a bounded number of redirects, a size
cap and a User-Agent that names kg. Each response is cached under the URL's
hash (``~/.cache/kg`` or ``$XDG_CACHE_HOME/kg``, or ``kg build --cache DIR``),
so that building again reads the cache instead of the network. A failure is
an InputError with a one-line message; the caller reports it and goes on.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import InputError

__all__ = ["Page", "Fetcher", "default_cache_dir", "is_url", "USER_AGENT", "MAX_BYTES"]

USER_AGENT = f"kg/{__version__} (knowledge graph of news claims; one request at a time)"
#: a page or feed larger than this is refused, not truncated
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5


def is_url(text: str) -> bool:
    """
    >>> is_url("https://example.org/a"), is_url("sources/a.txt")
    (True, False)
    """
    return str(text).lower().startswith(("http://", "https://"))


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


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

    def get(self, url: str) -> Page:
        cached = self._cached(url)
        if cached is not None:
            return cached
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

    def _download(self, url: str) -> Page:
        import httpx

        if self._client is None:
            self._client = httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                                        timeout=httpx.Timeout(self.timeout),
                                        headers={"User-Agent": USER_AGENT})
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise InputError(self._too_big())
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputError(self._too_big())
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

    def _too_big(self) -> str:
        return f"larger than {self.max_bytes // (1024 * 1024)} MB; save the article as a file instead"
