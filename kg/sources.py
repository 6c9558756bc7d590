"""Read articles from files and folders into ``Document`` objects.

An article is a ``.txt``, ``.md`` or ``.html`` file (its main text, by
kg.html_text), or a record of a ``.jsonl`` / ``.csv`` file (kg.records). A
text article may open with a YAML front matter block::

    ---
    title: Poutine et Kim signent un traité
    published: 2024-06-19
    lang: fr
    url: https://example.org/article
    ---
    Le président russe ...

``Document.body`` is the text after the front matter, byte for byte: every
character offset in kg points into it. Without ``lang`` the language is
detected (French and English only); without ``published`` the date is read
from the first lines (a dateline: "SÉOUL, 18 octobre 2024 —").

``read_sources`` never raises for a bad article: it returns the documents it
could read and one ``Problem`` per file it could not, so that the caller
decides whether to warn or to stop (see ``require_articles``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .dates import find_dates
from .errors import InputError
from .model import Document
from .nlp import SUPPORTED_LANGUAGES
from .feeds import FEED_SUFFIXES  # many articles per file
from .records import RECORD_SUFFIXES
from .text import iso_date

__all__ = ["Problem", "NoArticles", "read_sources", "require_articles", "read_article",
           "ARTICLE_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES + FEED_SUFFIXES
FRONT_MATTER_KEYS = ("title", "published", "lang", "url")
#: how many non-empty lines at the top of a body may hold its date
OPENING_LINES = 3


@dataclass(frozen=True)
class Problem:
    """One article that could not be read, and why.

    >>> str(Problem("sources/a.txt", "empty file"))
    'sources/a.txt: empty file'
    """
    path: str
    message: str
    warning: bool = False   # read all the same (a guessed encoding): said, not skipped

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class NoArticles(InputError):
    """None of the given paths held a readable article."""


def require_articles(documents: list[Document], problems: list[Problem]) -> list[Document]:
    """The documents, or an InputError when a path is missing or nothing could be read.

    >>> require_articles([], [Problem("x.txt", "no such file or directory")])
    Traceback (most recent call last):
    ...
    kg.errors.InputError: x.txt: no such file or directory
    """
    missing = [p for p in problems if p.message == _MISSING]
    if missing:
        raise InputError(str(missing[0]))
    if not documents:
        skipped = [p for p in problems if not p.warning]
        detail = f" ({skipped[0]})" if skipped else ""
        raise NoArticles(f"no readable article{detail}")
    return documents


_MISSING = "no such file or directory"


def read_sources(paths: list[str | Path], options=None) -> tuple[list[Document], list[Problem]]:
    """Read every article under ``paths`` (files, or folders searched recursively).

    Documents come sorted by path; a second article with the same id (file
    stem, or a record's id) as an earlier one is reported, not read.
    ``options`` (a kg.records.ReadOptions) names the fields of JSONL / CSV records.
    """
    from .fetch import is_url

    urls = [str(p) for p in paths if is_url(str(p))] + list(options.urls if options else ())
    stdin = any(str(p) == "-" for p in paths)
    files, problems = _article_files([p for p in paths if not is_url(str(p)) and str(p) != "-"])
    sources = [(str(path), path) for path in files] + [(url, url) for url in urls]
    if stdin:
        sources.insert(0, ("-", None))
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for name, path in sources:
        try:
            batch = _read_source(name, path, options, problems)
        except InputError as error:
            problems.append(Problem(name, str(error)))
            continue
        for document in batch:
            where = document.path or str(path)
            if document.id in seen:
                problems.append(Problem(where, f"duplicate article id {document.id!r} "
                                               f"(also {seen[document.id]}); rename one"))
                continue
            seen[document.id] = where
            documents.append(document)
    return documents, sorted(problems, key=lambda p: p.path)


def _read_source(name: str, path: Path | str | None, options, problems: list[Problem]) -> list[Document]:
    """The articles of one source: a file, a URL (kg.web) or standard input ("-"):
    many for a JSONL / CSV file (kg.records) or a feed (kg.feeds), one otherwise."""
    from .feeds import feed_documents, looks_like_feed
    from .records import Fields, read_records, stdin_documents

    fields = options.fields if options else Fields()
    if path is None:
        return stdin_documents(fields, problems)
    if isinstance(path, str):
        from .web import url_documents

        return url_documents(path, _fetcher(options), problems)
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        return read_records(path, fields, problems)
    if suffix in FEED_SUFFIXES or looks_like_feed(_head(path)):
        data = _read_bytes(path)
        if not looks_like_feed(data):
            raise InputError("not an RSS or Atom feed (its root is not rss, feed or rdf:RDF)")
        return feed_documents(data, str(path), problems, _fetcher(options))
    notes: list[str] = []
    document = read_article(path, notes)
    problems.extend(Problem(str(path), note, warning=True) for note in notes)
    return [document]


def _fetcher(options):
    if options is not None and options.fetcher is not None:
        return options.fetcher
    from .fetch import Fetcher

    return Fetcher()


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError:
        return b""  # read_article reports it


def _read_bytes(path: Path) -> bytes:
    from .fetch import MAX_BYTES

    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None


def _article_files(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    files: set[Path] = set()
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [p for p in path.rglob("*")
                     if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)]
            articles = [p for p in found if p.suffix.lower() in ARTICLE_SUFFIXES]
            files.update(articles)
            if found and not articles:
                problems.append(Problem(str(path), unknown_files_message(path, found)))
        elif path.exists():
            files.add(path)
        else:
            problems.append(Problem(str(path), _MISSING))
    return sorted(files, key=str), problems


#: how a folder of files of no kind kg reads is reported (kg.build repeats it in its error)
NO_ARTICLE_FILES = "no file kg can read"


def unknown_files_message(folder: Path, found: list[Path], shown: int = 5) -> str:
    """The files of a folder that holds no article, named, and what kg reads instead.

    >>> unknown_files_message(Path("in"), [Path("in/b.pdf"), Path("in/a.docx")])
    'no file kg can read: a.docx, b.pdf (kg reads .txt .md .html .htm .jsonl .csv .xml .rss .atom)'
    """
    names = sorted(str(p.relative_to(folder)) for p in found)
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return f"{NO_ARTICLE_FILES}: {', '.join(names[:shown])}{more} (kg reads {' '.join(ARTICLE_SUFFIXES)})"


def read_article(path: str | Path, notes: list | None = None) -> Document:
    """One article as a Document; InputError (without the path) when it cannot be read.
    ``notes`` receives a warning about a file read all the same (its encoding guessed)."""
    path = Path(path)
    text = _read_text(path, notes)
    meta: dict = {}
    if path.suffix.lower() in HTML_SUFFIXES:
        text, meta = _html_article(text)
        body = text
    else:
        front, body = split_front_matter(text)
        meta = front or {}
    if not body.strip():
        raise InputError("no article text after the front matter" if meta else "empty file")
    return make_document(path.stem, body, meta, str(path))


def make_document(doc_id: str, body: str, meta: dict, path: str) -> Document:
    """A Document from its text and checked metadata (see ``clean_meta``): the
    language detected and the date read from the opening lines when not given."""
    lang = meta.get("lang") or detect_language(body)
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(f"unsupported language {lang!r}; kg reads {', '.join(SUPPORTED_LANGUAGES)}")
    published = meta.get("published") or opening_date(body, lang)
    return Document(id=doc_id, body=body, lang=lang, title=meta.get("title"),
                    published=published, url=meta.get("url"), path=path)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of bytes fetched or read (kg.encoding), whatever their encoding."""
    from .encoding import decode

    return decode(data, declared)[0]


def decode_text(path: Path, notes: list | None = None) -> str:
    """The text of a file; InputError (without the path) when it is empty, binary or
    undecodable; ``notes`` receives the warning of a guessed encoding."""
    return _read_text(path, notes)


def _read_text(path: Path, notes: list | None = None) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise InputError("empty file")
    from .encoding import decode, has_bom

    if b"\x00" in data[:8192] and not has_bom(data):  # UTF-16 / UTF-32 have NULs, and a BOM
        raise InputError("binary file, not a text article")
    text, warning = decode(data)
    if warning and notes is not None:
        notes.append(warning)
    return text.removeprefix("\ufeff")


class _StringDates(yaml.SafeLoader):
    """SafeLoader that keeps dates as written: we check them ourselves, with a clear message."""


_StringDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FENCE = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """``(front matter, body)``; the body is the exact text after the closing ``---``.

    >>> split_front_matter("---\\nlang: fr\\npublished: 2024-06-19\\n---\\nLe texte.")
    ({'published': '2024-06-19', 'lang': 'fr'}, 'Le texte.')
    >>> split_front_matter("Pas de front matter.")
    (None, 'Pas de front matter.')
    """
    opening = _FENCE.match(text)
    if not opening:
        return None, text
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise InputError("front matter is not closed: add a line '---' after it")
    try:
        meta = yaml.load(text[opening.end():closing.start()], Loader=_StringDates)  # noqa: S506
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        reason = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(f"front matter is not valid YAML{where}: {reason}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(f"front matter must be a mapping of keys (title, published, lang, url), "
                         f"not a {type(meta).__name__}")
    return clean_meta(meta), text[closing.end():]


def clean_meta(meta: dict, where: str = "front matter") -> dict:
    """The known keys of ``meta`` as stripped strings; InputError on a date that is no date."""
    clean = {}
    for key in FRONT_MATTER_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        clean[key] = str(value).strip()
    if "published" in clean:
        try:
            clean["published"] = iso_date(clean["published"])
        except ValueError as error:
            raise InputError(f"{where}: published {clean['published']!r} is not a real date "
                             f"({error}); write YYYY-MM-DD") from None
    if "lang" in clean:
        clean["lang"] = clean["lang"].lower()
    return clean


def detect_language(body: str) -> str:
    """The language of ``body`` by py3langid (any code: the caller rejects what kg cannot read).

    >>> detect_language("Le président a signé le traité mercredi à Pyongyang.")
    'fr'
    """
    import py3langid

    lang, _score = py3langid.classify(body[:5000])
    return lang


def opening_date(body: str, lang: str) -> str | None:
    """The first full date in the opening lines of ``body``: a dateline's, or one
    under the title ("12/11/2024 mis à jour ...").

    >>> opening_date("NIAMEY, Sept. 15, 2024 (Reuters) - U.S. troops ...", "en")
    '2024-09-15'
    >>> opening_date("Le parlement ratifie l'accord. 12/11/2024 mis à jour", "fr")
    '2024-11-12'
    """
    lines = [line for line in body.splitlines() if line.strip()][:OPENING_LINES]
    for line in lines:
        for match in find_dates(line, lang, None):
            if match.iso and not match.relative and len(match.iso) == 10:
                return match.iso
    return None


def _html_article(html: str) -> tuple[str, dict]:
    """Main text and checked metadata of an HTML page (kg.html_text)."""
    from .html_text import html_article

    body, meta = html_article(html)
    return body, clean_meta(meta, where="HTML page")
