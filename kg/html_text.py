"""The article inside an HTML page: main text and metadata, by trafilatura.

The body kg analyses is the text trafilatura extracts, not the page: every
evidence offset points into it, and the build keeps it in documents.jsonl
(field ``body``) so that ``body[start:end] == text`` can be checked without
running the extractor again. Metadata: the page's title, date and canonical
URL.
"""
from __future__ import annotations

from .errors import InputError

__all__ = ["html_article"]


def html_article(html: str, *, url: str | None = None) -> tuple[str, dict]:
    """``(main text, metadata)`` of an HTML page; metadata keys title, published, url
    (not yet checked: see kg.sources.clean_meta). ``url`` is where the page came from,
    used when the page names no canonical URL."""
    trafilatura = _trafilatura()
    body = trafilatura.extract(html, url=url, include_comments=False, include_tables=False) or ""
    if not body.strip():
        raise InputError("no article text found in the HTML page")
    meta = {"url": url} if url else {}
    info = trafilatura.extract_metadata(html, default_url=url) if url else trafilatura.extract_metadata(html)
    if info is not None:
        for key, value in (("title", info.title), ("published", info.date), ("url", info.url)):
            if value:
                meta[key] = str(value)
    return body, meta


def _trafilatura():
    try:
        import trafilatura
    except ModuleNotFoundError as error:
        if error.name != "trafilatura":  # installed, but one of its own imports is missing
            raise InputError(f"trafilatura cannot be imported ({error}); reinstall kg "
                             "(pip install --force-reinstall kg) to bring what it needs") from None
        raise InputError("HTML articles need trafilatura, a dependency of kg: reinstall kg "
                         "(pip install kg); or save the article as .txt") from None
    except ImportError as error:
        raise InputError(f"trafilatura cannot be imported ({error}); reinstall kg") from None
    return trafilatura
