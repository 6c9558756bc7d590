import shutil
from pathlib import Path

import webbrowser
from click.testing import CliRunner

from kg.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "viewer"


def copy_build(tmp_path):
    build = tmp_path / "build"
    shutil.copytree(FIXTURE, build)
    return build


def test_no_open_writes_the_page_and_prints_its_path(tmp_path):
    build = copy_build(tmp_path)
    result = CliRunner().invoke(main, ["view", "--graph", str(build), "--no-open"])
    assert result.exit_code == 0, result.output
    page = Path(result.output.strip())
    assert page == (build / "graph.html").resolve()
    assert "new vis.Network" in page.read_text(encoding="utf-8")


def test_view_opens_the_page_in_a_browser(tmp_path, monkeypatch):
    build = copy_build(tmp_path)
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, **kw: opened.append(url) or True)
    result = CliRunner().invoke(main, ["view", "--graph", str(build)])
    assert result.exit_code == 0, result.output
    assert opened == [(build / "graph.html").resolve().as_uri()]
    assert "opened" in result.output


def test_view_says_so_when_no_browser_starts(tmp_path, monkeypatch):
    build = copy_build(tmp_path)
    monkeypatch.setattr(webbrowser, "open", lambda url, **kw: False)
    result = CliRunner().invoke(main, ["view", "--graph", str(build)])
    assert result.exit_code == 1
    assert "nothing opened" in result.output and "graph.html" in result.output
    assert "opened /" not in result.output


def test_view_says_so_when_no_browser_is_known(tmp_path, monkeypatch):
    build = copy_build(tmp_path)

    def no_browser(url, **kw):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "open", no_browser)
    result = CliRunner().invoke(main, ["view", "--graph", str(build)])
    assert result.exit_code == 1 and "nothing opened" in result.output


def test_view_without_a_build_is_one_line_and_status_1(tmp_path):
    result = CliRunner().invoke(main, ["view", "--graph", str(tmp_path), "--no-open"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "kg build" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_view_help_has_an_example():
    result = CliRunner().invoke(main, ["view", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "kg view" in result.output
