"""kg validate"""
import click

from . import main
from .options import graph_option


def echo_violations(violations) -> None:
    """One line per violation on standard output, and exit status 1 if there is any."""
    for line in violations:
        click.echo(line)
    if violations:
        click.echo(f"kg: {len(violations)} SHACL violation(s)", err=True)
        raise click.exceptions.Exit(1)


@main.command()
@graph_option
def validate(graph_dir):
    """Check a build's graph (graph.ttl) against the SHACL shapes (ontology/shapes.ttl).

    Prints one line per violation (the node, the property, what is wrong) and exits
    with status 1 if there is any; prints nothing and exits 0 if the graph conforms.

    \b
    Example:
      kg validate --graph output/
    """
    from ..validate import validate_build

    echo_violations(validate_build(graph_dir))
