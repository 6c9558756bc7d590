"""kg.lookup_tables: lookup tables read quicker are spaCy's tables, entry for entry."""
from pathlib import Path

import srsly
from spacy.lookups import Lookups, Table

from kg.lookup_tables import MappedDict, MappedList, mapped_table_class, quick_lookup_tables, table_of
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


def _french_lookups_folder() -> Path:
    return Path(pipeline("fr").path) / "lemmatizer" / "lookups"


def test_a_mapped_table_answers_as_spacys_before_it_is_filled(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    spacys = Lookups().from_disk(_french_lookups_folder())
    for _ in range(2):  # the first read makes the copy, the second reads it
        with quick_lookup_tables():
            mapped = Lookups().from_disk(_french_lookups_folder())
    assert list((tmp_path / "kg" / "lookups").iterdir())
    lookup, exceptions = mapped.get_table("lemma_lookup"), mapped.get_table("lemma_exc")
    assert isinstance(lookup, mapped_table_class())
    for word in ("avions", "allées", "présidente", "xyzzy"):
        assert lookup.get(word, [word]) == spacys.get_table("lemma_lookup").get(word, [word])
        assert (word in lookup) == (word in spacys.get_table("lemma_lookup"))
    for pos in ("verb", "noun", "adj", "adp", "propn"):
        ours, theirs = exceptions.get(pos, {}), spacys.get_table("lemma_exc").get(pos, {})
        for word in list(theirs)[:50] + ["xyzzy"]:
            assert ours.get(word, []) == theirs.get(word, []) and (word in ours) == (word in theirs)
        index, listed = mapped.get_table("lemma_index").get(pos, []), spacys.get_table("lemma_index").get(pos, [])
        for word in listed[:50] + ["xyzzy"]:
            assert (word in index) == (word in listed)
    assert isinstance(exceptions.get("verb"), MappedDict)
    assert isinstance(mapped.get_table("lemma_index").get("noun"), MappedList)
    assert len(lookup) == len(spacys.get_table("lemma_lookup"))
    assert list(lookup.items()) == list(spacys.get_table("lemma_lookup").items())  # filled, in the file's order


def test_a_copy_that_cannot_be_read_leaves_the_file_to_spacy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "kg").mkdir()
    (tmp_path / "kg" / "lookups").write_text("not a folder")  # no copy can be made there
    with quick_lookup_tables():
        tables = Lookups().from_disk(_french_lookups_folder())
    assert not isinstance(tables.get_table("lemma_lookup"), mapped_table_class())
    assert tables.get_table("lemma_lookup").get("avions") == Lookups().from_disk(
        _french_lookups_folder()).get_table("lemma_lookup").get("avions")
