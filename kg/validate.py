"""SHACL validation of a build's graph against ``ontology/shapes.ttl`` (pyshacl).

``validate_graph`` returns the violations, one readable line each, sorted so that
the same graph always gives the same report:

>>> from rdflib import Graph
>>> graph = Graph().parse(data='''
...   @prefix kg: <https://w3id.org/kg/ontology#> .
...   @prefix dcterms: <http://purl.org/dc/terms/> .
...   <https://w3id.org/kg/resource/document/d1> a kg:Document ; kg:id "d1" ;
...       dcterms:issued "yesterday" .''', format="turtle")
>>> for line in validate_graph(graph): print(line)
doc:d1 dcterms:issued: dcterms:issued must be an xsd:date, xsd:gYearMonth or xsd:gYear ("yesterday")
"""
from __future__ import annotations

from pathlib import Path

from .errors import BuildNotFound

__all__ = ["validate_graph", "validate_build"]

SH = "http://www.w3.org/ns/shacl#"


def _shapes_path() -> Path:
    """ontology/shapes.ttl, or that of $KG_ONTOLOGY_DIR (kg.lexicons.ontology_dir)."""
    from .lexicons import ontology_dir

    return ontology_dir() / "shapes.ttl"


def validate_graph(graph, shapes: Path | None = None) -> list[str]:
    """Every violation of the shapes in ``graph`` (an rdflib Graph): "focus path: message (value)"."""
    import pyshacl
    from rdflib import Graph, Namespace

    from .namespace import compact

    sh = Namespace(SH)
    shapes_graph = Graph().parse(shapes or _shapes_path(), format="turtle")
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none")
    lines = set()
    for result in results.subjects(sh.resultSeverity, sh.Violation):
        focus = results.value(result, sh.focusNode)
        path = results.value(result, sh.resultPath)
        message = results.value(result, sh.resultMessage)
        value = results.value(result, sh.value)
        where = compact(str(focus)) + (f" {compact(str(path))}" if path is not None else "")
        text = f"{where}: {message}" if message is not None else where
        if value is not None and value != focus:
            text += f" ({_short(value)})"
        lines.add(text)
    return sorted(lines)


def _short(term) -> str:
    from .namespace import compact

    if type(term).__name__ == "Literal":
        return f'"{term}"' + (f"@{term.language}" if term.language else "")
    return compact(str(term))


def validate_build(folder: Path, shapes: Path | None = None) -> list[str]:
    """The violations in the graph of the build in ``folder`` (its graph.ttl, or an RDF file)."""
    from rdflib import Graph

    path = Path(folder)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise BuildNotFound(f"{path}: no graph to validate; run `kg build SOURCES -o {folder}` first")
    try:
        graph = Graph().parse(path, format="turtle" if path.suffix != ".nt" else "nt")
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds of syntax errors
        raise BuildNotFound(f"{path}: not readable RDF ({type(exc).__name__}); rebuild with `kg build`") from None
    return validate_graph(graph, shapes)
