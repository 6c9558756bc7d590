"""One bad file never takes a build down: long articles, hostile front matter,
special files and odd names, invisible characters, names in other scripts.

Every article here is written for the test; each case builds it beside a good
article (tests/fixtures/articles/good) and checks that the good one still gives
its claims.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.sources import read_sources
from output_readers import read_every_output, read_jsonl

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good" / "en-sanctions.txt"
REPO = Path(__file__).parent.parent

EN_PARAGRAPHS = [
    "According to Kyiv, some 3,000 North Korean soldiers were sent to Russia in March 2024.",
    "Iran delivered drones to Russia, Washington said on Tuesday.",
    "The talks in Geneva ended without a statement.",
]


def build(tmp_path, *paths, options=()):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--quiet", *options, *map(str, paths), "-o", str(out)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result, out


def article(folder: Path, name: str, body: str, front: str = "lang: en\npublished: 2024-05-02\n") -> Path:
    path = folder / name
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def assert_evidence_exact(out: Path, sources: dict[str, str]) -> None:
    """Every claim's evidence, and every span its explanation points at (trigger,
    roles, date, count), is the body's characters at its offsets."""
    for claim in read_jsonl(out / "claims.jsonl"):
        for evidence in claim["evidence"]:
            body = sources[evidence["doc"]]
            assert body[evidence["start"]:evidence["end"]] == evidence["text"]
    explained = 0
    for record in read_jsonl(out / "explain.jsonl"):
        body = sources[record["doc"]]
        parts = [record["trigger"]] + [r.get("span") for r in record["roles"]] + \
            [record.get(f, {}).get("span") for f in ("date", "quantity")]
        for span in filter(None, parts):
            assert body[span["start"]:span["end"]] == span["text"]
            explained += 1
    assert explained


# --- long articles -------------------------------------------------------------------------

def test_an_article_longer_than_the_parser_accepts_builds_in_sections(tmp_path, monkeypatch):
    """Past spaCy's max_length (made small here, as a million characters would be slow)
    the whole build stopped on E088; read in sections, every part gives its claims."""
    from kg.nlp import pipeline
    from kg.sources import read_article

    monkeypatch.setattr(pipeline("en"), "max_length", 3_000)
    try:
        from kg.extract import sections
        monkeypatch.setattr(sections, "SECTION_CHARS", 2_000)
    except ImportError:
        pass  # a kg without sections: the build stops on spaCy's E088
    folder = tmp_path / "in"
    folder.mkdir()
    paragraphs = [p.replace("3,000", f"{n + 1},000") for n in range(60) for p in EN_PARAGRAPHS]
    long_path = article(folder, "long.md", "\n\n".join(paragraphs) + "\n")
    result, out = build(tmp_path, folder, GOOD)
    assert result.exit_code == 0, result.output
    claims = read_jsonl(out / "claims.jsonl")
    long_claims = [c for c in claims if c["doc"] == "long"]
    assert {c["doc"] for c in claims} == {"long", "en-sanctions"}
    # one deployment per count, from the first section to the last
    counts = {c["quantity"]["value"] for c in long_claims if c["type"] == "troop_deployment"}
    assert counts == {(n + 1) * 1000 for n in range(60)}
    body = read_article(long_path).body
    assert max(c["evidence"][0]["start"] for c in long_claims) > len(body) - 300
    assert_evidence_exact(out, {"long": body, "en-sanctions": read_article(GOOD).body})


def test_sections_end_at_paragraphs_and_cover_the_body():
    from kg.extract.sections import sections

    body = "\n\n".join(f"Paragraph {n} ends here." for n in range(400))
    spans = sections(body, 1_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(body)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < end - start <= 1_000 for start, end in spans)
    assert all(body[start:].startswith("Paragraph") for start, _ in spans)
    assert sections("x" * 2_500, 1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


def test_an_article_over_the_size_limit_is_skipped_in_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    article(folder, "big.md", "The talks ended. " * 100_000)
    result, out = build(tmp_path, folder, GOOD, options=("--max-article-size", "1"))
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if "big.md" in line] == \
        [line for line in result.output.splitlines() if "larger than 1,000,000 bytes" in line]
    assert {c["doc"] for c in read_jsonl(out / "claims.jsonl")} == {"en-sanctions"}


