"""HTML articles are read by default: trafilatura's main text, title, date and canonical
URL; the build keeps that text in documents.jsonl so that evidence offsets can be checked."""
import json

from click.testing import CliRunner

from kg.cli import main
from kg.sources import read_sources

PARAGRAPHS = [
    "Le ministre brésilien des Affaires étrangères s'est rendu lundi à Pékin, où il a rencontré "
    "son homologue chinois pour préparer un sommet des deux pays.",
    "Le Brésil et la Chine ont signé mardi à Pékin un accord de coopération énergétique d'une "
    "durée de dix ans, selon un communiqué du ministère chinois.",
    "La Chine a annoncé de nouvelles sanctions contre trois entreprises de défense américaines, "
    "a indiqué le ministère chinois du Commerce dans un communiqué publié mercredi.",
]
PAGE = """<!DOCTYPE html><html lang="fr"><head>
<title>Pékin et Brasília signent un accord | Le Quotidien</title>
<meta property="og:title" content="Pékin et Brasília signent un accord">
<meta property="article:published_time" content="2024-05-14T09:00:00+02:00">
<link rel="canonical" href="https://news.example.org/monde/pekin-brasilia">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li><li>Abonnez-vous à notre lettre</li></ul></nav>
<article><h1>Pékin et Brasília signent un accord</h1>
""" + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS) + """
</article>
<footer><p>Tous droits réservés. Mentions légales. Politique de confidentialité.</p></footer>
</body></html>"""


def test_an_html_page_gives_its_main_text_and_metadata(tmp_path):
    page = tmp_path / "pekin.html"
    page.write_text(PAGE, encoding="utf-8")
    [document], problems = read_sources([page])
    assert problems == []
    assert PARAGRAPHS[0] in document.body and PARAGRAPHS[2] in document.body
    assert "Abonnez-vous" not in document.body and "Mentions légales" not in document.body
    assert document.title == "Pékin et Brasília signent un accord"
    assert document.published == "2024-05-14"
    assert document.url == "https://news.example.org/monde/pekin-brasilia"
    assert document.lang == "fr"


def test_the_build_keeps_the_extracted_text_beside_the_claims(tmp_path):
    page = tmp_path / "pekin.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(page), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    [document] = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    body = document["body"]
    assert PARAGRAPHS[1] in body
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert claims, "the page yields claims"
    for claim in claims:
        for evidence in claim["evidence"]:
            assert body[evidence["start"]:evidence["end"]] == evidence["text"]
