"""kg export"""
import click

from ..export import EXPORT_FORMATS
from . import main
from .options import graph_option


@main.command()
@graph_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle",
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
    from ..export import check_target, export_text, write_export
    from ..store import load_corpus

    if output == "-":
        output = None
    if output and not force:
        check_target(graph_dir, output)
    corpus = load_corpus(graph_dir)
    if output:
        write_export(corpus, fmt, output)
    else:
        click.echo(export_text(corpus, fmt), nl=False)
