"""kg.language_id: py3langid's classifier from its model's arrays kept unpacked."""
import numpy as np
import py3langid
import pytest

from kg import language_id

_TEXTS = ["Le ministre a annoncé l'envoi de nouveaux blindés à Kiev.",
          "The foreign ministers met in Vienna on Tuesday to discuss sanctions.",
          "Der Außenminister reiste am Montag nach Warschau.",
          "El gobierno anunció nuevas sanciones contra el régimen.",
          "12 345", ""]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "kg" / "langid"


def test_the_unpacked_model_classifies_as_py3langid_does(cache):
    made = language_id._from_copy()          # unpacks the model first
    again = language_id._from_copy()         # reads the unpacked arrays
    assert len(list(cache.iterdir())) == 1 and len(list(next(cache.iterdir()).glob("*.npy"))) == 6
    stock = py3langid.langid._get_identifier()
    for text in _TEXTS:
        assert made.classify(text) == again.classify(text) == stock.classify(text)
    assert again.nb_classes == stock.nb_classes and again.tk_output == stock.tk_output
    assert again.tk_nextmove == stock.tk_nextmove and again.tk_row == stock.tk_row
    assert np.array_equal(again.nb_ptc, stock.nb_ptc) and np.array_equal(again.nb_pc, stock.nb_pc)


def test_a_cache_that_cannot_be_written_falls_back_to_py3langid(cache, monkeypatch):
    cache.parent.mkdir(parents=True)
    cache.write_text("not a folder")        # the copy cannot be made
    with pytest.raises(Exception):
        language_id._from_copy()
    language_id._identifier.cache_clear()
    try:
        assert language_id.classify(_TEXTS[0]) == "fr"
        assert language_id._identifier() is py3langid.langid._get_identifier()
    finally:
        language_id._identifier.cache_clear()
