"""Read every output of a build with its standard reader: a writer that lets a
character through that the format cannot hold fails here."""
import json
import re
from pathlib import Path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_every_output(out: Path) -> dict:
    """Every output of the build in ``out``, parsed: JSON lines by ``json``, GraphML by
    networkx, Turtle by rdflib and pyoxigraph, the viewer's embedded data by ``json``."""
    import networkx as nx
    import pyoxigraph
    import rdflib

    read = {name: read_jsonl(out / f"{name}.jsonl") for name in ("claims", "entities", "documents")}
    read["graphml"] = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    read["turtle"] = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    read["oxigraph"] = list(pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    html = (out / "graph.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.DOTALL)
    assert blocks, "the viewer embeds no data"
    read["viewer"] = [json.loads(block) for block in blocks]
    return read
