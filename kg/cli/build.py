"""kg build"""
from pathlib import Path

import click

from . import main


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", "out_dir", default="output", show_default=True,
              type=click.Path(file_okay=False, path_type=str), help="Folder to write the build into.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--validate", "check", is_flag=True,
              help="Then check graph.ttl against ontology/shapes.ttl, as `kg validate` does "
              "(exit status 1 on a violation).")
@click.option("--text-field", metavar="NAME",
              help="The field of JSONL / CSV records that holds the article text (default: text, else body).")
@click.option("--field", "fields", multiple=True, metavar="KEY=NAME",
              help="The record field for KEY (title, published, lang, url, id); repeatable.")
def build(paths, out_dir, quiet, check, text_field, fields):
    """Build the claim graph of articles (files or folders of .txt / .md /
    .html, or .jsonl / .csv files of one article per record).

    Writes claims.jsonl, entities.jsonl, documents.jsonl, graph.ttl (RDF),
    graph.graphml (NetworkX) and graph.html (the viewer) into the output
    folder. A file that cannot be read is reported on one line and skipped;
    an invalid file under ontology/ (or $KG_ONTOLOGY_DIR) stops the build
    before it reads any article.

    \b
    Example:
      kg build sources/ -o output/
      kg build sources/ -o output/ --validate
      kg build articles.jsonl --text-field content --field published=date
    """
    from functools import partial

    from ..build import build as run_build
    from ..records import Fields, ReadOptions

    options = ReadOptions(fields=Fields.parse(fields, text=text_field))

    progress = None
    if not quiet:
        from tqdm import tqdm
        progress = partial(tqdm, desc="articles", unit="article", disable=None, leave=False)
    report = run_build(paths, out_dir, progress=progress,
                       on_problem=lambda p: click.echo(f"kg: skipped {p}", err=True), options=options)
    if not quiet:
        corpus = report.corpus
        click.echo(f"{len(corpus.documents)} articles, {len(corpus.entities)} entities, "
                   f"{len(corpus.claims)} claims -> {Path(out_dir)}/ (graph.ttl, graph.html, graph.graphml)")
    if report.missing:
        raise click.ClickException("not found: " + ", ".join(report.missing))
    if check:
        from ..validate import validate_build
        from .validate import echo_violations

        echo_violations(validate_build(out_dir))
