"""kg runs with the collector's thresholds of kg.collector: every command, and build()."""
import gc

from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.collector import THRESHOLDS


def test_a_command_runs_with_kgs_collector_thresholds():
    seen = []

    @main.command("collector-probe")
    def probe():
        seen.append(gc.get_threshold())

    before = gc.get_threshold()
    try:
        result = CliRunner().invoke(main, ["collector-probe"])
    finally:
        main.commands.pop("collector-probe")
    assert result.exit_code == 0 and seen == [THRESHOLDS]
    assert gc.get_threshold() == before  # given back afterwards


def test_build_runs_with_kgs_collector_thresholds(tmp_path, monkeypatch):
    seen = []

    def analyse(*_args, **_kwargs):
        seen.append(gc.get_threshold())
        raise RuntimeError("stop here")

    monkeypatch.setattr("kg.build._analyse", analyse)
    before = gc.get_threshold()
    (tmp_path / "a.txt").write_text("La France a signé un traité avec l'Allemagne.", encoding="utf-8")
    try:
        build([tmp_path / "a.txt"], tmp_path / "out")
    except RuntimeError:
        pass
    assert seen == [THRESHOLDS] and gc.get_threshold() == before
