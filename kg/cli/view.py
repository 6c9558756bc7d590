"""kg view"""
from pathlib import Path

import click

from . import main
from .options import graph_option


@main.command()
@graph_option
@click.option("--no-open", is_flag=True, help="Only print the page's path; do not start a browser.")
def view(graph_dir, no_open):
    """Open the interactive graph viewer of a build in the default browser.

    The page (graph.html in the build folder) is written first if it is
    missing or older than the build. It works offline, from the file system.

    \b
    Example:
      kg view --graph output/
      kg view --no-open
    """
    from ..viewer import ensure_viewer

    page = ensure_viewer(Path(graph_dir)).resolve()
    if no_open:
        click.echo(str(page))
    elif click.launch(page.as_uri()) == 0:
        click.echo(f"opened {page}")
    else:
        click.echo(f"kg: could not start a browser; open {page} yourself", err=True)
