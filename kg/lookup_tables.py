"""spaCy's lookup tables (the French lemmatizer's 216,849 lemmas), read quicker.

spaCy fills a lookup ``Table`` entry by entry through its Python ``__setitem__``
(hash the key, store it, add it to the Bloom filter): about 0.4 s of CPU for
the French lemmatizer's table, paid by every ``kg`` run that reads one French
article. The tables on disk already hold hashed keys, so while a model loads
:func:`quick_lookup_tables` stores them with ``OrderedDict``'s own setter and
adds them to a Bloom filter of the size spaCy gives it: the same table, entry
for entry. A table whose keys are not all hashes is read by spaCy as usual.
"""
from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager

__all__ = ["quick_lookup_tables", "table_of"]


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
    """While it lasts, ``Lookups.from_bytes`` builds its tables with :func:`table_of`."""
    import srsly
    from spacy.lookups import Lookups

    as_spacy_reads = Lookups.from_bytes

    def from_bytes(self, bytes_data: bytes, **kwargs):
        self._tables = {name: table_of(name, data) for name, data in srsly.msgpack_loads(bytes_data).items()}
        return self

    Lookups.from_bytes = from_bytes
    try:
        yield
    finally:
        Lookups.from_bytes = as_spacy_reads
