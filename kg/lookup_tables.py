"""spaCy's lookup tables (the French lemmatizer's 216,849 lemmas), read quicker.

spaCy fills a lookup ``Table`` entry by entry through its Python ``__setitem__``
(hash the key, store it, add it to the Bloom filter), after unpacking the whole
file: about 0.4 s of CPU for the French lemmatizer's tables, paid by every
``kg`` run that reads one French article, which looks up a few hundred words.

So while a model loads, :func:`quick_lookup_tables` reads a lookups file from
a copy of it kept in the user's cache (``~/.cache/kg/lookups/``, named by
spaCy's version and the file's path, size and time), made by the first
process that reads the file: each table's keys (hashes) sorted in a NumPy
array, each value packed apart, mapped from disk. Such a table
unpacks a value when it is asked for (``get``, ``[]``, ``in``: all the
lemmatizers ask), and a large dictionary or list of words among the values
(the French exceptions per part of speech, 114,327 verb forms) is itself
looked up word by word (:class:`MappedDict`, :class:`MappedList`). Anything
else asked of a table (its items, a new entry...) fills it first, as spaCy
would have: the same table, entry for entry. A file whose copy cannot be made
or read is read by spaCy, with :func:`table_of` filling tables of hashed keys
quicker.
"""
from __future__ import annotations

import hashlib
import json
import mmap
import os
import tempfile
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from .user_cache import default_cache_dir

__all__ = ["quick_lookup_tables", "table_of", "mapped_table_class", "MappedDict", "MappedList"]

#: a value with more entries than this is looked up entry by entry, not unpacked whole
_LARGE = 1_000
_LAYOUT = "3"  # of the copy's files: a new layout is a new folder


def table_of(name: str, data: dict):
    """The spaCy ``Table`` ``Table(name, data)`` makes, for keys that are hashes (ints)."""
    from spacy.lookups import BloomFilter, Table  # spaCy's own (preshed's)

    if not all(type(key) is int for key in data):
        return Table(name, data)
    table = Table(name)
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))  # as Table(name, data) sizes it
    store, add = OrderedDict.__setitem__, table.bloom.add
    for key, value in data.items():
        store(table, key, value)
        add(key)
    return table


@contextmanager
def quick_lookup_tables():
    """While it lasts, ``Lookups.from_disk`` reads its tables from their mapped copy,
    and ``Lookups.from_bytes`` builds tables of hashed keys with :func:`table_of`."""
    import srsly
    from spacy.lookups import Lookups

    as_spacy_reads, as_spacy_loads = Lookups.from_disk, Lookups.from_bytes

    def from_bytes(self, bytes_data: bytes, **kwargs):
        self._tables = {name: table_of(name, data) for name, data in srsly.msgpack_loads(bytes_data).items()}
        return self

    def from_disk(self, path, filename: str = "lookups.bin", **kwargs):
        tables = _mapped_tables(Path(path) / filename)
        if tables is None:
            return as_spacy_reads(self, path, filename, **kwargs)
        self._tables = tables
        return self

    Lookups.from_bytes, Lookups.from_disk = from_bytes, from_disk
    try:
        yield
    finally:
        Lookups.from_bytes, Lookups.from_disk = as_spacy_loads, as_spacy_reads


def _mapped_tables(path: Path) -> dict | None:
    """name -> table, read from the copy of the lookups file ``path`` (made first if
    need be); None when there is no such file or the copy cannot be had."""
    try:
        status = path.stat()
        folder = _copy_folder(path, status)
        if not (folder / "tables.json").is_file():
            _make_copy(path, folder)
        return _read_copy(folder)
    except Exception:  # noqa: BLE001 - any trouble with the copy: spaCy's own reading
        return None


def _copy_folder(path: Path, status) -> Path:
    from spacy import __version__

    where = hashlib.sha256(str(path.absolute()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return (default_cache_dir() / "lookups"
            / f"{__version__}-{where}-{status.st_size}-{status.st_mtime_ns}-{_LAYOUT}")


def _make_copy(path: Path, folder: Path) -> None:
    """Write the copy of ``path`` into ``folder``, whole or not at all."""
    import srsly

    tables = srsly.msgpack_loads(path.read_bytes())
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent))
    try:
        listing = []
        for number, (name, data) in enumerate(tables.items()):
            prefix = staging / f"t{number}"
            if all(type(key) is int for key in data) and all(map(_as_json, data.values())):
                nested = {key: _pack_nested(f"{prefix}-{position}", value)
                          for position, (key, value) in enumerate(data.items())}
                nested = {str(key): kind for key, kind in nested.items() if kind}
                _pack(prefix, list(data), [None if str(key) in nested else value
                                           for key, value in data.items()])
                listing.append({"name": name, "file": prefix.name, "nested": nested,
                                "positions": {str(key): i for i, key in enumerate(data) if str(key) in nested}})
            else:  # keys spaCy hashes itself: kept as the file has them
                (staging / f"{prefix.name}.msgpack").write_bytes(srsly.msgpack_dumps(data))
                listing.append({"name": name, "file": prefix.name, "whole": True})
        (staging / "tables.json").write_text(json.dumps(listing), encoding="utf-8")
        try:
            os.replace(staging, folder)
        except OSError:  # another process made it meanwhile (a folder is not replaced): theirs is the same
            pass
    finally:
        if staging.exists():
            for each in staging.iterdir():
                each.unlink()
            staging.rmdir()