# --- front matter --------------------------------------------------------------------------

def _bomb(key: str) -> str:
    """Six levels of nine aliases: a few hundred bytes standing for 531,441 strings."""
    lines = ['a0: &a0 ["xxxxxx","xxxxxx","xxxxxx","xxxxxx","xxxxxx","xxxxxx","xxxxxx","xxxxxx","xxxxxx"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 6)]
    return "\n".join(lines) + f"\n{key}: *a5\nlang: en\n"


@pytest.mark.parametrize("key", ["title", "published", "url"])
def test_an_alias_bomb_in_front_matter_is_refused_before_expanding(tmp_path, key):
    folder = tmp_path / "in"
    folder.mkdir()
    article(folder, "bomb.md", EN_PARAGRAPHS[0] + "\n", front=_bomb(key))
    documents, problems = read_sources([folder, GOOD])
    assert [d.id for d in documents] == ["en-sanctions"]
    assert len(problems) == 1 and "aliases" in problems[0].message


@pytest.mark.parametrize("front, words", [
    ("title: " + "[" * 500 + "]" * 500 + "\n", "nested"),
    ("title:\n" + "".join("  " * n + "- \n" for n in range(1, 400)), "nested"),
    ("title: [one, two]\n", "title must be a single value"),
    ("url: {a: b}\n", "url must be a single value"),
    ("title: " + "x" * 5_000 + "\n", "longer than"),
])
def test_front_matter_values_are_bounded_scalars(tmp_path, front, words):
    folder = tmp_path / "in"
    folder.mkdir()
    article(folder, "odd.md", EN_PARAGRAPHS[0] + "\n", front=front + "lang: en\n")
    result, out = build(tmp_path, folder, GOOD)
    assert result.exit_code == 0
    skipped = [line for line in result.output.splitlines() if "odd.md" in line]
    assert len(skipped) == 1 and words in skipped[0]
    assert {c["doc"] for c in read_jsonl(out / "claims.jsonl")} == {"en-sanctions"}


def test_other_tools_lists_in_front_matter_are_still_accepted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    article(folder, "tagged.md", EN_PARAGRAPHS[1] + "\n", front="tags: [war, drones]\ntitle: Drones\nlang: en\n")
    documents, problems = read_sources([folder])
    assert [d.title for d in documents] == ["Drones"] and not problems


# --- special files and names ---------------------------------------------------------------

_READ_SOURCES = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from kg.sources import read_sources
documents, problems = read_sources(sys.argv[1:])
print([d.id for d in documents]); print(*problems, sep="\\n")
"""


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_only_regular_files_are_read(tmp_path, kind):
    """A FIFO blocked forever and /dev/zero was read until memory ran out (here:
    a child process with 1 GB of memory, given 60 seconds)."""
    special = tmp_path / "pipe.txt"
    if kind == "fifo":
        os.mkfifo(special)
    else:
        special = Path("/dev/zero")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _READ_SOURCES, str(special), str(GOOD)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    ids, message = done.stdout.splitlines()
    assert ids == "['en-sanctions']"
    assert message.startswith(str(special)) and "regular files only" in message


def test_a_fifo_in_a_folder_is_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")
    documents, problems = read_sources([folder])
    assert not documents and "FIFO" in problems[0].message


def test_a_link_out_of_the_folder_is_followed_and_said(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "linked.txt").symlink_to(GOOD)
    (folder / "sub").symlink_to(GOOD.parent, target_is_directory=True)
    documents, problems = read_sources([folder])
    assert [d.id for d in documents] == ["linked"]
    said = {Path(p.path).name: p for p in problems}
    assert not said["linked.txt"].skipped and "link followed to" in said["linked.txt"].message
    assert said["sub"].skipped and "not followed" in said["sub"].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_reported(tmp_path):
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    article(locked, "hidden.md", EN_PARAGRAPHS[1] + "\n")
    locked.chmod(0)
    try:
        _documents, problems = read_sources([tmp_path / "in"])
    finally:
        locked.chmod(0o755)
    assert "cannot read folder" in problems[0].message


def test_a_file_name_that_is_not_utf8_builds_and_prints(tmp_path):
    """A byte of the name that is not UTF-8 broke printing and JSON after the whole
    analysis; it is shown as \\xNN (a real process: the terminal's encoding matters)."""
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"drones-\xe9t\xe9.md")
    article(folder, name, EN_PARAGRAPHS[1] + "\n")
    (folder / os.fsdecode(b"empty-\xff.md")).write_text("")
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "-o", str(tmp_path / "out")],
                          env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "empty-\\xff.md: empty file" in done.stderr
    documents = read_jsonl(tmp_path / "out" / "documents.jsonl")
    assert [d["id"] for d in documents] == ["drones-\\xe9t\\xe9"]
    assert [c["doc"] for c in read_jsonl(tmp_path / "out" / "claims.jsonl")] == ["drones-\\xe9t\\xe9"]


