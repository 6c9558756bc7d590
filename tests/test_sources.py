"""kg.sources: articles from files, with their front matter, language and date."""
import os
import sys
import types
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.sources import NoArticles, Problem, read_sources, require_articles

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def read_one(name):
    documents, problems = read_sources([FIXTURES / name])
    assert not problems, problems
    [document] = documents
    return document


def problem_for(name):
    documents, problems = read_sources([FIXTURES / name])
    assert documents == []
    [problem] = problems
    assert problem.path.endswith(name)
    assert str(problem).startswith(problem.path + ": ")
    assert "\n" not in str(problem)
    return problem.message


def test_front_matter_gives_metadata_and_body_keeps_exact_text():
    document = read_one("good/fr-front.txt")
    raw = (FIXTURES / "good/fr-front.txt").read_text(encoding="utf-8")
    assert (document.id, document.lang, document.published) == ("fr-front", "fr", "2023-03-14")
    assert document.title == "Un accord signé à Minsk"
    assert document.url == "https://example.org/minsk"
    assert raw.endswith(document.body)
    assert document.body.startswith("Le ministre bélarusse")
    start = document.body.index("Minsk")
    assert document.body[start:start + 5] == "Minsk"


@pytest.mark.parametrize("name, lang, published", [
    ("good/en-dateline.md", "en", "2024-09-15"),      # NIAMEY, Sept. 15, 2024 (Reuters) -
    ("good/fr-seoul.txt", "fr", "2024-10-18"),         # SÉOUL, 18 octobre 2024 —
    ("good/fr-numeric.txt", "fr", "2024-11-12"),       # 12/11/2024 mis à jour: 12:00
    ("good/nested/en-plain.txt", "en", "2024-09-16"),  # September 16, 2024
])
def test_dateline_and_language_without_front_matter(name, lang, published):
    document = read_one(name)
    assert (document.lang, document.published, document.title) == (lang, published, None)
    assert document.body == (FIXTURES / name).read_text(encoding="utf-8")


def test_folders_are_read_recursively_in_path_order():
    documents, problems = read_sources([FIXTURES / "good"])
    assert problems == []
    assert [d.id for d in documents] == ["en-dateline", "fr-front", "fr-numeric", "fr-seoul", "en-plain"]
    assert documents == sorted(documents, key=lambda d: d.path)


@pytest.mark.parametrize("name, reason", [
    ("bad/empty.txt", "empty file"),
    ("bad/blank.md", "empty file"),
    ("bad/binary.txt", "binary"),
    ("bad/bad-yaml.txt", "not valid YAML"),
    ("bad/list-front.txt", "must be a mapping"),
    ("bad/unclosed.txt", "not closed"),
    ("bad/impossible-date.txt", "'2024-02-30' is not a real date"),
    ("bad/german.txt", "unsupported language 'de'"),
    ("bad/declared-spanish.txt", "unsupported language 'es'"),
])
def test_each_bad_article_is_one_problem_naming_the_file(name, reason):
    assert reason in problem_for(name)


def test_bad_articles_do_not_stop_good_ones():
    documents, problems = read_sources([FIXTURES / "bad", FIXTURES / "good" / "fr-seoul.txt"])
    assert [d.id for d in documents] == ["fr-seoul"]
    assert len(problems) == 9
    assert [p.path for p in problems] == sorted(p.path for p in problems)


def test_duplicate_ids_are_reported_once_and_the_first_is_kept():
    documents, problems = read_sources([FIXTURES / "dup"])
    assert [d.body for d in documents] == ["The first article with this name.\n"]
    [problem] = problems
    assert problem.path.endswith("b/same.txt") and "duplicate article id 'same'" in problem.message


def test_missing_path_is_a_problem_the_caller_turns_into_an_error(tmp_path):
    missing = tmp_path / "nowhere.txt"
    documents, problems = read_sources([missing, FIXTURES / "good" / "fr-seoul.txt"])
    assert problems == [Problem(str(missing), "no such file or directory")]
    with pytest.raises(InputError, match="nowhere.txt: no such file"):
        require_articles(documents, problems)


def test_no_readable_article_at_all_is_an_error():
    documents, problems = read_sources([FIXTURES / "bad" / "empty.txt"])
    with pytest.raises(NoArticles, match="no readable article"):
        require_articles(documents, problems)
    documents, problems = read_sources([FIXTURES / "good"])
    assert require_articles(documents, problems) == documents


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Un texte.", encoding="utf-8")
    locked.chmod(0)
    try:
        documents, [problem] = read_sources([locked])
    finally:
        locked.chmod(0o600)
    assert documents == [] and "cannot read" in problem.message


def test_html_without_trafilatura_is_a_clear_problem(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails
    assert "trafilatura" in problem_for("html/page.html")


def test_html_goes_through_the_extractor(monkeypatch):
    fake = types.SimpleNamespace(
        extract=lambda html, **options: "Le président a signé l'accord mardi.",
        extract_metadata=lambda html: types.SimpleNamespace(title="Accord", date="2024-05-02", url=None))
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    document = read_one("html/page.html")
    assert (document.body, document.title, document.published, document.lang) == (
        "Le président a signé l'accord mardi.", "Accord", "2024-05-02", "fr")


def test_reading_articles_does_not_load_the_rules():
    """kg.sources is the first stage: it may use kg.dates and kg.text, never kg.extract."""
    import subprocess
    import sys

    script = ("import sys, kg.sources; kg.sources.opening_date('PARIS, 5 mai 2024 - x', 'fr'); "
              "print(sorted(m for m in sys.modules if m.startswith('kg.extract')))")
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert process.stdout.strip() == "[]"


@pytest.mark.parametrize("written, published", [
    ("2024-06-19T08:30:00Z", "2024-06-19"),
    ("2024-06-19T23:30:00-05:00", "2024-06-19"),     # the day written, no time zone shift
    ("2024-06-19 08:30", "2024-06-19"),
    ("Wed, 19 Jun 2024 08:30:00 GMT", "2024-06-19"),
    ("19 Jun 2024 08:30:00 +0200", "2024-06-19"),
    ("'2024-06'", "2024-06"),
])
def test_front_matter_timestamps_and_mail_dates_are_read(tmp_path, written, published):
    path = tmp_path / "dated.txt"
    path.write_text(f"---\npublished: {written}\nlang: fr\n---\nLe ministre a parlé.\n", encoding="utf-8")
    documents, problems = read_sources([path])
    assert problems == []
    assert documents[0].published == published


@pytest.mark.parametrize("written", ["Wed, 31 Feb 2024 08:30:00 GMT", "2024-13-01T00:00:00Z", "hier"])
def test_a_front_matter_date_that_is_no_date_is_still_a_problem(tmp_path, written):
    path = tmp_path / "dated.txt"
    path.write_text(f"---\npublished: {written}\nlang: fr\n---\nLe ministre a parlé.\n", encoding="utf-8")
    documents, [problem] = read_sources([path])
    assert documents == [] and "is not a real date" in problem.message
