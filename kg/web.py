"""Articles from URLs: a page is read as HTML (kg.html_text), a feed item by item
(kg.feeds), plain text as it is. Fetching and its cache are kg.fetch's."""
from __future__ import annotations

import re

from .errors import InputError
from .model import Document, stable_id

__all__ = ["url_documents", "page_article", "read_url_list"]


def url_documents(url: str, fetcher, problems: list) -> list[Document]:
    """The articles at ``url``: one for a page, one per item for a feed."""
    from .feeds import feed_documents, looks_like_feed
    from .sources import clean_meta, make_document

    page = fetcher.get(url)
    if looks_like_feed(page.data) or page.content_type in _FEED_TYPES:
        return feed_documents(page.data, url, problems, fetcher)
    body, meta = page_article(page, url)
    return [make_document(url_id(url), body, clean_meta(meta, where="page"), url)]


_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}


def page_article(page, url: str) -> tuple[str, dict]:
    """``(text, metadata)`` of a fetched page: HTML through trafilatura, text as it is."""
    from .html_text import html_article
    from .sources import decode_bytes

    text = decode_bytes(page.data, page.charset)
    if page.content_type in ("text/plain", "text/markdown"):
        return text, {"url": page.url}
    if page.content_type and "html" not in page.content_type and "xml" not in page.content_type:
        raise InputError(f"not a web page or feed ({page.content_type})")
    return html_article(text, url=page.url)


def url_id(url: str) -> str:
    """A readable id, unique per URL: the last part of its path and a short hash.

    >>> url_id("https://news.example.org/monde/pekin-brasilia.html?x=1")
    'pekin-brasilia-08ee75'
    """
    tail = re.sub(r"\?.*|#.*", "", url).rstrip("/").rsplit("/", 1)[-1]
    tail = re.sub(r"\.(?:s?html?|php|aspx?)$", "", tail)
    slug = re.sub(r"[^\w-]+", "-", tail).strip("-")[:40] or "page"
    return f"{slug}-{stable_id(url)[:6]}"


def read_url_list(path: str) -> list[str]:
    """The URLs of a file, one a line; blank lines and ``#`` comments skipped."""
    from pathlib import Path

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the list of URLs ({error})") from None
    urls = []
    for number, line in enumerate(lines, 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not url.lower().startswith(("http://", "https://")):
            raise InputError(f"{path}, line {number}: {url!r} is not an http(s) URL; write one URL a line")
        urls.append(url)
    return urls
