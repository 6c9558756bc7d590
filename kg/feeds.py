"""RSS (0.9x, 1.0, 2.0) and Atom feeds: each item an article, by feedparser.

An item's text is its full content when the feed carries it; otherwise its
link is fetched (kg.fetch) and read as a web page. The item's title, date and
link become the article's. A feed is known by its suffix (.xml, .rss, .atom)
or by its root element (rss, feed, rdf:RDF), whatever the file is called.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .model import Document, stable_id

__all__ = ["FEED_SUFFIXES", "looks_like_feed", "feed_documents"]

FEED_SUFFIXES = (".xml", ".rss", ".atom")
#: the root of a feed, after an XML declaration, comments or a doctype
_ROOT = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*\?>\s*)*"
                   rb"<(?:rss|feed|(?:rdf:)?RDF)\b", re.DOTALL | re.IGNORECASE)
#: below this many characters a feed's content is a teaser, not the article
MIN_CONTENT_CHARS = 200


def looks_like_feed(data: bytes) -> bool:
    """
    >>> looks_like_feed(b'<?xml version="1.0"?>\\n<rss version="2.0"><channel/></rss>')
    True
    >>> looks_like_feed(b"<html><body>rss</body></html>")
    False
    """
    return bool(_ROOT.match(data[:4096]))


def feed_documents(data: bytes, source: str, problems: list, fetcher=None) -> list[Document]:
    """The articles of the feed ``data`` read from ``source`` (a path or a URL); a Problem
    in ``problems`` for each item that cannot be read."""
    import feedparser

    from .sources import Problem

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise InputError(f"a feed without items{reason}".replace("\n", " "))
    stem = _stem(source)
    documents = []
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}#{number}"
        try:
            documents.append(_item(entry, stem, where, fetcher))
        except InputError as error:
            problems.append(Problem(where, str(error)))
    return documents


def _item(entry, stem: str, where: str, fetcher) -> Document:
    from .sources import clean_meta, make_document

    link = entry.get("link")
    meta = {"title": entry.get("title"), "url": link, "published": _date(entry)}
    body = _content_text(entry)
    if body is None:
        if not link:
            raise InputError("an item with neither content nor link")
        from .web import page_article

        if fetcher is None:
            raise InputError(f"the item has no content; its link {link} is not fetched here")
        body, page_meta = page_article(fetcher.get(link), link)
        meta = {**page_meta, **{k: v for k, v in meta.items() if v}}
    doc_id = f"{stem}-{stable_id(entry.get('id') or link or where)[:10]}"
    return make_document(doc_id, body, clean_meta(meta, where="feed item"), where)


def _content_text(entry) -> str | None:
    """The item's article text, or None when the feed holds only a teaser."""
    values = [c.get("value", "") for c in entry.get("content") or []]
    values.append(entry.get("summary") or "")
    html = max(values, key=len)
    text = fragment_text(html)
    return text if len(text) >= MIN_CONTENT_CHARS else None


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, a blank line between blocks.

    >>> fragment_text("<p>Un.</p><p>Deux <b>mots</b>.</p>")
    'Un.\\n\\nDeux mots.'
    """
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several unrelated types on broken markup
        return ""
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def _stem(source: str) -> str:
    name = Path(source.split("?")[0].rstrip("/")).name or "feed"
    return re.sub(r"[^\w.-]+", "-", Path(name).stem or name).strip("-") or "feed"
