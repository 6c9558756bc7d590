"""Outputs written from the pieces an earlier build kept (kg.output_cache): byte for
byte those of a full build of the same articles, graph.oxigraph patched to hold
exactly the statements a full build loads, and pieces that are not this user's
never used."""
import shutil
import sqlite3
from pathlib import Path

import pytest

import kg.graphml_articles
import kg.query
import kg.rdf
from kg.build import build
from kg.graph import graphml_pieces, write_graphml
from kg.model import Claim, Corpus, Quantity
from kg.output_cache import OutputCache, Pieces, cache_path

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good"
OUTPUTS = ("claims.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.graphml", "graph.html",
           "explain.jsonl")
ADDED = """---
title: Une livraison
published: 2024-10-03
lang: fr
---
PARIS, 3 octobre 2024 — La Russie a livré des drones à la Biélorussie en mars 2024.
"""


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(GOOD, folder)
    return folder


@pytest.fixture
def made(monkeypatch):
    """What this build made afresh: article graphs of graph.ttl, articles' GraphML
    edges, and whether the Oxigraph store was loaded from graph.ttl."""
    seen = {"turtle": [], "graphml": [], "store loaded": 0}
    real_quads, real_make, real_load = kg.rdf._article_quads, kg.graphml_articles._Article.make, kg.query.write_rdf_store

    def quads(doc_id, document, claims):
        seen["turtle"].append(doc_id)
        return real_quads(doc_id, document, claims)

    def make(claims, published, xml_type):
        seen["graphml"].append(claims[0].doc)
        return real_make(claims, published, xml_type)

    def load(*args):
        seen["store loaded"] += 1
        return real_load(*args)

    monkeypatch.setattr(kg.rdf, "_article_quads", quads)
    monkeypatch.setattr(kg.graphml_articles._Article, "make", staticmethod(make))
    monkeypatch.setattr(kg.query, "write_rdf_store", load)
    return seen


def statements(build_dir: Path) -> set[str]:
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(build_dir / "graph.oxigraph"))
    return {str(quad) for quad in store}


def assert_same_as_full(out: Path, articles: Path, tmp_path: Path):
    full = tmp_path / "full"
    build([articles], full, full=True)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (full / name).read_bytes(), name
    assert statements(out) == statements(full)


def clear(seen):
    seen["turtle"].clear(), seen["graphml"].clear()
    seen["store loaded"] = 0


def test_a_rebuild_makes_only_the_changed_pieces_and_matches_a_full_build(tmp_path, articles, made):
    out = tmp_path / "out"
    build([articles], out)
    assert made["store loaded"] == 1 and len(made["turtle"]) == 4
    clear(made)
    build([articles], out, reuse=False)  # written again, though the folder holds the same build
    assert made == {"turtle": [], "graphml": [], "store loaded": 0}  # nothing changed: every piece kept
    with open(articles / "fr-traite.txt", "a", encoding="utf-8") as handle:
        handle.write("\nLa Biélorussie a accueilli des instructeurs russes en juin 2024.\n")
    (articles / "fr-koursk.txt").unlink()
    (articles / "fr-livraison.txt").write_text(ADDED, encoding="utf-8")
    clear(made)
    build([articles], out)
    # the edited and the new article; en-sanctions too, whose event ids the new one changes
    assert {"fr-livraison", "fr-traite"} <= set(made["turtle"]) and "fr-crlf" not in made["turtle"]
    assert made["store loaded"] == 0  # the last build's store, patched
    assert_same_as_full(out, articles, tmp_path)


def test_pieces_not_signed_by_this_user_are_not_used(tmp_path, articles, made):
    out = tmp_path / "out"
    build([articles], out)
    with sqlite3.connect(cache_path(out)) as db:
        db.execute("UPDATE pieces SET data = ? WHERE kind = 'turtle' AND doc = 'fr-traite'",
                   (b"\0" * 32 + b"<urn:x> <urn:y> <urn:z> .\n",))
    clear(made)
    build([articles], out, reuse=False)
    assert made["turtle"] == ["fr-traite"]
    assert made["store loaded"] == 1  # its triples in the old store are unknown: loaded anew
    assert_same_as_full(out, articles, tmp_path)


def test_a_build_that_fails_writing_leaves_the_last_builds_pieces(tmp_path, articles, made, monkeypatch):
    import kg.viewer
    from kg.errors import InputError

    out = tmp_path / "out"
    build([articles], out)
    with open(articles / "fr-traite.txt", "a", encoding="utf-8") as handle:
        handle.write("\nLa Biélorussie a accueilli des instructeurs russes en juin 2024.\n")
    real, failed = kg.viewer.write_viewer, []

    def disk_full_once(*args, **kwargs):
        if not failed:
            failed.append(True)
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(kg.viewer, "write_viewer", disk_full_once)
    with pytest.raises(InputError):
        build([articles], out)
    clear(made)
    build([articles], out)
    assert "fr-traite" in made["turtle"] and made["store loaded"] == 0  # the first build's store, patched
    assert_same_as_full(out, articles, tmp_path)


def test_full_makes_every_piece_again(tmp_path, articles, made):
    out = tmp_path / "out"
    build([articles], out)
    clear(made)
    build([articles], out, full=True)
    assert len(made["turtle"]) == 4 and made["store loaded"] == 1


def test_kept_graphml_edges_fit_keys_numbered_anew(tmp_path, fixture_corpus):
    """A new attribute met early renumbers GraphML's keys: kept edges take the new ids."""
    cache = OutputCache(tmp_path / "cache.sqlite")
    keys = {claim.doc: "k-" + claim.doc for claim in fixture_corpus.claims}
    write_graphml(fixture_corpus, tmp_path / "first.graphml", Pieces(cache, "graphml", keys))
    cache.save(set(keys), {})
    first = min(fixture_corpus.claims, key=lambda c: (c.doc, c.id))
    changed = Claim(first.type, first.doc, first.roles, first.evidence, first.rule, quantity=Quantity(value=3),
                    quote="nouveau", date=first.date, attributions=first.attributions)
    corpus = Corpus(fixture_corpus.documents, fixture_corpus.entities,
                    [changed if claim is first else claim for claim in fixture_corpus.claims])
    keys[first.doc] = "changed"
    write_graphml(corpus, tmp_path / "second.graphml", Pieces(OutputCache(tmp_path / "cache.sqlite"), "graphml", keys))
    second = (tmp_path / "second.graphml").read_text(encoding="utf-8")
    assert second == "".join(graphml_pieces(corpus))

    def key_lines(text):
        return [line for line in text.splitlines() if "<key " in line]

    assert key_lines(second) != key_lines((tmp_path / "first.graphml").read_text(encoding="utf-8"))  # renumbered


@pytest.mark.parametrize("fixture", ["build", "events", "viewer"])
def test_the_viewer_from_kept_pieces_is_the_page_written_from_the_claims(tmp_path, fixture):
    from kg.store import load_corpus
    from kg.viewer import render_html

    corpus = load_corpus(Path(__file__).parent / "fixtures" / fixture)
    keys = {claim.doc: "k-" + claim.doc for claim in corpus.claims}
    expected = render_html(corpus)
    cache = OutputCache(tmp_path / "cache.sqlite")
    assert render_html(corpus, Pieces(cache, "viewer", keys)) == expected  # pieces made
    cache.save(set(keys), {})
    kept = Pieces(OutputCache(tmp_path / "cache.sqlite"), "viewer", keys)
    assert render_html(corpus, kept) == expected  # pieces kept
    assert kept.cache._known
