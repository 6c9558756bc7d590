"""ontology/claim_types.yaml: checked when loaded, kept in step with kg.ttl and
SCHEMA.md, read by every module, so that a new claim type needs no Python."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import yaml
from rdflib import RDF, RDFS, Graph

from extraction_helpers import extract, of_type, stances
from kg.claim_types import ClaimTypeError, claim_types, declaration_path, load_claim_types
from kg.errors import KgError
from kg.lexicons import ontology_dir
from kg.namespace import KG

REPO = Path(__file__).parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "claim_types" / "arms_sale.yaml"
ONTOLOGY_DIR = ontology_dir()


# --- the loader's closed schema -------------------------------------------------------------

def _declaration(tmp_path, change) -> Path:
    data = yaml.safe_load(declaration_path(ONTOLOGY_DIR).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "claim_types.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change,words", [
    (lambda d: d["claim_types"]["visit"].update(colour_of_sky="#000000"), ["visit.colour_of_sky", "unknown key"]),
    (lambda d: d["claim_types"]["visit"].update(directed="yes"), ["visit.directed", "expected bool"]),
    (lambda d: d["claim_types"]["visit"].update(agent="guest"), ["visit.agent", "'guest'", "declare it"]),
    (lambda d: d["claim_types"]["sanctions"]["tie"].update(kind="rivalry"), ["sanctions.tie", "tie_kinds"]),
    (lambda d: d["claim_types"]["visit"].update(edges=[["visitor", "host"]]), ["visit.edges[0]", "'host'"]),
    (lambda d: d["claim_types"]["sanctions"]["roles"][1].update(property="aim"), ["'target'", "use one"]),
    (lambda d: d["claim_types"]["visit"].update(fields=["weather"]), ["visit.fields[0]", "unknown field"]),
    (lambda d: d["claim_types"]["sanctions"].update(edges=[["target", "target"]]), ["sanctions.tie", "no edge"]),
])
def test_a_bad_declaration_is_one_error_naming_file_and_entry(tmp_path, change, words):
    with pytest.raises(ClaimTypeError) as error:
        load_claim_types(_declaration(tmp_path, change))
    message = str(error.value)
    assert isinstance(error.value, KgError) and "\n" not in message
    assert "claim_types.yaml" in message and all(w in message for w in words), message


# --- kg.ttl and SCHEMA.md agree with the declaration -------------------------------------

def test_kg_ttl_declares_every_class_and_role_property():
    ontology = Graph().parse(REPO / "ontology" / "kg.ttl")
    for declared in claim_types():
        assert (KG[declared.rdf_class], RDFS.subClassOf, KG.Claim) in ontology, declared.name
        for role in declared.roles:
            assert (KG[role.property], RDFS.subPropertyOf, KG.role) in ontology, role.name
    declared_classes = {KG[ct.rdf_class] for ct in claim_types()}
    assert set(ontology.subjects(RDFS.subClassOf, KG.Claim)) == declared_classes


def _schema_table() -> dict[str, tuple[list[str], list[str], list[str]]]:
    """type -> (roles in order, required roles, fields) from docs/SCHEMA.md's table."""
    text = (REPO / "docs" / "SCHEMA.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"[a-z_]+", cells[0]) and cells[0] != "type":
            roles = re.findall(r"\*\*([a-z_]+)\*\*|(?<![\w*])([a-z_]+)(?= \(|,|$| and)", cells[1])
            names = [bold or plain for bold, plain in roles]
            required = [bold for bold, _ in roles if bold]
            fields = []
            for part in cells[2].split(";"):  # "stance: support, oppose; quote"
                named = part.split(":")[0] if ":" in part else part
                fields += [re.sub(r"\s*\(.*", "", f).strip() for f in named.split(",")]
            rows[cells[0]] = (names, required, [f for f in fields if f])
    return rows


def test_schema_md_table_matches_the_declaration():
    table = _schema_table()
    assert list(table) == [ct.name for ct in claim_types()]
    for declared in claim_types():
        names, required, fields = table[declared.name]
        assert names == list(declared.role_names), declared.name
        needed = [r.name for r in declared.roles if r.min] + [n for g in declared.one_of for n in g]
        assert sorted(required) == sorted(needed), declared.name
        assert sorted(fields) == sorted(declared.fields), declared.name


# --- explicit agents: word order and YAML key order change nothing --------------------------

@pytest.mark.parametrize("text", [
    "1,200 Polish soldiers have been stationed in Latvia, Warsaw said.",
    "In Latvia, 1,200 Polish soldiers have been stationed, Warsaw said.",
])
def test_the_agent_comes_from_the_declaration_not_from_word_order(text):
    """Warsaw speaks of its own act: the sender reports, it does not "claim", whichever
    role the sentence names first."""
    claim = of_type(extract(text, "en"), "troop_deployment")[0]
    assert [r.label for r in claim.roles["sender"]] == ["Poland"]
    assert stances(claim) == set()


def _build(articles: Path, out: Path, ontology: Path | None = None) -> Path:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("KG_ONTOLOGY_DIR", None)
    if ontology is not None:
        env["KG_ONTOLOGY_DIR"] = str(ontology)
    subprocess.run([sys.executable, "-m", "kg", "build", str(articles), "-o", str(out)],
                   check=True, env=env, capture_output=True, cwd=REPO)
    return out


def _ontology_copy(tmp_path) -> Path:
    """A copy of ontology/ that a test may change (the gazetteer is linked, not copied)."""
    copy = tmp_path / "ontology"
    copy.mkdir()
    for item in ONTOLOGY_DIR.iterdir():
        if item.name == "lexicons":
            for lexicon in item.rglob("*.yaml"):
                target = copy / lexicon.relative_to(ONTOLOGY_DIR)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(lexicon.read_bytes())
        elif item.is_dir():
            (copy / item.name).symlink_to(item)
        else:
            (copy / item.name).write_bytes(item.read_bytes())
    return copy


def test_a_yaml_round_trip_of_the_frames_changes_no_claim(tmp_path):
    articles = REPO / "tests" / "fixtures" / "articles" / "good"
    ontology = _ontology_copy(tmp_path)
    for lang in ("fr", "en"):
        path = ontology / "lexicons" / lang / "claims.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    before = _build(articles, tmp_path / "before")
    after = _build(articles, tmp_path / "after", ontology)
    assert (after / "claims.jsonl").read_text() == (before / "claims.jsonl").read_text()


# --- a new claim type is data ---------------------------------------------------------------

def test_a_new_claim_type_needs_no_python(tmp_path):
    fixture = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    ontology = _ontology_copy(tmp_path)
    declaration = yaml.safe_load((ontology / "claim_types.yaml").read_text(encoding="utf-8"))
    declaration["claim_types"].update(fixture["declaration"])
    (ontology / "claim_types.yaml").write_text(yaml.safe_dump(declaration, sort_keys=False), encoding="utf-8")
    frames = ontology / "lexicons" / "en" / "claims.yaml"
    lexicon = yaml.safe_load(frames.read_text(encoding="utf-8"))
    lexicon["frames"].append(fixture["frame"])
    frames.write_text(yaml.safe_dump(lexicon, allow_unicode=True, sort_keys=False), encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "en-jets.txt").write_text(fixture["article"], encoding="utf-8")
    out = _build(articles, tmp_path / "out", ontology)

    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    (sale,) = [c for c in claims if c["type"] == "arms_sale"]
    assert {r: [e["label"] for e in v] for r, v in sale["roles"].items()} == {"buyer": ["Vietnam"],
                                                                             "seller": ["India"]}
    assert sale["rule"] == "en.arms.buy"

    rdf = Graph().parse(out / "graph.ttl")
    (node,) = rdf.subjects(RDF.type, KG.ArmsSale)
    assert rdf.value(node, KG.buyer) is not None and rdf.value(node, KG.seller) is not None

    graph = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    edges = [(u, v, d["from_role"], d["to_role"]) for u, v, d in graph.edges(data=True) if d["claim_type"] == "arms_sale"]
    assert [(graph.nodes[u]["label"], graph.nodes[v]["label"], f, t) for u, v, f, t in edges] == [
        ("India", "Vietnam", "seller", "buyer")]

    html = (out / "graph.html").read_text(encoding="utf-8")
    assert '"arms_sale","arms sale","#3d9970"' in html  # the legend, from the declaration

    env = dict(os.environ, PYTHONPATH=str(REPO), KG_ONTOLOGY_DIR=str(ontology))
    listed = subprocess.run([sys.executable, "-m", "kg", "alliances", "Vietnam", "--graph", str(out),
                             "--format", "json"], check=True, env=env, capture_output=True, cwd=REPO)
    ties = json.loads(listed.stdout)
    assert [(t["partner"], t["kind"], t["direction"]) for t in ties] == [("India", "military_aid", "from")]
