"""An HTML article when trafilatura is missing, or installed but broken, gets the real reason."""
import sys

import pytest

from kg.errors import InputError
from kg.sources import read_article


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>Le ministre s'est rendu à Berlin.</p></body></html>", encoding="utf-8")
    return path


def test_missing_trafilatura_says_how_to_install_it(page, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(InputError, match=r"a dependency of kg: reinstall kg"):
        read_article(page)


def test_a_broken_trafilatura_names_what_it_lacks(page, tmp_path, monkeypatch):
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "trafilatura.py").write_text(
        "raise ModuleNotFoundError('lxml.html.clean module is now a separate project', name='lxml_html_clean')\n")
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.syspath_prepend(str(fake))
    with pytest.raises(InputError, match="lxml.html.clean module is now a separate project"):
        read_article(page)