def _as_json(value) -> bool:
    """Whether JSON gives ``value`` back as it is (the values are packed as JSON)."""
    if type(value) in (str, int, bool) or value is None:
        return True
    if type(value) is list:
        return all(map(_as_json, value))
    if type(value) is dict:
        return all(type(key) is str for key in value) and all(map(_as_json, value.values()))
    return False


def _pack_nested(prefix: str, value) -> str | None:
    """Pack a large dict of words (``"dict"``) or list of words (``"list"``) under
    ``prefix``, entry by entry; None for any other value (packed whole)."""
    from spacy.strings import get_string_id

    if isinstance(value, dict) and len(value) > _LARGE and all(type(key) is str for key in value):
        _pack(prefix, [get_string_id(key) for key in value], [[key, item] for key, item in value.items()])
        return "dict"
    if isinstance(value, list) and len(value) > _LARGE and all(type(item) is str for item in value):
        _pack(prefix, [get_string_id(item) for item in value], value)
        return "list"
    return None


def _pack(prefix, keys: list[int], values: list) -> None:
    """``keys`` sorted (``.keys.npy``), where each was (``.order.npy``), and the values
    packed one after another in that order (``.values.bin``, ``.offsets.npy``)."""
    import numpy as np

    order = np.argsort(np.array(keys, dtype=np.uint64), kind="stable")
    packed = [json.dumps(values[i], ensure_ascii=False).encode("utf-8") for i in order]
    offsets = np.zeros(len(packed) + 1, dtype=np.int64)
    np.cumsum([len(piece) for piece in packed], out=offsets[1:])
    np.save(f"{prefix}.keys.npy", np.array(keys, dtype=np.uint64)[order], allow_pickle=False)
    where = np.empty(len(order), dtype=np.int64)
    where[order] = np.arange(len(order))  # the sorted position of each entry in the file's order
    np.save(f"{prefix}.order.npy", where, allow_pickle=False)
    np.save(f"{prefix}.offsets.npy", offsets, allow_pickle=False)
    Path(f"{prefix}.values.bin").write_bytes(b"".join(packed))


def _uint64(number: int):
    import numpy as np

    return np.uint64(number)


class _Packed:
    """What :func:`_pack` wrote, mapped from disk: the value of a key, unpacked on demand."""

    def __init__(self, prefix: Path):
        import numpy as np

        # plain arrays over the mapped files (NumPy's memmap class is slower to index)
        self.keys = np.asarray(np.load(f"{prefix}.keys.npy", mmap_mode="r", allow_pickle=False))
        self.offsets = np.asarray(np.load(f"{prefix}.offsets.npy", mmap_mode="r", allow_pickle=False))
        self._order_file = f"{prefix}.order.npy"
        with open(f"{prefix}.values.bin", "rb") as handle:  # mapped: only the pages asked for are read
            empty = not os.fstat(handle.fileno()).st_size  # (an empty file cannot be mapped)
            self.data = b"" if empty else mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)

    def __len__(self) -> int:
        return len(self.keys)

    def positions(self, key: int):
        """The sorted positions holding ``key`` (several only for colliding hashes)."""
        if not 0 <= key < 1 << 64:
            return
        keys, key = self.keys, _uint64(key)
        position = int(keys.searchsorted(key))
        while position < len(keys) and keys[position] == key:
            yield position
            position += 1

    def value(self, position: int):
        return json.loads(self.data[int(self.offsets[position]):int(self.offsets[position + 1])])

    def in_order(self):
        """(key, value) of every entry, in the order the file had them."""
        import numpy as np

        for position in np.load(self._order_file, allow_pickle=False):
            yield int(self.keys[position]), self.value(int(position))


def _read_copy(folder: Path) -> dict:
    import srsly

    tables = {}
    for entry in json.loads((folder / "tables.json").read_text(encoding="utf-8")):
        if entry.get("whole"):
            data = srsly.msgpack_loads((folder / f"{entry['file']}.msgpack").read_bytes())
            tables[entry["name"]] = table_of(entry["name"], data)
        else:
            nested = {int(key): (kind, folder / f"{entry['file']}-{entry['positions'][key]}")
                      for key, kind in entry["nested"].items()}
            tables[entry["name"]] = mapped_table_class()(entry["name"], _Packed(folder / entry["file"]), nested)
    return tables


