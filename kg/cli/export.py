"""kg export"""
import click

from . import main
from .options import LazyChoice, graph_option


def _formats():
    from ..export import EXPORT_FORMATS  # RDF libraries: only loaded by the command that needs them

    return EXPORT_FORMATS


@main.command()
@graph_option
@click.option("--format", "fmt", type=LazyChoice(_formats), default="turtle",
              show_default=True, help="turtle, trig (one named graph per article), nt, jsonld "
              "(RDF in kg's ontology), graphml or gexf (entity graph for Gephi, yEd, Cytoscape).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=str),
              help="File to write (atomically); standard output if not given or '-'.")
@click.option("--force", is_flag=True, help="Overwrite a file inside the build folder.")
def export(graph_dir, fmt, output, force):
    """Export a build as RDF or as a graph file.

    \b
    Example:
      kg export --format trig -o graph.trig
      kg export --format gexf -o graph.gexf --graph output/
    """
    from ..export import build_export_text, check_target
    from ..store import write_text_atomic

    if output == "-":
        output = None
    if output and not force:
        check_target(graph_dir, output)
    text = build_export_text(graph_dir, fmt)
    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)
