"""Options shared by the commands that read a build and print rows."""
import click

from ..output import FORMATS, render_rows

graph_option = click.option(
    "--graph", "graph_dir", default="output", show_default=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Folder written by `kg build -o`.")

_FORMULAS = "kg.csv_formulas"


class LazyChoice(click.Choice):
    """Choices read when a command runs, not when kg.cli is imported (``load()`` gives them)."""

    def __init__(self, load):
        self._load = load
        super().__init__(())

    @property
    def choices(self):
        return self._load()

    @choices.setter
    def choices(self, _value):
        pass


class ClaimTypeChoice(LazyChoice):
    """The declared claim types: a broken ontology/claim_types.yaml is then the one-line
    error of every data file, not a traceback before any command starts."""

    def __init__(self):
        def names():
            from ..claim_types import names

            return names()
        super().__init__(names)


def _remember_formulas(ctx, _param, value):
    ctx.meta[_FORMULAS] = value


def format_option(choices=FORMATS, default="table"):
    """``--format`` and, for csv, ``--csv-formulas`` (read by echo_rows)."""
    def decorate(command):
        command = click.option(
            "--csv-formulas", is_flag=True, expose_value=False, callback=_remember_formulas,
            help="Write CSV cells that start with = + - @ as they are (by default they get a "
            "leading ' so that a spreadsheet does not run them).")(command)
        return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                            show_default=True, help="Output format.")(command)
    return decorate


def terminal_width() -> int | None:
    """The width a table must fit: $COLUMNS when set, else the terminal's; None when
    standard output is a file or a pipe (the table keeps its full width there)."""
    import os
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if sys.stdout.isatty():
            return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        pass
    return None


def echo_rows(rows, fmt, columns=None):
    """Print ``rows`` in ``fmt`` (kg.output.render_rows) to standard output; a table
    fits the terminal's width."""
    formulas = click.get_current_context().meta.get(_FORMULAS, False)
    width = terminal_width() if fmt == "table" else None
    click.echo(render_rows(rows, fmt, columns, formulas=formulas, width=width), nl=False)
