"""A real build (spaCy, extraction, RDF) validates against ontology/shapes.ttl."""
from pathlib import Path

import pyshacl
import rdflib

from kg.build import build

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"

ARTICLE = """---
title: Moscou et Pyongyang renforcent leur alliance
published: 2024-11-12
lang: fr
---
La Corée du Nord et la Russie ont signé en juin à Pyongyang un traité d'assistance mutuelle en cas d'agression.
Les deux pays renforcent aussi leur coopération scientifique et leur coopération commerciale.
Selon Kiev, plusieurs milliers de soldats nord-coréens combattent aux côtés des forces russes. Moscou dément.
Le président russe Vladimir Poutine a remercié Pyongyang pour son « soutien constant ».
"""


def test_a_build_conforms_to_the_shapes(tmp_path):
    source = tmp_path / "article.md"
    source.write_text(ARTICLE, encoding="utf-8")
    report = build([source], tmp_path / "out")
    assert report.corpus.claims
    ids = [c.id for c in report.corpus.claims]
    assert len(ids) == len(set(ids)), "claim ids must be unique"
    data = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(ONTOLOGY / "shapes.ttl"),
                                         ont_graph=rdflib.Graph().parse(ONTOLOGY / "kg.ttl"))
    assert conforms, text
