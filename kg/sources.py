"""Read articles from files and folders into ``Document`` objects.

An article is a ``.txt`` or ``.md`` file (``.html`` too when trafilatura is
installed: ``pip install 'kg[html]'``), optionally opened by a YAML front
matter block::

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
from .text import parse_iso

__all__ = ["Problem", "NoArticles", "read_sources", "require_articles", "read_article",
           "shown_path", "ARTICLE_SUFFIXES", "MAX_ARTICLE_BYTES"]

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
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
    missing = [p for p in problems if p.message == _MISSING]
    if missing:
        raise InputError(str(missing[0]))
    if not documents:
        detail = f" ({problems[0]})" if problems else ""
        raise NoArticles(f"no readable article{detail}")
    return documents


_MISSING = "no such file or directory"


def read_sources(paths: list[str | Path], max_bytes: int = MAX_ARTICLE_BYTES
                 ) -> tuple[list[Document], list[Problem]]:
    """Read every article under ``paths`` (files, or folders searched recursively).

    Documents come sorted by path; a second article with the same id (file
    stem) as an earlier one is reported, not read.
    """
    files, problems = _article_files(paths)
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            document = read_article(path, max_bytes)
        except InputError as error:
            problems.append(Problem(shown_path(path), str(error)))
            continue
        if document.id in seen:
            problems.append(Problem(str(path), f"duplicate article id {document.id!r} "
                                               f"(also {seen[document.id]}); rename one file"))
            continue
        seen[document.id] = str(path)
        documents.append(document)
    return documents, sorted(problems, key=lambda p: p.path)


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
            problems.append(Problem(shown_path(path), _MISSING))
    return sorted(files, key=str), problems


def _folder_articles(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The article files under ``folder`` (hidden ones left out), and what to say about
    a subfolder that cannot be listed or a link that leads out of the folder."""
    files, problems = [], []
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
            if name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            files.append(path)
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                problems.append(Problem(shown_path(path), f"link followed to {shown_path(path.resolve())}, "
                                                          f"outside {shown_path(folder)}", skipped=False))
    return files, problems


def read_article(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Document:
    """One article as a Document; InputError (without the path) when it cannot be read."""
    path = Path(path)
    text = _read_text(path, max_bytes)
    meta: dict = {}
    if path.suffix.lower() in HTML_SUFFIXES:
        text, meta = _html_article(text)
        body = text
    else:
        front, body = split_front_matter(text)
        meta = front or {}
    if not body.strip():
        raise InputError("no article text after the front matter" if meta else "empty file")
    lang = meta.get("lang") or detect_language(body)
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(f"unsupported language {lang!r}; kg reads {', '.join(SUPPORTED_LANGUAGES)}")
    published = meta.get("published") or opening_date(body, lang)
    return Document(id=shown_path(path.stem), body=body, lang=lang, title=meta.get("title"),
                    published=published, url=meta.get("url"), path=shown_path(path))


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def _read_text(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """The text of a regular file of at most ``max_bytes``: a device or a FIFO would
    be read forever, or block (checked before opening: opening a FIFO blocks)."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise InputError(f"{kind}, not an article file; kg reads regular files only")
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(f"larger than {max_bytes:,} bytes, too large for an article "
                         "(kg build --max-article-size sets the limit)")
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
                         "save the file as UTF-8") from None
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


def _clean_meta(meta: dict) -> dict:
    clean = {}
    for key in FRONT_MATTER_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int, float, bool)):
            raise InputError(f"front matter: {key} must be a single value, not a {_yaml_kind(value)}")
        clean[key] = str(value).strip()
        if len(clean[key]) > MAX_META_CHARS:
            raise InputError(f"front matter: {key} is longer than {MAX_META_CHARS:,} characters; "
                             "is the closing '---' missing?")
    if "published" in clean:
        try:
            parse_iso(clean["published"])
        except ValueError as error:
            raise InputError(f"front matter: published {clean['published']!r} is not a real date "
                             f"({error}); write YYYY-MM-DD") from None
    if "lang" in clean:
        clean["lang"] = clean["lang"].lower()
    return clean


def _yaml_kind(value) -> str:
    return {"dict": "mapping", "list": "list"}.get(type(value).__name__, type(value).__name__)


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
    """Main text and metadata of an HTML page, by trafilatura (an optional dependency)."""
    try:
        import trafilatura
    except ModuleNotFoundError as error:
        if error.name != "trafilatura":  # installed, but one of its own imports is missing
            raise InputError(f"trafilatura cannot be imported ({error}); pip install 'kg[html]' "
                             "again to bring what it needs") from None
        raise InputError("HTML articles need trafilatura: pip install 'kg[html]'; "
                         "or save the article as .txt") from None
    except ImportError as error:
        raise InputError(f"trafilatura cannot be imported ({error}); pip install 'kg[html]' again") from None
    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    if not body.strip():
        raise InputError("no article text found in the HTML page")
    meta = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        for key, value in (("title", info.title), ("published", info.date), ("url", info.url)):
            if value:
                meta[key] = str(value)
    return body, _clean_meta(meta)
