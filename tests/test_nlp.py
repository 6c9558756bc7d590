"""kg.nlp: the English model is loaded only once its files match the profile's sha256."""
import dataclasses
import shutil
import warnings

import pytest

from kg.errors import KgError
from kg.nlp import KgWarning, build_pipeline, pipeline, verified_model_dir
from kg.profiles import profile


@pytest.fixture(scope="module")
def english():
    return profile("en")


def _with_pipeline(spec, **changes):
    return dataclasses.replace(spec, pipeline=dataclasses.replace(spec.pipeline, **changes))


def test_english_is_parsed_with_universal_labels():
    doc = pipeline("en")("Troops were deployed to Russia by Pyongyang.")
    labels = {t.text: (t.dep_, t.head.text) for t in doc}
    assert labels["Russia"] == ("obl", "deployed") and labels["to"] == ("case", "Russia")
    assert labels["Pyongyang"] == ("obl:agent", "deployed")
    assert labels["Troops"] == ("nsubj:pass", "deployed")
    assert "Pass" in doc[2].morph.get("Voice")


def test_a_coordinated_preposition_keeps_its_label_for_its_object():
    doc = pipeline("en")("He described the move as a threat and as a sign of weakness.")
    labels = {t.text: (t.dep_, t.head.text) for t in doc}
    assert labels["threat"] == ("obl", "described") and labels["sign"][0] == "conj"
    assert all(t.dep_ != "pobj" for t in doc)


def test_a_missing_package_falls_back_to_word_order(english):
    spec = _with_pipeline(english, package="kg_no_such_model")
    with pytest.warns(KgWarning, match="kg_no_such_model is not installed"):
        nlp = build_pipeline("en", spec)
    assert "parser" not in nlp.pipe_names and "kg_sentence_breaks" in nlp.pipe_names


def test_a_wrong_hash_falls_back_without_loading(english):
    sha256 = dict(english.pipeline.sha256, **{"parser/model": "0" * 64})
    with pytest.warns(KgWarning, match="parser/model differs from the sha256") as caught:
        nlp = build_pipeline("en", _with_pipeline(english, sha256=sha256))
    assert "parser" not in nlp.pipe_names
    assert len(caught) == 1 and "\n" not in str(caught[0].message)


def test_a_changed_byte_is_caught(english, tmp_path):
    """A copy of the model with one byte of a weight file changed does not verify."""
    source = verified_model_dir(english.pipeline, "en").parent
    copy = tmp_path / source.name
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__", "vocab", "ner", "tok2vec"))
    assert verified_model_dir(_only(english, "parser/model", "senter/model"), "en", root=copy)
    weights = copy / english.pipeline.data_dir / "senter" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 1
    weights.write_bytes(bytes(data))
    with pytest.raises(KgError, match="senter/model differs"):
        verified_model_dir(_only(english, "parser/model", "senter/model"), "en", root=copy)


def _only(spec, *names):
    return dataclasses.replace(spec.pipeline, sha256={n: spec.pipeline.sha256[n] for n in names})


def test_french_needs_no_hashes():
    with warnings.catch_warnings():
        warnings.simplefilter("error", KgWarning)
        assert "parser" in pipeline("fr").pipe_names


def test_kg_build_says_so_in_one_line(english, tmp_path, monkeypatch):
    """The CLI prints the fallback as one warning line on stderr, and still builds."""
    from click.testing import CliRunner

    import kg.extract.pipeline
    import kg.nlp
    from kg.cli import main

    article = tmp_path / "en-a.txt"
    article.write_text("North Korea has sent 3,000 troops to Russia, Seoul said.\n", encoding="utf-8")
    missing = _with_pipeline(english, package="kg_no_such_model")
    built = {}

    def without_model(lang):  # what pipeline("en") gives when the package is missing, built once
        if lang != "en":
            return pipeline(lang)
        if lang not in built:
            built[lang] = build_pipeline(lang, missing)
        return built[lang]

    for module in (kg.nlp, kg.extract.pipeline):
        monkeypatch.setattr(module, "pipeline", without_model)
    result = CliRunner().invoke(main, ["build", "--quiet", str(article), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: warning: the en model kg_no_such_model is not installed")
    assert (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8").count("troop_deployment") == 1


# Words of every kind: names, numbers, accents, elisions, hyphens, abbreviations,
# currencies, a URL, words no model has seen
_SENTENCES = {
    "en": ["On 3 March 2025 the U.S. State Department said Kyiv had received 1,200 HIMARS rockets.",
           "NATO's secretary-general, Mark Rutte, met Zbigniew Wójcik-Ølander in Brussels on Tuesday.",
           "Sanctions worth $4.5bn target 14 firms (see https://example.org/list) and Qxzvibrant Ltd."],
    "fr": ["Le 3 mars 2025, le Quai d'Orsay a affirmé que l'Ukraine avait reçu 1 200 obus de 155 mm.",
           "Selon l'AFP, environ 11.000 soldats nord-coréens ont été déployés près de Koursk.",
           "L'Union européenne a gelé 4,5 milliards d'euros d'avoirs de Zbrkxnov S.A., d'après Bruxelles."],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_model_reads_text_without_its_string_table_as_with_it(lang):
    """kg loads models without their string table (NOT_LOADED): every string a
    token gives back must be the one the whole model gives."""
    import spacy

    from kg.nlp import NOT_LOADED

    package = profile(lang).pipeline.package
    whole, lean = spacy.load(package), spacy.load(package, exclude=NOT_LOADED)
    assert len(lean.vocab.strings) < len(whole.vocab.strings) / 10  # the table is indeed left out

    def reading(nlp, text):
        doc = nlp(text)
        return ([(t.text, t.lemma_, t.norm_, t.lower_, t.shape_, t.prefix_, t.suffix_, t.pos_, t.tag_, t.dep_,
                  t.head.i, str(t.morph), t.ent_type_, t.ent_iob_, t.is_stop, t.is_sent_start, t.has_vector,
                  float(t.vector.sum())) for t in doc],
                [(e.start, e.end, e.label_) for e in doc.ents])

    for text in _SENTENCES[lang]:
        assert reading(lean, text) == reading(whole, text)
