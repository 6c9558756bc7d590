"""kg claims --explain, through click's CliRunner, over a build of an article written
for these tests: why each claim exists (rule, trigger, markers, steps, cues)."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.explain import explain
from kg.errors import UnknownClaim

BUILD = Path(__file__).parent / "fixtures" / "build"   # an older build: no explain.jsonl

ARTICLE = """---
title: Essai d'explication
published: 2025-03-14
lang: fr
---
Selon Kiev, environ 11 000 soldats nord-coréens ont été déployés en Russie en novembre 2024.

Il a ajouté que Pyongyang avait livré des obus d'artillerie à Moscou, a affirmé le ministre ukrainien de la Défense.

Le président russe Vladimir Poutine s'est rendu à Pyongyang. Il a signé un traité avec Kim Jong Un.
"""

ENGLISH = """---
title: An explanation test
published: 2025-02-10
lang: en
---
North Korea and Russia signed a defence treaty in Pyongyang in June 2024. The two countries pledged to deepen their military cooperation.

According to the Pentagon, about 3,000 North Korean troops were sent to Russia in January. According to South Korea, the contingent now numbers 12,000 soldiers. Moscow has denied the reports.
"""


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def build_of(folder, text: str):
    (folder / "article.md").write_text(text, encoding="utf-8")
    out = folder / "out"
    result = run("build", "--quiet", str(folder / "article.md"), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return build_of(tmp_path_factory.mktemp("explain-fr"), ARTICLE)


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return build_of(tmp_path_factory.mktemp("explain-en"), ENGLISH)


def claims_of(build, rule: str) -> list[dict]:
    claims = [json.loads(line) for line in (build / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    return [c for c in claims if c["rule"] == rule]


def claim_of(build, rule: str) -> dict:
    return claims_of(build, rule)[0]


def explained(build, claim_id: str) -> dict:
    result = run("claims", "--graph", str(build), "--explain", claim_id, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def roles_of(record) -> dict:
    return {(r["role"], r["entity"]["id"]): r for r in record["roles"]}


def in_sentence(record, span) -> str:
    """The words at a span's offsets, read from the sentence: offsets point into the body."""
    sentence = record["sentence"]
    return sentence["text"][span["start"] - sentence["start"]:span["end"] - sentence["start"]]


def test_a_deployment_says_its_rule_trigger_markers_count_date_and_cue(build):
    claim = claim_of(build, "fr.troops.deploy")
    record = explained(build, claim["id"])
    assert record["id"] == claim["id"] and record["rule"] == "fr.troops.deploy"
    assert record["trigger"]["text"] == "déployés" == in_sentence(record, record["trigger"])
    roles = roles_of(record)
    assert roles[("sender", "Q423")]["marker"].split(", ")[0] == "demonym"
    assert roles[("sender", "Q423")]["span"]["text"] == "nord-coréens"
    assert roles[("location", "Q159")]["marker"] == "en"
    assert record["quantity"]["span"]["text"] == "environ 11 000 soldats"
    assert record["quantity"]["value"]["value"] == 11000 and record["quantity"]["step"] == "before"
    assert record["date"]["value"] == "2024-11" and record["date"]["span"]["text"] == "en novembre 2024"
    (cue,) = record["attributions"]
    assert (cue["claimant"]["id"], cue["stance"], cue["kind"]) == ("Q212", "claims", "preposition")
    assert cue["span"]["text"] == "Selon" == in_sentence(record, cue["span"])


def test_a_speech_verb_cue_and_a_capital_read_as_its_state(build):
    record = explained(build, claim_of(build, "fr.aid.supply")["id"])
    roles = roles_of(record)
    assert roles[("supplier", "Q423")]["marker"] == "subject"
    recipient = roles[("recipient", "Q159")]
    assert recipient["marker"] == "à" and recipient["span"]["text"] == "Moscou" and recipient["read_as_state"]
    (cue,) = record["attributions"]
    assert (cue["cue"], cue["kind"], cue["step"]) == ("affirmé", "verb", "sentence")


