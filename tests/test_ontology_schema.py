"""A broken file under ontology/ stops ``kg build`` before any article: exit 1,
one line naming the file and the entry, and no output touched.

Each test copies the shipped ontology, breaks one thing and points
KG_ONTOLOGY_DIR at the copy.
"""
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kg.cli import main
from kg.lexicons import ONTOLOGY_ENV, ontology_dir
from kg.ontology_schema import check_ontology

ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "good" / "fr-traite.txt"


@pytest.fixture
def ontology(tmp_path, monkeypatch):
    copy = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), copy)
    monkeypatch.setenv(ONTOLOGY_ENV, str(copy))
    return copy


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def frame(data, frame_id):
    return next(f for f in data["frames"] if f["id"] == frame_id)


def build_fails(tmp_path, ontology, *words):
    out = tmp_path / "out"
    out.mkdir()
    (out / "claims.jsonl").write_text("previous build\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "-q", str(ARTICLE), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output and "skipped" not in lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    assert [p.name for p in out.iterdir()] == ["claims.jsonl"]
    assert (out / "claims.jsonl").read_text(encoding="utf-8") == "previous build\n"
    return lines[0]


def test_the_shipped_ontology_is_valid():
    check_ontology()


def test_a_misspelt_key(tmp_path, ontology):
    claims = ontology / "lexicons" / "fr" / "claims.yaml"
    edit(claims, lambda d: frame(d, "fr.aid.supply").update(needs_units=frame(d, "fr.aid.supply").pop("needs_unit")))
    line = build_fails(tmp_path, ontology, str(claims), "frames[1] (fr.aid.supply).needs_units",
                       "unknown key", "did you mean 'needs_unit'")
    assert line.startswith("Error: ")


def test_a_value_of_the_wrong_type(tmp_path, ontology):
    dates = ontology / "lexicons" / "en" / "dates.yaml"
    edit(dates, lambda d: d.update(capitalised_names="yes please"))
    build_fails(tmp_path, ontology, str(dates), "capitalised_names", "expected bool")


@pytest.mark.parametrize("change, words", [
    (lambda d: frame(d, "fr.troops.deploy").update(type="troop_deploiement"),
     ["frames[0] (fr.troops.deploy).type", "unknown claim type 'troop_deploiement'",
      "did you mean 'troop_deployment'"]),
    (lambda d: frame(d, "fr.troops.deploy").update(needs_unit=["soldiers"]),
     ["frames[0] (fr.troops.deploy).needs_unit[0]", "unknown unit 'soldiers'", "quantities.yaml"]),
])
def test_a_dangling_reference(tmp_path, ontology, change, words):
    claims = ontology / "lexicons" / "fr" / "claims.yaml"
    edit(claims, change)
    build_fails(tmp_path, ontology, str(claims), *words)


def test_unparsable_yaml(tmp_path, ontology):
    mentions = ontology / "lexicons" / "en" / "mentions.yaml"
    mentions.write_text("joiners: [and, or\nduring: [during]\n", encoding="utf-8")
    build_fails(tmp_path, ontology, str(mentions), "invalid YAML", "line ")


@pytest.mark.parametrize("change, words", [
    (lambda d: frame(d, "fr.troops.deploy")["roles"].update(recipient={"markers": ["à"], "classes": ["Country"]}),
     ["frames[0] (fr.troops.deploy).roles.recipient", "unknown role 'recipient'"]),
    (lambda d: frame(d, "fr.troops.deploy").pop("triggers"),
     ["frames[0] (fr.troops.deploy)", "missing key 'triggers'"]),
])
def test_an_unknown_role_or_a_missing_key(tmp_path, ontology, change, words):
    claims = ontology / "lexicons" / "fr" / "claims.yaml"
    edit(claims, change)
    build_fails(tmp_path, ontology, str(claims), *words)


def test_a_broken_gazetteer_entry(tmp_path, ontology):
    states = ontology / "gazetteer" / "states.yaml"
    edit(states, lambda d: d[0].update(kind="country"))
    build_fails(tmp_path, ontology, str(states), "[0] (state-afghanistan).kind", "unknown kind 'country'")


@pytest.mark.parametrize("change, words", [
    (lambda d: d["claim_types"]["visit"].update(colour_of_sky="#000000"), ["visit.colour_of_sky", "unknown key"]),
    (lambda d: d["claim_types"]["visit"].update(agent="guest"), ["visit.agent", "'guest'"]),
])
def test_a_broken_claim_type_declaration(tmp_path, ontology, change, words):
    declaration = ontology / "claim_types.yaml"
    edit(declaration, change)
    build_fails(tmp_path, ontology, str(declaration), *words)


def test_a_frame_field_its_claim_type_does_not_declare(tmp_path, ontology):
    claims = ontology / "lexicons" / "fr" / "claims.yaml"
    edit(claims, lambda d: frame(d, "fr.troops.deploy").update(split_on="obligation"))
    build_fails(tmp_path, ontology, str(claims), "frames[0] (fr.troops.deploy).split_on",
                "unknown field 'obligation'", "the fields of troop_deployment")


def test_a_broken_declaration_is_one_line_even_before_a_command_runs(tmp_path, ontology):
    """kg.cli reads the claim types lazily: importing the CLI must not fail with a traceback."""
    import os
    import subprocess
    import sys

    edit(ontology / "claim_types.yaml", lambda d: d["claim_types"]["visit"].update(agnt="visitor"))
    env = dict(os.environ, KG_ONTOLOGY_DIR=str(ontology))
    process = subprocess.run([sys.executable, "-m", "kg", "claims", "--type", "visit", "--graph", str(tmp_path)],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
    assert process.returncode == 1
    assert process.stderr.count("\n") == 1 and "Traceback" not in process.stderr
    assert "claim_types.yaml: claim_types.visit.agnt: unknown key; did you mean 'agent'?" in process.stderr


def test_a_yaml_file_no_schema_declares(tmp_path, ontology):
    stray = ontology / "lexicons" / "fr" / "claim.yaml"   # a misnamed copy would be read by nothing
    stray.write_text("frames: []\n", encoding="utf-8")
    build_fails(tmp_path, ontology, str(stray), "no schema declares this file", "kg/ontology_schema.py")
