"""A build's corpus in the format another tool wants: RDF or a graph file.

RDF formats (Turtle, TriG with one named graph per article, N-Triples,
JSON-LD) come from kg.rdf; GraphML (yEd, Cytoscape) and GEXF (Gephi) from the
NetworkX graph of kg.graph. Every format is byte-identical for the same corpus.

>>> from kg.model import Corpus
>>> export_text(Corpus(), "nt")
''
>>> export_text(Corpus(), "svg")
Traceback (most recent call last):
...
ValueError: unknown export format 'svg'; choose one of turtle, trig, nt, jsonld, graphml, gexf
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .model import Corpus
from .rdf import RDF_FORMATS, serialize_corpus
from .store import write_text_atomic

__all__ = ["EXPORT_FORMATS", "SUFFIXES", "export_text", "build_export_text", "check_target", "write_export"]

EXPORT_FORMATS = (*RDF_FORMATS, "graphml", "gexf")
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "jsonld": ".jsonld",
            "graphml": ".graphml", "gexf": ".gexf"}

# networkx stamps GEXF with today's date, which would make two exports of one build differ
_GEXF_DATE = re.compile(r'\s+lastmodifieddate="[^"]*"')


def _gexf_text(corpus: Corpus) -> str:
    import networkx as nx

    from .graph import corpus_to_networkx, xml_ready

    body = "\n".join(nx.generate_gexf(xml_ready(corpus_to_networkx(corpus))))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + _GEXF_DATE.sub("", body, count=1) + "\n"


def export_text(corpus: Corpus, fmt: str) -> str:
    """The corpus as text in one of EXPORT_FORMATS."""
    if fmt in RDF_FORMATS:
        return serialize_corpus(corpus, fmt)
    if fmt == "graphml":
        from .graph import corpus_to_networkx, graphml_text

        return graphml_text(corpus_to_networkx(corpus))
    if fmt == "gexf":
        return _gexf_text(corpus)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


#: formats a build already wrote, as export_text gives them (a test keeps this true)
_WRITTEN = {"turtle": "graph.ttl", "graphml": "graph.graphml"}


def build_export_text(build_dir: Path, fmt: str) -> str:
    """The build in ``build_dir`` in ``fmt``: the file the build wrote, when it wrote
    this format and its index vouches for it, else made from its records."""
    from .index import fresh_output
    from .store import load_corpus

    written = fresh_output(build_dir, _WRITTEN[fmt]) if fmt in _WRITTEN else None
    if written is not None:
        return written.read_bytes().decode("utf-8")  # bytes: no newline translation
    return export_text(load_corpus(build_dir), fmt)


def check_target(build_dir: Path, path: Path) -> None:
    """Refuse to overwrite a file of the build being exported (``-o output/claims.jsonl``)."""
    path, build_dir = Path(path), Path(build_dir)
    if path.exists() and path.resolve().parent == build_dir.resolve():
        raise InputError(f"{path}: this file belongs to the build in {build_dir}; export to a path "
                         "outside it (or pass --force to overwrite it)")


def write_export(corpus: Corpus, fmt: str, path: Path) -> None:
    """Write the corpus in ``fmt`` to ``path`` atomically."""
    write_text_atomic(Path(path), export_text(corpus, fmt))
