"""A kg command runs with the collector's thresholds kg sets (kg.cli.COLLECTOR_THRESHOLDS)."""
import gc

from click.testing import CliRunner

from kg.cli import COLLECTOR_THRESHOLDS, main


def test_a_command_runs_with_kgs_collector_thresholds(tmp_path):
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        result = CliRunner().invoke(main, ["claims", "--graph", str(tmp_path)])
        assert result.exit_code == 1 and "no build here" in result.output  # an empty folder, but it ran
        assert gc.get_threshold() == COLLECTOR_THRESHOLDS
    finally:
        gc.set_threshold(*before)
