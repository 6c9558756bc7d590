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
    elif _open_in_browser(page.as_uri()):
        click.echo(f"opened {page}")
    else:
        click.echo(f"kg: no browser could be started, nothing opened; the viewer is {page}", err=True)
        raise SystemExit(1)


def _open_in_browser(uri: str) -> bool:
    """Did a browser take the page? (``click.launch`` says yes whenever xdg-open exists.)"""
    import webbrowser

    try:
        return webbrowser.open(uri)
    except webbrowser.Error:
        return False