class MappedDict(Mapping):
    """A dict of words packed entry by entry: ``get``, ``[]`` and ``in`` unpack one entry."""

    def __init__(self, packed: _Packed):
        self._packed = packed

    def _find(self, word):
        from spacy.strings import get_string_id

        if type(word) is str:
            for position in self._packed.positions(get_string_id(word)):
                key, value = self._packed.value(position)
                if key == word:
                    return True, value
        return False, None

    def __getitem__(self, word):
        found, value = self._find(word)
        if not found:
            raise KeyError(word)
        return value

    def get(self, word, default=None):
        found, value = self._find(word)
        return value if found else default

    def __contains__(self, word) -> bool:
        return self._find(word)[0]

    def __iter__(self):
        return (key for _hash, (key, _value) in self._packed.in_order())

    def __len__(self) -> int:
        return len(self._packed)

    def whole(self) -> dict:
        return dict(value for _hash, value in self._packed.in_order())


class MappedList(Sequence):
    """A list of words packed word by word: ``in`` looks one up."""

    def __init__(self, packed: _Packed):
        self._packed = packed
        self._list = None

    def __contains__(self, word) -> bool:
        from spacy.strings import get_string_id

        if type(word) is not str:
            return False
        return any(self._packed.value(position) == word for position in self._packed.positions(get_string_id(word)))

    def whole(self) -> list:
        if self._list is None:
            self._list = [value for _hash, value in self._packed.in_order()]
        return self._list

    def __getitem__(self, index):
        return self.whole()[index]

    def __len__(self) -> int:
        return len(self._packed)

    def __eq__(self, other) -> bool:
        return self.whole() == (other.whole() if isinstance(other, MappedList) else other)

    __hash__ = None


class _Filled:
    """A method of Table that needs every entry: the table is filled first."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, table, owner=None):
        if table is None:
            return self
        table._fill()
        return getattr(OrderedDict, self.name).__get__(table)


_CLASS = []


def mapped_table_class():
    """The class of the tables read from a copy: a spaCy ``Table`` whose values are
    unpacked when asked for; a value packed entry by entry (``nested``: key ->
    ("dict" | "list", prefix)) is a :class:`MappedDict` or :class:`MappedList`.
    Made once spaCy is imported."""
    if _CLASS:
        return _CLASS[0]
    from spacy.lookups import BloomFilter, Table
    from spacy.strings import get_string_id

    class _MappedTable(Table):
        """See :func:`mapped_table_class`."""

        def __init__(self, name, packed, nested):
            OrderedDict.__init__(self)
            self.name = name
            self.default_size = 1e6
            self._packed, self._nested, self._values = packed, nested, {}
            self._is_filled = False

        def _value(self, key: int):
            """(found, value) of ``key``, each value unpacked once."""
            if key in self._values:
                return True, self._values[key]
            for position in self._packed.positions(key):
                if key in self._nested:
                    kind, prefix = self._nested[key]
                    value = (MappedDict if kind == "dict" else MappedList)(_Packed(prefix))
                else:
                    value = self._packed.value(position)
                self._values[key] = value
                return True, value
            return False, None

        def __getitem__(self, key):
            if self._is_filled:
                return Table.__getitem__(self, key)
            found, value = self._value(get_string_id(key))
            if not found:
                raise KeyError(key)
            return value

        def get(self, key, default=None):
            if self._is_filled:
                return Table.get(self, key, default)
            found, value = self._value(get_string_id(key))
            return value if found else default

        def __contains__(self, key) -> bool:
            if self._is_filled:
                return Table.__contains__(self, key)
            return self._value(get_string_id(key))[0]

        def __len__(self) -> int:
            return len(self._packed) if not self._is_filled else OrderedDict.__len__(self)

        def _fill(self) -> None:
            """Every entry unpacked, in the file's order, into the table itself."""
            if self._is_filled:
                return
            self._is_filled = True
            bloom = BloomFilter.from_error_rate(max(len(self._packed), 1))
            for key, value in self._packed.in_order():
                if key in self._nested:
                    kind, prefix = self._nested[key]
                    packed = _Packed(prefix)
                    value = MappedDict(packed).whole() if kind == "dict" else MappedList(packed).whole()
                OrderedDict.__setitem__(self, key, value)
                bloom.add(key)
            self.__dict__["bloom"] = bloom

        @property
        def bloom(self):
            self._fill()
            return self.__dict__["bloom"]

        @bloom.setter
        def bloom(self, filter_):
            self._fill()
            self.__dict__["bloom"] = filter_

        def __setitem__(self, key, value) -> None:
            self._fill()
            Table.__setitem__(self, key, value)

        def __delitem__(self, key) -> None:
            self._fill()
            OrderedDict.__delitem__(self, key)

        def to_bytes(self) -> bytes:
            self._fill()
            return Table.to_bytes(self)

        def __reduce__(self):
            self._fill()
            return Table, (self.name, dict(OrderedDict.items(self)))

        __iter__ = _Filled()
        __reversed__ = _Filled()
        __eq__ = _Filled()
        __ne__ = _Filled()
        __repr__ = _Filled()
        keys = _Filled()
        values = _Filled()
        items = _Filled()
        pop = _Filled()
        popitem = _Filled()
        setdefault = _Filled()
        update = _Filled()
        copy = _Filled()
        clear = _Filled()
        move_to_end = _Filled()
        __hash__ = None

    _CLASS.append(_MappedTable)
    return _MappedTable
