"""Every command of ``kg`` is documented: its --help shows an example."""
import pytest
from click.testing import CliRunner

from kg.cli import COMMAND_MODULES, main


def test_every_command_module_registers_a_command():
    assert len(main.commands) >= len(COMMAND_MODULES)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_help_has_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`kg {name} --help` shows no example"
    assert f"kg {name}" in result.output.split("Example", 1)[1], f"`kg {name}` example does not run kg {name}"


def test_main_help_has_an_example_and_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "Example" in result.output
    for name in main.commands:
        assert name in result.output
