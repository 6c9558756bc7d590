"""Articles not saved as UTF-8: cp1252 / Latin-1 read with a one-line warning naming the
guessed encoding; UTF-16 with a byte-order mark read as text, not called binary."""
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.sources import read_sources

FIXTURES = Path(__file__).parent / "fixtures"
LATIN1 = FIXTURES / "sources" / "encodings" / "latin1.txt"
TEXT = "Le ministre a déclaré à Genève qu'il était « prêt » à négocier l'été prochain."


def test_a_latin1_file_is_read_with_one_warning():
    [document], [problem] = read_sources([LATIN1])
    assert document.body == LATIN1.read_bytes().decode("cp1252")
    assert "é" in document.body
    assert not problem.skipped and problem.path == str(LATIN1)
    assert "read as cp1252" in problem.message and "\n" not in str(problem)


def test_cp1252_punctuation_is_decoded(tmp_path):
    path = tmp_path / "quotes.txt"
    path.write_bytes(("Le porte-parole a répondu : « Nous n’avons rien signé » — mardi à Genève.\n"
                      "Il a ajouté que l’accord serait présenté au Parlement.").encode("cp1252"))
    [document], [problem] = read_sources([path])
    assert "n’avons" in document.body and "—" in document.body and not problem.skipped


def test_utf16_with_a_bom_is_read_without_warning(tmp_path):
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{codec}.txt"
        data = TEXT.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        [document], problems = read_sources([path])
        assert (document.body, problems) == (TEXT, []), codec


def test_kg_build_warns_and_builds_a_latin1_article(tmp_path):
    article = FIXTURES / "articles" / "encodings" / "fr-latin1.txt"
    result = CliRunner().invoke(main, ["build", str(article), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"kg: {article}: not UTF-8: read as cp1252")
    assert (tmp_path / "out" / "documents.jsonl").read_text().count("\n") == 1
