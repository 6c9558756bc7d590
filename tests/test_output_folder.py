"""A build replaces its output folder as one set: a failure or a kill at any
write leaves the previous build whole, two builds cannot write one folder at
once, and problems with the folder are found before the analysis."""
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import output_folder
from kg.cli import main
from kg.output_folder import OutputFolder

ONE = Path(__file__).parent / "fixtures" / "articles" / "good"


def build(out, *paths):
    return CliRunner().invoke(main, ["build", "--quiet", *(map(str, paths or (ONE,))), "-o", str(out)])


def snapshot(folder: Path) -> dict:
    """Every file of the folder, those of graph.oxigraph/ included, by path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


#: what a build leaves in the folder's parent: the lock, the store of kg.article_store, its record
#: (kg.build_record), the pieces of kg.output_cache, the folder
BESIDE = [".out.kg-build.json", ".out.kg-lock", ".out.kg-outputs.sqlite", ".out.kg-store.sqlite", "out"]


def previous_build(first_build: Path, tmp_path: Path) -> Path:
    """A copy of ``first_build`` as ``tmp_path/out``: the build a new one replaces."""
    out = tmp_path / "out"
    out.mkdir()
    for name, data in snapshot(first_build).items():
        (out / name).parent.mkdir(exist_ok=True)
        (out / name).write_bytes(data)
    return out


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("first") / "out"
    result = build(out)
    assert result.exit_code == 0, result.output
    return out


def test_a_build_leaves_nothing_beside_its_folder_but_the_lock_the_store_and_its_record(first_build):
    names = sorted(p.name for p in first_build.parent.iterdir())
    assert names == BESIDE


@pytest.mark.parametrize("failing", ["save_corpus", "write_turtle", "write_graphml", "write_viewer"])
def test_a_write_that_fails_leaves_the_previous_build_whole(first_build, tmp_path, monkeypatch, failing):
    out = previous_build(first_build, tmp_path)
    before = snapshot(out)
    modules = {"save_corpus": "kg.store", "write_turtle": "kg.rdf", "write_graphml": "kg.graph",
               "write_viewer": "kg.viewer"}

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(f"{modules[failing]}.{failing}", disk_full)
    result = build(out)
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "untouched" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [n for n in BESIDE if n != ".out.kg-build.json"]  # no record of a build that failed


KILLER = textwrap.dedent("""
    import os, signal, sys
    import kg.{module} as module
    from kg.cli import main
    real = module.{function}
    def write_then_die(*args, **kwargs):
        real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    module.{function} = write_then_die
    sys.argv = ["kg", "build", "--quiet", sys.argv[1], "-o", sys.argv[2]]
    main()
""")


@pytest.mark.parametrize("module,function", [("store", "save_corpus"), ("rdf", "write_turtle"),
                                             ("viewer", "write_viewer")])
def test_kill_9_during_the_writes_leaves_the_previous_build(first_build, tmp_path, module, function):
    out = previous_build(first_build, tmp_path)
    before = snapshot(out)
    script = KILLER.format(module=module, function=function)
    done = subprocess.run([sys.executable, "-c", script, str(ONE), str(out)], capture_output=True, timeout=300)
    assert done.returncode == -signal.SIGKILL
    assert snapshot(out) == before
    again = build(out)  # the next build sweeps what the killed one left
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in tmp_path.iterdir()) == BESIDE


def test_a_second_build_of_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    with OutputFolder(out):
        result = build(out)
    assert result.exit_code == 1
    assert "another kg build is writing" in result.output
    assert not out.exists()


def test_folder_problems_are_found_before_the_analysis(tmp_path, monkeypatch):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    analysed = []
    monkeypatch.setattr("kg.build._analyse", lambda *a: analysed.append(a))
    under_a_file = build(a_file / "out")
    assert under_a_file.exit_code == 1 and "is a file" in under_a_file.output
    monkeypatch.setattr(output_folder, "MIN_FREE_BYTES", 1 << 62)
    full = build(tmp_path / "out")
    assert full.exit_code == 1 and "free" in full.output
    assert analysed == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_a_read_only_parent_is_one_line(tmp_path):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        result = build(parent / "out")
    finally:
        parent.chmod(0o755)
    assert result.exit_code == 1 and "permission" in result.output


def test_a_folder_holding_the_users_files_is_not_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = build(out)
    assert result.exit_code == 1 and "notes.txt" in result.output
    assert (out / "notes.txt").read_text() == "mine"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a /proc file system")
def test_a_folder_the_system_refuses_files_in_is_one_line():
    result = build(Path("/proc/kg-out"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: /proc/kg-out: cannot write the build there")
    assert len(result.output.strip().splitlines()) == 1


def test_a_refusal_of_the_system_in_any_command_is_one_line(first_build, monkeypatch):
    def unreadable(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", "out/index.sqlite")

    monkeypatch.setattr("kg.index.read_claims", unreadable)
    result = CliRunner().invoke(main, ["claims", "--graph", str(first_build)])
    assert result.exit_code == 1
    assert result.output == "Error: out/index.sqlite: Permission denied\n"
