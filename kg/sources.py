"""Read articles from files and folders into ``Document`` objects.

An article is a ``.txt``, ``.md`` or ``.html`` file (its main text, by
kg.html_text), a record of a ``.jsonl`` / ``.csv`` file (kg.records), an item
of a feed (kg.feeds), a URL (kg.web) or standard input. A text article may
open with a YAML front matter block::

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
decides whether to warn or to stop (see ``require_articles``). Only regular
files are read (not a device, a FIFO or a socket), and no more than
``max_bytes`` of them; a folder that cannot be listed, and a symbolic link that
leads out of the folder given, are reported too.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
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
           "shown_path", "ARTICLE_SUFFIXES", "MAX_ARTICLE_BYTES"]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES + FEED_SUFFIXES
FRONT_MATTER_KEYS = ("title", "published", "lang", "url")
#: how many non-empty lines at the top of a body may hold its date
OPENING_LINES = 3
#: a file larger than this is no article (kg build --max-article-size)
MAX_ARTICLE_BYTES = 20_000_000
#: front matter values are short: a longer one is a mistake or an attack
MAX_META_CHARS = 2_000
#: how deep the front matter may nest (kg's keys are flat; other tools' may hold lists)
MAX_META_DEPTH = 8


@dataclass(frozen=True)
class Problem:
    """One article that could not be read, and why.

    >>> str(Problem("sources/a.txt", "empty file"))
    'sources/a.txt: empty file'
    """
    path: str
    message: str
    skipped: bool = True   # False: a notice, the file was read all the same

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def shown_path(path: str | Path) -> str:
    """A path as text that can be printed and written to JSON: a byte of the file
    name that is not UTF-8 is shown as ``\\xNN``.

    >>> shown_path(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


class NoArticles(InputError):
    """None of the given paths held a readable article."""


def require_articles(documents: list[Document], problems: list[Problem]) -> list[Document]:
    """The documents, or an InputError when a path is missing or nothing could be read.

    >>> require_articles([], [Problem("x.txt", "no such file or directory")])
    Traceback (most recent call last):
    ...
    kg.errors.InputError: x.txt: no such file or directory
    """
    missing = [p for p in problems if p.message == MISSING]
    if missing:
        raise InputError(str(missing[0]))
    if not documents:
        detail = f" ({problems[0]})" if problems else ""
        raise NoArticles(f"no readable article{detail}")
    return documents


MISSING = "no such file or directory"


def read_sources(paths: list[str | Path], max_bytes: int = MAX_ARTICLE_BYTES, options=None
                 ) -> tuple[list[Document], list[Problem]]:
    """Read every article under ``paths`` (files, or folders searched recursively;
    URLs; "-" for standard input).

    Documents come sorted by path; a second article with the same id (file
    stem, or a record's id) as an earlier one is reported, not read.
    ``options`` (a kg.records.ReadOptions): record fields, more URLs, the fetcher.
    """
    from .fetch import is_url

    urls = [str(p) for p in paths if is_url(str(p))] + list(options.urls if options else ())
    stdin = any(str(p) == "-" for p in paths)
    files, problems = _article_files([p for p in paths if not is_url(str(p)) and str(p) != "-"])
    sources = [(shown_path(path), path) for path in files] + [(url, url) for url in urls]
    if stdin:
        sources.insert(0, ("-", None))
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for name, path in sources:
        try:
            batch = _read_source(name, path, options, problems, max_bytes)
        except InputError as error:
            problems.append(Problem(name, str(error)))
            continue
        for document in batch:
            where = document.path or name
            if document.id in seen:
                problems.append(Problem(where, f"duplicate article id {document.id!r} "
                                               f"(also {seen[document.id]}); rename one"))
                continue
            seen[document.id] = where
            documents.append(document)
    return documents, sorted(problems, key=lambda p: p.path)


def _read_source(name: str, path: Path | str | None, options, problems: list[Problem],
                 max_bytes: int = MAX_ARTICLE_BYTES) -> list[Document]:
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
    _require_regular(path)  # before any read: opening a FIFO blocks, a device never ends
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        return read_records(path, fields, problems)
    if suffix in FEED_SUFFIXES or looks_like_feed(_head(path)):
        data = _read_bytes(path)
        if not looks_like_feed(data):
            raise InputError("not an RSS or Atom feed (its root is not rss, feed or rdf:RDF)")
        return feed_documents(data, str(path), problems, _fetcher(options))
    notes: list[str] = []
    document = read_article(path, max_bytes, notes)
    problems.extend(Problem(name, note, skipped=False) for note in notes)
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
            found, met = _folder_articles(path)
            files.update(found)
            problems += met
        elif path.exists() or path.is_symlink():
            files.add(path)
        else:
            problems.append(Problem(shown_path(path), MISSING))
    return sorted(files, key=str), problems


def _folder_articles(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The article files under ``folder`` (hidden ones left out), and what to say about
    a subfolder that cannot be listed or a link that leads out of the folder."""
    files, problems, others = [], [], []
    root = folder.resolve()

    def unreadable(error: OSError) -> None:
        problems.append(Problem(shown_path(error.filename), f"cannot read folder ({error.strerror}); "
                                                              "its articles are skipped"))

    for top, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            if os.path.islink(os.path.join(top, name)):
                problems.append(Problem(shown_path(os.path.join(top, name)),
                                        "link to a folder, not followed; give its target to read it"))
        for name in names:
            path = Path(top, name)
            if name.startswith("."):
                continue
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                others.append(path)
                continue
            files.append(path)
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                problems.append(Problem(shown_path(path), f"link followed to {shown_path(path.resolve())}, "
                                                          f"outside {shown_path(folder)}", skipped=False))
    if others and not files:
        problems.append(Problem(shown_path(folder), unknown_files_message(folder, others)))
    return files, problems


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




def read_article(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES, notes: list | None = None) -> Document:
    """One article as a Document; InputError (without the path) when it cannot be read.
    ``notes`` receives a warning about a file read all the same (its encoding guessed)."""
    path = Path(path)
    text = _read_text(path, max_bytes, notes)
    meta: dict = {}
    if path.suffix.lower() in HTML_SUFFIXES:
        text, meta = _html_article(text)
        body = text
    else:
        front, body = split_front_matter(text)
        meta = front or {}
    if not body.strip():
        raise InputError("no article text after the front matter" if meta else "empty file")
    return make_document(path.stem, body, meta, path)


def make_document(doc_id: str, body: str, meta: dict, path: str | Path) -> Document:
    """A Document from its text and checked metadata (see ``clean_meta``): the
    language detected and the date read from the opening lines when not given."""
    lang = meta.get("lang") or LANGUAGES.language(body)
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(f"unsupported language {lang!r}; kg reads {', '.join(SUPPORTED_LANGUAGES)}")
    published = meta.get("published") or opening_date(body, lang)
    return Document(id=shown_path(doc_id), body=body, lang=lang, title=meta.get("title"),
                    published=published, url=meta.get("url"), path=shown_path(path))


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of bytes fetched or read (kg.encoding), whatever their encoding."""
    from .encoding import decode

    return decode(data, declared)[0]


def decode_text(path: Path, notes: list | None = None) -> str:
    """The text of a file; InputError (without the path) when it is empty, binary or
    undecodable; ``notes`` receives the warning of a guessed encoding."""
    return _read_text(path, MAX_ARTICLE_BYTES, notes)


def _require_regular(path: Path) -> None:
    """InputError unless ``path`` is a regular file (checked without opening it)."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise InputError(f"{kind}, not an article file; kg reads regular files only")


def _read_text(path: Path, max_bytes: int = MAX_ARTICLE_BYTES, notes: list | None = None) -> str:
    """The text of a regular file of at most ``max_bytes``: a device or a FIFO would
    be read forever, or block (checked before opening: opening a FIFO blocks)."""
    _require_regular(path)
    try:
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(f"larger than {max_bytes:,} bytes, too large for an article "
                         "(kg build --max-article-size sets the limit)")
    if not data.strip():
        raise InputError("empty file")
    from .encoding import decode, has_bom

    if b"\x00" in data[:8192] and not has_bom(data):  # UTF-16 / UTF-32 have NULs, and a BOM
        raise InputError("binary file, not a text article")
    text, warning = decode(data)
    if warning and notes is not None:
        notes.append(warning)
    return text.removeprefix("\ufeff")


class _StringDates(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser: 5x faster
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
        block = text[opening.end():closing.start()]
        _check_shape(block)
        meta = yaml.load(block, Loader=_StringDates)  # noqa: S506
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
    return _clean_meta(meta), text[closing.end():]


def _check_shape(block: str) -> None:
    """Refuse, before anything is built from it, front matter that would cost more
    than it says: an alias (``*a``) repeats a whole subtree, so that a few hundred
    bytes can stand for gigabytes of text; nesting hundreds deep overflows the
    loader's stack. Read as a stream of events, which expands and builds nothing."""
    depth = 0
    for event in yaml.parse(block, Loader=_StringDates):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise InputError(f"front matter (line {event.start_mark.line + 2}): YAML anchors and aliases "
                             "(& and *) are not accepted; write each value out")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_META_DEPTH:
                raise InputError(f"front matter (line {event.start_mark.line + 2}): nested more than "
                                 f"{MAX_META_DEPTH} levels deep; kg's keys (title, published, lang, url) are flat")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _clean_meta(meta: dict, where: str = "front matter") -> dict:
    """The known keys of ``meta`` as stripped strings; InputError on a date that is no date."""
    clean = {}
    for key in FRONT_MATTER_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int, float, bool)):
            raise InputError(f"{where}: {key} must be a single value, not a {_yaml_kind(value)}")
        clean[key] = str(value).strip()
        if len(clean[key]) > MAX_META_CHARS:
            raise InputError(f"{where}: {key} is longer than {MAX_META_CHARS:,} characters; "
                             "is the closing '---' missing?")
    if "published" in clean:
        try:
            clean["published"] = iso_date(clean["published"])
        except ValueError as error:
            raise InputError(f"{where}: published {clean['published']!r} is not a real date "
                             f"({error}); write YYYY-MM-DD") from None
    if "lang" in clean:
        clean["lang"] = clean["lang"].lower()
    return clean


clean_meta = _clean_meta  # the other readers' (records, pages, feeds) name for it


def _yaml_kind(value) -> str:
    return {"dict": "mapping", "list": "list"}.get(type(value).__name__, type(value).__name__)


_LANGUAGE_CHARS = 5000  # what the classifier reads of an article


def detect_language(body: str) -> str:
    """The language of ``body`` by py3langid (any code: the caller rejects what kg cannot read).

    >>> detect_language("Le président a signé le traité mercredi à Pyongyang.")
    'fr'
    """
    from .language_id import classify

    return classify(body[:_LANGUAGE_CHARS])


class LanguageMemo:
    """Languages detected by earlier builds, by a hash of the text the classifier
    reads: a rebuild detects only new texts (kg.article_store keeps them)."""

    def __init__(self):
        self.known: dict[str, str] = {}
        self.used: dict[str, str] = {}

    def language(self, body: str) -> str:
        key = hashlib.sha256(body[:_LANGUAGE_CHARS].encode("utf-8", "surrogatepass")).hexdigest()
        lang = self.known.get(key) or detect_language(body)
        self.known[key] = self.used[key] = lang
        return lang


#: the memo of this process, seeded by kg.build from the store of the folder it builds
LANGUAGES = LanguageMemo()


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