# --- characters ----------------------------------------------------------------------------

INVISIBLE = ["\u200b", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
             "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad"]
CONTROLS = ["\u2028", "\u2029", "\u0085", "\x01", "\x1b"]


def _sprinkled(text: str) -> str:
    """The text with an invisible character inside most words, in turn."""
    words = text.split(" ")
    return " ".join(w[:2] + INVISIBLE[n % len(INVISIBLE)] + w[2:] if len(w) > 3 else w
                    for n, w in enumerate(words))


def test_invisible_characters_cost_no_claim_and_every_output_reads_back(tmp_path):
    from kg.sources import read_article

    plain_folder, odd_folder = tmp_path / "plain", tmp_path / "odd"
    plain_folder.mkdir()
    odd_folder.mkdir()
    plain = "\n\n".join(EN_PARAGRAPHS) + "\n"
    odd = "\n\n".join(_sprinkled(p) for p in EN_PARAGRAPHS) + "\n" + "".join(CONTROLS) + " end\x01.\n"
    article(plain_folder, "chars.md", plain)
    odd_path = article(odd_folder, "chars.md", odd)
    _result, plain_out = build(tmp_path / "a", plain_folder)
    result, out = build(tmp_path / "b", odd_folder, GOOD)
    assert result.exit_code == 0, result.output
    claims = read_jsonl(out / "claims.jsonl")
    expected = sorted((c["type"], c["rule"]) for c in read_jsonl(plain_out / "claims.jsonl"))
    assert len(expected) >= 2
    assert sorted((c["type"], c["rule"]) for c in claims if c["doc"] == "chars") == expected
    assert_evidence_exact(out, {"chars": read_article(odd_path).body, "en-sanctions": read_article(GOOD).body})
    read = read_every_output(out)
    assert len(read["turtle"]) > 0 and read["oxigraph"] and read["graphml"].number_of_nodes() > 0


# --- names in other scripts ----------------------------------------------------------------

def test_people_named_in_other_scripts_stay_apart(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    article(folder, "names.md", "Le ministre Сергей Лавров a rencontré le président Александр Лукашенко "
                                "à Minsk. Le diplomate 王毅 a reçu عباس عراقجي à Pékin.\n",
            front="lang: fr\npublished: 2024-05-02\n")
    result, out = build(tmp_path, folder)
    assert result.exit_code == 0
    people = {e["label"]: e["id"] for e in read_jsonl(out / "entities.jsonl") if e["class"] == "Person"}
    assert len(people) >= 2
    assert len(set(people.values())) == len(people)
    assert all(i != "person-" and len(i) > len("person-") for i in people.values())


def test_control_characters_in_front_matter_reach_every_output_intact(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = "t\x01i\u2028t\x1bl\x85e\u202e"
    article(folder, "odd.md", EN_PARAGRAPHS[1] + "\n",
            front='title: "t\\x01i\\u2028t\\x1bl\\x85e\\u202e"\nurl: "https://example.org/\\x01"\nlang: en\n')
    result, out = build(tmp_path, folder)
    assert result.exit_code == 0
    read = read_every_output(out)
    assert [d["title"] for d in read["documents"]] == [odd]
    assert any(str(o) == odd for _s, _p, o in read["turtle"])
