"""Options shared by the commands that read a build and print rows."""
import click

from ..output import FORMATS

graph_option = click.option(
    "--graph", "graph_dir", default="output", show_default=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Folder written by `kg build -o`.")


def format_option(choices=FORMATS, default="table"):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")
