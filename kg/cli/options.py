"""Options shared by the commands that read a build and print rows."""
import click

from ..output import FORMATS, render_rows

graph_option = click.option(
    "--graph", "graph_dir", default="output", show_default=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Folder written by `kg build -o`.")

_FORMULAS = "kg.csv_formulas"


class ClaimTypeChoice(click.Choice):
    """The declared claim types, read when a command runs, not when kg.cli is imported:
    a broken ontology/claim_types.yaml is then the one-line error of every data file,
    not a traceback before any command starts."""

    def __init__(self):
        super().__init__(())

    @property
    def choices(self):
        from ..claim_types import names

        return names()

    @choices.setter
    def choices(self, _value):
        pass


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


def echo_rows(rows, fmt, columns=None):
    """Print ``rows`` in ``fmt`` (kg.output.render_rows) to standard output."""
    formulas = click.get_current_context().meta.get(_FORMULAS, False)
    click.echo(render_rows(rows, fmt, columns, formulas=formulas), nl=False)