def test_coreference_and_a_role_completed_after_the_sentence(build):
    record = explained(build, claim_of(build, "fr.treaty.sign")["id"])
    by_words = {r["span"]["text"]: r for r in record["roles"] if r["span"]}
    assert by_words["Il"]["coreference"] == "Vladimir Putin" and by_words["Il"]["marker"] == "subject"
    assert by_words["Kim Jong Un"]["marker"] == "avec"
    treaty = next(r for r in record["roles"] if r["role"] == "treaty")
    assert treaty["step"] == "treaty" and treaty["marker"] is None and treaty["span"] is None


def test_the_two_countries_an_earlier_report_and_a_reaction(english):
    cooperation = explained(english, claim_of(english, "en.cooperation")["id"])
    assert {(r["entity"]["id"], r["step"], r["span"]["text"]) for r in cooperation["roles"]} == {
        ("Q423", "pair", "The two countries"), ("Q159", "pair", "The two countries")}
    records = [explained(english, c["id"]) for c in claims_of(english, "en.troops.deploy")]
    later = next(r for r in records if r["quantity"]["value"]["value"] == 12000)
    sent = {"rule": "en.troops.deploy", "trigger": next(r for r in records if r is not later)["trigger"]}
    assert sent["trigger"]["text"] == "sent"
    location = roles_of(later)[("location", "Q159")]
    assert location["step"] == "inherit" and location["from"] == sent
    assert later["date"]["step"] == "inherit" and later["date"]["span"]["text"] == "in January"
    cues = {a["claimant"]["id"]: a for a in later["attributions"]}
    assert (cues["Q884"]["span"]["text"], cues["Q884"]["step"]) == ("According to", "sentence")
    assert (cues["Q159"]["stance"], cues["Q159"]["cue"], cues["Q159"]["step"]) == ("denies", "denied", "answer")


def test_text_rendering_and_a_unique_prefix(build):
    claim = claim_of(build, "fr.troops.deploy")
    result = run("claims", "--graph", str(build), "--explain", claim["id"][:8])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["claim", claim["id"]]
    assert "fr.troops.deploy" in lines[1] and "«déployés»" in lines[2]
    assert any(line.strip().startswith("sender") and "marker demonym" in line for line in lines)
    assert any("Ukraine" in line and "preposition cue «Selon» [" in line for line in lines)


def test_every_claim_of_the_build_has_a_record(build):
    claims = [json.loads(line)["id"] for line in (build / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    records = [json.loads(line) for line in (build / "explain.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == claims
    for record in records:
        assert record["trigger"] is not None
        assert all(r["marker"] or r["step"] for r in record["roles"]), record["id"]


def test_an_unknown_claim_is_a_one_line_error(build):
    result = run("claims", "--graph", str(build), "--explain", "zz-no-such-claim")
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith("Error: ") and "zz-no-such-claim" in result.output


def test_an_ambiguous_prefix_asks_for_more(tmp_path):
    lines = [json.dumps({"id": claim_id, "type": "visit"}) for claim_id in ("ab12", "ab34")]
    (tmp_path / "explain.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UnknownClaim, match="give more"):
        explain(tmp_path, "ab")
    assert explain(tmp_path, "ab3")["id"] == "ab34"


def test_a_build_without_explanations_says_to_rebuild():
    result = run("claims", "--graph", str(BUILD), "--explain", "cbc26b7caf2fc735")
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "explain.jsonl" in result.output and "kg build" in result.output


def test_explain_prints_no_csv(build):
    result = run("claims", "--graph", str(build), "--explain", "x", "--format", "csv")
    assert result.exit_code == 2


def test_text_drops_terminal_escapes_json_keeps_them(tmp_path):
    record = {"id": "ab12", "type": "visit", "doc": "x", "rule": "fr.visit",
              "trigger": {"text": "visite\x1b[31m", "start": 0, "end": 11}, "sentence": None,
              "roles": [], "attributions": []}
    (tmp_path / "explain.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    text = run("claims", "--graph", str(tmp_path), "--explain", "ab").output
    assert "\x1b" not in text and "visite[31m" in text
    assert json.loads(run("claims", "--graph", str(tmp_path), "--explain", "ab", "--format", "json").output) == record
