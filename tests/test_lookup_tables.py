"""kg.lookup_tables: lookup tables read quicker are spaCy's tables, entry for entry."""
from pathlib import Path

import srsly
from spacy.lookups import Lookups, Table

from kg.lookup_tables import quick_lookup_tables, table_of
from kg.nlp import pipeline


def test_a_table_of_hashed_keys_is_the_table_spacy_makes():
    data = {11: "chat", 22: "cheval", 33: "œil"}
    quick, spacys = table_of("t", dict(data)), Table("t", dict(data))
    assert list(quick.items()) == list(spacys.items()) and quick.name == "t"
    assert all(key in quick for key in data) and 44 not in quick


def test_a_table_of_string_keys_is_left_to_spacy():
    quick = table_of("t", {"chats": "chat"})
    assert quick.get("chats") == "chat" and "chats" in quick


def test_the_french_lemmatizer_reads_the_same_tables():
    lemmatizer = pipeline("fr").get_pipe("lemmatizer")
    folder = Path(pipeline("fr").path) / "lemmatizer" / "lookups"
    spacys = Lookups().from_disk(folder)  # as spaCy reads it, outside quick_lookup_tables
    for name in spacys.tables:
        assert list(lemmatizer.lookups.get_table(name).items()) == list(spacys.get_table(name).items()), name
    assert len(spacys.get_table("lemma_lookup")) > 100_000


def test_lookups_from_bytes_is_itself_again_afterwards():
    before = Lookups.from_bytes
    with quick_lookup_tables():
        assert Lookups.from_bytes is not before
        tables = Lookups().from_bytes(srsly.msgpack_dumps({"t": {1: "a"}}))
        assert tables.get_table("t")[1] == "a"
    assert Lookups.from_bytes is before
